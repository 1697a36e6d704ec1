/**
 * "My notes" (browser): `<my-notes>` (markup in layouts/NotesLayout.astro) lists the highlights
 * kept in this browser (notes-store.ts) by essay or by subject, filtered by the search box;
 * exports them as Markdown, with each essay's citation in the chosen style and today's access
 * date, or as a W3C AnnotationCollection; imports such a file back (merging by id); deletes
 * everything on request. Essays' titles, authors and citations come from their preview files.
 */
import { fillAccessed, formatDate, today } from "../lib/access-date.ts";
import {
  mergeHighlights,
  notesMarkdown,
  readImport,
  toCollection,
  type Highlight,
  type NotesGroup,
} from "../lib/annotations.ts";
import { countOf } from "../lib/format.ts";
import { MONTHS } from "../lib/timeline.ts";
import { essayPreviewPath, passageHash } from "../lib/paths.ts";
import { previewTarget, type EssayPreview } from "../lib/previews.ts";
import { allHighlights, deleteAllHighlights, saveHighlights } from "./notes-store.ts";

const slot = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string) =>
  root.querySelector<T>(`[data-slot="${name}"]`)!;

/** An essay's facts for the list, as far as they can be had (offline, maybe only its address). */
interface EssayFacts {
  id: string;
  path: string;
  preview: EssayPreview | undefined;
}

