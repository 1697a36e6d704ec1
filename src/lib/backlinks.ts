/**
 * Backlinks: for each subject, the essays that discuss it most; for each essay, "Also on these
 * subjects", the other essays' passages on what it discusses, grouped by subject. Each subject's
 * leading essays are ranked once per build, so an essay's backlinks cost the subjects it has, not
 * the size of the collection. Build only.
 */
import { passagePath } from "./paths.ts";
import { quoteAround, type SubjectQuote } from "./previews.ts";
import type { MentionPassage, Subject, SubjectEntry, SubjectIndex } from "./subjects.ts";

/** An essay that discusses a subject, as backlinks and previews name it. */
export interface Discussant {
  essayId: string;
  /** Mentions of the subject in the essay. */
  mentions: number;
  /** The numbers of the essay's passages on it, in order. */
  passages: number[];
  /** The first of those passages, quoted around its first mention of the subject. */
  quote: SubjectQuote;
}

/** What an essay's backlinks and previews need to know of the other essays. */
export interface EssayFacts {
  title: string;
  author: string;
  /** Passage N's text, word for word. */
  passage: (n: number) => string | undefined;
}

/** The words of the first mention of `slug` in a passage. */
function firstMention(passage: MentionPassage, slug: string): string {
  for (const segment of passage.segments) {
    if (typeof segment !== "string" && segment.subject === slug) return segment.text;
  }
  return "";
}

/** A passage quoted for a subject: around its first mention of it, with the essay it is from. */
export function subjectQuote(
  essayId: string,
  passage: MentionPassage,
  slug: string,
  facts: EssayFacts,
): SubjectQuote {
  const text = facts.passage(passage.n) ?? "";
  return {
    ...quoteAround(text, firstMention(passage, slug)),
    essayId,
    essay: facts.title,
    author: facts.author,
    n: passage.n,
    href: passagePath(essayId, passage.n),
  };
}

/**
 * The `limit` essays that mention a subject most (ties in reading order), each with its passages
 * on it and the first of them quoted.
 */
export function leadingEssays(
  entry: SubjectEntry,
  factsOf: (essayId: string) => EssayFacts,
  limit: number,
): Discussant[] {
  return entry.perspectives
    .map((p, order) => ({ p, order }))
    .sort((a, b) => b.p.mentions - a.p.mentions || a.order - b.order)
    .slice(0, limit)
    .map(({ p }) => ({
      essayId: p.essayId,
      mentions: p.mentions,
      passages: p.passages.map((passage) => passage.n),
      quote: subjectQuote(p.essayId, p.passages[0]!, entry.subject.slug, factsOf(p.essayId)),
    }));
}

/** One subject of an essay's "Also on these subjects". */
export interface BacklinkGroup {
  subject: Subject;
  /** How many other essays discuss it. */
  otherEssays: number;
  /** The other essays that discuss it most, most first. */
  essays: Discussant[];
}

/** How many subjects and essays an essay's backlinks show. */
export interface BacklinkLimits {
  subjects: number;
  essaysPerSubject: number;
}

/** Each subject's leading essays (see leadingEssays), by slug, ranked once for the whole site. */
export function leadingBySubject(
  index: SubjectIndex,
  factsOf: (essayId: string) => EssayFacts,
  limit: number,
): Map<string, Discussant[]> {
  return new Map(index.entries.map((e) => [e.subject.slug, leadingEssays(e, factsOf, limit)]));
}

/**
 * Every essay's backlinks, by essay id: for the subjects it mentions most (up to
 * `limits.subjects`), the other essays that discuss each most, from `leading` (which must rank at
 * least one more essay per subject than is shown, as the essay itself may be among them).
 * Subjects no other essay discusses are left out.
 */
export function backlinks(
  index: SubjectIndex,
  leading: Map<string, Discussant[]>,
  limits: BacklinkLimits,
): Map<string, BacklinkGroup[]> {
  const out = new Map<string, BacklinkGroup[]>();
  for (const [essayId, subjects] of index.byEssay) {
    const groups = [...subjects]
      .map((s, order) => ({ ...s, order }))
      .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
      .flatMap(({ subject }) => {
        const otherEssays = (index.bySlug.get(subject.slug)?.perspectives.length ?? 1) - 1;
        if (otherEssays < 1) return [];
        const essays = (leading.get(subject.slug) ?? [])
          .filter((d) => d.essayId !== essayId)
          .slice(0, limits.essaysPerSubject);
        return [{ subject, otherEssays, essays }];
      })
      .slice(0, limits.subjects);
    out.set(essayId, groups);
  }
  return out;
}
