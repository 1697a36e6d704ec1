/**
 * The scraped WordPress tag page the essays come from (a plain-text copy is kept in
 * tests/fixtures/source/), read by the importer's parser into essays: title, byline name, body
 * blocks and closing biography.
 * The fidelity tests compare the built pages against this, block by block.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScrapedArchive, type ScrapedEssay } from "../../src/lib/import/scraped.ts";
import { ROOT } from "./dist.ts";

/** The verbatim copy of the source page, committed so tests run without ../shared. */
export const SOURCE_FILE = join(
  ROOT,
  "tests/fixtures/source/cpianalysis-russian-foreign-policy.txt",
);

/** One essay as the source gives it (the importer's reader of scraped pages, shared). */
export type SourceEssay = ScrapedEssay;

/** The source essays from the committed copy of the archive page. */
export function sourceEssays(): SourceEssay[] {
  return parseScrapedArchive(readFileSync(SOURCE_FILE, "utf8"));
}
