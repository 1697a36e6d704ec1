/**
 * rehype plugin: gives every section heading of an essay a stable id (GitHub-style slug, the same
 * Astro would give) and an empty self-link whose visible "#" is drawn by CSS, so a reader can link
 * to a section without the heading's text changing. Each heading is listed in the essay record
 * (src/markdown/essay-record.ts), for the table of contents.
 */
import GithubSlugger from "github-slugger";
import type { Element, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";
import { ESSAY_CLASSES, recordFor, type RecordedHeading } from "./essay-record.ts";

/** Options for the section anchors. */
export interface SectionAnchorOptions {
  /** Heading levels that get anchors. */
  levels?: number[];
  /** Whether to list the headings in the essay record (default true). */
  record?: boolean;
}

/** The rehype plugin. */
export default function rehypeSectionAnchors(options: SectionAnchorOptions = {}) {
  const levels = new Set((options.levels ?? [2, 3, 4]).map((l) => `h${l}`));
  const record = options.record ?? true;
  return (tree: Root, file?: VFile) => {
    const slugger = new GithubSlugger();
    const headings: RecordedHeading[] = [];
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        // GFM's footnotes section and its (screen-reader) heading are not a section of the essay.
        if (node.type !== "element" || node.properties.dataFootnotes !== undefined) continue;
        if (levels.has(node.tagName)) headings.push(anchor(node, slugger));
        else visit(node.children);
      }
    };
    visit(tree.children);
    if (record && file) recordFor(file).headings = headings;
  };
}

function anchor(heading: Element, slugger: GithubSlugger): RecordedHeading {
  const text = toText(heading).trim();
  const id = typeof heading.properties.id === "string" ? heading.properties.id : slugger.slug(text);
  heading.properties.id = id;
  const link: Element = {
    type: "element",
    tagName: "a",
    properties: {
      href: `#${id}`,
      className: [ESSAY_CLASSES.sectionAnchor],
      ariaLabel: `Link to section: ${text}`,
      dataPagefindIgnore: "",
    },
    children: [],
  };
  heading.children.push(link);
  return { depth: Number(heading.tagName.slice(1)), id, text };
}
