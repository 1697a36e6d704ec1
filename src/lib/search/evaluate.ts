/**
 * The search engine's logic, given a Pagefind and the site's own knowledge (browser and tests: the
 * tests give it a fake Pagefind). Pagefind matches every word of a query as a prefix and passes
 * over words it does not know; this makes a query mean what it says:
 *
 * - a word the essays contain matches that word and its other forms (Pagefind's stems), never a
 *   longer word ("Xi" is not "Xinhua"); only the last word, while it is no word of the essays,
 *   matches as the start of longer ones ("multipol");
 * - a word no essay contains is said to be missing, and the rest of the query still answers;
 *   a correction is offered only when it finds essays, with how many;
 * - `"phrases"`, `OR` and `-exclusions` (query.ts) are evaluated as sets of essays;
 * - a term that names a curated subject matches every spelling of it (subjects.ts);
 * - British and American spellings find each other (spelling.ts).
 *
 * Ranking is Pagefind's: an essay's score is the sum, over the clauses, of its best score for any
 * term of the clause in Pagefind's own (unquoted) search.
 */
import type {
  FilterCounts,
  PagefindApi,
  PagefindResult,
  PagefindSearch,
  PagefindSearchOptions,
} from "./index-api.ts";
import { orderLike } from "./index-api.ts";
import { hasCjk, segmentCjkText } from "./cjk.ts";
import {
  formatQuery,
  parseQuery,
  positiveTerms,
  termText,
  type Query,
  type Term,
} from "./query.ts";
import { isKnownWord, matchCase, spellingVariants, suggestWord } from "./spelling.ts";
import { subjectNamed, subjectSpellings, type SearchSubject } from "./subjects.ts";
import { chunkKey, type VocabularyChunk } from "./vocabulary.ts";

/** What the engine knows besides the index: the vocabulary chunks and the curated subjects. */
export interface Knowledge {
  chunk: (key: string) => Promise<VocabularyChunk>;
  subjects: () => Promise<SearchSubject[]>;
}

/** One search the engine runs for a term: a word, a phrase or a subject's spelling. */
export interface Atom {
  text: string;
  phrase: boolean;
  /** `exact`: the word or phrase and its stems; `prefix`: also longer words starting with it. */
  mode: "exact" | "prefix";
}

/**
 * Where one atom matched in an essay: word positions in its indexed text that surely match
 * (`words`), and positions Pagefind's prefix search found that match only if the word there is a
 * form of the atom (`candidates`, checked against the text when the essay is shown).
 */
export interface Hit {
  atom: Atom;
  words: number[];
  candidates: number[];
}

/** An essay that matched, with its score and every match in it. */
export interface Match {
  id: string;
  score: number;
  result: PagefindResult;
  hits: Hit[];
}

/** What one term of the query found. */
export interface TermReport {
  term: Term;
  /** Essays (under the filters) that contain it. */
  essays: number;
  /** The subject the term names, when it names one. */
  subject?: SearchSubject | undefined;
  /** Other spellings of it that found essays ("defense" for "defence"). */
  spellings: string[];
  /** Whether no essay has the word in any form (so Pagefind was not asked). */
  unknown: boolean;
  /**
   * Whether the term was left out of the query because no essay contains it at all (not merely
   * none the filters allow): the rest of the query answers, and the notice says so.
   */
  dropped: boolean;
}

/** The engine's answer to a query. */
export interface Outcome {
  /** The query the matches are for (the corrected one when a correction was applied). */
  query: string;
  parsed: Query;
  /** The essays, best first (or in the chosen order). */
  matches: Match[];
  /** Each term that must or may occur, with what it found. */
  terms: TermReport[];
  /** Each excluded term, with how many essays it left out. */
  excluded: TermReport[];
  /** The subject the whole query names, for the card above the results. */
  subject?: SearchSubject | undefined;
  /** Set when no term was found and a corrected query found essays: shown instead. */
  corrected?: { from: string; to: string } | undefined;
  /** A corrected query that finds essays, offered when some term was missing. */
  suggestion?: { query: string; essays: number } | undefined;
  /** Counts of each filter value among the matches, when they can be known exactly. */
  counts: () => Promise<FilterCounts | undefined>;
}

/** Past this many matches, filter counts are only given when one Pagefind search counted them. */
export const MAX_COUNTED = 300;

type Found = Map<string, Match>;

/** Whether a term is looked up in the vocabulary (words; not phrases or Chinese/Japanese runs). */
const isWordTerm = (term: Term) => !term.phrase && !hasCjk(term.text);

/**
 * Starts fetching what evaluating `query` will need from the site's knowledge (the subjects and
 * each word's vocabulary chunks), so that it is at hand, or on its way, when the engine is ready.
 */
export function prefetchKnowledge(knowledge: Knowledge, query: string): void {
  void knowledge.subjects().catch(() => undefined);
  const parsed = parseQuery(query);
  for (const term of [...positiveTerms(parsed), ...parsed.excluded]) {
    if (!isWordTerm(term)) continue;
    for (const word of [term.text, ...spellingVariants(term.text)]) {
      void knowledge.chunk(chunkKey(word)).catch(() => undefined);
    }
  }
}

