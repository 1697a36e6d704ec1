/**
 * Link previews (browser): `<link-previews>` (markup in components/LinkPreviews.astro) owns one
 * popover card and watches the links inside `[data-previews]` regions. Hovering one (after a
 * short pause) or focusing it from the keyboard shows what it leads to, read from the small JSON
 * files made at build time (lib/previews.ts); Esc closes it. A tap on a touch screen opens the
 * card with a link onwards instead of leaving the page; a second tap on the link follows it.
 * While the card describes a link, the link's `aria-describedby` points at it. The positioning
 * library loads only when the first card opens.
 */
import { countOf } from "../lib/format.ts";
import { ESSAY_CLASSES } from "../lib/essay-html.ts";
import { essayPreviewPath, subjectPreviewPath } from "../lib/paths.ts";
import {
  previewTarget,
  type EssayPreview,
  type MentionQuote,
  type PreviewTarget,
  type SubjectPreview,
} from "../lib/previews.ts";

/** How long a pointer rests on a link before its card opens, and off both before it closes. */
const OPEN_DELAY = 350;
const CLOSE_DELAY = 250;
/** How many quotations a subject's card shows. */
const QUOTES = 2;

type Mode = "hover" | "focus" | "touch";

const SELF_LINKS = `.${ESSAY_CLASSES.passageAnchor}, .${ESSAY_CLASSES.sectionAnchor}`;

const files = new Map<string, Promise<unknown>>();

/** A preview file, fetched once per page (undefined if it cannot be had). */
function fetchJson<T>(path: string): Promise<T | undefined> {
  let file = files.get(path);
  if (!file) {
    file = fetch(path)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : undefined))
      .catch(() => undefined);
    files.set(path, file);
  }
  return file as Promise<T | undefined>;
}

const slot = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string) =>
  root.querySelector<T>(`[data-slot="${name}"]`)!;

/** Writes a quotation into `p`, the mention marked: text nodes only, never HTML. */
function writeQuote(p: HTMLElement, quote: MentionQuote): void {
  const mark = document.createElement("mark");
  mark.className = "mention-mark";
  mark.textContent = quote.mention;
  p.replaceChildren(
    `“${quote.cutBefore ? "…" : ""}${quote.before}`,
    ...(quote.mention ? [mark] : []),
    `${quote.after}${quote.cutAfter ? "…" : ""}”`,
  );
}

class LinkPreviews extends HTMLElement {
  #card!: HTMLElement;
  #base = "/";
  /** The link the card describes (or is about to). */
  #link: HTMLAnchorElement | undefined;
  #mode: Mode = "hover";
  #openTimer = 0;
  #closeTimer = 0;
  #lastPointer = "";
  #stopFollowing: (() => void) | undefined;
  #generation = 0;

