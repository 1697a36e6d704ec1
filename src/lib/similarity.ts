/**
 * Related essays, computed at build time from two signals: the tags two essays share (weighted
 * by how rare each tag is) and how alike their wording is (cosine similarity of TF-IDF vectors).
 * Scales to large collections: each essay keeps only its most distinctive terms, candidates are
 * gathered through an inverted index, and very common terms are skipped, so no essay is ever
 * compared with every other.
 */
import type { Term } from "./slug.ts";
import { wordsOf } from "./search/vocabulary.ts";

/** What similarity needs to know about an essay. */
export interface SimilarityInput {
  id: string;
  tags: Term[];
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
  /** The words that make the two texts alike, most telling first. */
  sharedWords: string[];
}

/** Tuning of the related-essays score. */
export interface SimilarityOptions {
  /** How many related essays to keep per essay. */
  limit?: number;
  /** How many of its most distinctive terms each essay keeps. */
  termsPerEssay?: number;
  /** Weight of shared tags against similar wording (0–1). */
  tagWeight?: number;
  /** Terms found in more than this share of essays are too common to relate essays. */
  maxDocumentShare?: number;
}

const DEFAULTS: Required<SimilarityOptions> = {
  limit: 3,
  termsPerEssay: 40,
  tagWeight: 0.5,
  maxDocumentShare: 0.5,
};

/** Common English words that say nothing about what an essay is about. */
export const STOPWORDS = new Set(
  (
    "a about above after again against all also although am an and any are as at be because been " +
    "before being below between both but by can could did do does doing down during each even ever " +
    "few for from further had has have having he her here hers herself him himself his how however " +
    "i if in into is it its itself just least less like made make many may me might more most much " +
    "must my myself no nor not now of off on once one only or other others our ours ourselves out " +
    "over own per same she should since so some such than that the their theirs them themselves " +
    "then there these they this those though through thus to too toward towards two under until up " +
    "upon us very via was we well were what when where whether which while who whom whose why will " +
    "with within without would yet you your yours yourself yourselves said say says see seen seem " +
    "seems become becomes becoming another around already always among anything every first new " +
    "next last long less still way years year time given part case terms rather various several " +
    "certain often across vis post pre non far back take taken took come came going thing things " +
    "able better best good great high highest level least makes making put using used use"
  ).split(" "),
);

/** The content words of a text: folded, three letters or more, no stopwords or numbers. */
export function contentWords(text: string): string[] {
  return wordsOf(text).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
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

/**
 * The most related essays of every essay: score = tagWeight × (shared tag rarity, 0–1) +
 * (1 − tagWeight) × (cosine similarity of wording, 0–1). Candidates come only through rare
 * terms and rare tags (inverted indexes), then each candidate is scored exactly.
 */
export function relatedEssays(
  docs: SimilarityInput[],
  options: SimilarityOptions = {},
): Map<string, Related[]> {
  const { limit, termsPerEssay, tagWeight, maxDocumentShare } = { ...DEFAULTS, ...options };
  const n = docs.length;
  const { vectors: vecs } = vectors(docs, termsPerEssay, maxDocumentShare);
  const proposeLimit = PROPOSE_LIMIT;

  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    for (const term of v.terms.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const byTag = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const t of d.tags) {
      const list = byTag.get(t.slug);
      if (list) list.push(i);
      else byTag.set(t.slug, [i]);
    }
  });
  const tagIdf = (slug: string) => Math.log(n / (byTag.get(slug)?.length ?? n));
  const tagSets = docs.map((d) => new Set(d.tags.map((t) => t.slug)));

  const out = new Map<string, Related[]>();
  docs.forEach((doc, i) => {
    // Rough scores from the rare terms and tags only (inverted indexes), then the best
    // candidates are scored exactly: work per essay stays bounded however large the collection.
    const rough = new Map<number, number>();
    for (const [term, w] of vecs[i]!.terms) {
      const list = postings.get(term)!;
      if (list.length > proposeLimit) continue;
      for (const j of list) {
        const wj = vecs[j]!.terms.get(term)!;
        rough.set(j, (rough.get(j) ?? 0) + (1 - tagWeight) * w * wj);
      }
    }
    for (const t of doc.tags) {
      const list = byTag.get(t.slug)!;
      const idf = tagIdf(t.slug);
      if (idf <= 0 || list.length > proposeLimit) continue;
      for (const j of list) rough.set(j, (rough.get(j) ?? 0) + tagWeight * idf);
    }
    rough.delete(i);
    const candidates = [...rough]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES)
      .map(([j]) => j);

    const ownTagWeight = doc.tags.reduce((sum, t) => sum + tagIdf(t.slug), 0);
    const scored = candidates.map((j) => {
      const shared = doc.tags.filter((t) => tagSets[j]!.has(t.slug) && tagIdf(t.slug) > 0);
      const tags =
        ownTagWeight > 0 ? shared.reduce((s, t) => s + tagIdf(t.slug), 0) / ownTagWeight : 0;
      return { j, shared, score: tagWeight * tags + (1 - tagWeight) * dot(vecs[i]!, vecs[j]!) };
    });
    scored.sort((a, b) => b.score - a.score || docs[a.j]!.order - docs[b.j]!.order);
    out.set(
      doc.id,
      scored.slice(0, limit).map(({ j, shared, score }) => ({
        id: docs[j]!.id,
        score,
        sharedTags: shared,
        sharedWords: [...vecs[i]!.terms]
          .filter(([term]) => vecs[j]!.terms.has(term))
          .map(([term, w]) => [term, w * vecs[j]!.terms.get(term)!] as const)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([term]) => term),
      })),
    );
  });
  return out;
}
