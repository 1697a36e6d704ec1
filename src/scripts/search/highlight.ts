/**
 * On an essay opened from a search result (`?highlight=term`), marks what the search matched —
 * whole words and phrases, never part of a word (lib/search/highlight.ts) — counts the matches
 * honestly, and steps through them: "Match 2 of 5" with Previous/Next buttons and the N and
 * Shift+N keys. The first scroll goes to the first match (or, when the link named a section, the
 * first match in it). A button clears the marks and the parameter. Costs nothing on other visits.
 */
import { listOf, quoted } from "../../lib/format.ts";
import { findTerms } from "../../lib/search/highlight.ts";
import { HIGHLIGHT_PARAM } from "../../lib/search/state.ts";

const MARK_CLASS = "search-hit";
const CURRENT_CLASS = "search-hit-current";
const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, figcaption, dt, dd";

const terms = [
  ...new Set(
    new URLSearchParams(location.search)
      .getAll(HIGHLIGHT_PARAM)
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];
const bar = document.querySelector<HTMLElement>("#highlight-bar");
const body = document.querySelector<HTMLElement>("[data-pagefind-body]");

/** The text nodes of the essay search indexed, grouped by the block they belong to. */
function textByBlock(root: HTMLElement): Text[][] {
  const groups = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("[data-pagefind-ignore], script, style, template")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement?.closest(BLOCKS) ?? root;
    const list = groups.get(block) ?? [];
    list.push(node as Text);
    groups.set(block, list);
  }
  return [...groups.values()];
}

/** Wraps each match in marks (a match across elements gets one mark per piece); returns them by match. */
function mark(root: HTMLElement): HTMLElement[][] {
  const matches: HTMLElement[][] = [];
  for (const nodes of textByBlock(root)) {
    const text = nodes.map((n) => n.data).join("");
    const spans = findTerms(text, terms);
    if (!spans.length) continue;
    // Each span's pieces, found before any node is split.
    const starts: number[] = [];
    nodes.reduce((offset, n) => (starts.push(offset), offset + n.data.length), 0);
    const pieces = spans.map(([from, to]) =>
      nodes.flatMap((node, i) => {
        const a = Math.max(from, starts[i]!) - starts[i]!;
        const b = Math.min(to, starts[i]! + node.data.length) - starts[i]!;
        return a < b ? [{ node, a, b }] : [];
      }),
    );
    // Split from the end of each node backwards, so earlier offsets stay valid.
    const marks = spans.map(() => [] as HTMLElement[]);
    const work = pieces.flatMap((list, m) => list.map((p) => ({ ...p, m })));
    const order = (p: (typeof work)[number]) => nodes.indexOf(p.node);
    work.sort((x, y) => order(x) - order(y) || y.a - x.a);
    for (const { node, a, b, m } of work) {
      const range = document.createRange();
      range.setStart(node, a);
      range.setEnd(node, b);
      const el = document.createElement("mark");
      el.className = MARK_CLASS;
      range.surroundContents(el);
      marks[m]!.unshift(el);
    }
    matches.push(...marks);
  }
  return matches;
}

/** Removes every highlight mark, leaving the text exactly as it was. */
function unmark(): void {
  for (const el of document.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = el.parentNode;
    el.replaceWith(...el.childNodes);
    parent?.normalize();
  }
}

function start(): void {
  if (!terms.length || !bar || !body) return;
  const matches = mark(body);
  const position = bar.querySelector<HTMLElement>("#highlight-position")!;
  const previous = bar.querySelector<HTMLButtonElement>("#highlight-previous")!;
  const next = bar.querySelector<HTMLButtonElement>("#highlight-next")!;
  bar.querySelector("#highlight-terms")!.textContent = listOf(terms.map(quoted), "or");
  let current = -1;

  const show = (index: number, scroll: boolean) => {
    if (!matches.length) return;
    for (const el of matches[current] ?? []) el.classList.remove(CURRENT_CLASS);
    current = (index + matches.length) % matches.length;
    for (const el of matches[current]!) el.classList.add(CURRENT_CLASS);
    position.textContent = `Match ${current + 1} of ${matches.length}`;
    if (scroll) matches[current]![0]!.scrollIntoView({ block: "center" });
  };

  if (!matches.length) {
    position.textContent = "No match on this page";
    previous.hidden = next.hidden = true;
  } else {
    // A link to a section starts at the section's first match; the browser has scrolled there.
    const target = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    const first = target
      ? matches.findIndex(
          (m) => target.compareDocumentPosition(m[0]!) & Node.DOCUMENT_POSITION_FOLLOWING,
        )
      : 0;
    show(Math.max(first, 0), !target);
    previous.hidden = next.hidden = matches.length < 2;
  }
  bar.hidden = false;

  previous.addEventListener("click", () => show(current - 1, true));
  next.addEventListener("click", () => show(current + 1, true));
  const onKey = (event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== "n" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    show(current + (event.shiftKey ? -1 : 1), true);
  };
  document.addEventListener("keydown", onKey);

  bar.querySelector("#highlight-clear")!.addEventListener("click", () => {
    unmark();
    document.removeEventListener("keydown", onKey);
    bar.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, "", url);
    document.querySelector<HTMLElement>("article h1")?.focus({ preventScroll: true });
  });
}

start();
