/**
 * An essay page's reading tools: a "copy link" and a "cite this passage" button on every numbered
 * passage (one tab stop per passage: Tab reaches its ¶ link, the arrow keys its buttons), the
 * reader's access date in the citations and copy buttons on them, the contents list
 * marking the section being read, and a script fallback for the reading-progress bar where CSS
 * scroll timelines are missing.
 */
import { formatDate, today, type DateForm } from "../lib/access-date.ts";
import { passageCitation } from "../lib/passage.ts";
import { ESSAY_CLASSES, passageHash } from "../markdown/essay-record.ts";
import { HIGHLIGHT_PASSAGE_EVENT } from "../lib/annotations.ts";

/** Whether the reader's own highlights can be painted here (the CSS Custom Highlight API). */
const canHighlight = "highlights" in CSS;

const article = document.querySelector<HTMLElement>("article[data-essay-url]");
const status = document.querySelector<HTMLElement>("#passage-status");

/** Announces a result to screen readers (and shows nothing else). */
function announce(message: string): void {
  if (!status) return;
  status.textContent = "";
  window.setTimeout(() => (status.textContent = message), 30);
}

/** Copies plain text (and, where the browser allows, HTML with italics) to the clipboard. */
async function copy(text: string, html?: string): Promise<boolean> {
  try {
    if (html && "ClipboardItem" in window && navigator.clipboard.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}

/** Briefly shows "Copied" on a button, and says so to screen readers. */
function confirm(button: HTMLButtonElement, ok: boolean, what: string): void {
  const label = button.dataset.label ?? button.textContent ?? "";
  button.dataset.label = label;
  const message = ok ? `${what} copied to the clipboard.` : `Could not copy ${what.toLowerCase()}.`;
  if (button.classList.contains("para-tool")) button.dataset.tip = ok ? "Copied" : "Copy failed";
  else button.textContent = ok ? "Copied" : "Copy failed";
  announce(message);
  window.setTimeout(() => {
    if (button.classList.contains("para-tool"))
      button.dataset.tip = button.dataset.tipDefault ?? "";
    else button.textContent = label;
  }, 1800);
}

const ICONS = {
  link: '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/></svg>',
  mark: '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="m9 11-6 6v3h9l3-3"/><path d="m22 12-4.6 4.6a2 2 0 0 1-2.8 0l-5.2-5.2a2 2 0 0 1 0-2.8L14 4"/></svg>',
  quote:
    '<svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M7 7h4v4H8.5c0 2 .8 3 2.5 3.5V17c-3-.4-5-2.4-5-6V7zm8 0h4v4h-2.5c0 2 .8 3 2.5 3.5V17c-3-.4-5-2.4-5-6V7z"/></svg>',
};

function toolButton(icon: keyof typeof ICONS, label: string, tip: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "para-tool";
  button.setAttribute("aria-label", label);
  button.dataset.tip = tip;
  button.dataset.tipDefault = tip;
  button.innerHTML = ICONS[icon]; // static markup from this file, never from content
  // Out of the tab order: the arrow keys reach it from the passage's ¶ link (rovingTools).
  button.tabIndex = -1;
  // Keep a text selection inside the passage alive while the button is pressed.
  button.addEventListener("mousedown", (event) => event.preventDefault());
  return button;
}

/** The text of a passage as the reader sees it (without its number or tools). */
function passageText(passage: HTMLElement): string {
  const clone = passage.cloneNode(true) as HTMLElement;
  clone
    .querySelectorAll(`.${ESSAY_CLASSES.passageAnchor}, .para-tools`)
    .forEach((el) => el.remove());
  return clone.textContent ?? "";
}

/** The reader's selection, if it lies inside this passage. */
function selectionIn(passage: HTMLElement): string | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!passage.contains(range.commonAncestorContainer)) return undefined;
  return selection.toString();
}

function addPassageTools(root: HTMLElement): void {
  const url = root.dataset.essayUrl ?? location.href.split("#")[0]!;
  for (const passage of root.querySelectorAll<HTMLElement>(
    `.essay-prose .${ESSAY_CLASSES.passage}`,
  )) {
    const n = Number(passage.dataset.para);
    const tools = document.createElement("span");
    tools.className = "para-tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", `Paragraph ${n}`);
    tools.dataset.pagefindIgnore = "";

    const linkButton = toolButton(
      "link",
      `Copy link to paragraph ${n}`,
      "Copy link to this paragraph",
    );
    linkButton.addEventListener("click", async () => {
      const ok = await copy(`${url}${passageHash(n)}`);
      confirm(linkButton, ok, `Link to paragraph ${n}`);
    });

    const citeButton = toolButton("quote", `Cite paragraph ${n}`, "Cite this passage");
    citeButton.addEventListener("click", async () => {
      const form = parseDateForm(root.dataset.citeDateForm);
      const text = passageCitation({
        quote: selectionIn(passage) ?? passageText(passage),
        paragraph: n,
        short: root.dataset.citeShort ?? "",
        note: root.dataset.citeNote ?? "",
        accessed: form && formatDate(form, today()),
      });
      const ok = await copy(text);
      confirm(citeButton, ok, `Citation of paragraph ${n}`);
    });

    tools.append(linkButton, citeButton);
    const buttons = [linkButton, citeButton];
    if (canHighlight) {
      const markButton = toolButton(
        "mark",
        `Highlight paragraph ${n} or the words selected in it`,
        "Highlight, with a note",
      );
      markButton.addEventListener("click", () => {
        passage.dispatchEvent(
          new CustomEvent(HIGHLIGHT_PASSAGE_EVENT, { bubbles: true, detail: { passage } }),
        );
      });
      tools.append(markButton);
      buttons.push(markButton);
    }
    // Right after the ¶ number, so the arrow keys and reading order reach them before the text.
    const anchor = passage.querySelector<HTMLAnchorElement>(
      `:scope > .${ESSAY_CLASSES.passageAnchor}`,
    );
    if (anchor) {
      anchor.after(tools);
      anchor.setAttribute("aria-describedby", TOOLS_HINT_ID);
      rovingTools([anchor, ...buttons]);
    } else {
      for (const button of buttons) button.tabIndex = 0;
      passage.append(tools);
    }
  }
}

