/**
 * The reader's highlights and notes on an essay page (browser). `<essay-annotations>` (markup in
 * components/AnnotateTools.astro) re-attaches the highlights kept for this essay, by quote: in the
 * paragraph its ¶ number names, else anywhere in the essay (the ¶ number is then updated), and
 * says which could not be found. They are painted with the CSS Custom Highlight API, so the
 * essay's markup is never changed. Selecting words inside one paragraph brings up a toolbar (a
 * colour, or a note); a click on a highlight, or the paragraph's own "Highlight" tool
 * (essay-page.ts, for keyboards), opens the editor. Kept in IndexedDB (notes-store.ts).
 */
import {
  describeQuote,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_PASSAGE_EVENT,
  locateQuote,
  newAnnotationId,
  type Highlight as Note,
  type HighlightColour,
  type TextSpan,
} from "../lib/annotations.ts";
import { countOf } from "../lib/format.ts";
import { ESSAY_CLASSES } from "../markdown/essay-record.ts";
import { allHighlights, deleteHighlight, saveHighlight } from "./notes-store.ts";

/** Text nodes of a passage as the reader reads it (not its ¶ number or tools), and where each starts. */
interface PassageText {
  passage: HTMLElement;
  n: number;
  text: string;
  nodes: Text[];
  starts: number[];
}

const SKIP = `.${ESSAY_CLASSES.passageAnchor}, .para-tools`;

function readPassage(passage: HTMLElement): PassageText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = "";
  const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  return { passage, n: Number(passage.dataset.para), text, nodes, starts };
}

/** The DOM range of characters [start, end) of a passage's text. */
function rangeOf(p: PassageText, span: TextSpan): Range {
  const point = (offset: number, isEnd: boolean): [Text, number] => {
    for (let i = p.nodes.length - 1; i >= 0; i--) {
      const start = p.starts[i]!;
      if (offset > start || (offset === start && !isEnd) || i === 0) {
        return [p.nodes[i]!, Math.min(offset - start, p.nodes[i]!.data.length)];
      }
    }
    return [p.nodes[0]!, 0];
  };
  const range = document.createRange();
  range.setStart(...point(span.start, false));
  range.setEnd(...point(span.end, true));
  return range;
}

/** Where a range boundary falls in a passage's text. */
function offsetOf(p: PassageText, container: Node, offset: number): number {
  const i = p.nodes.indexOf(container as Text);
  if (i >= 0) return p.starts[i]! + offset;
  const probe = document.createRange();
  probe.setStart(container, offset);
  for (let j = 0; j < p.nodes.length; j++) {
    if (probe.comparePoint(p.nodes[j]!, 0) >= 0) return p.starts[j]!;
  }
  return p.text.length;
}

/** The CSS highlight registry, where the browser has one. */
const registry = (): HighlightRegistry | undefined =>
  "highlights" in CSS
    ? (CSS as unknown as { highlights: HighlightRegistry }).highlights
    : undefined;

const slot = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string) =>
  root.querySelector<T>(`[data-slot="${name}"]`)!;

class EssayAnnotations extends HTMLElement {
  #article!: HTMLElement;
  #source = "";
  #passages: HTMLElement[] = [];
  #toolbar!: HTMLElement;
  #editor!: HTMLDialogElement;
  /** Highlights kept for this essay, and the ranges they are painted on. */
  #highlights = new Map<string, Note>();
  #ranges = new Map<string, Range>();
  /** The selection the toolbar would highlight. */
  #pending: { p: PassageText; span: TextSpan } | undefined;
  #editing: Note | undefined;

  connectedCallback(): void {
    const article = document.querySelector<HTMLElement>("article[data-essay-url]");
    if (!article || !registry()) return;
    this.#article = article;
    this.#source = article.dataset.essayUrl!;
    this.#passages = [
      ...article.querySelectorAll<HTMLElement>(`.essay-prose .${ESSAY_CLASSES.passage}`),
    ];
    this.#toolbar = this.querySelector("#highlight-toolbar")!;
    this.#editor = this.querySelector("#highlight-editor")!;
    for (const c of HIGHLIGHT_COLOURS) registry()!.set(`highlight-${c.key}`, new Highlight());

