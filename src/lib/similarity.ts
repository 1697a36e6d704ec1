/**
 * Related essays, computed at build time (only) from three signals: the curated subjects two
 * essays both discuss and the tags they share (each weighted by how rare it is), and how alike
 * their wording is (cosine similarity of TF-IDF vectors over content words: no stop words from
 * the stopwords-iso English list, no tokens with digits). Each related essay carries its reasons:
 * the shared subjects first, then the most telling shared words as the essays write them.
 * Scales to large collections: each essay keeps only its most distinctive terms, candidates are
 * gathered through an inverted index, and very common terms are skipped, so no essay is ever
 * compared with every other.
 */
import stopwordsIso from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { countOf, listOf } from "./format.ts";
import type { Term } from "./slug.ts";
import { foldWord, wordsOf } from "./search/vocabulary.ts";

/** What similarity needs to know about an essay. */
export interface SimilarityInput {
  id: string;
  tags: Term[];
  /** The curated subjects the essay mentions, with how often (more mentions: a better reason). */
  subjects?: (Term & { mentions?: number })[];
  /** The essay's text (title and body). */
  text: string;
  /** Reading order, to break ties the same way every build. */
  order: number;
}

/** A related essay with its score and the reasons it was chosen. */
export interface Related {
  id: string;
  score: number;
  /** Tags both essays carry (the universal ones left out). */
  sharedTags: Term[];
  /** Subjects both essays discuss, rarest first (the universal ones left out). */
  sharedSubjects: Term[];
  /** The words that make the two texts alike, most telling first, as the essays write them. */
  sharedWords: string[];
}

/** Tuning of the related-essays score. */
export interface SimilarityOptions {
  /** How many related essays to keep per essay. */
  limit?: number;
  /** How many of its most distinctive terms each essay keeps. */
  termsPerEssay?: number;
  /** Weight of shared tags (0–1); the three weights add up to 1. */
  tagWeight?: number;
  /** Weight of shared subjects (0–1). */
  subjectWeight?: number;
  /** Terms found in more than this share of essays are too common to relate essays. */
  maxDocumentShare?: number;
}

const DEFAULTS: Required<SimilarityOptions> = {
  limit: 3,
  termsPerEssay: 40,
  tagWeight: 0.35,
  subjectWeight: 0.3,
  maxDocumentShare: 0.5,
};

/** How many shared words a reason names. */
const REASON_WORDS = 4;

/**
 * Common English words that say nothing about what an essay is about: the stopwords-iso English
 * list (1,298 words: "especially", "actually", "means"…) and a few the essays' genre adds.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...(stopwordsIso as Record<string, string[]>).en!,
  ..."vis post pre non".split(" "),
]);

/** The content words of a text: folded, three letters or more, no stop words, no digits. */
export function contentWords(text: string): string[] {
  return wordsOf(text).filter(isContentWord);
}

const isContentWord = (w: string) => w.length >= 3 && !STOPWORDS.has(w) && !/\d/.test(w);

/**
 * How a text writes each of its content words: folded word → its most frequent spelling, where
 * a capital that only starts a sentence counts for little against the same word mid-sentence.
 */
export function spellings(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const folded = foldWord(word);
    if (!isContentWord(folded)) continue;
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    const startsSentence = match.index === 0 || /(^|[.!?:]["'”’)]?)\s+$|\n\s*$/.test(before);
    const forms = counts.get(folded) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + (startsSentence ? 0.25 : 1));
    counts.set(folded, forms);
  }
  const out = new Map<string, string>();
  for (const [folded, forms] of counts) {
    const best = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]![0];
    out.set(folded, best);
  }
  return out;
}

interface Vector {
  terms: Map<string, number>;
}

/** TF-IDF vectors, L2-normalised, each cut to its `keep` heaviest terms (then renormalised). */
function vectors(
  docs: SimilarityInput[],
  keep: number,
  maxShare: number,
): { vectors: Vector[]; df: Map<string, number> } {
  const counts = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of contentWords(d.text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const maxDf = Math.max(1, Math.floor(n * maxShare));
  const result = counts.map((tf) => {
    const weighted: [string, number][] = [];
    for (const [term, count] of tf) {
      const d = df.get(term)!;
      if (d < 2 || d > maxDf) continue; // unique to one essay, or too common to relate any
      weighted.push([term, (1 + Math.log(count)) * Math.log(n / d)]);
    }
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, keep);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return { terms: new Map(top.map(([t, w]) => [t, w / norm])) };
  });
  return { vectors: result, df };
}

