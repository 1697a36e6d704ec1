/**
 * The search page (browser): `<search-page>` owns the search's state and renders it with the
 * views. Results come as you type; facets (from the registry) have live counts; the whole state
 * is in the URL, so a search can be bookmarked, shared and restored with Back/Forward. Typing
 * replaces the current history entry; committing (Enter, a filter, a sort) adds one.
 */
import { quoted } from "../../lib/format.ts";
import { authorPath, searchPath, subjectPath, tagPath } from "../../lib/paths.ts";
import { SEARCH_PENDING_CLASS } from "../../lib/search/boot.ts";
import type { Outcome } from "../../lib/search/evaluate.ts";
import { FACET, FACETS } from "../../lib/search/facets.ts";
import {
  pagefindFilters,
  pagefindSort,
  withCountedFacets,
  type FacetLabels,
  type FilterCounts,
} from "../../lib/search/index-api.ts";
import { parseQuery, queriesWithoutOneClause } from "../../lib/search/query.ts";
import {
  effectiveSort,
  hasFilters,
  isActive,
  readSearchState,
  sameSearch,
  searchQueryString,
  withoutFilters,
  withoutValue,
  type SearchState,
} from "../../lib/search/state.ts";
import {
  describeCorrection,
  describeMissing,
  describeOutcome,
  describeSpellings,
  describeSubjectSearch,
  describeSuggestion,
  describeUnusedExclusions,
  type FilterLabels,
} from "../../lib/search/wording.ts";
import { slugify } from "../../lib/slug.ts";
import { SITE } from "../../site.ts";
import { link, yieldToMain } from "../dom.ts";
import { preload, search, searchForCounts } from "./engine.ts";
import { FacetBoxes } from "./facet-boxes.ts";
import { chipView, loadMatch, offlineNoteView, resultView, subjectCardView } from "./views.ts";

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 180;

const $ = <T extends HTMLElement>(root: ParentNode, selector: string) => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`The search page has no ${selector}`);
  return el;
};

/** The search page's controller. */
class SearchPage extends HTMLElement {
  #state!: SearchState;
  #latest = 0;
  #renderedTicket = 0;
  #outcome: Outcome | undefined;
  #shownCount = 0;
  #typingTimer: number | undefined;
  #facets!: FacetBoxes;
  #labels!: FacetLabels;

