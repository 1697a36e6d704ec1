/**
 * The content collections: essays (markdown) and their authors (YAML), both read from the
 * top-level `content/` folder. Schemas are strict: a misspelt key (`tag:` for `tags:`) fails the
 * build instead of being silently dropped.
 */
import { defineCollection, reference } from "astro:content";
import { file, glob } from "astro/loaders";
import { z } from "astro/zod";
import { SUBJECT_KINDS } from "./lib/subjects.ts";
import { parsePartialDate } from "./lib/timeline.ts";

const text = z.string().trim().min(1);

const essays = defineCollection({
  loader: glob({ base: "./content/essays", pattern: "**/*.md" }),
  schema: z.strictObject({
    /** The essay's title, exactly as first published. */
    title: text,
    /**
     * The title in sentence case, for APA, when the one derived from the essays' own capitals is
     * wrong (a proper noun the essays never write mid-sentence). Only the case may differ.
     */
    titleSentenceCase: text.optional(),
    /**
     * The short title for short notes (Chicago: at most four words of the title, in order), when
     * the derived one (the main title, or its first four words) will not do.
     */
    shortTitle: text.optional(),
    /** The id of an entry in content/authors/ (its file name without extension). */
    author: reference("authors"),
    /** Tag labels; the first is the archive tag the essay was collected under. */
    tags: z.array(text).min(1).max(8),
    /**
     * The editor's one- or two-sentence summary (not the author's words). Optional: an imported
     * essay has none until an editor writes one, and pages then show none rather than a stand-in.
     */
    summary: text.optional(),
    /** Position in the reading order; imported essays keep their order in the source archive. */
    order: z.number().int().positive(),
    /**
     * Publication date, only when the source states one: never guessed. A YAML date
     * (2015-11-03) or an ISO date string; anything looser ("spring 2015") is an error, not a
     * guess.
     */
    date: z.union([z.date(), z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`))]).optional(),
    /** Where the text was first published. */
    source: z.strictObject({
      /** The publication's name. */
      publication: text,
      /** The archive page the text was taken from. */
      archive: z.url({ protocol: /^https?$/ }),
    }),
    /** Credit line of the original article's illustration; kept as data, never shown as an image. */
    imageCredit: text.optional(),
  }),
});

const authors = defineCollection({
  loader: glob({ base: "./content/authors", pattern: "**/*.{yaml,yml}" }),
  schema: z.strictObject({
    /** The name as the essays' bylines give it. */
    name: text,
    /** For citations, when the last word of the name is not the family name ("van Dijk"). */
    familyName: text.optional(),
    /** For citations, with familyName. */
    givenName: text.optional(),
    /** Institution(s), as the biography gives them. */
    affiliation: text.optional(),
    /**
     * The biographical note printed with the essays, verbatim from the source. Optional: an
     * archive may carry none (a WordPress export has no user biographies), and none is invented.
     */
    bio: text.optional(),
    /** Editorial corrections to the source's spelling of this entry, each with its reason. */
    corrections: z
      .array(
        z.strictObject({
          field: text,
          original: text,
          corrected: text,
          note: text,
        }),
      )
      .default([]),
  }),
});

const subjects = defineCollection({
  loader: glob({ base: "./content/subjects", pattern: "*.{yaml,yml}" }),
  schema: z.strictObject({
    /** The name the subject's page and the index show. */
    name: text,
    /** What it is; the index groups subjects by kind. */
    kind: z.enum(SUBJECT_KINDS),
    /**
     * Every spelling the essays use, exactly as written (case matters: "NATO" finds "NATO" only;
     * an alias in lower case also finds it with a capital first letter). The name is not implied.
     */
    aliases: z.array(text).min(1),
    /** The editor's one-line description, shown marked as the editor's. */
    description: text.optional(),
  }),
});

/**
 * YAML reads an unquoted 1994-05-25 as a date and 1993 as a number: both are accepted, and every
 * form must be a real year, month or day.
 */
const partialDate = z
  .union([z.string(), z.number().int(), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .transform(String)
  .refine((value) => parsePartialDate(value) !== undefined, {
    message: "must be a date as precise as the essay gives it: YYYY, YYYY-MM or YYYY-MM-DD",
  });

const timeline = defineCollection({
  loader: file("./content/timeline/events.yaml"),
  schema: z.strictObject({
    /** A stable id: the event's anchor on the timeline page (`/timeline/#id`). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens"),
    /** When it happened, as precisely as the most precise paragraph says (and no more). */
    date: partialDate,
    /** The editor's one-line description of the event, as the fullest paragraph states it. */
    label: text,
    /**
     * The paragraphs that state the event: essay id and ¶ number. Nothing without one. A
     * paragraph that dates the event less precisely (or otherwise) than `date` gives its own
     * `date`; one that states less than `label` gives its own `label`, so that an essay never
     * shows a month, place or name only another essay supplies.
     */
    sources: z
      .array(
        z.strictObject({
          essay: text,
          paragraph: z.number().int().positive(),
          date: partialDate.optional(),
          label: text.optional(),
        }),
      )
      .min(1),
  }),
});

export const collections = { essays, authors, subjects, timeline };
