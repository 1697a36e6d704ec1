/**
 * rehype plugin: gives every section heading of an essay a stable id (GitHub-style slug, the same
 * Astro would give) and an empty self-link whose visible "#" is drawn by CSS, so a reader can link
 * to a section without the heading's text changing.
 */
import GithubSlugger from "github-slugger";
import type { Element, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";

/** Options for the section anchors. */
export interface SectionAnchorOptions {
  /** Heading levels that get anchors. */
  levels?: number[];
}

/** The rehype plugin. */
export default function rehypeSectionAnchors(options: SectionAnchorOptions = {}) {
  const levels = new Set((options.levels ?? [2, 3, 4]).map((l) => `h${l}`));
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        if (levels.has(node.tagName)) anchor(node, slugger);
        else visit(node.children);
      }
    };
    visit(tree.children);
  };
}

function anchor(heading: Element, slugger: GithubSlugger): void {
  const text = toText(heading).trim();
  const id = typeof heading.properties.id === "string" ? heading.properties.id : slugger.slug(text);
  heading.properties.id = id;
  const link: Element = {
    type: "element",
    tagName: "a",
    properties: {
      href: `#${id}`,
      className: ["section-anchor"],
      ariaLabel: `Link to section: ${text}`,
      dataPagefindIgnore: "",
    },
    children: [],
  };
  heading.children.push(link);
}
