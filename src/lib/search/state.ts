/**
 * Search state and its URL, without the DOM (browser and build): the state lives in the URL
 * (`/search/?q=…&tag=…&subject=…&author=…&sort=…`) so a search can be bookmarked, shared and
 * restored. Facets come from the registry (facets.ts); nothing here names one.
 */
import { FACET_KEYS, FACETS, type FacetKey } from "./facets.ts";

/** How results are ordered. */
export type SortKey = "relevance" | "order" | "title";

/** The sort orders a reader can choose, in the order the menu lists them. */
export const SORTS: { key: SortKey; label: string }[] = [
  { key: "relevance", label: "Best match" },
  { key: "order", label: "Reading order" },
  { key: "title", label: "Title A–Z" },
];

/** Chosen values (slugs) per facet. */
export type FacetValues = Record<FacetKey, string[]>;

/** A search: the words, the chosen values of each facet (as slugs), and an explicit sort. */
export interface SearchState {
  query: string;
  filters: FacetValues;
  sort?: SortKey | undefined;
}

/** No value chosen in any facet. */
export const NO_FILTERS: FacetValues = Object.freeze(
  Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as FacetValues,
);

/** The empty search. */
export const EMPTY_SEARCH: SearchState = { query: "", filters: NO_FILTERS };

/** A search for some words and facet values (missing facets have none). */
export function searchFor(query: string, filters: Partial<FacetValues> = {}): SearchState {
  return { query, filters: { ...NO_FILTERS, ...filters } };
}

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

function slugList(values: readonly string[]): string[] {
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
    filters: Object.fromEntries(
      FACET_KEYS.map((key) => [key, slugList(params.getAll(key))]),
    ) as FacetValues,
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
  for (const facet of FACETS) {
    for (const slug of slugList(state.filters[facet.key])) params.append(facet.key, slug);
  }
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

/** Whether any facet value is chosen. */
export const hasFilters = (state: SearchState): boolean =>
  FACET_KEYS.some((k) => state.filters[k].length > 0);

/** Whether a search has anything to look for (words or filters). */
export function isActive(state: SearchState): boolean {
  return Boolean(normaliseQuery(state.query)) || hasFilters(state);
}

/** The same search without one facet value. */
export function withoutValue(state: SearchState, key: FacetKey, slug: string): SearchState {
  return {
    ...state,
    filters: { ...state.filters, [key]: state.filters[key].filter((s) => s !== slug) },
  };
}

/** The same search with no facet values. */
export const withoutFilters = (state: SearchState): SearchState => ({
  ...state,
  filters: NO_FILTERS,
});

/** The parameter that carries highlight terms to an essay page. */
export const HIGHLIGHT_PARAM = "highlight";

/**
 * A result URL that asks the essay page to highlight some words and phrases (what the search
 * matched in that essay); the #fragment stays last.
 */
export function withHighlight(url: string, terms: readonly string[]): string {
  const unique = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (!unique.length) return url;
  const [beforeHash, hash = ""] = url.split("#", 2) as [string, string?];
  const params = unique.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(t)}`).join("&");
  return `${beforeHash}${beforeHash.includes("?") ? "&" : "?"}${params}${hash ? `#${hash}` : ""}`;
}
