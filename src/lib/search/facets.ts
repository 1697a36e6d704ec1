/**
 * The search's one registry (browser and build): each facet named once, with the one name that is
 * its state key, URL parameter and Pagefind filter alike, how its chips and notices name it, how
 * its values combine, and whether its list starts folded; plus the Pagefind meta and sort names
 * the layouts write and the search reads. Adding a facet is one entry here, one
 * `data-pagefind-filter={FACET.x.filter}` in a layout and one `<SearchFacet>` on the search page.
 */

/** How a facet's chosen values combine: every one must hold, or any one may. */
export type Combine = "all" | "any";

/** One facet of the search. */
export interface Facet {
  /** State key, URL parameter (`?tag=…`) and Pagefind filter name, all one name. */
  key: string;
  /** The chip's noun: "Tag: Ukraine crisis". */
  noun: string;
  /** The fieldset legend. */
  legend: string;
  /** What ticking several values means, shown under the legend. */
  hint: string;
  /** How a sentence names essays with this value: "tagged", "mentioning", "by". */
  phrase: string;
  combine: Combine;
  /** Whether its list is folded, and its checkboxes only put in the page when opened. */
  folded: boolean;
}

/** The facets, in the order the filters column lists them. */
export const FACETS = [
  {
    key: "tag",
    noun: "Tag",
    legend: "Tags",
    hint: "Essays with all chosen tags",
    phrase: "tagged",
    combine: "all",
    folded: false,
  },
  {
    key: "subject",
    noun: "Subject",
    legend: "Subjects",
    hint: "Essays mentioning all chosen subjects",
    phrase: "mentioning",
    combine: "all",
    folded: true,
  },
  {
    key: "author",
    noun: "Author",
    legend: "Authors",
    hint: "Essays by any chosen author",
    phrase: "by",
    combine: "any",
    folded: false,
  },
] as const satisfies readonly Facet[];

/** A facet's name. */
export type FacetKey = (typeof FACETS)[number]["key"];

/** The facet of a name. */
export const FACET = Object.fromEntries(FACETS.map((f) => [f.key, f])) as {
  [K in FacetKey]: Extract<(typeof FACETS)[number], { key: K }>;
};

/** The facet names, in order. */
export const FACET_KEYS: FacetKey[] = FACETS.map((f) => f.key);

/** The Pagefind metadata the essay layout records and results show. */
export const META = { title: "title", summary: "summary", authorSlug: "author_slug" } as const;

/** The Pagefind sort keys the essay layout records. */
export const SORT_FIELDS = { order: "order", title: "title" } as const;

/** A `data-pagefind-meta` value for a meta name and a value ("author_slug:natasha-kuhrt"). */
export const metaAttribute = (name: string, value: string): string => `${name}:${value}`;

/** A facet value as the search page lists it: its slug, label and essays in the collection. */
export interface FacetValue {
  slug: string;
  label: string;
  essays: number;
}

/**
 * How much of a long facet the page shows before "Show all": a list of more than `above` values
 * shows the `shown` values with the most essays, so the page a reader opens stays the same size
 * however many authors, tags and subjects the collection has.
 */
export const SHORT_LIST = { above: 50, shown: 20 } as const;

/**
 * The values a facet shows at first, in the list's own order: all of them, or for a long list
 * the `shown` with the most essays (ties: the earlier in the list).
 */
export function shortList<T extends FacetValue>(
  values: readonly T[],
  limits: { above: number; shown: number } = SHORT_LIST,
): T[] {
  if (values.length <= limits.above) return [...values];
  const top = new Set(
    values
      .map((value, i) => ({ value, i }))
      .sort((a, b) => b.value.essays - a.value.essays || a.i - b.i)
      .slice(0, limits.shown)
      .map(({ value }) => value),
  );
  return values.filter((value) => top.has(value));
}