/** The id of the one hidden sentence that tells screen readers how to reach the tools. */
const TOOLS_HINT_ID = "para-tools-hint";

/**
 * One tab stop per passage: the ¶ link is in the tab order; Right/Down arrow moves on to its
 * "copy link" and "cite" buttons, Left/Up back, Home and End to either end, Escape to the ¶ link.
 */
function rovingTools(items: HTMLElement[]): void {
  const keys: Record<string, (i: number) => number> = {
    ArrowRight: (i) => Math.min(i + 1, items.length - 1),
    ArrowDown: (i) => Math.min(i + 1, items.length - 1),
    ArrowLeft: (i) => Math.max(i - 1, 0),
    ArrowUp: (i) => Math.max(i - 1, 0),
    Home: () => 0,
    End: () => items.length - 1,
    Escape: () => 0,
  };
  items.forEach((item, i) => {
    item.addEventListener("keydown", (event) => {
      const move = keys[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = items[move(i)]!;
      if (target === item) return;
      event.preventDefault();
      target.focus();
    });
  });
}

/** Puts the tools' keyboard hint in the page once (read as the ¶ links' description). */
function addToolsHint(): void {
  if (document.getElementById(TOOLS_HINT_ID)) return;
  const hint = document.createElement("p");
  hint.id = TOOLS_HINT_ID;
  hint.hidden = true;
  hint.textContent = canHighlight
    ? "Right arrow: copy a link to this paragraph, cite it, or highlight it."
    : "Right arrow: copy a link to this paragraph, or cite it.";
  document.body.append(hint);
}

/** A style's date form from its data attribute (written at build time from the style itself). */
function parseDateForm(json: string | undefined): DateForm | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as DateForm;
  } catch {
    return undefined;
  }
}

/** Writes today's date into each citation that carries an access date, in its style's form. */
function fillAccessDates(): void {
  const date = today();
  for (const style of document.querySelectorAll<HTMLElement>("#cite [data-date-form]")) {
    const form = parseDateForm(style.dataset.dateForm);
    if (!form) continue;
    for (const slot of style.querySelectorAll<HTMLElement>("[data-accessed]")) {
      slot.textContent = formatDate(form, date);
      slot.classList.remove("accessed");
    }
  }
}

/** A citation as shown: its text, and its HTML with nothing but the formatting. */
function shownCitation(source: HTMLElement): { text: string; html: string } {
  const clone = source.cloneNode(true) as HTMLElement;
  for (const slot of clone.querySelectorAll("[data-accessed]"))
    slot.replaceWith(slot.textContent ?? "");
  return {
    text: (clone.textContent ?? "").replace(/\s+/g, " ").trim(),
    html: clone.innerHTML.trim(),
  };
}

function wireCitationButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button.copy-citation")) {
    const source = button.parentElement?.querySelector<HTMLElement>("[data-copy-source]");
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const { text, html } = shownCitation(source);
      const ok = await copy(text, html);
      confirm(button, ok, "Citation");
    });
  }
}

/** Marks the contents entry of the section being read. */
function trackSections(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")];
  if (!links.length) return;
  const headings = links
    .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
    .filter((h): h is HTMLElement => Boolean(h));
  const update = () => {
    // The current section is the last heading above the upper third of the window.
    const line = window.innerHeight / 3;
    let current = -1;
    headings.forEach((h, i) => {
      if (h.getBoundingClientRect().top <= line) current = i;
    });
    links.forEach((a, i) => {
      if (i === current) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  };
  let queued = false;
  window.addEventListener(
    "scroll",
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  window.addEventListener("hashchange", update);
  update();
}

/** Fills the reading-progress bar by script where CSS scroll timelines are not supported. */
function progressFallback(): void {
  const bar = document.querySelector<HTMLElement>(".reading-progress");
  if (!bar || CSS.supports("animation-timeline: scroll()")) return;
  const update = () => {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    bar.style.transform = `scaleX(${max > 0 ? Math.min(1, window.scrollY / max) : 0})`;
  };
  window.addEventListener("scroll", update, { passive: true });
  update();
}

/**
 * Opens the sidebar's subject and timeline panels where the sidebar stands beside the text; on
 * narrower screens they stay folded above it, so the essay starts near the top.
 */
function openSidebarPanels(): void {
  if (!window.matchMedia("(min-width: 80rem)").matches) return;
  for (const panel of document.querySelectorAll<HTMLDetailsElement>("details[data-open-wide]")) {
    panel.open = true;
  }
}

if (article) {
  openSidebarPanels();
  addToolsHint();
  addPassageTools(article);
  fillAccessDates();
  // A page printed days after it was opened gives the day it was printed.
  window.addEventListener("beforeprint", fillAccessDates);
  wireCitationButtons();
  trackSections();
  progressFallback();
}
