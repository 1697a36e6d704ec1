/**
 * Reads a scraped WordPress archive page in plain text (the form of tests/fixtures/source/): the
 * blog's name, "Tag" and the tag, then per essay its title, a "Written by …" byline, the body's
 * blank-line-separated blocks and a closing biography that may end with an image credit.
 * Sub-headings are the short blocks that end without a full stop; a block starting with "*" is a
 * list item. Build-time only.
 */
import type { List, ListItem, Paragraph, Heading, Root } from "mdast";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import type { SourceArchive, SourceAuthor, SourcePost } from "./archive.ts";
import { tidyEscapes } from "./html-markdown.ts";

/** One essay as the page gives it. */
export interface ScrapedEssay {
  title: string;
  author: string;
  /** Body blocks (paragraphs, sub-headings, starred items) in order, exactly as in the source. */
  blocks: string[];
  /** The closing paragraph: the author's biography followed by the image credit. */
  closing: string;
}

const BYLINE = /^Written by[\s\u00a0]+(.+?)\.$/u;
/** Lines after the last essay that belong to the WordPress theme, not the essay. */
const PAGE_FOOTER = /^(?:Blog at WordPress\.com\.|Powered by WordPress|Up ↑)$/u;
const CREDIT = /[ \t\u00a0]*Image credit:[ \t\u00a0]*(.+?)\.?$/su;

/** Splits text into blank-line-separated blocks. */
function blocksOf(text: string): string[] {
  return text
    .replace(/\r\n?/gu, "\n")
    .split(/\n[ \t]*\n/u)
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Parses the archive page text into its essays, in page order. */
export function parseScrapedArchive(text: string): ScrapedEssay[] {
  const blocks = blocksOf(text);
  const footer = blocks.findIndex((b) => PAGE_FOOTER.test(b));
  const end = footer < 0 ? blocks.length : footer;
  const bylines = blocks.flatMap((b, i) => (BYLINE.test(b) && i < end ? [i] : []));
  return bylines.map((at, n) => {
    const next = n + 1 < bylines.length ? bylines[n + 1]! - 1 : end;
    const body = blocks.slice(at + 1, next);
    return {
      title: blocks[at - 1]!,
      author: BYLINE.exec(blocks[at]!)![1]!,
      blocks: body.slice(0, -1),
      closing: body.at(-1) ?? "",
    };
  });
}

/** The page's masthead: the blog's name and the tag (or category) the page lists. */
function masthead(text: string): { publication?: string; tag?: string } {
  const blocks = blocksOf(text).slice(0, 8);
  const at = blocks.findIndex((b) => /^(?:Tag|Category|Archives?)$/u.test(b));
  if (at < 1) return {};
  return { publication: blocks[at - 1], tag: blocks[at + 1] };
}

/**
 * A sub-heading: one short line that either does not end as a sentence does or is in title case
 * ("The 1993-1994 Turning Point.", "“No Exclusive Interests Involved”").
 */
export function isHeading(block: string): boolean {
  const words = block.split(/\s+/u);
  if (block.includes("\n") || block.length > 90 || words.length > 12 || block.startsWith("*"))
    return false;
  const significant = words.filter((w) => w.replace(/^[“"‘(]+/u, "").length > 3);
  const titled = significant.every((w) => /^[“"‘(]*[\p{Lu}\p{N}]/u.test(w));
  return titled || !/[.,;:…”"’)]$/u.test(block);
}

/** An essay's blocks as Markdown, escaped where the text would read as Markdown syntax. */
export function blocksToMarkdown(blocks: string[]): string {
  const children: Root["children"] = [];
  for (const [i, block] of blocks.entries()) {
    const text = { type: "text" as const, value: block.replace(/^\*/u, "") };
    if (block.startsWith("*")) {
      const item: ListItem = {
        type: "listItem",
        spread: false,
        children: [{ type: "paragraph", children: [text] }],
      };
      const last = children.at(-1);
      if (last?.type === "list") last.children.push(item);
      else children.push({ type: "list", ordered: false, spread: false, children: [item] } as List);
    } else if (i > 0 && isHeading(block)) {
      children.push({ type: "heading", depth: 2, children: [text] } as Heading);
    } else children.push({ type: "paragraph", children: [text] } as Paragraph);
  }
  return tidyEscapes(
    unified().use(remarkStringify, { bullet: "-" }).stringify({ type: "root", children }).trim(),
  );
}

/** Splits a closing paragraph into the biography and the image credit. */
export function splitClosing(closing: string): { bio?: string; imageCredit?: string } {
  const credit = CREDIT.exec(closing);
  const bio = (credit ? closing.slice(0, credit.index) : closing).trim();
  return {
    ...(bio ? { bio } : {}),
    ...(credit ? { imageCredit: credit[1]!.trim() } : {}),
  };
}

/** Reads a scraped archive page into the importers' common form. */
export function readScraped(text: string): SourceArchive {
  const essays = parseScrapedArchive(text);
  if (!essays.length) throw new Error("no essay found: no “Written by …” byline on the page");
  const { publication, tag } = masthead(text);
  const authors = new Map<string, SourceAuthor>();
  const posts: SourcePost[] = essays.map((essay, i) => {
    const { bio, imageCredit } = splitClosing(essay.closing);
    if (!authors.has(essay.author))
      authors.set(essay.author, { key: essay.author, name: essay.author, bio });
    return {
      origin: `essay ${i + 1} on the page`,
      title: essay.title,
      authorKey: essay.author,
      tags: tag ? [tag] : [],
      markdown: blocksToMarkdown(essay.blocks),
      sourceText: essay.blocks.map((b) => b.replace(/^\*/u, "")).join("\n"),
      imageCredit,
      notes: [
        {
          kind: "moved",
          what: "closing paragraph",
          detail: `taken as ${essay.author}’s biography${imageCredit ? " and the image credit" : ""}`,
        },
      ],
    };
  });
  return { publication, authors: [...authors.values()], posts, skipped: {} };
}