  connectedCallback(): void {
    const form = $<HTMLFormElement>(this, "#search-form");
    const input = this.#input;
    // JavaScript runs: drop the note that says search needs it (CSS already hid it).
    this.querySelector("#search-needs-js")?.remove();
    const filters = this.querySelector<HTMLDetailsElement>("#search-filters");
    if (filters && window.matchMedia("(min-width: 64rem)").matches) filters.open = true;
    this.#facets = new FacetBoxes(form, filters, () => this.#countOnOpen());
    this.#labels = this.#facets.labels();
    this.#state = readSearchState(location.search);

    input.addEventListener("input", () => {
      void preload(input.value).catch(() => undefined);
      window.clearTimeout(this.#typingTimer);
      this.#typingTimer = window.setTimeout(
        () => void this.#apply(this.#formState(), false),
        TYPING_DELAY_MS,
      );
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(this.#typingTimer);
      void this.#apply(this.#formState(), true);
    });
    form.addEventListener("change", (event) => {
      if (event.target === input) return;
      window.clearTimeout(this.#typingTimer);
      void this.#apply(this.#formState(), true);
    });
    $(this, "#search-more").addEventListener("click", () => void this.#showMore(this.#latest));
    window.addEventListener("popstate", () => void this.#run(readSearchState(location.search)));
    // The first search starts at once: the engine is already loading (see the boot script).
    void this.#run(this.#state);
  }

  get #input() {
    return $<HTMLInputElement>(this, "#search-query");
  }

  /** Reads the state the form controls describe. */
  #formState(): SearchState {
    const sort = $<HTMLSelectElement>(this, "#search-sort").value as SearchState["sort"];
    const next: SearchState = { query: this.#input.value, filters: this.#facets.chosen() };
    return { ...next, sort: sort === effectiveSort(next) ? undefined : sort };
  }

  /** Records a state in history: typing replaces one entry, committing adds one. */
  #remember(next: SearchState, commit: boolean): void {
    const url = `${location.pathname}${searchQueryString(next)}`;
    const typing = (history.state as { typing?: boolean } | null)?.typing === true;
    if (typing) history.replaceState({ typing: !commit }, "", url);
    else if (url !== `${location.pathname}${location.search}`) {
      history.pushState({ typing: !commit }, "", url);
    }
  }

  async #apply(next: SearchState, commit: boolean): Promise<void> {
    this.#remember(next, commit);
    if (!sameSearch(next, this.#state)) await this.#run(next);
  }

  #filterLabels(s: SearchState): FilterLabels {
    return Object.fromEntries(
      FACETS.map((f) => [f.key, s.filters[f.key].map((v) => this.#labels[f.key].get(v) ?? v)]),
    ) as FilterLabels;
  }

  #options(s: SearchState) {
    return {
      filters: pagefindFilters(s.filters, this.#labels),
      sort: pagefindSort(effectiveSort(s)),
    };
  }

  /** Shows the chosen filters as removable chips, plus "clear all". */
  #showChips(s: SearchState): void {
    const chips = $(this, "#search-active-filters");
    const items: HTMLElement[] = [];
    for (const facet of FACETS) {
      for (const slug of s.filters[facet.key]) {
        const label = this.#labels[facet.key].get(slug) ?? slug;
        items.push(
          chipView(
            `${facet.noun}: ${label}`,
            `Remove filter ${facet.noun.toLowerCase()} ${label}`,
            () => {
              void this.#apply(withoutValue(s, facet.key, slug), true);
              this.#input.focus();
            },
          ),
        );
      }
    }
    if (items.length > 1) {
      const clear = document.createElement("button");
      clear.type = "button";
      clear.className = "link text-sm";
      clear.textContent = "Clear all filters";
      clear.addEventListener("click", () => {
        void this.#apply(withoutFilters(s), true);
        this.#input.focus();
      });
      const li = document.createElement("li");
      li.append(clear);
      items.push(li);
    }
    chips.replaceChildren(...items);
    chips.hidden = items.length === 0;
  }

  /** A link that runs another query with the same filters, in place. */
  #queryLink(s: SearchState, query: string, text: string, className = "link"): HTMLAnchorElement {
    const a = link(`${searchPath()}${searchQueryString({ ...s, query })}`, text, className);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      void this.#apply({ ...s, query }, true);
      this.#input.focus();
    });
    return a;
  }

  /** What the engine did with the query: missing words, a correction, subjects, spellings. */
  #showNotice(s: SearchState, outcome: Outcome): void {
    const notice = $(this, "#search-notice");
    const labels = this.#filterLabels(s);
    const lines: (string | Node)[][] = [];
    if (outcome.corrected)
      lines.push([describeCorrection(outcome.corrected, outcome.matches.length)]);
    else {
      const missing = describeMissing(outcome, labels);
      if (missing) lines.push([missing]);
    }
    if (outcome.suggestion) {
      const { before, query, after } = describeSuggestion(outcome.suggestion);
      lines.push([before, this.#queryLink(s, query, quoted(query), "link font-semibold"), after]);
    }
    const idle = describeUnusedExclusions(outcome);
    if (idle) lines.push([idle]);
    // The card says it for a query that is the subject; a subject inside a longer query is said here.
    for (const term of outcome.subject ? [] : outcome.terms) {
      const said = describeSubjectSearch(term);
      if (said) lines.push([said]);
    }
    const spellings = describeSpellings(outcome.terms);
    if (spellings) lines.push([spellings]);
    notice.replaceChildren(
      ...lines.map((parts) => {
        const p = document.createElement("p");
        p.append(...parts);
        return p;
      }),
    );
    notice.hidden = lines.length === 0;
    const card = $(this, "#search-subject");
    card.replaceChildren(
      ...(outcome.subject
        ? [subjectCardView(outcome.subject, subjectPath(outcome.subject.slug))]
        : []),
    );
    card.hidden = !outcome.subject;
  }

  /** The no-results help: drop a filter, drop a word, check the spelling, or browse the tags. */
  #showEmpty(s: SearchState): void {
    const tips: HTMLElement[] = [];
    const li = (...parts: (string | Node)[]) => {
      const item = document.createElement("li");
      item.append(...parts);
      tips.push(item);
    };
    if (hasFilters(s)) {
      const links = FACETS.flatMap((f) =>
        s.filters[f.key].map((slug) =>
          link(
            `${searchPath()}${searchQueryString(withoutValue(s, f.key, slug))}`,
            `without ${quoted(this.#labels[f.key].get(slug) ?? slug)}`,
            "link",
          ),
        ),
      );
      li("Remove a filter: ", ...links.flatMap((a, i) => (i ? [", ", a] : [a])), ".");
    }
    const fewer = queriesWithoutOneClause(parseQuery(s.query));
    if (fewer.length) {
      const links = fewer.map((q) => this.#queryLink(s, q, quoted(q)));
      li("Try fewer words: ", ...links.flatMap((a, i) => (i ? [", ", a] : [a])), ".");
    }
    li(
      "Check the spelling, or search for the start of a word: the last word matches longer words too.",
    );
    const empty = $(this, "#search-empty");
    $(empty, "[data-slot=tips]").replaceChildren(...tips);
    empty.hidden = false;
  }

  /** Renders the next page of results, each as soon as it and those above it have loaded. */
  async #showMore(ticket: number): Promise<void> {
    const outcome = this.#outcome;
    if (!outcome) return;
    const list = $(this, "#search-results");
    const more = $<HTMLButtonElement>(this, "#search-more");
    const page = outcome.matches.slice(this.#shownCount, this.#shownCount + PAGE_SIZE);
    // Offline, an essay the reader has not kept cannot be loaded: it is counted, not shown.
    const pending = page.map((m) => loadMatch(m).catch(() => undefined));
    let unavailable = 0;
    const query = Boolean(outcome.parsed.clauses.length);
    // Assistive technology (and tests) wait for the whole page of results, not the first one.
    list.setAttribute("aria-busy", "true");
    for (const [i, loaded] of pending.entries()) {
      const shown = await loaded;
      if (ticket !== this.#latest) return;
      if (!shown) {
        unavailable++;
        continue;
      }
      if (i > 0) await yieldToMain();
      if (ticket !== this.#latest) return;
      list.append(
        resultView(shown, {
          query,
          authorHref: authorPath,
          tagHref: (label) => tagPath(slugify(label)),
        }),
      );
    }
    if (unavailable) list.append(offlineNoteView(unavailable));
    list.setAttribute("aria-busy", "false");
    this.#shownCount += page.length;
    const left = outcome.matches.length - this.#shownCount;
    more.hidden = left <= 0;
    more.textContent = `Show more results (${left} more)`;
  }

  /** Counts the facets the reader can see, once results are on screen. */
  async #showCounts(ticket: number, s: SearchState): Promise<void> {
    const visible = this.#facets.visible();
    if (!visible.length) return;
    try {
      await yieldToMain();
      const options = this.#options(s);
      const counted = (filters: typeof options.filters) => ({
        ...options,
        filters: withCountedFacets(filters, visible),
      });
      // "Any" facets (authors) count each value as if it were the only one chosen.
      const anyFacets = visible.filter((k) => FACET[k].combine === "any" && s.filters[k].length);
      const [all, ...alone] = await Promise.all([
        searchForCounts(s.query, counted(options.filters)).then((o) => o.counts()),
        ...anyFacets.map((k) =>
          searchForCounts(
            s.query,
            counted(pagefindFilters({ ...s.filters, [k]: [] }, this.#labels)),
          ).then((o) => o.counts()),
        ),
      ]);
      if (ticket !== this.#latest) return;
      for (const key of visible) {
        const i = anyFacets.indexOf(key);
        const counts: FilterCounts | undefined = i >= 0 ? alone[i] : all;
        this.#facets.showCounts(key, counts?.[key]);
      }
    } catch (error) {
      console.error(error);
    }
  }

  #countOnOpen(): void {
    if (isActive(this.#state) && this.#renderedTicket === this.#latest) {
      void this.#showCounts(this.#latest, this.#state);
    }
  }

  /** Runs a search for a state and renders everything that depends on it. */
  async #run(s: SearchState): Promise<void> {
    const ticket = ++this.#latest;
    this.#state = s;
    if (this.#input.value.trim() !== s.query) this.#input.value = s.query;
    this.#facets.show(s.filters);
    $<HTMLSelectElement>(this, "#search-sort").value = effectiveSort(s);
    this.#showChips(s);
    const query = s.query.trim();
    document.title = query ? `${quoted(query)} · Search · ${SITE.name}` : `Search · ${SITE.name}`;
    const status = $(this, "#search-status");

    if (!isActive(s)) {
      this.#settle();
      this.#clearResults();
      for (const id of ["#search-more", "#search-empty", "#search-notice", "#search-subject"]) {
        $(this, id).hidden = true;
      }
      $(this, "#search-help").hidden = false;
      status.textContent = "";
      for (const facet of FACETS)
        this.#facets.showCounts(facet.key, this.#facets.totals(facet.key));
      return;
    }

    status.textContent = query ? `Searching for ${quoted(query)}…` : "Finding essays…";
    $(this, "#search-results").setAttribute("aria-busy", "true");
    try {
      const outcome = await search(query, this.#options(s));
      if (ticket !== this.#latest) return;
      await this.#render(ticket, s, outcome);
    } catch (error) {
      if (ticket !== this.#latest) return;
      console.error(error);
      this.#settle();
      this.#clearResults();
      status.textContent = "Search could not load. Browse by tag or author instead, or try again.";
    }
  }

  /** Empties the result list; nothing is loading into it until the next page is asked for. */
  #clearResults(): void {
    const list = $(this, "#search-results");
    list.replaceChildren();
    list.setAttribute("aria-busy", "false");
  }

  /** The first search has been shown: the page's own state now decides what is visible. */
  #settle(): void {
    document.documentElement.classList.remove(SEARCH_PENDING_CLASS);
  }

  async #render(ticket: number, s: SearchState, outcome: Outcome): Promise<void> {
    this.#settle();
    this.#renderedTicket = ticket;
    this.#outcome = outcome;
    this.#shownCount = 0;
    this.#clearResults();
    this.#showNotice(s, outcome);
    const found = outcome.matches.length > 0;
    $(this, "#search-help").hidden = found;
    $(this, "#search-status").textContent = describeOutcome(outcome, this.#filterLabels(s));
    if (!found) {
      $(this, "#search-more").hidden = true;
      this.#showEmpty(s);
    } else {
      $(this, "#search-empty").hidden = true;
      await this.#showMore(ticket);
    }
    void this.#showCounts(ticket, s);
  }
}

customElements.define("search-page", SearchPage);
