/**
 * The search engine both search boxes share: Pagefind, loaded once on demand, plus what Pagefind
 * lacks — British/American spellings searched together, and "did you mean" corrections from the
 * site's own vocabulary when a query finds nothing.
 */
import { assetPath } from "../lib/paths.ts";
import { BOOT_GLOBAL, PAGEFIND_OPTIONS } from "../lib/search-boot.ts";
import {
  mergeByScore,
  orderLike,
  type PagefindApi,
  type PagefindResult,
  type PagefindSearch,
  type PagefindSearchOptions,
} from "../lib/search.ts";
import {
  formatQuery,
  isKnownWord,
  matchCase,
  parseQuery,
  queryVariants,
  suggestWord,
} from "../lib/spelling.ts";
import { chunkKey, type VocabularyChunk } from "../lib/vocabulary.ts";

/** Filter counts: filter name → value → number of essays. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What a search found. */
export interface EngineResponse {
  /** The query the results are for (the corrected one when a correction was applied). */
  query: string;
  results: PagefindResult[];
  /** Counts of each filter value among the results. */
  filters: FilterCounts;
  /** Other spellings that were searched too (e.g. "defense" for "defence") and found essays. */
  variants: string[];
  /** Set when the query found nothing and a corrected query did: what was corrected to what. */
  corrected?: { from: string; to: string };
  /** A corrected query to offer ("Did you mean …?") when the query found essays anyway. */
  suggestion?: string;
}

let pagefind: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind once, from the index this build wrote, under the site's base path — or takes
 * the one the search page's inline boot script already started.
 */
