/**
 * rehype plugin: numbers the passages of an essay so each can be linked and cited.
 *
 * The rule (documented in the README): in document order, every paragraph (`p`), list item (`li`)
 * and block quote (`blockquote`) of the body is one passage, numbered from 1, except a block
 * inside another numbered block (a paragraph in a list item or quote belongs to that item or
 * quote). Headings are not passages; they have their own anchors, and footnotes (GFM's
 * `section[data-footnotes]`) keep theirs, which their references link to. Numbers depend only on the
 * essay's own text, so adding or changing another essay never renumbers this one.
 *
 * Each passage gets `id="p-N"`, `data-para="N"` and, as its first child, an empty link to itself
 * whose visible "¶ N" is drawn by CSS — so the text of the passage stays exactly the author's.
 */
import type { Element, Root, RootContent } from "hast";
import { ESSAY_CLASSES, paragraphId } from "./essay-record.ts";

/** Options for the paragraph numbers. */
export interface ParagraphNumberOptions {
  /** Prefix of the anchor ids (`p` gives `#p-12`). */
  idPrefix?: string;
  /** Elements that count as passages. */
  passages?: string[];
}

/** The passage elements numbered by default. */
export const DEFAULT_PASSAGES = ["p", "li", "blockquote"];

/** The anchor id of passage `n` (lib/paths.ts's, unless another prefix is asked for). */
const anchorId = (n: number, prefix: string) =>
  prefix === "p" ? paragraphId(n) : `${prefix}-${n}`;

/** The rehype plugin. */
export default function rehypeParagraphNumbers(options: ParagraphNumberOptions = {}) {
  const prefix = options.idPrefix ?? "p";
  const passages = new Set(options.passages ?? DEFAULT_PASSAGES);
  return (tree: Root) => {
    let n = 0;
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type !== "element" || node.properties.dataFootnotes !== undefined) continue;
        if (passages.has(node.tagName)) {
          n += 1;
          number(node, n, prefix);
          continue; // blocks inside a passage belong to it
        }
        visit(node.children);
      }
    };
    visit(tree.children);
  };
}

function number(node: Element, n: number, prefix: string): void {
  const id = anchorId(n, prefix);
  node.properties.id = id;
  node.properties.dataPara = String(n);
  node.properties.className = [...classList(node), ESSAY_CLASSES.passage];
  const anchor: Element = {
    type: "element",
    tagName: "a",
    properties: {
      href: `#${id}`,
      className: [ESSAY_CLASSES.passageAnchor],
      dataPara: String(n),
      ariaLabel: `Paragraph ${n}`,
      dataPagefindIgnore: "",
    },
    children: [],
  };
  node.children.unshift(anchor);
}

function classList(node: Element): string[] {
  const c = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
}
