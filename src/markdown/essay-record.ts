/**
 * What the markdown pipeline learns about an essay while rendering it, in one typed record: how
 * many passages it numbered, the ids its body defines, its section headings, every link and
 * embedded resource, and the passages that mention a subject. The plugins write it under one key
 * of the frontmatter Astro keeps with the rendered entry (`entry.rendered.metadata.frontmatter`),
 * the channel Astro carries from the pipeline to the pages; src/collections.ts reads it back with
 * `essayRecord`, so nothing reads the rendered HTML again. The module also re-exports what the
 * pipeline writes into the HTML for others to find: the class names (lib/essay-html.ts) and the
 * passage ids and links (lib/paths.ts). The record is build time only; the re-exports are also
 * used in the browser.
 */
import type { VFile } from "vfile";
import type { BodyReference } from "../lib/content-checks.ts";
import type { MentionPassage } from "../lib/subjects.ts";

export { ESSAY_CLASSES } from "../lib/essay-html.ts";
export { paragraphId, passageHash, passagePath } from "../lib/paths.ts";

/** A section heading of the body, as the table of contents lists it. */
export interface RecordedHeading {
  depth: number;
  /** Its id (the section's #anchor). */
  id: string;
  text: string;
}

/** The frontmatter key the record is kept under. */
export const ESSAY_RECORD_KEY = "essayRecord";

/** What the pipeline records about one essay. */
export interface EssayRecord {
  /** How many passages are numbered (the highest ¶). */
  passages: number;
  /** Every id the body defines (passages, sections), for #anchor checks. */
  ids: string[];
  /** The section headings, in order (rehype-section-anchors). */
  headings: RecordedHeading[];
  /** Every link and embedded resource in the body, as finally written. */
  references: BodyReference[];
  /** Each passage that mentions a subject, cut at its mentions (rehype-subject-mentions). */
  mentions: MentionPassage[];
}

/** The record being written for `file`, made (empty) on first use. */
export function recordFor(file: VFile): EssayRecord {
  const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
  const existing = astro.frontmatter?.[ESSAY_RECORD_KEY] as EssayRecord | undefined;
  if (existing) return existing;
  const record: EssayRecord = { passages: 0, ids: [], headings: [], references: [], mentions: [] };
  // A new object: the one Astro passes in is the entry's validated data, not ours to change.
  astro.frontmatter = { ...astro.frontmatter, [ESSAY_RECORD_KEY]: record };
  return record;
}

/**
 * The record of a rendered entry (`entry.rendered.metadata`). A missing one means the essay was
 * rendered without the site's pipeline, which would make every check after it meaningless.
 */
export function essayRecord(
  metadata: Record<string, unknown> | undefined,
  file: string,
): EssayRecord {
  const frontmatter = metadata?.frontmatter as Record<string, unknown> | undefined;
  const record = frontmatter?.[ESSAY_RECORD_KEY] as EssayRecord | undefined;
  if (!record || typeof record.passages !== "number")
    throw new Error(`${file}: rendered without the essay record (src/markdown/essay-record.ts)`);
  return record;
}
