/**
 * The search page: results as you type, tag, subject and author facets with live counts, sorting, and the
 * whole state in the URL so a search can be bookmarked, shared and restored with Back/Forward.
 * Typing replaces the current history entry; committing (Enter, a filter, a sort) adds one.
 */
import { authorPath, searchPath, tagPath } from "../lib/paths.ts";
import {
  describeResults,
  effectiveSort,
  isActive,
  listOf,
  pagefindFilters,
  pagefindSort,
  queriesWithoutOneWord,
  readSearchState,
  sameSearch,
  searchQueryString,
  withCountedFacets,
  withHighlight,
  type FacetLabels,
  type PagefindResult,
  type PagefindResultData,
  type SearchState,
} from "../lib/search.ts";
import { SEARCH_PENDING_CLASS } from "../lib/search-boot.ts";
import { slugify } from "../lib/slug.ts";
import { SITE } from "../site.ts";
import { excerptFragment, el, link, yieldToMain } from "./dom.ts";
import {
  checkQuery,
  preload,
  refine,
  search,
  searchWords,
  type EngineResponse,
} from "./search-engine.ts";

const PAGE_SIZE = 10;

/** How a chip names each kind of filter. */
const FACET_NOUNS: Record<FacetName, string> = { author: "Author", tag: "Tag", subject: "Subject" };
const TYPING_DELAY_MS = 180;

const form = document.querySelector<HTMLFormElement>("#search-form")!;
const input = form.querySelector<HTMLInputElement>("#search-query")!;
const sortSelect = form.querySelector<HTMLSelectElement>("#search-sort")!;
const status = document.querySelector<HTMLElement>("#search-status")!;
const notice = document.querySelector<HTMLElement>("#search-notice")!;
const chips = document.querySelector<HTMLElement>("#search-active-filters")!;
const list = document.querySelector<HTMLOListElement>("#search-results")!;
const more = document.querySelector<HTMLButtonElement>("#search-more")!;
const empty = document.querySelector<HTMLElement>("#search-empty")!;
const help = document.querySelector<HTMLElement>("#search-help")!;

// JavaScript is running: drop the note that says search needs it (CSS already hides it, and
// shows the filters and controls, from the first paint: see SEARCH_JS_CLASS).
document.querySelector("#search-needs-js")?.remove();
const filtersDetails = document.querySelector<HTMLDetailsElement>("#search-filters");
if (filtersDetails && window.matchMedia("(min-width: 64rem)").matches) filtersDetails.open = true;

/** The filters, by the name their checkboxes and URL parameters carry. */
type FacetName = "author" | "tag" | "subject";
const FACETS: FacetName[] = ["tag", "subject", "author"];

