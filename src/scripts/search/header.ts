/**
 * The header search on every page, as an accessible combobox: `/` or Ctrl/⌘+K focuses it, results
 * appear as you type, arrow keys move through them, Enter opens one (or, with none chosen, the
 * full search page), Esc closes and returns focus to where it was. Without JavaScript it is a
 * plain form that submits to the search page. The search engine loads only on first use.
 */
import { countOf, quoted } from "../../lib/format.ts";
import { searchPath } from "../../lib/paths.ts";
import { META } from "../../lib/search/facets.ts";
import {
  normaliseQuery,
  searchFor,
  searchQueryString,
  withHighlight,
} from "../../lib/search/state.ts";
import { describeCorrection } from "../../lib/search/wording.ts";
import { el } from "../dom.ts";

const QUICK_RESULTS = 6;
const TYPING_DELAY_MS = 150;

const form = document.querySelector<HTMLFormElement>("form[data-header-search]");
const input = document.querySelector<HTMLInputElement>("#site-search");
const popup = document.querySelector<HTMLElement>("#site-search-popup");
const listbox = document.querySelector<HTMLUListElement>("#site-search-listbox");
const status = document.querySelector<HTMLElement>("#site-search-status");
const note = document.querySelector<HTMLElement>("#site-search-note");
const hint = document.querySelector<HTMLElement>("[data-shortcut-hint]");

type Engine = typeof import("./engine.ts");
let engine: Promise<Engine> | undefined;
const loadEngine = () => (engine ??= import("./engine.ts"));

let returnFocusTo: HTMLElement | null = null;
let latest = 0;
let active = -1;
/** The query the options on show answer; a choice made for another query is never acted on. */
let shownFor = "";
let timer: number | undefined;

const options = () => [...(listbox?.querySelectorAll<HTMLLIElement>("[role=option]") ?? [])];

/** Marks option `index` as chosen; -1 (or no options) chooses none. */
function setActive(index: number): void {
  const all = options();
  active = index >= 0 && all.length ? index % all.length : -1;
  all.forEach((option, i) => {
    option.setAttribute("aria-selected", String(i === active));
    option.classList.toggle("bg-wash", i === active);
  });
  const current = all[active];
  if (current) {
    input?.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  } else input?.removeAttribute("aria-activedescendant");
}

function open(): void {
  if (!popup || !input || !options().length) return;
  popup.hidden = false;
  input.setAttribute("aria-expanded", "true");
}

function close(): void {
  if (!popup || !input) return;
  popup.hidden = true;
  input.setAttribute("aria-expanded", "false");
  setActive(-1);
}

function option(id: string, href: string, ...children: (Node | string)[]): HTMLLIElement {
  const li = document.createElement("li");
  li.id = id;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  li.className = "cursor-pointer px-3 py-2";
  li.dataset.href = href;
  li.append(...children);
  li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
  li.addEventListener("click", () => location.assign(href));
  return li;
}