export function loadPagefind(): Promise<PagefindApi> {
  const booted = (window as unknown as Record<string, Promise<PagefindApi> | undefined>)[
    BOOT_GLOBAL
  ];
  pagefind ??=
    booted ??
    (async () => {
      const api = (await import(
        /* @vite-ignore */ assetPath("pagefind/pagefind.js")
      )) as PagefindApi;
      await api.options({ baseUrl: import.meta.env.BASE_URL, ...PAGEFIND_OPTIONS });
      await api.init?.();
      return api;
    })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** Starts loading the index chunks a query will need, before the debounced search runs. */
export async function preload(query: string): Promise<void> {
  const q = query.trim();
  if (!q) return;
  const api = await loadPagefind();
  await Promise.all(queryVariants(q).map((v) => api.preload(v)));
}

const MAX_COUNTED = 300;

/** Counts filter values over merged results by reading each result's data (small sets only). */
async function countFilters(
  results: PagefindResult[],
  fallback: FilterCounts,
): Promise<FilterCounts> {
  if (results.length > MAX_COUNTED) return fallback;
  const counts: FilterCounts = {};
  for (const data of await Promise.all(results.map((r) => r.data()))) {
    for (const [name, values] of Object.entries(data.filters)) {
      for (const value of values ?? []) {
        counts[name] ??= {};
        counts[name][value] = (counts[name][value] ?? 0) + 1;
      }
    }
  }
  return counts;
}

/** Sums Pagefind's per-search filter counts (an over-count when the searches overlap). */
function sumFilters(searches: PagefindSearch[]): FilterCounts {
  const total: FilterCounts = {};
  for (const s of searches) {
    for (const [name, values] of Object.entries(s.filters)) {
      for (const [value, n] of Object.entries(values)) {
        total[name] ??= {};
        total[name][value] = (total[name][value] ?? 0) + n;
      }
    }
  }
  return total;
}

/** Runs one query in every spelling and merges the answers. */
async function searchAllSpellings(
  api: PagefindApi,
  query: string,
  options: PagefindSearchOptions,
): Promise<Omit<EngineResponse, "corrected">> {
  const spellings = queryVariants(query);
  const searches = await Promise.all(spellings.map((s) => api.search(s, options)));
  const found = spellings
    .map((spelling, i) => ({ spelling, search: searches[i] }))
    .filter((x): x is { spelling: string; search: PagefindSearch } => Boolean(x.search));
  const hits = found.filter((x) => x.search.results.length > 0);
  if (hits.length <= 1) {
    const only = hits[0] ?? found[0];
    return {
      query,
      results: only?.search.results ?? [],
      filters: only?.search.filters ?? {},
      variants: hits[0] && hits[0].spelling !== query ? [hits[0].spelling] : [],
    };
  }
  let results = mergeByScore(hits.map((x) => x.search.results));
  if (options.sort && Object.keys(options.sort).length) {
    // Pagefind does not expose sort values; rank the merged pages like a query-less search does.
    const reference = await api.search(null, options);
    results = orderLike(results, reference?.results ?? []);
  }
  return {
    query,
    results,
    filters: await countFilters(results, sumFilters(hits.map((x) => x.search))),
    variants: hits.map((x) => x.spelling).filter((s) => s !== query),
  };
}

const chunks = new Map<string, Promise<VocabularyChunk>>();
let chunkKeys: Promise<Set<string>> | undefined;

/** Fetches a JSON file of the site, or the fallback when it is missing or unreadable. */
async function fetchJson<T>(file: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(assetPath(file));
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** One chunk of the site vocabulary (words by first two letters), fetched once; {} if none. */
async function vocabularyChunk(key: string): Promise<VocabularyChunk> {
  chunkKeys ??= fetchJson<string[]>("search/vocabulary/index.json", []).then((k) => new Set(k));
  if (!(await chunkKeys).has(key)) return {};
  let chunk = chunks.get(key);
  if (!chunk) {
    chunk = fetchJson<VocabularyChunk>(`search/vocabulary/${key}.json`, {});
    chunks.set(key, chunk);
  }
  return chunk;
}

/** What the vocabulary says about a query's words. */
export interface QueryCheck {
  /** Words that occur in no essay, in any form. */
  unknown: string[];
  /** Whether every word of the query is unknown. */
  allUnknown: boolean;
  /** The query with each unknown word replaced by its closest known word, if any has one. */
  correction?: string;
}

/** Checks a query's words against the site vocabulary and proposes a correction. */
export async function checkQuery(query: string): Promise<QueryCheck> {
  const parsed = parseQuery(query);
  const unknown: string[] = [];
  let changed = false;
  const words = await Promise.all(
    parsed.words.map(async (word, i) => {
      const asPrefix = i === parsed.words.length - 1 && !parsed.phrase;
      const key = chunkKey(word);
      const chunk = await vocabularyChunk(key);
      if (isKnownWord(word, chunk, { asPrefix })) return word;
      unknown.push(word);
      // A slip in the first two letters ("cirmea") lives in the chunk of the swapped pair.
      const swapped = key.length === 2 ? `${key[1]}${key[0]}` : key;
      const suggestion =
        suggestWord(word, chunk, { asPrefix }) ??
        (swapped !== key
          ? suggestWord(word, await vocabularyChunk(swapped), { asPrefix })
          : undefined);
      if (!suggestion) return word;
      changed = true;
      return matchCase(word, suggestion);
    }),
  );
  return {
    unknown,
    allUnknown: unknown.length > 0 && unknown.length === parsed.words.length,
    correction: changed ? formatQuery({ phrase: parsed.phrase, words }) : undefined,
  };
}

/** Searches Pagefind for a query in all its spellings (null: every essay matching the filters). */
export async function searchWords(
  query: string | null,
  options: PagefindSearchOptions = {},
): Promise<EngineResponse> {
  const api = await loadPagefind();
  if (query === null || !query.trim()) {
    const s = await api.search(null, options);
    return { query: "", results: s?.results ?? [], filters: s?.filters ?? {}, variants: [] };
  }
  return searchAllSpellings(api, query, options);
}

/**
 * Checks a response against the site vocabulary. Pagefind ignores words that occur nowhere, so:
 * when no word of the query occurs anywhere, or nothing was found, a corrected query (if there
 * is one that finds essays) replaces the response; when some words do occur, the correction is
 * only offered. Returns the response unchanged when the words are all known.
 */
export async function refine(
  first: EngineResponse,
  options: PagefindSearchOptions = {},
  check?: Promise<QueryCheck>,
): Promise<EngineResponse> {
  if (!first.query.trim()) return first;
  const { allUnknown, correction } = await (check ?? checkQuery(first.query));
  // Results for a query none of whose words occur are Pagefind's near-misses, not matches.
  const found = allUnknown ? { ...first, results: [], filters: {} } : first;
  if (found.results.length > 0) return correction ? { ...found, suggestion: correction } : found;
  if (!correction) return found;
  const second = await searchWords(correction, options);
  if (second.results.length === 0) return found;
  return { ...second, corrected: { from: first.query, to: correction } };
}

/** Searches for a query and refines the answer with the vocabulary (see refine). */
export async function search(
  query: string | null,
  options: PagefindSearchOptions = {},
): Promise<EngineResponse> {
  const check = query?.trim() ? checkQuery(query) : undefined;
  return refine(await searchWords(query, options), options, check);
}