    document.addEventListener("selectionchange", this.#selectionChanged);
    window.addEventListener("scroll", this.#placeToolbar, { passive: true });
    this.#toolbar.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
    this.#toolbar.addEventListener("click", (e) => void this.#toolbarClick(e));
    this.#editor.addEventListener("close", () => void this.#editorClosed());
    article.addEventListener("click", this.#articleClick);
    article.addEventListener(HIGHLIGHT_PASSAGE_EVENT, (e) => {
      const passage = (e as CustomEvent<{ passage: HTMLElement }>).detail.passage;
      void this.#fromTool(passage);
    });
    void this.#attachAll();
  }

  /** Finds every kept highlight of this essay in the text and paints it. */
  async #attachAll(): Promise<void> {
    const kept = (await allHighlights()).filter((h) => h.source === this.#source);
    const lost: Note[] = [];
    for (const h of kept) {
      this.#highlights.set(h.id, h);
      const found = this.#find(h);
      if (!found) {
        lost.push(h);
        continue;
      }
      if (found.p.n !== h.n) {
        // The essay changed around it: keep the quote's new ¶.
        h.n = found.p.n;
        await saveHighlight(h);
      }
      this.#paint(h, rangeOf(found.p, found.span));
    }
    const notice = slot(this, "lost");
    notice.hidden = lost.length === 0;
    notice.textContent = lost.length
      ? `${countOf(lost.length, "of your highlights", "of your highlights")} could not be found in this essay’s current text; ${lost.length === 1 ? "it is" : "they are"} kept in My notes.`
      : "";
    this.#article.dataset.highlights = String(kept.length - lost.length);
  }

  /** The highlight's quote in its own ¶, else in any ¶ of the essay. */
  #find(h: Note): { p: PassageText; span: TextSpan } | undefined {
    const own = this.#passages.find((el) => Number(el.dataset.para) === h.n);
    const order = own ? [own, ...this.#passages.filter((el) => el !== own)] : this.#passages;
    for (const el of order) {
      const p = readPassage(el);
      const span = locateQuote(p.text, h.quote);
      if (span) return { p, span };
    }
    return undefined;
  }

  #paint(h: Note, range: Range): void {
    this.#unpaint(h.id);
    this.#ranges.set(h.id, range);
    registry()!.get(`highlight-${h.colour}`)?.add(range);
  }

  #unpaint(id: string): void {
    const range = this.#ranges.get(id);
    if (!range) return;
    for (const c of HIGHLIGHT_COLOURS) registry()!.get(`highlight-${c.key}`)?.delete(range);
    this.#ranges.delete(id);
  }

  /** The passage holding the whole of the reader's selection, with its span, if any. */
  #selected(): { p: PassageText; span: TextSpan } | "across" | undefined {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
    const range = selection.getRangeAt(0);
    const start = (
      range.startContainer instanceof Element
        ? range.startContainer
        : range.startContainer.parentElement
    )?.closest<HTMLElement>(`.${ESSAY_CLASSES.passage}`);
    const end = (
      range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement
    )?.closest<HTMLElement>(`.${ESSAY_CLASSES.passage}`);
    if (!start && !end) return undefined;
    if (!start || start !== end || !this.#passages.includes(start)) return "across";
    const p = readPassage(start);
    let span = {
      start: offsetOf(p, range.startContainer, range.startOffset),
      end: offsetOf(p, range.endContainer, range.endOffset),
    };
    // Leave out white space at either end of the selection.
    const words = p.text.slice(span.start, span.end);
    span = {
      start: span.start + (words.length - words.trimStart().length),
      end: span.end - (words.length - words.trimEnd().length),
    };
    return span.end > span.start ? { p, span } : undefined;
  }

