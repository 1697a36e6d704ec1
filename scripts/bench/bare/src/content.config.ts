// The bare baseline's collection: the same essay files, read with a permissive schema.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";

export const collections = {
  essays: defineCollection({ loader: glob({ base: "./content/essays", pattern: "**/*.md" }) }),
};
