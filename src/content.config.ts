/**
 * The content collections: essays (markdown) and their authors (YAML), both read from the
 * top-level `content/` folder. Schemas are strict: a misspelt key (`tag:` for `tags:`) fails the
 * build instead of being silently dropped.
 */
import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const text = z.string().trim().min(1);

const essays = defineCollection({
  loader: glob({ base: "./content/essays", pattern: "**/*.md" }),
  schema: z.strictObject({
    /** The essay's title, exactly as first published. */
    title: text,
    /** The id of an entry in content/authors/ (its file name without extension). */
    author: reference("authors"),
    /** Tag labels; the first is the archive tag the essay was collected under. */
    tags: z.array(text).min(1).max(8),
    /** The editor's one- or two-sentence summary (not the author's words). */
    summary: text,
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
    /** The biographical note printed with the essays, verbatim from the source. */
    bio: text,
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

export const collections = { essays, authors };