  connectedCallback(): void {
    this.#card = this.querySelector<HTMLElement>("[popover]")!;
    this.#base = this.dataset.base ?? "/";
    if (!this.#card || typeof this.#card.showPopover !== "function") return;
    document.addEventListener("pointerover", this.#pointerOver);
    document.addEventListener("pointerout", this.#pointerOut);
    document.addEventListener("pointerdown", this.#pointerDown, true);
    document.addEventListener("click", this.#click, true);
    document.addEventListener("focusin", this.#focusIn);
    document.addEventListener("focusout", this.#focusOut);
    document.addEventListener("keydown", this.#keyDown);
    this.#card.addEventListener("pointerenter", () => window.clearTimeout(this.#closeTimer));
    this.#card.addEventListener("pointerleave", (e) => {
      if (this.#mode === "hover" && e.pointerType !== "touch") this.#closeSoon();
    });
    slot(this.#card, "close").addEventListener("click", () => this.close(true));
  }

  /** The previewable link `node` is in, with what it previews. */
  #candidate(node: EventTarget | null): { a: HTMLAnchorElement; target: PreviewTarget } | null {
    if (!(node instanceof Element)) return null;
    const a = node.closest<HTMLAnchorElement>("a[href]");
    if (!a || !a.closest("[data-previews]") || a.closest("[data-no-preview]")) return null;
    // A passage's or a section's own anchor links to where the reader already is.
    if (a.matches(SELF_LINKS)) return null;
    const url = new URL(a.href, document.baseURI);
    if (url.origin !== location.origin) return null;
    const target = previewTarget(url, this.#base);
    if (!target) return null;
    // A link to the page the reader is on shows nothing new, unless it is to one of its ¶.
    const here = url.pathname === location.pathname;
    if (here && !(target.kind === "essay" && target.n)) return null;
    return { a, target };
  }

  #pointerOver = (e: PointerEvent) => {
    if (e.pointerType === "touch") return;
    const found = this.#candidate(e.target);
    if (!found) return;
    window.clearTimeout(this.#closeTimer);
    if (found.a === this.#link && this.#card.matches(":popover-open")) return;
    window.clearTimeout(this.#openTimer);
    this.#openTimer = window.setTimeout(
      () => void this.open(found.a, found.target, "hover"),
      OPEN_DELAY,
    );
  };

  #pointerOut = (e: PointerEvent) => {
    if (e.pointerType === "touch") return;
    const found = this.#candidate(e.target);
    if (!found || found.a.contains(e.relatedTarget as Node | null)) return;
    window.clearTimeout(this.#openTimer);
    if (found.a === this.#link && this.#mode === "hover") this.#closeSoon();
  };

  #pointerDown = (e: PointerEvent) => {
    this.#lastPointer = e.pointerType;
    // A tap or click anywhere but the card or its link closes the card.
    const inside = this.#card.contains(e.target as Node) || this.#link?.contains(e.target as Node);
    if (!inside && this.#card.matches(":popover-open")) this.close(false);
  };

  #click = (e: MouseEvent) => {
    if (this.#lastPointer !== "touch") return;
    const found = this.#candidate(e.target);
    if (!found) return;
    // The first tap previews; a second tap on the same link follows it.
    if (found.a === this.#link && this.#card.matches(":popover-open")) return;
    e.preventDefault();
    void this.open(found.a, found.target, "touch");
  };

  #focusIn = (e: FocusEvent) => {
    if (this.#card.contains(e.target as Node)) return;
    const found = this.#candidate(e.target);
    if (!found) return;
    if (!found.a.matches(":focus-visible")) return;
    window.clearTimeout(this.#closeTimer);
    void this.open(found.a, found.target, "focus");
  };

  #focusOut = (e: FocusEvent) => {
    if (this.#mode !== "focus" || e.target !== this.#link) return;
    if (this.#card.contains(e.relatedTarget as Node | null)) return;
    this.close(false);
  };

  #keyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !this.#card.matches(":popover-open")) return;
    const back = this.#mode === "touch" && this.#card.contains(document.activeElement);
    this.close(back);
  };

  #closeSoon(): void {
    window.clearTimeout(this.#closeTimer);
    this.#closeTimer = window.setTimeout(() => this.close(false), CLOSE_DELAY);
  }

  /** Opens the card for `a`, filled with what `target` is, placed by the link. */
  async open(a: HTMLAnchorElement, target: PreviewTarget, mode: Mode): Promise<void> {
    window.clearTimeout(this.#openTimer);
    if (this.#link && this.#link !== a) this.close(false);
    const generation = ++this.#generation;
    this.#link = a;
    this.#mode = mode;
    // Only the tapped card, which holds buttons, may scroll (a scrolling box needs a tab stop).
    this.#card.dataset.mode = mode;
    const body = slot(this.#card, "body");
    body.replaceChildren(this.#template("loading"));
    const onward = slot(this.#card, "onward");
    onward.hidden = mode !== "touch";
    const onwardLink = slot<HTMLAnchorElement>(this.#card, "onward-link");
    onwardLink.href = a.href;
    if (mode === "touch") {
      this.#card.setAttribute("role", "dialog");
      this.#card.setAttribute("aria-label", `Preview of ${a.textContent?.trim() ?? "the link"}`);
    } else {
      this.#card.setAttribute("role", "tooltip");
      this.#card.removeAttribute("aria-label");
      a.setAttribute("aria-describedby", this.#card.id);
    }
    if (!this.#card.matches(":popover-open")) this.#card.showPopover();
    const placing = this.#follow(a);
    const content = await this.#content(target, a);
    if (generation !== this.#generation) return;
    body.replaceChildren(content.node);
    onwardLink.textContent = content.onward;
    await placing;
  }

  /** Closes the card; `returnFocus` puts focus back on its link (after a touch card had it). */
  close(returnFocus: boolean): void {
    window.clearTimeout(this.#openTimer);
    window.clearTimeout(this.#closeTimer);
    this.#generation++;
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    const link = this.#link;
    this.#link = undefined;
    if (link?.getAttribute("aria-describedby") === this.#card.id) {
      link.removeAttribute("aria-describedby");
    }
    if (this.#card.matches(":popover-open")) this.#card.hidePopover();
    if (returnFocus) link?.focus();
  }

  /** Keeps the card next to its link while the page scrolls or resizes. */
  async #follow(a: HTMLAnchorElement): Promise<void> {
    const { autoUpdate, computePosition, flip, offset, shift, size } =
      await import("@floating-ui/dom");
    if (this.#link !== a) return;
    const card = this.#card;
    this.#stopFollowing?.();
    this.#stopFollowing = autoUpdate(a, card, () => {
      void computePosition(a, card, {
        strategy: "fixed",
        placement: "bottom-start",
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableWidth, availableHeight }) => {
              card.style.maxWidth = `${Math.min(availableWidth, 416)}px`;
              card.style.maxHeight = `${Math.max(160, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    });
  }

  #template(name: string): DocumentFragment {
    const template = this.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!;
    return template.content.cloneNode(true) as DocumentFragment;
  }

  /** The card's content for `target`, and the wording of its onward link. */
  async #content(
    target: PreviewTarget,
    a: HTMLAnchorElement,
  ): Promise<{ node: Node; onward: string }> {
    if (target.kind === "subject") {
      const data = await fetchJson<SubjectPreview>(subjectPreviewPath(target.slug));
      if (!data) return { node: this.#template("missing"), onward: "Open" };
      return { node: this.#subject(data), onward: `What every essay says about ${data.label}` };
    }
    const data = await fetchJson<EssayPreview>(essayPreviewPath(target.id));
    if (!data) return { node: this.#template("missing"), onward: "Open" };
    const text = target.n ? data.passages[target.n - 1] : undefined;
    if (target.n && text !== undefined) {
      const here = new URL(a.href, document.baseURI).pathname === location.pathname;
      return { node: this.#passage(data, target.n, text, here), onward: `Go to ¶ ${target.n}` };
    }
    return { node: this.#essay(data), onward: "Read the essay" };
  }

  #subject(data: SubjectPreview): Node {
    const node = this.#template("subject");
    slot(node, "kind").textContent = data.kind;
    slot(node, "title").textContent = data.label;
    const description = slot(node, "description");
    if (data.description) slot(node, "description-text").textContent = data.description;
    else description.remove();
    slot(node, "counts").textContent =
      `${countOf(data.mentions, "mention")} in ${countOf(data.passages, "paragraph")} of ${countOf(data.essays, "essay")}.`;
    const list = slot(node, "quotes");
    const quotes = data.quotes
      .filter((q) => new URL(q.href, location.href).pathname !== location.pathname)
      .slice(0, QUOTES);
    for (const quote of quotes) {
      const item = this.#template("quote");
      writeQuote(slot(item, "text"), quote);
      slot(item, "source").textContent = `¶ ${quote.n} of “${quote.essay}” by ${quote.author}`;
      list.append(item);
    }
    if (quotes.length === 0) list.remove();
    return node;
  }

  #passage(data: EssayPreview, n: number, text: string, here: boolean): Node {
    const node = this.#template("passage");
    slot(node, "where").textContent = here ? `¶ ${n} of this essay` : `¶ ${n}`;
    slot(node, "text").textContent = text;
    const source = slot(node, "source");
    if (here) source.remove();
    else source.textContent = `From “${data.title}” by ${data.author}`;
    return node;
  }

  #essay(data: EssayPreview): Node {
    const node = this.#template("essay");
    slot(node, "title").textContent = data.title;
    slot(node, "byline").textContent = data.affiliation
      ? `${data.author}, ${data.affiliation}`
      : data.author;
    const summary = slot(node, "summary");
    if (data.summary) summary.textContent = data.summary;
    else summary.parentElement?.remove();
    return node;
  }
}

customElements.define("link-previews", LinkPreviews);