const checkboxes = (name: FacetName) => [
  ...form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=${name}]`),
];

// The subject facet is folded, its checkboxes kept in a <template> until first opened.
const subjectFacet = document.querySelector<HTMLDetailsElement>("#subject-facet");
const subjectTemplate = document.querySelector<HTMLTemplateElement>("#subject-facet-template");
let lastCounts: Partial<Record<FacetName, Record<string, number> | undefined>> = {};

/** Puts the subject checkboxes in the page (once), ticked and counted as the search is. */
function showSubjectFacet(): void {
  if (!subjectFacet || !subjectTemplate?.parentElement) return;
  subjectTemplate.replaceWith(subjectTemplate.content.cloneNode(true));
  for (const box of checkboxes("subject")) box.checked = state.subjects.includes(box.value);
  if (lastCounts.subject) showCounts("subject", lastCounts.subject);
}
subjectFacet?.addEventListener("toggle", () => subjectFacet.open && showSubjectFacet());

/** A facet's checkboxes, including those still in the subject template. */
const allBoxes = (name: FacetName) => [
  ...checkboxes(name),
  ...(name === "subject" && subjectTemplate
    ? subjectTemplate.content.querySelectorAll<HTMLInputElement>("input[type=checkbox]")
    : []),
];

const labelMap = (name: FacetName) =>
  new Map(allBoxes(name).map((c) => [c.value, c.dataset.label ?? c.value]));

/** Each value's essays in the whole collection, as the build wrote them: no index needed. */
const totals = (name: FacetName): Record<string, number> =>
  Object.fromEntries(
    allBoxes(name).map((c) => [c.dataset.label ?? c.value, Number(c.dataset.total ?? 0)]),
  );

/**
 * The facets a reader can see, the only ones worth counting: each counted facet makes Pagefind
 * fetch its filter index and count it on every later search (a large subject index costs
 * seconds per search at 10,000 essays), so a folded facet is counted only once opened.
 */
function visibleFacets(): FacetName[] {
  if (filtersDetails && !filtersDetails.open) return [];
  return subjectFacet?.open ? ["tag", "subject", "author"] : ["tag", "author"];
}

/** Slug → label for every author, tag and subject, read from the server-rendered facet lists. */
const labels: FacetLabels = {
  authors: labelMap("author"),
  tags: labelMap("tag"),
  subjects: labelMap("subject"),
};

let state: SearchState = readSearchState(location.search);
let latest = 0;
/** The search whose results are on screen. */
let renderedTicket = 0;
let shown: PagefindResult[] = [];
let shownCount = 0;
let shownQuery = "";
let shownVariants: string[] = [];

/** The query and every other spelling of it that found essays, for highlighting. */
const highlightQueries = (query: string) => [query, ...shownVariants];

/** Puts a state into the form controls. */
function showState(s: SearchState): void {
  if (s.subjects.length && subjectFacet && !subjectFacet.open) {
    subjectFacet.open = true;
    showSubjectFacet();
  }
  if (input.value.trim() !== s.query) input.value = s.query;
  for (const box of checkboxes("author")) box.checked = s.authors.includes(box.value);
  for (const box of checkboxes("tag")) box.checked = s.tags.includes(box.value);
  for (const box of checkboxes("subject")) box.checked = s.subjects.includes(box.value);
  sortSelect.value = effectiveSort(s);
}

/** Reads the state the form controls describe. */
function formState(): SearchState {
  const sort = sortSelect.value as SearchState["sort"];
  const next: SearchState = {
    query: input.value,
    authors: checkboxes("author")
      .filter((c) => c.checked)
      .map((c) => c.value),
    tags: checkboxes("tag")
      .filter((c) => c.checked)
      .map((c) => c.value),
    subjects: checkboxes("subject")
      .filter((c) => c.checked)
      .map((c) => c.value),
  };
  return { ...next, sort: sort === effectiveSort(next) ? undefined : sort };
}

/**
 * Records a state in history. Typing gets one entry, replaced as the words change, so Back does not
 * step through every keystroke; committing (Enter, a filter, a sort) turns that entry into a
 * search of its own, or adds one.
 */
function remember(next: SearchState, commit: boolean): void {
  const url = `${location.pathname}${searchQueryString(next)}`;
  const typingEntry = (history.state as { typing?: boolean } | null)?.typing === true;
  const entry = { typing: !commit };
  if (typingEntry) history.replaceState(entry, "", url);
  else if (url !== `${location.pathname}${location.search}`) history.pushState(entry, "", url);
}

function labelsOf(s: SearchState) {
  return {
    authors: s.authors.map((a) => labels.authors.get(a) ?? a),
    tags: s.tags.map((t) => labels.tags.get(t) ?? t),
    subjects: s.subjects.map((t) => labels.subjects.get(t) ?? t),
  };
}

/** Updates each facet's counts; values that would leave no results are disabled. */
function showCounts(name: FacetName, counts: Record<string, number> | undefined): void {
  lastCounts = { ...lastCounts, [name]: counts };
  for (const box of checkboxes(name)) {
    const label = box.dataset.label ?? box.value;
    const count = counts?.[label] ?? 0;
    const badge = box.parentElement?.querySelector<HTMLElement>("[data-count]");
    if (badge) badge.textContent = String(count);
    box.disabled = count === 0 && !box.checked;
    box.closest("li")?.classList.toggle("opacity-50", box.disabled);
  }
}

/** Shows the chosen filters as removable chips, plus "clear all". */
function showChips(s: SearchState): void {
  const items: HTMLElement[] = [];
  const chip = (kind: FacetName, slug: string, label: string) => {
    const button = el(
      "button",
      "inline-flex items-center gap-1 rounded-full border border-rule bg-wash px-3 py-1 text-sm hover:border-accent",
      `${FACET_NOUNS[kind]}: ${label}`,
      el("span", "", " ×"),
    );
    button.type = "button";
    button.setAttribute("aria-label", `Remove filter ${kind} ${label}`);
    button.addEventListener("click", () => {
      const next = {
        ...s,
        authors: kind === "author" ? s.authors.filter((a) => a !== slug) : s.authors,
        tags: kind === "tag" ? s.tags.filter((t) => t !== slug) : s.tags,
        subjects: kind === "subject" ? s.subjects.filter((t) => t !== slug) : s.subjects,
      };
      void apply(next, { commit: true });
      input.focus();
    });
    items.push(el("li", "", button));
  };
  for (const slug of s.tags) chip("tag", slug, labels.tags.get(slug) ?? slug);
  for (const slug of s.subjects) chip("subject", slug, labels.subjects.get(slug) ?? slug);
  for (const slug of s.authors) chip("author", slug, labels.authors.get(slug) ?? slug);
  if (items.length > 1) {
    const clear = el("button", "link text-sm", "Clear all filters");
    clear.type = "button";
    clear.addEventListener("click", () => {
      void apply({ ...s, authors: [], tags: [], subjects: [] }, { commit: true });
      input.focus();
    });
    items.push(el("li", "", clear));
  }
  chips.replaceChildren(...items);
  chips.hidden = items.length === 0;
}

function resultItem(data: PagefindResultData, query: string): HTMLLIElement {
  const url = withHighlight(data.url, highlightQueries(query));
  const title = el("h2", "font-serif text-xl leading-snug font-semibold");
  title.append(link(url, data.meta.title ?? data.url, "hover:text-accent"));

  const meta = el("p", "mt-1 text-[0.9375rem] text-muted");
  const author = data.filters.author?.[0];
  const authorSlug = data.meta.author_slug;
  if (author)
    meta.append("By ", authorSlug ? link(authorPath(authorSlug), author, "link") : author);
  const tags = data.filters.tag ?? [];
  tags.forEach((tag, i) => {
    meta.append(i === 0 ? (author ? " · " : "") : ", ", link(tagPath(slugify(tag)), tag, "link"));
  });

  const excerpt = query
    ? el("p", "mt-2 max-w-prose font-serif leading-relaxed", excerptFragment(data.excerpt))
    : el(
        "p",
        "mt-2 max-w-prose font-serif leading-relaxed",
        el("span", "kicker mr-1 text-[0.6875rem]", "Editor’s summary"),
        " ",
        data.meta.summary ?? "",
      );

  const item = el("li", "border-b border-rule py-5", title, meta, excerpt);
  const sections = query
    ? (data.sub_results ?? []).filter((s) => s.url.includes("#")).slice(0, 3)
    : [];
  if (sections.length) {
    const sub = el("ul", "mt-3 space-y-2 border-l-2 border-rule pl-4");
    sub.setAttribute("aria-label", `Sections of “${data.meta.title ?? ""}”`);
    for (const s of sections) {
      sub.append(
        el(
          "li",
          "text-[0.9375rem]",
          link(withHighlight(s.url, highlightQueries(query)), s.title, "link font-medium"),
          el("p", "mt-0.5 font-serif text-muted", excerptFragment(s.excerpt)),
        ),
      );
    }
    item.append(sub);
  }
  return item;
}

/** Renders the next page of results (results load their data only when shown). */
async function showMore(ticket: number, query: string): Promise<void> {
  const page = shown.slice(shownCount, shownCount + PAGE_SIZE);
  // Fetch every result's data at once, but show each as soon as it and those above it arrive,
  // letting the browser breathe between them so a long list never blocks the page.
  const pending = page.map((r) => r.data());
  for (const [i, data] of pending.entries()) {
    const d = await data;
    if (ticket !== latest) return;
    if (i > 0) await yieldToMain();
    if (ticket !== latest) return;
    list.append(resultItem(d, query));
  }
  shownCount += page.length;
  more.hidden = shownCount >= shown.length;
  more.textContent = `Show more results (${shown.length - shownCount} more)`;
}

/** The no-results help: drop a filter, drop a word, or browse the tags. */
function showEmpty(s: SearchState): void {
  const tips: HTMLElement[] = [];
  if (s.tags.length || s.subjects.length || s.authors.length) {
    tips.push(
      el(
        "li",
        "",
        "Remove a filter: ",
        ...[
          ...s.tags.map((t) => ({
            ...s,
            tags: s.tags.filter((x) => x !== t),
            label: labels.tags.get(t) ?? t,
          })),
          ...s.subjects.map((t) => ({
            ...s,
            subjects: s.subjects.filter((x) => x !== t),
            label: labels.subjects.get(t) ?? t,
          })),
          ...s.authors.map((a) => ({
            ...s,
            authors: s.authors.filter((x) => x !== a),
            label: labels.authors.get(a) ?? a,
          })),
        ].flatMap(({ label, ...next }, i) => [
          i ? ", " : "",
          link(`${searchPath()}${searchQueryString(next)}`, `without “${label}”`, "link"),
        ]),
        ".",
      ),
    );
  }
  const fewer = queriesWithoutOneWord(s.query);
  if (fewer.length) {
    tips.push(
      el(
        "li",
        "",
        "Try fewer words: ",
        ...fewer.flatMap((q, i) => [
          i ? ", " : "",
          link(`${searchPath()}${searchQueryString({ ...s, query: q })}`, `“${q}”`, "link"),
        ]),
        ".",
      ),
    );
  }
  tips.push(
    el(
      "li",
      "",
      "Check the spelling, or search for the start of a word: the last word matches longer words too.",
    ),
  );
  const tagLinks = [...labels.tags].map(([slug, label]) =>
    el("li", "", link(tagPath(slug), label, "tag-chip")),
  );
  empty.replaceChildren(
    el("ul", "list-disc space-y-1 pl-5", ...tips),
    el("h2", "kicker mt-6 mb-2", "Or browse by tag"),
    el("ul", "flex flex-wrap gap-2", ...tagLinks),
  );
  empty.hidden = false;
}

/** A link that runs another query with the same filters, in place. */
function queryLink(
  s: SearchState,
  query: string,
  text: string,
  className = "link",
): HTMLAnchorElement {
  const a = link(`${searchPath()}${searchQueryString({ ...s, query })}`, text, className);
  a.addEventListener("click", (event) => {
    event.preventDefault();
    void apply({ ...s, query }, { commit: true });
    input.focus();
  });
  return a;
}

/** Says what the engine did to the query: a correction, a suggestion, other spellings it searched. */
function showNotice(s: SearchState, response: EngineResponse): void {
  notice.replaceChildren();
  if (response.corrected) {
    const { from, to } = response.corrected;
    notice.append(
      el(
        "p",
        "",
        "No essays match ",
        el("strong", "", `“${from}”`),
        ". Showing results for ",
        el("strong", "", `“${to}”`),
        " instead. ",
        queryLink(s, to, `Search for “${to}”`),
      ),
    );
  } else if (response.suggestion) {
    notice.append(
      el(
        "p",
        "",
        "Did you mean ",
        queryLink(s, response.suggestion, `“${response.suggestion}”`, "link font-semibold"),
        "?",
      ),
    );
  }
  if (response.variants.length) {
    notice.append(
      el("p", "", `Including other spellings: ${listOf(response.variants.map((v) => `“${v}”`))}.`),
    );
  }
  notice.hidden = notice.childElementCount === 0;
}

/** Pagefind's options for a state: its filters and sort. */
function searchOptions(s: SearchState) {
  return { filters: pagefindFilters(s, labels), sort: pagefindSort(effectiveSort(s)) };
}

/**
 * Fills in the counts of the facets the reader can see, once results are on screen: each needs
 * that facet's filter index, so it loads after the first results rather than before them.
 */
async function showFacetCounts(
  ticket: number,
  s: SearchState,
  options: ReturnType<typeof searchOptions>,
): Promise<void> {
  const facets = visibleFacets();
  if (!facets.length) return;
  try {
    await yieldToMain();
    const query = s.query.trim() || null;
    const counted = (filters: typeof options.filters) => ({
      ...options,
      filters: withCountedFacets(filters, facets),
    });
    // Authors combine with "or": count each as if it were the only author chosen. Without words
    // or other filters, that is every essay: the build's totals.
    const othersThanAuthors = pagefindFilters({ ...s, authors: [] }, labels);
    const authorsAlone = !query && Object.keys(othersThanAuthors).length === 0;
    const [withAll, withoutAuthors] = await Promise.all([
      search(query, counted(options.filters)),
      s.authors.length && facets.includes("author") && !authorsAlone
        ? search(query, counted(othersThanAuthors))
        : undefined,
    ]);
    if (ticket !== latest) return;
    for (const facet of facets) {
      const counts =
        facet === "author" && s.authors.length
          ? authorsAlone
            ? totals("author")
            : withoutAuthors?.filters.author
          : withAll.filters[facet];
      showCounts(facet, counts);
    }
  } catch (error) {
    console.error(error);
  }
}

// Opening a folded facet counts it for the search on screen (once that search is shown: the
// page's own opening of the panels at load is counted by the first search).
const countOnOpen = (details: HTMLDetailsElement | null) =>
  details?.addEventListener("toggle", () => {
    if (details.open && isActive(state) && renderedTicket === latest) {
      void showFacetCounts(latest, state, searchOptions(state));
    }
  });
countOnOpen(filtersDetails);
countOnOpen(subjectFacet);

/** The first search has been shown: the page's own state now decides what is visible. */
const settle = () => document.documentElement.classList.remove(SEARCH_PENDING_CLASS);

/** Runs a search for a state and renders everything that depends on it. */
async function run(s: SearchState): Promise<void> {
  const ticket = ++latest;
  state = s;
  showState(s);
  showChips(s);
  const query = s.query.trim();
  document.title = query ? `“${query}” · Search · ${SITE.name}` : `Search · ${SITE.name}`;

  if (!isActive(s)) {
    settle();
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    notice.hidden = true;
    help.hidden = false;
    status.textContent = "";
    for (const facet of FACETS) showCounts(facet, totals(facet));
    return;
  }

  status.textContent = query ? `Searching for “${query}”…` : "Finding essays…";
  try {
    const options = searchOptions(s);
    // The vocabulary check runs beside the search. Results are shown as soon as Pagefind has
    // them unless the check has already answered (or there are none); a correction or
    // suggestion that arrives later updates the page.
    let checked = false;
    const check = query ? checkQuery(query) : undefined;
    void check?.then(() => (checked = true)).catch(() => undefined);
    const first = await searchWords(query || null, options);
    if (ticket !== latest) return;
    if (!check || checked || first.results.length === 0) {
      await render(ticket, s, await refine(first, options, check), options);
      return;
    }
    await render(ticket, s, first, options);
    const refined = await refine(first, options, check);
    if (ticket !== latest) return;
    if (refined !== first && (refined.corrected || refined.suggestion || !refined.results.length)) {
      await render(ticket, s, refined, options);
    }
  } catch (error) {
    if (ticket !== latest) return;
    console.error(error);
    settle();
    list.replaceChildren();
    status.textContent = "Search could not load. Browse by tag or author instead, or try again.";
  }
}

/** Shows a response: notices, status, results (progressively), then the facet counts. */
async function render(
  ticket: number,
  s: SearchState,
  response: EngineResponse,
  options: { filters: ReturnType<typeof pagefindFilters>; sort: ReturnType<typeof pagefindSort> },
): Promise<void> {
  if (ticket !== latest) return;
  settle();
  renderedTicket = ticket;
  const query = s.query.trim();
  const resultQuery = response.corrected ? response.corrected.to : query;
  shown = response.results;
  shownCount = 0;
  shownQuery = resultQuery;
  shownVariants = response.variants;
  list.replaceChildren();
  showNotice(s, response);
  help.hidden = response.results.length > 0;
  status.textContent = describeResults(response.results.length, resultQuery, labelsOf(s));
  if (response.results.length === 0) {
    more.hidden = true;
    showEmpty(s);
  } else {
    empty.hidden = true;
    await showMore(ticket, resultQuery);
  }
  void showFacetCounts(ticket, s, options);
}

/** Applies a new state: records it in history and searches (unless nothing changed). */
async function apply(next: SearchState, { commit }: { commit: boolean }): Promise<void> {
  remember(next, commit);
  if (!sameSearch(next, state)) await run(next);
}

let typingTimer: number | undefined;
input.addEventListener("input", () => {
  void preload(input.value).catch(() => undefined);
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(
    () => void apply(formState(), { commit: false }),
    TYPING_DELAY_MS,
  );
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  window.clearTimeout(typingTimer);
  void apply(formState(), { commit: true });
});

form.addEventListener("change", (event) => {
  const target = event.target as HTMLElement;
  if (target === input) return;
  window.clearTimeout(typingTimer);
  void apply(formState(), { commit: true });
});

more.addEventListener("click", () => void showMore(latest, shownQuery));

window.addEventListener("popstate", () => void run(readSearchState(location.search)));

input.addEventListener(
  "focus",
  () => void import("./search-engine.ts").then((m) => m.loadPagefind()),
  {
    once: true,
  },
);

// The first search starts at once: the engine is already loading (see the boot script), and any
// delay here is a delay before the first result.
void run(state);