/** Runs a query against Pagefind with the site's knowledge; see the module comment. */
export async function evaluate(
  api: Pick<PagefindApi, "search">,
  knowledge: Knowledge,
  query: string,
  options: PagefindSearchOptions = {},
  { correct = true }: { correct?: boolean } = {},
): Promise<Outcome> {
  const searches = new Map<string, Promise<PagefindSearch | null>>();
  const run = (term: string | null) => {
    const key = term ?? "\u0000";
    let s = searches.get(key);
    if (!s) searches.set(key, (s = api.search(term, options)));
    return s;
  };
  let parsed = parseQuery(query);
  // Pagefind's own search of each term starts at once (it ranks exact matches and finds prefix
  // ones), and so does the search of the word alone, which most words will be.
  for (const term of positiveTerms(parsed)) {
    void run(term.text).catch(() => undefined);
    if (isWordTerm(term)) void run(`"${term.text}"`).catch(() => undefined);
  }
  const subjects = await knowledge.subjects().catch(() => [] as SearchSubject[]);

  // A whole plain query that names a subject ("Shanghai Cooperation Organisation") is one term.
  const plain = parsed.excluded.length === 0 && parsed.clauses.every((c) => c.length === 1);
  const whole = plain ? parsed.clauses.map((c) => c[0]!.text).join(" ") : "";
  const wholeSubject = parsed.clauses.length > 1 ? subjectNamed(whole, subjects) : undefined;
  if (wholeSubject) parsed = { clauses: [[{ text: whole, phrase: true }]], excluded: [] };

  const positives = positiveTerms(parsed);
  const unfiltered = Object.values(options.filters ?? {}).every(
    (v) => Array.isArray(v) && v.length === 0,
  );
  const lastTerm = parsed.clauses.at(-1)?.at(-1);
  const unknownWords: string[] = [];

  /** The atoms a term searches, and whether its word is unknown. */
  const atomsOf = async (term: Term, { canPrefix }: { canPrefix: boolean }) => {
    const subject = subjectNamed(term.text, subjects);
    if (subject) {
      const atoms = subjectSpellings(subject).map((text): Atom => ({
        text,
        phrase: /\s/u.test(text),
        mode: "exact",
      }));
      return { atoms, subject, unknown: false, variants: [] as string[] };
    }
    // Chinese and Japanese are indexed word by word (cjk.ts): a run is searched as its words.
    if (term.phrase || hasCjk(term.text)) {
      const text = segmentCjkText(term.text);
      const atom: Atom = { text, phrase: /\s/u.test(text), mode: "exact" };
      return { atoms: [atom], unknown: false, variants: [] };
    }
    const chunk = await knowledge.chunk(chunkKey(term.text)).catch(() => ({}));
    const variants: string[] = [];
    for (const variant of spellingVariants(term.text)) {
      const variantChunk = await knowledge.chunk(chunkKey(variant)).catch(() => ({}));
      if (isKnownWord(variant, variantChunk)) variants.push(matchCase(term.text, variant));
    }
    const exact = isKnownWord(term.text, chunk);
    const prefix = !exact && canPrefix && isKnownWord(term.text, chunk, { asPrefix: true });
    const atoms: Atom[] = [];
    if (exact || prefix) atoms.push({ ...term, mode: exact ? "exact" : "prefix" });
    for (const v of variants) atoms.push({ text: v, phrase: false, mode: "exact" });
    return { atoms, unknown: !exact && !prefix && variants.length === 0, variants };
  };

  /** The essays an atom matches, with Pagefind's score and the match positions. */
  const matchAtom = async (atom: Atom): Promise<{ found: Found; search?: PagefindSearch }> => {
    const ranked = await run(atom.text);
    const wordsOf = (r: PagefindResult) => (r as { words?: number[] }).words ?? [];
    const scores = new Map(ranked?.results.map((r) => [r.id, r.score]) ?? []);
    const rankedWords = new Map(ranked?.results.map((r) => [r.id, wordsOf(r)]) ?? []);
    const set = atom.mode === "prefix" ? ranked : await run(`"${atom.text}"`);
    const found: Found = new Map();
    const floor = Math.min(...scores.values(), 1);
    for (const result of set?.results ?? []) {
      const words = wordsOf(result);
      const candidates = atom.mode === "prefix" ? [] : (rankedWords.get(result.id) ?? []);
      found.set(result.id, {
        id: result.id,
        score: scores.get(result.id) ?? floor,
        result,
        hits: [{ atom, words, candidates }],
      });
    }
    return { found, search: set ?? undefined };
  };

  const union = (sets: Found[]): Found => {
    const out: Found = new Map();
    for (const set of sets) {
      for (const [id, m] of set) {
        const seen = out.get(id);
        out.set(
          id,
          seen
            ? { ...seen, score: Math.max(seen.score, m.score), hits: [...seen.hits, ...m.hits] }
            : m,
        );
      }
    }
    return out;
  };

  const reportTerm = async (term: Term, canPrefix: boolean) => {
    const { atoms, subject, unknown, variants } = await atomsOf(term, { canPrefix });
    if (unknown) unknownWords.push(term.text);
    const answers = await Promise.all(atoms.map(matchAtom));
    const found = union(answers.map((a) => a.found));
    const spellings = variants.filter(
      (_, i) => (answers[atoms.length - variants.length + i]?.found.size ?? 0) > 0,
    );
    const dropped = found.size === 0 && (unknown || unfiltered);
    const report: TermReport = { term, essays: found.size, subject, spellings, unknown, dropped };
    return { report, found, single: atoms.length === 1 ? answers[0]?.search : undefined };
  };

  const positive = await Promise.all(
    positives.map((t) => reportTerm(t, t === lastTerm && !t.phrase)),
  );
  const excludedReports = await Promise.all(parsed.excluded.map((t) => reportTerm(t, false)));
  const byTerm = new Map(positives.map((t, i) => [termText(t), positive[i]!]));

  // Each clause: any of its terms. Clauses none of whose terms occur are left out (and said so).
  const clauseSets = parsed.clauses
    .filter((clause) => !clause.every((t) => byTerm.get(termText(t))!.report.dropped))
    .map((clause) => union(clause.map((t) => byTerm.get(termText(t))!.found)));
  const anyMissing = positive.some((p) => p.report.dropped);
  let matches: Match[];
  if (parsed.clauses.length && !clauseSets.length) matches = [];
  else {
    let current: Found;
    if (clauseSets.length) {
      current = clauseSets[0]!;
      for (const set of clauseSets.slice(1)) {
        const next: Found = new Map();
        for (const [id, m] of current) {
          const other = set.get(id);
          if (other)
            next.set(id, { ...m, score: m.score + other.score, hits: [...m.hits, ...other.hits] });
        }
        current = next;
      }
    } else {
      const all = await run(null);
      current = new Map(
        (all?.results ?? []).map((r) => [r.id, { id: r.id, score: 0, result: r, hits: [] }]),
      );
    }
    for (const { found } of excludedReports) for (const id of found.keys()) current.delete(id);
    matches = [...current.values()];
  }
  if (options.sort && Object.keys(options.sort).length) {
    matches = orderLike(matches, (await run(null))?.results ?? []);
  } else matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  // Exact counts: one search's own when the matches are exactly its results, else counted.
  const only =
    parsed.clauses.length === 1 &&
    parsed.clauses[0]!.length === 1 &&
    !parsed.excluded.length &&
    positive[0]?.single;
  const everything = !parsed.clauses.length && !parsed.excluded.length;
  const counts = async (): Promise<FilterCounts | undefined> => {
    if (only) return only.filters;
    if (everything) return (await run(null))?.filters;
    if (matches.length > MAX_COUNTED) return undefined;
    const out: FilterCounts = {};
    for (const data of await Promise.all(matches.map((m) => m.result.data()))) {
      for (const [name, values] of Object.entries(data.filters)) {
        for (const value of values ?? []) {
          out[name] ??= {};
          out[name][value] = (out[name][value] ?? 0) + 1;
        }
      }
    }
    return out;
  };

  const outcome: Outcome = {
    query,
    parsed,
    matches,
    terms: positive.map((p) => p.report),
    excluded: excludedReports.map((p) => p.report),
    subject: positive.length === 1 ? positive[0]!.report.subject : undefined,
    counts,
  };
  if (!correct || !unknownWords.length) return outcome;

  // Corrections from the vocabulary, for the words no essay contains.
  const corrections = new Map<string, string>();
  for (const word of new Set(unknownWords)) {
    const key = chunkKey(word);
    const swapped = key.length === 2 ? `${key[1]}${key[0]}` : key;
    const asPrefix = lastTerm?.text === word && !lastTerm.phrase;
    const suggestion =
      suggestWord(word, await knowledge.chunk(key).catch(() => ({})), { asPrefix }) ??
      (swapped !== key
        ? suggestWord(word, await knowledge.chunk(swapped).catch(() => ({})), { asPrefix })
        : undefined);
    if (suggestion) corrections.set(word, matchCase(word, suggestion));
  }
  if (!corrections.size) return outcome;
  const fix = (t: Term): Term => (t.phrase ? t : { ...t, text: corrections.get(t.text) ?? t.text });
  const to = formatQuery({
    clauses: parsed.clauses.map((c) => c.map(fix)),
    excluded: parsed.excluded.map(fix),
  });
  const second = await evaluate(api, knowledge, to, options, { correct: false });
  if (!second.matches.length) return outcome;
  const nothingFound = positive.length > 0 && positive.every((p) => p.report.dropped);
  if (nothingFound && !matches.length) return { ...second, corrected: { from: query, to } };
  return anyMissing || matches.length
    ? { ...outcome, suggestion: { query: to, essays: second.matches.length } }
    : outcome;
}
