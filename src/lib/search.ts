/**
 * Search state and the words around it, without the DOM: the state lives in the URL
 * (`/search/?q=…&author=…&tag=…&subject=…&sort=…`) so a search can be bookmarked, shared and
 * restored.
 */
import { parseQuery } from "./spelling.ts";

/** How results are ordered. */
export type SortKey = "relevance" | "order" | "title";

/** The sort orders a reader can choose, in the order the menu lists them. */
export const SORTS: { key: SortKey; label: string }[] = [
  { key: "relevance", label: "Best match" },
  { key: "order", label: "Reading order" },
  { key: "title", label: "Title A–Z" },
];

/**
 * A search: the words, the author, tag and subject filters (as slugs), and an explicit sort if
 * chosen.
 */
export interface SearchState {
  query: string;
  authors: string[];
  tags: string[];
  subjects: string[];
  sort?: SortKey | undefined;
}

/** The empty search. */
export const EMPTY_SEARCH: SearchState = { query: "", authors: [], tags: [], subjects: [] };

/** The longest query we pass to Pagefind; anything longer is cut, never an error. */
export const MAX_QUERY_LENGTH = 200;
/** The most values one filter may carry in a URL; more is junk, not a search. */
export const MAX_FILTER_VALUES = 20;

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Collapses whitespace, drops control characters and caps the length of a query. */
export function normaliseQuery(raw: string): string {
  return raw
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

function slugList(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => SLUG.test(v)))].slice(
    0,
    MAX_FILTER_VALUES,
  );
}

/** Reads a search from a URL query string, ignoring anything malformed rather than failing. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get("sort");
  return {
    query: normaliseQuery(params.get("q") ?? ""),
    authors: slugList(params.getAll("author")),
    tags: slugList(params.getAll("tag")),
    subjects: slugList(params.getAll("subject")),
    sort: SORTS.some((s) => s.key === sort) ? (sort as SortKey) : undefined,
  };
}

/** The sort that applies: the chosen one, else best match for a query and reading order without. */
export function effectiveSort(state: SearchState): SortKey {
  return state.sort ?? (normaliseQuery(state.query) ? "relevance" : "order");
}

/** The URL query string of a search (e.g. `?q=Crimea&tag=ukraine-crisis`), "" for none. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  const query = normaliseQuery(state.query);
  if (query) params.append("q", query);
  for (const author of slugList(state.authors)) params.append("author", author);
  for (const tag of slugList(state.tags)) params.append("tag", tag);
  for (const subject of slugList(state.subjects)) params.append("subject", subject);
  if (state.sort && state.sort !== effectiveSort({ ...state, sort: undefined })) {
    params.append("sort", state.sort);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether two searches ask for the same thing. */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchQueryString(a) === searchQueryString(b);
}

/** Whether a search has anything to look for (words or filters). */
export function isActive(state: SearchState): boolean {
  return Boolean(
    normaliseQuery(state.query) ||
    state.authors.length ||
    state.tags.length ||
    state.subjects.length,
  );
}

/** Slug → label maps for the filters, built from the facet lists on the page. */
export interface FacetLabels {
  authors: Map<string, string>;
  tags: Map<string, string>;
  subjects: Map<string, string>;
}

/**
 * Pagefind filters for a search: essays with every chosen tag, mentioning every chosen subject,
 * by any chosen author.
 */
export function pagefindFilters(
  state: Pick<SearchState, "authors" | "tags" | "subjects">,
  labels: FacetLabels,
): Record<string, string[] | { any: string[] }> {
  const filters: Record<string, string[] | { any: string[] }> = {};
  const tags = state.tags.flatMap((slug) => labels.tags.get(slug) ?? []);
  const subjects = state.subjects.flatMap((slug) => labels.subjects.get(slug) ?? []);
  const authors = state.authors.flatMap((slug) => labels.authors.get(slug) ?? []);
  if (tags.length) filters.tag = tags;
  if (subjects.length) filters.subject = subjects;
  if (authors.length) filters.author = { any: authors };
  return filters;
}