/** How many candidates per essay are scored exactly. */
const CANDIDATES = 60;

/**
 * Terms and tags shared by more essays than this only score candidates, never propose them. A
 * fixed number, not a share of the collection: a share lets each essay's candidate search grow
 * with the collection, which makes the whole computation quadratic.
 */
const PROPOSE_LIMIT = 30;

/** Cosine similarity of two normalised sparse vectors. */
function dot(a: Vector, b: Vector): number {
  let sum = 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  for (const [term, w] of small.terms) sum += w * (large.terms.get(term) ?? 0);
  return sum;
}

/** Essays by term slug, and each term's rarity (idf; 0 for a term every essay has). */
class TermIndex {
  readonly bySlug = new Map<string, number[]>();
  readonly sets: Set<string>[];
  constructor(
    lists: (Term & { mentions?: number })[][],
    private readonly n: number,
  ) {
    lists.forEach((terms, i) => {
      for (const t of terms) {
        const list = this.bySlug.get(t.slug);
        if (list) list.push(i);
        else this.bySlug.set(t.slug, [i]);
      }
    });
    this.sets = lists.map((terms) => new Set(terms.map((t) => t.slug)));
    this.mentions = lists.map((terms) => new Map(terms.map((t) => [t.slug, t.mentions ?? 1])));
  }
  private readonly mentions: Map<string, number>[];
  idf(slug: string): number {
    return Math.log(this.n / (this.bySlug.get(slug)?.length ?? this.n));
  }
  /**
   * The terms essay `i` shares with essay `j`, most telling first (rarest, then most mentioned by
   * the essay that mentions it less), with their share (0–1) of essay `i`'s weight.
   */
  shared(own: Term[], i: number, j: number): { terms: Term[]; share: number } {
    const total = own.reduce((sum, t) => sum + this.idf(t.slug), 0);
    const both = (t: Term) =>
      Math.min(this.mentions[i]!.get(t.slug) ?? 0, this.mentions[j]!.get(t.slug) ?? 0);
    const terms = own
      .filter((t) => this.sets[j]!.has(t.slug) && this.idf(t.slug) > 0)
      .map((t) => ({ slug: t.slug, label: t.label }))
      .sort(
        (a, b) =>
          this.idf(b.slug) - this.idf(a.slug) ||
          both(b) - both(a) ||
          a.label.localeCompare(b.label),
      );
    const share = total > 0 ? terms.reduce((sum, t) => sum + this.idf(t.slug), 0) / total : 0;
    return { terms, share };
  }
}

/**
 * The most related essays of every essay: score = tagWeight × (shared tag rarity, 0–1) +
 * subjectWeight × (shared subject rarity, 0–1) + the rest × (cosine similarity of wording, 0–1).
 * Candidates come only through rare terms, tags and subjects (inverted indexes), then each
 * candidate is scored exactly.
 */
