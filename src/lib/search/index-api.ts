/**
 * What this site uses of Pagefind's browser API, and how a search state maps onto it (browser and
 * tests): filters from the facet registry, sorts, and merging the answers of several searches.
 */
import { FACETS, type FacetKey } from "./facets.ts";
import type { SearchState, SortKey } from "./state.ts";

/** Slug → label for each facet's values, as the search page lists them. */
export type FacetLabels = Record<FacetKey, Map<string, string>>;

/** Filter counts: filter name → value → number of essays. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Pagefind's filters option. */
export type PagefindFilters = Record<string, string[] | { any: string[] }>;

/**
 * Pagefind filters for a search, one per facet with chosen values: `all` facets need every value,
 * `any` facets one of them. Values are Pagefind's labels, not slugs.
 */
export function pagefindFilters(
  filters: SearchState["filters"],
  labels: FacetLabels,
): PagefindFilters {
  const out: PagefindFilters = {};
  for (const facet of FACETS) {
    const values = filters[facet.key].flatMap((slug) => labels[facet.key].get(slug) ?? []);
    if (values.length) out[facet.key] = facet.combine === "any" ? { any: values } : values;
  }
  return out;
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

/** Where one match is: a word position in the page's indexed content. */
export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** A section of a page that matched. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  anchor?: { element: string; id: string; text?: string; location: number };
}

/** The data Pagefind returns for one result (the fields this site reads). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
  anchors?: { element: string; id: string; text?: string; location: number }[];
  locations?: number[];
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
  filters: FilterCounts;
  totalFilters: FilterCounts;
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
  filters: () => Promise<FilterCounts>;
}

/** Orders results the way a reference list (same filters and sort, no query) orders pages. */
export function orderLike<T extends { id: string; score: number }>(
  results: T[],
  reference: { id: string }[],
): T[] {
  const rank = new Map(reference.map((r, i) => [r.id, i]));
  return [...results].sort(
    (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.score - a.score,
  );
}