/** Starts a download of `text` as a file. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

class MyNotes extends HTMLElement {
  #base = "/";
  #siteOrigin = "";
  #highlights: Highlight[] = [];
  #essays = new Map<string, EssayFacts>();

  connectedCallback(): void {
    document.querySelector("[data-needs-js]")?.remove();
    this.#base = this.dataset.base ?? "/";
    this.#siteOrigin = this.dataset.site ?? "";
    const controls = slot(this, "controls");
    controls.addEventListener("submit", (e) => e.preventDefault());
    controls.addEventListener("input", (e) => {
      if ((e.target as HTMLElement).matches("[data-action=import]")) return;
      this.#render();
    });
    controls.addEventListener("click", (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>("button[data-action]")?.dataset
        .action;
      if (action === "markdown") void this.#exportMarkdown();
      if (action === "json") this.#exportJson();
      if (action === "delete") void this.#deleteAll();
    });
    controls
      .querySelector<HTMLInputElement>("[data-action=import]")!
      .addEventListener("change", (e) => void this.#import(e.target as HTMLInputElement));
    void this.#load();
  }

  /** The essay id of an annotation's source, if it is an essay of this site. */
  #essayId(source: string): string | undefined {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      return undefined;
    }
    if (url.origin !== location.origin && url.origin !== this.#siteOrigin) return undefined;
    // The same reading of essay URLs as the link previews' (an essay page, without its ¶).
    url.hash = "";
    const target = previewTarget(url, this.#base);
    return target?.kind === "essay" ? target.id : undefined;
  }

  async #load(): Promise<void> {
    this.#highlights = await allHighlights();
    const ids = [...new Set(this.#highlights.map((h) => this.#essayId(h.source)).filter(Boolean))];
    await Promise.all(
      ids.map(async (id) => {
        if (this.#essays.has(id!)) return;
        const path = `${this.#base}essays/${encodeURIComponent(id!)}/`;
        let preview: EssayPreview | undefined;
        try {
          const r = await fetch(essayPreviewPath(id!));
          if (r.ok) preview = (await r.json()) as EssayPreview;
        } catch {
          // offline and never fetched: the list names the essay by its address
        }
        this.#essays.set(id!, { id: id!, path, preview });
      }),
    );
    this.#render();
  }

  #facts(h: Highlight): EssayFacts | undefined {
    const id = this.#essayId(h.source);
    return id ? this.#essays.get(id) : undefined;
  }

  /** The highlights the search box lets through. */
  #shown(): Highlight[] {
    const q = slot<HTMLInputElement>(this, "controls")
      .querySelector<HTMLInputElement>("#notes-filter")!
      .value.trim()
      .toLocaleLowerCase();
    if (!q) return this.#highlights;
    return this.#highlights.filter((h) => {
      const facts = this.#facts(h)?.preview;
      return [h.quote.exact, h.note, facts?.title, facts?.author, ...h.subjects.map((s) => s.label)]
        .join("\n")
        .toLocaleLowerCase()
        .includes(q);
    });
  }

  #grouping(): "essay" | "subject" {
    return this.querySelector<HTMLInputElement>("input[name=group]:checked")?.value === "subject"
      ? "subject"
      : "essay";
  }

  /** The shown highlights in groups: by essay (title order) or by subject (name order). */
  #groups(
    shown: Highlight[],
  ): { key: string; heading: string; href: string; detail: string; items: Highlight[] }[] {
    const groups = new Map<
      string,
      { key: string; heading: string; href: string; detail: string; items: Highlight[] }
    >();
    const add = (key: string, heading: string, href: string, detail: string, h: Highlight) => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, heading, href, detail, items: [] }));
      g.items.push(h);
    };
    for (const h of shown) {
      const facts = this.#facts(h);
      if (this.#grouping() === "essay") {
        const title = facts?.preview?.title ?? facts?.path ?? h.source;
        add(h.source, title, facts?.path ?? h.source, facts?.preview?.author ?? "", h);
      } else if (h.subjects.length === 0) add("", "No subject", "", "", h);
      else for (const s of h.subjects) add(s.href, s.label, new URL(s.href).pathname, "", h);
    }
    for (const g of groups.values())
      g.items.sort((a, b) => a.n - b.n || a.created.localeCompare(b.created));
    return [...groups.values()].sort((a, b) =>
      a.key === "" ? 1 : b.key === "" ? -1 : a.heading.localeCompare(b.heading, "en"),
    );
  }

  #template(name: string): DocumentFragment {
    return this.querySelector<HTMLTemplateElement>(
      `template[data-template="${name}"]`,
    )!.content.cloneNode(true) as DocumentFragment;
  }

  #render(): void {
    const list = slot(this, "list");
    const shown = this.#shown();
    const count = slot(this, "count");
    count.textContent =
      this.#highlights.length === 0
        ? ""
        : shown.length === this.#highlights.length
          ? `${countOf(shown.length, "highlight")}.`
          : `${countOf(shown.length, "highlight")} of ${this.#highlights.length} match your search.`;
    if (this.#highlights.length === 0) {
      list.replaceChildren(this.#template("empty"));
    } else if (shown.length === 0) {
      const none = this.#template("none-found");
      slot(none, "text").textContent = "None of your highlights or notes match your search.";
      list.replaceChildren(none);
    } else {
      list.replaceChildren(
        ...this.#groups(shown).map((g) => {
          const node = this.#template("group");
          const heading = slot<HTMLAnchorElement>(node, "heading");
          heading.textContent = g.heading;
          if (g.href) heading.href = g.href;
          else heading.removeAttribute("href");
          slot(node, "detail").textContent = [g.detail, countOf(g.items.length, "highlight")]
            .filter(Boolean)
            .join(" · ");
          slot(node, "items").append(...g.items.map((h) => this.#item(h)));
          return node;
        }),
      );
    }
    list.setAttribute("aria-busy", "false");
  }

  #item(h: Highlight): DocumentFragment {
    const node = this.#template("item");
    node.querySelector("li")!.classList.add(`colour-${h.colour}`);
    slot(node, "quote").textContent = `“${h.quote.exact.replace(/\s+/g, " ").trim()}”`;
    const note = slot(node, "note");
    if (h.note.trim()) note.textContent = h.note;
    else note.remove();
    const facts = this.#facts(h);
    const where = slot<HTMLAnchorElement>(node, "where");
    where.href = `${facts?.path ?? h.source}${passageHash(h.n)}`;
    where.textContent =
      this.#grouping() === "essay" || !facts?.preview
        ? `¶ ${h.n}`
        : `¶ ${h.n} of “${facts.preview.title}”`;
    slot(node, "about").textContent = h.subjects.length
      ? ` · ${h.subjects.map((s) => s.label).join(", ")}`
      : "";
    return node;
  }

  #say(message: string): void {
    slot(this, "status").textContent = message;
  }

  async #exportMarkdown(): Promise<void> {
    const shown = this.#shown();
    if (shown.length === 0) return this.#say("There is nothing to export.");
    const style = this.querySelector<HTMLSelectElement>("#notes-style")!.value;
    const date = today();
    const groups: NotesGroup[] = this.#groups(shown).map((g) => {
      const facts = this.#essays.get(this.#essayId(g.key) ?? "");
      const reference = facts?.preview?.citations.find((c) => c.key === style);
      const citation = reference
        ? reference.dateForm
          ? fillAccessed(reference.text, reference.dateForm, date)
          : reference.text
        : undefined;
      return {
        heading: g.heading,
        citation: this.#grouping() === "essay" ? citation : undefined,
        highlights: g.items.map((h) => ({ ...h, href: `${h.source}${passageHash(h.n)}` })),
      };
    });
    const when = formatDate({ pattern: "{d} {m} {y}", months: MONTHS }, date);
    download(
      "my-notes.md",
      "text/markdown;charset=utf-8",
      notesMarkdown(
        "My notes",
        groups,
        `${countOf(shown.length, "highlight")}, exported on ${when}.`,
      ),
    );
    this.#say(`Exported ${countOf(shown.length, "highlight")} as Markdown.`);
  }

  #exportJson(): void {
    if (this.#highlights.length === 0) return this.#say("There is nothing to export.");
    download(
      "my-notes.jsonld",
      "application/ld+json;charset=utf-8",
      `${JSON.stringify(toCollection(this.#highlights, "My notes"), null, 2)}\n`,
    );
    this.#say(`Exported ${countOf(this.#highlights.length, "highlight")} as W3C Web Annotations.`);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return this.#say(`${file.name} is not JSON: nothing was imported.`);
    }
    const { highlights, problems } = readImport(
      json,
      (source) => this.#essayId(source) !== undefined,
    );
    const merged = mergeHighlights(this.#highlights, highlights);
    await saveHighlights(merged.highlights);
    await this.#load();
    const parts = [
      `Imported ${countOf(merged.added, "highlight")}`,
      merged.updated ? `updated ${merged.updated}` : "",
      merged.unchanged ? `${merged.unchanged} already here` : "",
    ].filter(Boolean);
    const skipped = problems.length
      ? ` Skipped ${problems.length}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "…" : ""}.`
      : "";
    this.#say(`${parts.join(", ")}.${skipped}`);
  }

  async #deleteAll(): Promise<void> {
    if (this.#highlights.length === 0) return this.#say("There is nothing to delete.");
    const n = countOf(this.#highlights.length, "highlight");
    if (
      !window.confirm(`Delete all ${n} and their notes from this browser? This cannot be undone.`)
    )
      return;
    await deleteAllHighlights();
    this.#highlights = [];
    this.#render();
    this.#say(`Deleted ${n}.`);
  }
}

customElements.define("my-notes", MyNotes);
