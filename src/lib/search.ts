/**
 * The search page's logic that does not touch the DOM: reading the query from the URL, and the
 * words that describe a result set. The page script (src/scripts/search-page.ts) wires it up.
 */

/** What a search is for: the query text as the reader typed it. */
export interface SearchState {
  query: string;
}

/** The longest query we pass to Pagefind; anything longer is cut, never an error. */
export const MAX_QUERY_LENGTH = 200;

/** Reads the search state from a URL's query string (`?q=…`), tolerating junk. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return { query: normaliseQuery(params.get("q") ?? "") };
}

/** Collapses whitespace, drops control characters and caps the length of a query. */
export function normaliseQuery(raw: string): string {
  return raw
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/** The query string for a search state, e.g. `?q=Russkii+Mir`, or "" for an empty search. */
export function searchQueryString(state: SearchState): string {
  const query = normaliseQuery(state.query);
  return query ? `?${new URLSearchParams({ q: query }).toString()}` : "";
}

/** A sentence announcing how many essays matched, for the live status region. */
export function describeResults(count: number, query: string): string {
  if (count === 0) return `No essays match “${query}”.`;
  return `${count} essay${count === 1 ? "" : "s"} ${count === 1 ? "matches" : "match"} “${query}”.`;
}

/** The data Pagefind returns for one result (the fields this site reads). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
  word_count?: number;
}

/** Pagefind's search response: result handles whose data loads on demand. */
export interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
}

/** The part of Pagefind's browser API this site uses. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  search: (query: string) => Promise<PagefindSearch | null>;
}
