/**
 * Reads the subjects' aliases from content/subjects/ for the mention finder, which runs inside the
 * markdown pipeline and so is configured before any content collection is loaded. It reads only
 * what it needs and skips what it cannot read: the subjects collection's strict schema is what
 * reports a broken file (naming it and the field), when the build loads it a moment later.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse } from "yaml";
import type { SubjectAliases } from "../lib/subjects.ts";

/** The folder the subjects collection reads. */
export const SUBJECTS_DIR = "content/subjects";

/** Every subject's slug (its file name) and aliases, sorted by slug so the config is stable. */
export function readSubjectAliases(dir = SUBJECTS_DIR): SubjectAliases[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => {
      try {
        const data: unknown = parse(readFileSync(join(dir, name), "utf8"));
        const aliases = (data as { aliases?: unknown } | null)?.aliases;
        if (!Array.isArray(aliases)) return [];
        return [
          {
            slug: basename(name, extname(name)),
            aliases: aliases.filter((a): a is string => typeof a === "string"),
          },
        ];
      } catch {
        return [];
      }
    });
}
