/**
 * `<perspective-chooser>` on a subject page: the reader ticks 2–4 essays to set side by side in
 * one row; the choice is kept in the URL (`?compare=…`, lib/compare.ts) and the hint says what is
 * on screen, recomputed when the layout changes. Without a choice every essay is shown. Runs in
 * the browser.
 */
import { COMPARE_RANGE, perspectivesHint, readCompare, withCompare } from "../lib/compare.ts";

class PerspectiveChooser extends HTMLElement {
  #grid: HTMLElement | null = null;
  #boxes: HTMLInputElement[] = [];
  #chosen: string[] = [];

  connectedCallback(): void {
    this.#grid = this.closest("section")?.querySelector<HTMLElement>(".perspectives") ?? null;
    this.#boxes = [...this.querySelectorAll<HTMLInputElement>("input.compare-box")];
    if (!this.#grid || !this.#boxes.length) return;
    const ids = this.#boxes.map((b) => b.value);
    this.#chosen = readCompare(location.search, ids);
    for (const box of this.#boxes) box.addEventListener("change", () => this.#choose());
    this.#slot("reset")?.addEventListener("click", () => this.#apply([], true));
    window.addEventListener("popstate", () =>
      this.#apply(readCompare(location.search, ids), false),
    );
    new ResizeObserver(() => this.#describe()).observe(this.#grid);
    this.#apply(this.#chosen, false);
  }

  #slot(name: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  }

  /** The boxes ticked now, in the page's order. */
  #choose(): void {
    const ticked = this.#boxes.filter((b) => b.checked).map((b) => b.value);
    // One ticked box is a choice in progress: every essay stays, and the URL waits.
    this.#apply(ticked.length >= COMPARE_RANGE.min ? ticked : [], true, ticked);
  }

  #apply(chosen: string[], push: boolean, ticked: string[] = chosen): void {
    this.#chosen = chosen;
    const grid = this.#grid!;
    const shown = new Set(chosen);
    for (const column of grid.querySelectorAll<HTMLElement>(".perspective")) {
      column.hidden = chosen.length > 0 && !shown.has(column.dataset.essay ?? "");
    }
    if (chosen.length) {
      grid.dataset.compared = String(chosen.length);
      grid.style.setProperty("--compared", String(chosen.length));
    } else {
      delete grid.dataset.compared;
      grid.style.removeProperty("--compared");
    }
    const full = ticked.length >= COMPARE_RANGE.max;
    for (const box of this.#boxes) {
      box.checked = ticked.includes(box.value);
      box.disabled = full && !box.checked;
    }
    const reset = this.#slot("reset");
    if (reset) reset.hidden = chosen.length === 0;
    if (push) {
      const url = `${location.pathname}${withCompare(location.search, chosen)}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`)
        history.pushState(null, "", url);
    }
    this.#describe();
  }

  /** The hint, from the layout as it is (columns per row, columns that scroll). */
  #describe(): void {
    const grid = this.#grid!;
    const columns = [...grid.querySelectorAll<HTMLElement>(".perspective")].filter(
      (c) => !c.hidden,
    );
    const first = columns[0] ? Math.round(columns[0].getBoundingClientRect().top) : 0;
    const perRow = Math.max(
      1,
      columns.filter((c) => Math.round(c.getBoundingClientRect().top) === first).length,
    );
    const hint = this.#slot("hint");
    if (!hint) return;
    const text = perspectivesHint({
      total: this.#boxes.length,
      compared: this.#chosen.length,
      perRow,
      scrolls: columns.some((c) => c.scrollHeight > c.clientHeight + 1),
    });
    if (hint.textContent !== text) hint.textContent = text;
  }
}

customElements.define("perspective-chooser", PerspectiveChooser);
