/**
 * rehype plugin: finds the subjects of content/subjects/ in an essay's numbered passages and links
 * the first mention of each subject in each passage to the subject's page. Only whole words match,
 * case-aware, by any alias; headings, links and code are never searched. The words are untouched:
 * a mention becomes `<a class="mention">` around exactly the text that was there.
 *
 * It also records, for the subject pages, every passage with a mention (its number and its HTML
 * cut at each mention) in the essay record (src/markdown/essay-record.ts), so those pages quote
 * the essays without parsing their HTML again.
 *
 * Runs after rehypeParagraphNumbers (passages are the elements it numbered).
 */
import type { Element, ElementContent, Root, RootContent, Text } from "hast";
import { toHtml } from "hast-util-to-html";
import type { VFile } from "vfile";
import { ESSAY_CLASSES, recordFor } from "./essay-record.ts";
import {
  createMentionFinder,
  type MentionPassage,
  type PassageSegment,
  type SubjectAliases,
} from "../lib/subjects.ts";

/** Options for the mention finder. */
export interface SubjectMentionOptions {
  /** The subjects and their aliases. */
  subjects?: SubjectAliases[];
  /** The page a mention links to. */
  href?: (slug: string) => string;
  /** Elements whose text is never searched (beside headings). */
  skip?: string[];
  /** Whether to record the quoted passages in the essay record (default true). */
  record?: boolean;
}

/** Links, code and the like: their words are not the essay's prose, or are already links. */
export const DEFAULT_SKIP = ["a", "code", "pre", "kbd", "samp", "script", "style", "button"];

const HEADING = /^h[1-6]$/;
/** Private-use characters never found in essays, marking where a mention was cut out. */
const CUT = /\uE000(\d+)\uE001/;

/** The rehype plugin. */
export default function rehypeSubjectMentions(options: SubjectMentionOptions = {}) {
  const finder = createMentionFinder(options.subjects ?? []);
  const href = options.href ?? ((slug: string) => `/subjects/${slug}/`);
  const skip = new Set(options.skip ?? DEFAULT_SKIP);
  const record = options.record ?? true;

  /** Wraps mentions in a passage's text; returns the mention elements in document order. */
  const markPassage = (passage: Element): Element[] => {
    const linked = new Set<string>();
    const found: Element[] = [];
    const walk = (parent: Element) => {
      const children: ElementContent[] = [];
      for (const child of parent.children) {
        if (child.type === "element") {
          if (!skip.has(child.tagName) && !HEADING.test(child.tagName)) walk(child);
          children.push(child);
          continue;
        }
        if (child.type !== "text") {
          children.push(child);
          continue;
        }
        const mentions = finder.find(child.value);
        let at = 0;
        for (const m of mentions) {
          if (m.start > at) children.push({ type: "text", value: child.value.slice(at, m.start) });
          const first = !linked.has(m.slug);
          linked.add(m.slug);
          const element: Element = {
            type: "element",
            tagName: first ? "a" : "span",
            properties: first
              ? { href: href(m.slug), className: [ESSAY_CLASSES.mention], dataSubject: m.slug }
              : { dataSubject: m.slug },
            children: [{ type: "text", value: m.text }],
          };
          found.push(element);
          children.push(element);
          at = m.end;
        }
        if (at === 0) children.push(child);
        else if (at < child.value.length)
          children.push({ type: "text", value: child.value.slice(at) });
      }
      parent.children = children;
    };
    walk(passage);
    return found;
  };

  return (tree: Root, file: VFile) => {
    const passages: MentionPassage[] = [];
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        const n = Number(node.properties.dataPara);
        if (!Number.isInteger(n) || n < 1) {
          visit(node.children);
          continue;
        }
        const mentions = markPassage(node);
        if (!mentions.length) continue;
        if (record) passages.push({ n, segments: segmentsOf(node, mentions) });
        unwrapUnlinked(node, new Set(mentions.filter((m) => m.tagName !== "a")));
      }
    };
    visit(tree.children);
    if (record) recordFor(file).mentions = passages;
  };
}

/** The passage's HTML (without its ¶ link) cut at each mention. */
function segmentsOf(passage: Element, mentions: Element[]): PassageSegment[] {
  const index = new Map(mentions.map((m, i) => [m, i]));
  const cut = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (node.type !== "element") return [node];
      const i = index.get(node);
      if (i !== undefined) return [{ type: "text", value: `\uE000${i}\uE001` }];
      if (hasClass(node, ESSAY_CLASSES.passageAnchor)) return [];
      return [{ ...node, children: cut(node.children) }];
    });
  const html = toHtml({ type: "root", children: cut(passage.children) });
  const segments: PassageSegment[] = [];
  const parts = html.split(CUT);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) segments.push(part);
      return;
    }
    const mention = mentions[Number(part)]!;
    segments.push({
      subject: String(mention.properties.dataSubject),
      text: (mention.children[0] as Text).value,
      linked: mention.tagName === "a",
    });
  });
  return segments;
}

/** Mentions after the first of their subject stay plain text in the essay. */
function unwrapUnlinked(parent: Element, unlinked: Set<Element>): void {
  if (unlinked.size === 0) return;
  parent.children = parent.children.flatMap((child) => {
    if (child.type !== "element") return [child];
    if (unlinked.has(child)) return child.children;
    unwrapUnlinked(child, unlinked);
    return [child];
  });
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) ? c.includes(name) : c === name;
}