  #selectionChanged = () => {
    const found = this.#selected();
    const hint = slot(this.#toolbar, "hint");
    if (!found) {
      this.#pending = undefined;
      if (this.#toolbar.matches(":popover-open")) this.#toolbar.hidePopover();
      return;
    }
    this.#pending = found === "across" ? undefined : found;
    hint.hidden = found !== "across";
    for (const b of this.#toolbar.querySelectorAll("button")) b.hidden = found === "across";
    if (!this.#toolbar.matches(":popover-open")) this.#toolbar.showPopover();
    this.#placeToolbar();
  };

  /** Puts the toolbar above the selection (below it near the top of the window). */
  #placeToolbar = () => {
    if (!this.#toolbar.matches(":popover-open")) return;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    const width = this.#toolbar.offsetWidth;
    const left = Math.max(
      8,
      Math.min(rect.left + rect.width / 2 - width / 2, innerWidth - width - 8),
    );
    const above = rect.top - this.#toolbar.offsetHeight - 8;
    this.#toolbar.style.left = `${left}px`;
    this.#toolbar.style.top = `${above > 8 ? above : rect.bottom + 8}px`;
  };

  async #toolbarClick(e: MouseEvent): Promise<void> {
    const button = (e.target as Element).closest<HTMLButtonElement>("button");
    if (!button || !this.#pending) return;
    const { p, span } = this.#pending;
    const colour = (button.dataset.colour ?? "yellow") as HighlightColour;
    const h = await this.#create(p, span, colour);
    window.getSelection()?.removeAllRanges();
    this.#toolbar.hidePopover();
    if (button.dataset.action === "note") this.#edit(h, true);
  }

  /** The paragraph's "Highlight" tool: the selection inside it, else the whole paragraph. */
  async #fromTool(passage: HTMLElement): Promise<void> {
    const selected = this.#selected();
    const p = readPassage(passage);
    const span =
      selected && selected !== "across" && selected.p.passage === passage
        ? selected.span
        : { start: p.text.length - p.text.trimStart().length, end: p.text.trimEnd().length };
    const h = await this.#create(p, span, "yellow");
    window.getSelection()?.removeAllRanges();
    this.#edit(h, true);
  }

  async #create(p: PassageText, span: TextSpan, colour: HighlightColour): Promise<Note> {
    const now = new Date().toISOString();
    const sidebar = new Map(
      [...document.querySelectorAll<HTMLAnchorElement>(".essay-sidebar a.tag-chip")].map((a) => [
        a.href,
        a.textContent?.trim() ?? "",
      ]),
    );
    const subjects = [
      ...new Set(
        [...p.passage.querySelectorAll<HTMLAnchorElement>(`a.${ESSAY_CLASSES.mention}`)].map(
          (a) => a.href,
        ),
      ),
    ].map((href) => ({ href, label: sidebar.get(href) ?? href }));
    const h: Note = {
      id: newAnnotationId(),
      source: this.#source,
      n: p.n,
      quote: describeQuote(p.text, span.start, span.end),
      colour,
      note: "",
      subjects,
      created: now,
      modified: now,
    };
    this.#highlights.set(h.id, h);
    this.#paint(h, rangeOf(p, span));
    await saveHighlight(h);
    this.#article.dataset.highlights = String(this.#ranges.size);
    return h;
  }

  /** A click on painted words (with nothing selected) opens their highlight. */
  #articleClick = (e: MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const doc = document as Document & {
      caretPositionFromPoint?: (
        x: number,
        y: number,
      ) => { offsetNode: Node; offset: number } | null;
    };
    const at = doc.caretPositionFromPoint?.(e.clientX, e.clientY);
    if (!at) return;
    for (const [id, range] of this.#ranges) {
      if (range.isPointInRange(at.offsetNode, at.offset)) {
        const h = this.#highlights.get(id);
        if (h) this.#edit(h, false);
        return;
      }
    }
  };

  #edit(h: Note, isNew: boolean): void {
    this.#editing = h;
    const form = this.#editor.querySelector("form")!;
    slot(this.#editor, "quote").textContent = `“${h.quote.exact}”`;
    slot(this.#editor, "where").textContent = `¶ ${h.n}`;
    for (const radio of form.querySelectorAll<HTMLInputElement>("input[name=colour]")) {
      radio.checked = radio.value === h.colour;
    }
    form.querySelector<HTMLTextAreaElement>("textarea")!.value = h.note;
    this.#editor.returnValue = "";
    this.#editor.showModal();
    if (isNew) form.querySelector<HTMLTextAreaElement>("textarea")!.focus();
  }

  async #editorClosed(): Promise<void> {
    const h = this.#editing;
    this.#editing = undefined;
    if (!h) return;
    const action = this.#editor.returnValue;
    if (action === "delete") {
      this.#unpaint(h.id);
      this.#highlights.delete(h.id);
      await deleteHighlight(h.id);
    } else if (action === "save") {
      const form = this.#editor.querySelector("form")!;
      const colour = (form.querySelector<HTMLInputElement>("input[name=colour]:checked")?.value ??
        h.colour) as HighlightColour;
      const note = form.querySelector<HTMLTextAreaElement>("textarea")!.value;
      if (colour !== h.colour || note !== h.note) {
        h.colour = colour;
        h.note = note;
        h.modified = new Date().toISOString();
        const range = this.#ranges.get(h.id);
        if (range) this.#paint(h, range);
        await saveHighlight(h);
      }
    }
    // Cancel keeps a new highlight as made (without a note): the reader chose its colour already.
    this.#article.dataset.highlights = String(this.#ranges.size);
  }
}

customElements.define("essay-annotations", EssayAnnotations);
