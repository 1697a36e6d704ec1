/**
 * The search engine both search boxes share (browser): Pagefind, loaded once on demand (or taken
 * from the search page's boot script), a second Pagefind instance that only counts facets, and
 * the site's own knowledge it is asked with — the vocabulary chunks and the curated subjects, each
 * fetched once. The logic is lib/search/evaluate.ts.
 */
import { assetPath } from "../../lib/paths.ts";
import { BOOT_GLOBAL, PAGEFIND_OPTIONS } from "../../lib/search/boot.ts";
import {
  evaluate,
  prefetchKnowledge,
  type Knowledge,
  type Outcome,
} from "../../lib/search/evaluate.ts";
import type { PagefindApi, PagefindSearchOptions } from "../../lib/search/index-api.ts";
import { positiveTerms, parseQuery } from "../../lib/search/query.ts";
import type { SearchSubject } from "../../lib/search/subjects.ts";
import type { VocabularyChunk } from "../../lib/search/vocabulary.ts";

/** Where the build writes what the engine fetches. */
export const SEARCH_FILES = {
  vocabularyIndex: "search/vocabulary/index.json",
  vocabularyChunk: (key: string) => `search/vocabulary/${key}.json`,
  subjects: "search/subjects.json",
} as const;

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

/** Fetches a JSON file of the site, or the fallback when it is missing or unreadable. */
async function fetchJson<T>(file: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(assetPath(file));
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

let counting: Promise<PagefindApi> | undefined;

/**
 * A second Pagefind, for facet counts only. Once a Pagefind instance has loaded a filter index it
 * counts every filter value on every later search (at 10,000 essays a search then takes 0.5–1 s
 * instead of 30–50 ms), so the instance the reader's searches run on never loads one unless the
 * reader filters; this one, in its own worker, loads them and counts.
 */
function loadCountingPagefind(): Promise<PagefindApi> {
  counting ??= (async () => {
    const module = (await import(/* @vite-ignore */ assetPath("pagefind/pagefind.js"))) as {
      createInstance: (options?: Record<string, unknown>) => PagefindApi;
    };
    const api = module.createInstance();
    await api.options({ baseUrl: import.meta.env.BASE_URL, ...PAGEFIND_OPTIONS });
    await api.init?.();
    return api;
  })();
  counting.catch(() => (counting = undefined));
  return counting;
}

const chunks = new Map<string, Promise<VocabularyChunk>>();
let chunkKeys: Promise<Set<string>> | undefined;
let subjects: Promise<SearchSubject[]> | undefined;

/** The site's knowledge, fetched lazily and once. */
const knowledge: Knowledge = {
  async chunk(key) {
    chunkKeys ??= fetchJson<string[]>(SEARCH_FILES.vocabularyIndex, []).then((k) => new Set(k));
    if (!(await chunkKeys).has(key)) return {};
    let chunk = chunks.get(key);
    if (!chunk) chunks.set(key, (chunk = fetchJson(SEARCH_FILES.vocabularyChunk(key), {})));
    return chunk;
  },
  subjects: () => (subjects ??= fetchJson<SearchSubject[]>(SEARCH_FILES.subjects, [])),
};

/** Starts loading the index chunks a query will need, before the debounced search runs. */
export async function preload(query: string): Promise<void> {
  const terms = positiveTerms(parseQuery(query.trim()));
  if (!terms.length) return;
  const api = await loadPagefind();
  void knowledge.subjects();
  await Promise.all(terms.map((t) => api.preload(t.text)));
}

/** Searches for a query (null or "": every essay the filters allow); see lib/search/evaluate.ts. */
export async function search(
  query: string | null,
  options: PagefindSearchOptions = {},
): Promise<Outcome> {
  const text = query?.trim() ?? "";
  // What the site knows about the query is fetched while Pagefind is still starting.
  prefetchKnowledge(knowledge, text);
  return evaluate(await loadPagefind(), knowledge, text, options);
}

/** The same search on the counting instance, for the facet counts of what a search found. */
export async function searchForCounts(
  query: string | null,
  options: PagefindSearchOptions = {},
): Promise<Outcome> {
  return evaluate(await loadCountingPagefind(), knowledge, query?.trim() ?? "", options);
}