export function relatedEssays(
  docs: SimilarityInput[],
  options: SimilarityOptions = {},
): Map<string, Related[]> {
  const { limit, termsPerEssay, tagWeight, subjectWeight, maxDocumentShare } = {
    ...DEFAULTS,
    ...options,
  };
  const wordWeight = 1 - tagWeight - subjectWeight;
  const n = docs.length;
  const { vectors: vecs } = vectors(docs, termsPerEssay, maxDocumentShare);

  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    for (const term of v.terms.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const tags = new TermIndex(
    docs.map((d) => d.tags),
    n,
  );
  const subjects = new TermIndex(
    docs.map((d) => d.subjects ?? []),
    n,
  );
  const spelled = new Map<number, Map<string, string>>();
  const spellingOf = (i: number, term: string) => {
    let forms = spelled.get(i);
    if (!forms) spelled.set(i, (forms = spellings(docs[i]!.text)));
    return forms.get(term) ?? term;
  };

  const out = new Map<string, Related[]>();
  docs.forEach((doc, i) => {
    // Rough scores from the rare terms, tags and subjects only (inverted indexes), then the best
    // candidates are scored exactly: work per essay stays bounded however large the collection.
    const rough = new Map<number, number>();
    for (const [term, w] of vecs[i]!.terms) {
      const list = postings.get(term)!;
      if (list.length > PROPOSE_LIMIT) continue;
      for (const j of list) {
        const wj = vecs[j]!.terms.get(term)!;
        rough.set(j, (rough.get(j) ?? 0) + wordWeight * w * wj);
      }
    }
    for (const [index, own, weight] of [
      [tags, doc.tags, tagWeight],
      [subjects, doc.subjects ?? [], subjectWeight],
    ] as const) {
      for (const t of own) {
        const list = index.bySlug.get(t.slug)!;
        const idf = index.idf(t.slug);
        if (idf <= 0 || list.length > PROPOSE_LIMIT) continue;
        for (const j of list) rough.set(j, (rough.get(j) ?? 0) + weight * idf);
      }
    }
    rough.delete(i);
    const candidates = [...rough]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES)
      .map(([j]) => j);

    const scored = candidates.map((j) => {
      const sharedTags = tags.shared(doc.tags, i, j);
      const sharedSubjects = subjects.shared(doc.subjects ?? [], i, j);
      const score =
        tagWeight * sharedTags.share +
        subjectWeight * sharedSubjects.share +
        wordWeight * dot(vecs[i]!, vecs[j]!);
      return { j, sharedTags: sharedTags.terms, sharedSubjects: sharedSubjects.terms, score };
    });
    scored.sort((a, b) => b.score - a.score || docs[a.j]!.order - docs[b.j]!.order);
    out.set(
      doc.id,
      scored.slice(0, limit).map(({ j, sharedTags, sharedSubjects, score }) => {
        // Words a shared subject's or tag's name already says are not said again.
        const named = new Set(
          [...sharedSubjects, ...sharedTags].flatMap((t) => contentWords(t.label)),
        );
        return {
          id: docs[j]!.id,
          score,
          sharedTags,
          sharedSubjects,
          sharedWords: [...vecs[i]!.terms]
            .filter(([term]) => vecs[j]!.terms.has(term) && !named.has(term))
            .map(([term, w]) => [term, w * vecs[j]!.terms.get(term)!] as const)
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, REASON_WORDS)
            .map(([term]) => spellingOf(i, term)),
        };
      }),
    );
  });
  return out;
}

/** How long a reason line may be (author's name included): one line of the list at its widest. */
export const REASON_CHARS = 84;

/**
 * Why an essay is related, in one line: the subjects both discuss ("Both discuss Vladimir Putin
 * and NATO"), then the shared tags, then the shared words as the essays write them, each list cut
 * (with "and N more") from its least telling end until the line fits `maxChars`.
 */
export function relatedReason(related: Related, maxChars = REASON_CHARS): string {
  const subjects = related.sharedSubjects.map((x) => x.label);
  const tags = related.sharedTags.map((x) => x.label);
  const words = related.sharedWords;
  const line = (s: number, t: number, w: number) =>
    [
      s > 0 && subjects.length ? `Both discuss ${cut(subjects, s, "subject")}` : "",
      t > 0 && tags.length ? `Both tagged ${cut(tags, t, "tag")}` : "",
      w > 0 && words.length ? `Shared words: ${words.slice(0, w).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
  type Keep = [subjects: number, tags: number, words: number];
  // Something always stays: one subject if any are shared, else a tag, else a word.
  const allowed = ([s, t, w]: Keep) =>
    s >= Math.min(1, subjects.length) &&
    t >= 0 &&
    w >= 0 &&
    (s > 0 || t > 0 || w > 0 || subjects.length + tags.length + words.length === 0);
  let keep: Keep = [
    Math.min(3, subjects.length),
    Math.min(2, tags.length),
    Math.min(REASON_WORDS, words.length),
  ];
  let text = line(...keep);
  // Too long: drop a word, else a tag, else a subject.
  while (text.length > maxChars) {
    const [s, t, w] = keep;
    const next = (
      [
        [s, t, w - 1],
        [s, t - 1, w],
        [s - 1, t, w],
      ] as Keep[]
    ).find(allowed);
    if (!next) break;
    keep = next;
    text = line(...keep);
  }
  return text;
}

/** The first `keep` items in an English list, the rest counted: "A, B and 2 more subjects". */
function cut(items: string[], keep: number, noun: string): string {
  const more = items.length - keep;
  if (more <= 0) return listOf(items);
  return `${items.slice(0, keep).join(", ")} and ${countOf(more, `more ${noun}`, `more ${noun}s`)}`;
}
