/**
 * What every importer reads an archive into, whatever its source (a WordPress export, saved REST
 * API JSON or a scraped archive page): posts with their authors, and notes on anything that could
 * not be carried over. Build-time only (Node); no file system access here.
 */

/** One thing the importer could not carry over as it was, said out loud in the report. */
export interface ImportNote {
  /** What happened: dropped, moved into metadata, or changed. */
  kind: "dropped" | "moved" | "changed" | "skipped";
  /** What it was about ("[embed] shortcode", "<iframe>", "image", "tags"). */
  what: string;
  /** The source's own text of it, verbatim (shortened when long). */
  detail: string;
}

/** An author as the source names (and, where it can, describes) them. */
export interface SourceAuthor {
  /** The source's key for the author (login, user id or byline name). */
  key: string;
  /** The name as bylines print it. */
  name: string;
  /** Their biography, verbatim, when the source has one. */
  bio?: string | undefined;
}

/** One post, read from the source; its body is Markdown already. */
export interface SourcePost {
  /** Where in the source it came from ("item 3", "posts-1.json #2"), for the report. */
  origin: string;
  title: string;
  /** The source's own slug, when it has one. */
  slug?: string | undefined;
  authorKey: string;
  /** YYYY-MM-DD, only when the source states a publication date. */
  date?: string | undefined;
  /** Tags, then categories, as labels; WordPress's "Uncategorized" is not one. */
  tags: string[];
  /** The post's address, when the source has one. */
  link?: string | undefined;
  /** The body as the project's Markdown. */
  markdown: string;
  /** The words of the source's body text, for the word-for-word check. */
  sourceText: string;
  /** The illustration's credit line, when the source gives one. */
  imageCredit?: string | undefined;
  /** What was not carried over as it was. */
  notes: ImportNote[];
}

/** An archive read from one source. */
export interface SourceArchive {
  /** The publication's name. */
  publication?: string | undefined;
  /** The archive's own address (the site, or the scraped page), when the source has one. */
  archive?: string | undefined;
  authors: SourceAuthor[];
  posts: SourcePost[];
  /** What was skipped before conversion, counted by reason ("draft post", "page", "attachment"). */
  skipped: Record<string, number>;
}

/** Counts a skipped item under its reason. */
export function skip(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Shortens a long verbatim detail for the report, marking the cut. */
export function excerptOf(text: string, max = 120): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
