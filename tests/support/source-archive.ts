/**
 * Parses the scraped WordPress tag page the essays come from (a plain-text copy is kept in
 * tests/fixtures/source/) into essays: title, byline name, body blocks and closing biography.
 * The fidelity tests compare the built pages against this, block by block.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./dist.ts";

/** The verbatim copy of the source page, committed so tests run without ../shared. */
export const SOURCE_FILE = join(
  ROOT,
  "tests/fixtures/source/cpianalysis-russian-foreign-policy.txt",
);

/** One essay as the source gives it. */
export interface SourceEssay {
  title: string;
  author: string;
  /** Body blocks (paragraphs, sub-headings, starred items) in order, exactly as in the source. */
  blocks: string[];
  /** The closing paragraph: the author's biography followed by the image credit. */
  closing: string;
}

const BYLINE = /^Written by[\s\u00a0]+(.+?)\.$/u;
/** Lines after the last essay that belong to the WordPress theme, not the essay. */
const PAGE_FOOTER = "Blog at WordPress.com.";

/** Splits the source text into blank-line-separated blocks. */
function blocksOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Parses the archive page text into its essays, in page order. */
export function parseSourceArchive(text: string): SourceEssay[] {
  const blocks = blocksOf(text);
  const end = blocks.indexOf(PAGE_FOOTER);
  const bylines = blocks.flatMap((b, i) => (BYLINE.test(b) ? [i] : []));
  return bylines.map((at, n) => {
    const next = n + 1 < bylines.length ? bylines[n + 1]! - 1 : end;
    const body = blocks.slice(at + 1, next);
    return {
      title: blocks[at - 1]!,
      author: BYLINE.exec(blocks[at]!)![1]!,
      blocks: body.slice(0, -1),
      closing: body.at(-1)!,
    };
  });
}

/** The source essays from the committed copy of the archive page. */
export function sourceEssays(): SourceEssay[] {
  return parseSourceArchive(readFileSync(SOURCE_FILE, "utf8"));
}
