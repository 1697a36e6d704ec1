/**
 * On an essay opened from a search result (`?highlight=term`), marks the search terms in the
 * text with Pagefind's highlighter, scrolls to the first one (unless the link named a section),
 * and offers a button that clears the marks and the parameter. Costs nothing on other visits: the
 * highlighter is only downloaded when there is something to highlight.
 */
import { assetPath } from "../lib/paths.ts";
import { HIGHLIGHT_PARAM, listOf } from "../lib/search.ts";

const MARK_CLASS = "pagefind-highlight";

const terms = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).filter((t) => t.trim());
const bar = document.querySelector<HTMLElement>("#highlight-bar");

/** Removes every highlight mark, leaving the text exactly as it was. */
function unmark(): void {
  for (const mark of document.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

async function highlight(): Promise<void> {
  if (!terms.length || !bar) return;
  const { default: PagefindHighlight } = (await import(
    /* @vite-ignore */ assetPath("pagefind/pagefind-highlight.js")
  )) as { default: new (options: Record<string, unknown>) => unknown };
  new PagefindHighlight({
    highlightParam: HIGHLIGHT_PARAM,
    markContext: "[data-pagefind-body]",
    markOptions: {
      className: MARK_CLASS,
      exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
    },
    addStyles: false,
  });
  const marks = document.querySelectorAll(`mark.${MARK_CLASS}`);
  document.querySelector("#highlight-terms")!.textContent = listOf(
    terms.map((t) => `“${t}”`),
    "and",
  );
  bar.querySelector("p")!.append(` ${marks.length} match${marks.length === 1 ? "" : "es"}.`);
  bar.hidden = false;
  if (!location.hash) marks[0]?.scrollIntoView({ block: "center" });

  bar.querySelector("#highlight-clear")!.addEventListener("click", () => {
    unmark();
    bar.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, "", url);
    document.querySelector<HTMLElement>("article h1")?.focus({ preventScroll: true });
  });
}

void highlight().catch((error) => console.error("Could not highlight the search terms", error));