/**
 * The filters of a search that should also count the given facets. Pagefind counts values only
 * for filters whose index it has loaded, and loads one only when a search names it; naming a
 * filter with no values loads it without narrowing anything. So each facet's index is fetched
 * (and its counting cost paid) only once a reader can see that facet.
 */
export function withCountedFacets<T>(
  filters: Record<string, T>,
  facets: readonly string[],
): Record<string, T | never[]> {
  const counted: Record<string, T | never[]> = { ...filters };
  for (const facet of facets) counted[facet] ??= [];
  return counted;
}

/** Pagefind's sort option for a sort key (best match is Pagefind's default). */
export function pagefindSort(sort: SortKey): Record<string, "asc" | "desc"> {
  return sort === "relevance" ? {} : { [sort]: "asc" };
}

/** English list: "a", "a and b", "a, b and c" (or "or"). */
export function listOf(items: string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** A sentence announcing a result set, for the live status region. */
export function describeResults(
  count: number,
  query: string,
  filters: { authors: string[]; tags: string[]; subjects?: string[] } = { authors: [], tags: [] },
): string {
  const parts: string[] = [];
  const q = normaliseQuery(query);
  if (q) parts.push(`${count === 1 ? "matches" : "match"} “${q}”`);
  if (filters.tags.length) parts.push(`tagged ${listOf(filters.tags)}`);
  if (filters.subjects?.length) parts.push(`mentioning ${listOf(filters.subjects)}`);
  if (filters.authors.length) parts.push(`by ${listOf(filters.authors, "or")}`);
  const what = parts.length ? ` ${parts.join(", ")}` : "";
  if (count === 0) return `No essays${what}.`;
  return `${count} essay${count === 1 ? "" : "s"}${what}.`;
}

/** The terms to highlight on the page a result opens: the phrase, or each word. */
export function highlightTerms(query: string): string[] {
  const { phrase, words } = parseQuery(normaliseQuery(query));
  if (phrase) return words.length ? [words.join(" ")] : [];
  return words.map((w) => w.replace(/^["']+|["']+$/g, "")).filter(Boolean);
}

/** The query parameter that carries highlight terms to an essay page. */
export const HIGHLIGHT_PARAM = "highlight";

/**
 * A result URL that asks the essay page to highlight the terms of the query (or of every spelling
 * of it that was searched); the #fragment stays last.
 */
export function withHighlight(url: string, query: string | string[]): string {
  const queries = Array.isArray(query) ? query : [query];
  const terms = [...new Set(queries.flatMap(highlightTerms))];
  if (!terms.length) return url;
  const [beforeHash, hash = ""] = url.split("#", 2) as [string, string?];
  const params = terms.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(t)}`).join("&");
  return `${beforeHash}${beforeHash.includes("?") ? "&" : "?"}${params}${hash ? `#${hash}` : ""}`;
}

/** Queries with one word removed, for "try fewer words" after a search with no results. */
export function queriesWithoutOneWord(query: string): string[] {
  const { phrase, words } = parseQuery(normaliseQuery(query));
  if (phrase || words.length < 2) return [];
  return words.map((_, i) => words.filter((__, j) => j !== i).join(" "));
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

/** One result handle from Pagefind; its data loads on demand. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

/** Pagefind's search response (the fields this site reads). */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** The options Pagefind's search takes. */
export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, "asc" | "desc">;
}

/** The part of Pagefind's browser API this site uses. */
export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/**
 * Merges the results of several searches (one per spelling of a query) into one list: each page
 * once, with its best score, best first.
 */
export function mergeByScore(lists: PagefindResult[][]): PagefindResult[] {
  const best = new Map<string, PagefindResult>();
  for (const list of lists) {
    for (const result of list) {
      const seen = best.get(result.id);
      if (!seen || result.score > seen.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Orders merged results the way a reference list (same filters and sort, no query) orders pages. */
export function orderLike(
  results: PagefindResult[],
  reference: PagefindResult[],
): PagefindResult[] {
  const rank = new Map(reference.map((r, i) => [r.id, i]));
  return [...results].sort(
    (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.score - a.score,
  );
}