async function update(): Promise<void> {
  if (!input || !listbox || !status) return;
  const query = normaliseQuery(input.value);
  const ticket = ++latest;
  if (!query) {
    shownFor = "";
    listbox.replaceChildren();
    status.textContent = "";
    close();
    return;
  }
  const [{ search }, { excerptNodes, loadMatch }] = await Promise.all([
    loadEngine(),
    import("./views.ts"),
  ]);
  const outcome = await search(query);
  if (ticket !== latest) return;
  const shownQuery = outcome.corrected?.to ?? query;
  // Offline, essays the reader has not kept cannot be loaded; the full search page counts them.
  const loaded = await Promise.all(
    outcome.matches.slice(0, QUICK_RESULTS).map((m) => loadMatch(m).catch(() => undefined)),
  );
  const top = loaded.filter((m) => m !== undefined);
  if (ticket !== latest) return;

  const items = top.map(({ data, shown }, i) =>
    option(
      `site-search-option-${i}`,
      withHighlight(data.url, shown.highlights),
      el("span", "block font-serif font-semibold leading-snug", data.meta[META.title] ?? data.url),
      el("span", "block text-[0.8125rem] text-muted", data.filters.author?.[0] ?? ""),
      el(
        "span",
        "mt-0.5 block font-serif text-[0.875rem] leading-snug",
        excerptNodes(shown.excerpt),
      ),
    ),
  );
  const count = outcome.matches.length;
  const missing = outcome.terms.filter((t) => t.essays === 0).map((t) => quoted(t.term.text));
  const allUrl = `${searchPath()}${searchQueryString(searchFor(shownQuery))}`;
  if (note) {
    note.textContent = outcome.corrected
      ? describeCorrection(outcome.corrected, count)
      : missing.length
        ? `No essay contains ${missing.join(" or ")}.`
        : count === 0
          ? `No essays match ${quoted(query)}.`
          : "";
    note.hidden = !note.textContent;
  }
  if (outcome.suggestion && !outcome.corrected) {
    const { query: suggested, essays } = outcome.suggestion;
    items.push(
      option(
        "site-search-option-suggestion",
        `${searchPath()}${searchQueryString(searchFor(suggested))}`,
        el(
          "span",
          "link text-[0.9375rem]",
          `Search for ${quoted(suggested)} (${countOf(essays, "essay")})`,
        ),
      ),
    );
  }
  items.push(
    option(
      "site-search-option-all",
      allUrl,
      el(
        "span",
        "link text-[0.9375rem]",
        count
          ? `Open ${count === 1 ? "it" : `all ${count}`} on the search page, with filters`
          : "Open the search page",
      ),
    ),
  );
  const previousHref = options()[active]?.dataset.href;
  // Only now do the options on show answer this query: until here they answered an earlier one.
  shownFor = query;
  listbox.replaceChildren(...items);
  status.textContent = count
    ? `${countOf(count, "result")} for ${quoted(shownQuery)}. Use the arrow keys to choose one.`
    : `No results for ${quoted(query)}.`;
  // Results for a later keystroke keep the reader's place if the chosen result is still there.
  const chosen = items.findIndex((item) => item.dataset.href === previousHref);
  setActive(chosen);
  open();
}

function focusSearch(): void {
  if (!input) return;
  const onSearchPage = document.querySelector<HTMLInputElement>("#search-query");
  const target = onSearchPage ?? input;
  const previous = document.activeElement;
  if (previous !== target) {
    returnFocusTo = previous instanceof HTMLElement && previous !== document.body ? previous : null;
  }
  target.focus();
  target.select();
}

const isEditable = (el: Element | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

if (form && input && popup && listbox) {
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-expanded", "false");
  if (hint && /Mac|iPhone|iPad/.test(navigator.platform)) hint.title = "/ or ⌘K";

  document.addEventListener("keydown", (event) => {
    const k = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && k === "k" && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      focusSearch();
    } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (isEditable(document.activeElement)) return;
      event.preventDefault();
      focusSearch();
    }
  });

  input.addEventListener("focus", () => {
    hint?.classList.add("hidden");
    void loadEngine()
      .then((e) => e.loadPagefind())
      .catch(() => undefined);
    if (input.value.trim() && options().length) open();
  });
  input.addEventListener("blur", () => {
    hint?.classList.toggle("hidden", Boolean(input.value));
    window.setTimeout(() => {
      if (!form.contains(document.activeElement)) close();
    }, 0);
  });

  input.addEventListener("input", () => {
    void loadEngine()
      .then((e) => e.preload(input.value))
      .catch(() => undefined);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update().catch(console.error), TYPING_DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    const count = options().length;
    // Options still showing an earlier query's answers (typing ran ahead of the search).
    const stale = normaliseQuery(input.value) !== shownFor;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      if (stale) {
        // Answer what is typed now, rather than let the reader pick from the old answers.
        window.clearTimeout(timer);
        void update().catch(console.error);
        return;
      }
      if (popup.hidden) open();
      // From no choice, Down goes to the first option and Up to the last; both wrap around.
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === "Enter" && active >= 0 && !popup.hidden && !stale) {
      event.preventDefault();
      const href = options()[active]?.dataset.href;
      if (href) location.assign(href);
    } else if (event.key === "Escape") {
      event.preventDefault();
      const wasOpen = !popup.hidden;
      close();
      if (!wasOpen || returnFocusTo) {
        const back = returnFocusTo;
        returnFocusTo = null;
        if (back && back !== input && document.contains(back)) back.focus();
        else input.blur();
      }
    } else if (event.key === "Home" || event.key === "End") {
      if (!popup.hidden && active >= 0) {
        event.preventDefault();
        setActive(event.key === "Home" ? 0 : count - 1);
      }
    }
  });

  document.addEventListener("click", (event) => {
    if (!form.contains(event.target as Node)) close();
  });
}
