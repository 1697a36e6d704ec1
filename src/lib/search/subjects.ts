/**
 * The curated subjects as search knows them (browser and build): a query that is a subject's name
 * or one of its spellings searches every spelling of it ("SCO" also finds "Shanghai Cooperation
 * Organization"), and the results page shows a card for the subject.
 */
import { foldWord } from "./vocabulary.ts";

/** A subject, as `search/subjects.json` gives it to the browser. */
export interface SearchSubject {
  slug: string;
  label: string;
  /** Its kind, as a reader reads it ("Organisation"). */
  kind: string;
  /** The editor's description, if any. */
  description?: string | undefined;
  /** Every spelling the essays use, the name included. */
  aliases: string[];
  essays: number;
  mentions: number;
}

/** A name folded for comparison: case, accents, apostrophes and spacing ignored. */
export const foldName = (name: string): string =>
  foldWord(name)
    .replace(/[’‘`]/gu, "'")
    .replace(/[\s\u00a0]+/gu, " ")
    .trim();

/** The subject a term names (its name or any spelling of it), if any. */
export function subjectNamed(
  text: string,
  subjects: readonly SearchSubject[],
): SearchSubject | undefined {
  const folded = foldName(text);
  if (!folded) return undefined;
  return subjects.find((s) => s.aliases.some((a) => foldName(a) === folded));
}

/** The spellings to search for a subject: each once, whatever its case. */
export function subjectSpellings(subject: SearchSubject): string[] {
  const seen = new Set<string>();
  return subject.aliases.filter((a) => {
    const key = foldName(a);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * The subjects as search receives them, from the subject index: those some essay mentions, each
 * with its name among its spellings.
 */
export function searchSubjects(
  entries: readonly {
    subject: {
      slug: string;
      label: string;
      kind: string;
      aliases: string[];
      description?: string | undefined;
    };
    perspectives: readonly unknown[];
    mentions: number;
  }[],
  kindLabel: (kind: string) => string = (k) => k,
): SearchSubject[] {
  return entries
    .filter((e) => e.perspectives.length > 0)
    .map(({ subject, perspectives, mentions }) => ({
      slug: subject.slug,
      label: subject.label,
      kind: kindLabel(subject.kind),
      description: subject.description,
      aliases: [subject.label, ...subject.aliases.filter((a) => a !== subject.label)],
      essays: perspectives.length,
      mentions,
    }));
}
