/**
 * The facet checkboxes of the search form (browser), for every facet of the registry: what is
 * ticked, the labels and whole-collection totals the build wrote on them, live counts, folded
 * facets whose checkboxes stay in a `<template>` until first opened, and long facets whose whole
 * list waits in a `<template>` until "Show all" (or a chosen value the short list lacks).
 */
import { FACETS, type FacetKey } from "../../lib/search/facets.ts";
import type { FacetLabels } from "../../lib/search/index-api.ts";
import type { FacetValues } from "../../lib/search/state.ts";

/** The search form's facet checkboxes. */
export class FacetBoxes {
  readonly #form: HTMLFormElement;
  readonly #panel: HTMLDetailsElement | null;
  #lastCounts: Partial<Record<FacetKey, Record<string, number> | undefined>> = {};
  #chosen: FacetValues | undefined;

  /** `onOpen` runs when the filters panel or a folded facet is opened. */
  constructor(form: HTMLFormElement, panel: HTMLDetailsElement | null, onOpen: () => void) {
    this.#form = form;
    this.#panel = panel;
    panel?.addEventListener("toggle", () => panel.open && onOpen());
    for (const facet of FACETS.filter((f) => f.folded)) {
      const details = this.#folded(facet.key);
      details?.addEventListener("toggle", () => {
        if (!details.open) return;
        this.#unfold(facet.key);
        onOpen();
      });
    }
    form.addEventListener("click", (event) => {
      const more = (event.target as Element).closest<HTMLButtonElement>("button[data-facet-more]");
      if (more) this.#showAll(more.dataset.facetMore as FacetKey, { focus: true });
    });
  }

  /**
   * Replaces a long facet's short list with the whole list, ticked and counted as the short one
   * was; with `focus`, the first value that was not shown before (and can be chosen) takes the
   * focus.
   */
  #showAll(key: FacetKey, { focus = false } = {}): void {
    const template = this.#form.querySelector<HTMLTemplateElement>(`template#facet-${key}-more`);
    const short = this.#form.querySelector(`ul[data-facet-list=${key}]`);
    if (!template || !short) return;
    const before = new Set(this.#boxes(key).map((box) => box.value));
    const ticked = new Set(this.chosen()[key]);
    short.replaceWith(template.content.cloneNode(true));
    this.#form.querySelector(`button[data-facet-more=${key}]`)?.remove();
    template.remove();
    const boxes = this.#boxes(key);
    for (const box of boxes) box.checked = ticked.has(box.value);
    if (key in this.#lastCounts) this.showCounts(key, this.#lastCounts[key]);
    if (focus) boxes.find((box) => !before.has(box.value) && !box.disabled)?.focus();
  }

  #folded(key: FacetKey) {
    return this.#form.querySelector<HTMLDetailsElement>(`details#facet-${key}`);
  }

  #template(key: FacetKey) {
    return this.#form.querySelector<HTMLTemplateElement>(`template#facet-${key}-template`);
  }

  /** Puts a folded facet's checkboxes in the page (once), ticked and counted as the search is. */
  #unfold(key: FacetKey): void {
    const template = this.#template(key);
    if (!template) return;
    template.replaceWith(template.content.cloneNode(true));
    if (this.#chosen)
      for (const box of this.#boxes(key)) box.checked = this.#chosen[key].includes(box.value);
    if (this.#lastCounts[key]) this.showCounts(key, this.#lastCounts[key]);
  }

  #boxes(key: FacetKey): HTMLInputElement[] {
    return [...this.#form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=${key}]`)];
  }

  /** A facet's checkboxes, including those still in templates (each value once). */
  #allBoxes(key: FacetKey): HTMLInputElement[] {
    const found = new Map<string, HTMLInputElement>();
    const collect = (root: ParentNode) => {
      for (const box of root.querySelectorAll<HTMLInputElement>(
        `input[type=checkbox][name=${key}]`,
      )) {
        if (!found.has(box.value)) found.set(box.value, box);
      }
      for (const template of root.querySelectorAll("template")) collect(template.content);
    };
    collect(this.#form);
    return [...found.values()];
  }

  /** Slug → label for every value of every facet. */
  labels(): FacetLabels {
    return Object.fromEntries(
      FACETS.map((f) => [
        f.key,
        new Map(this.#allBoxes(f.key).map((c) => [c.value, c.dataset.label ?? c.value])),
      ]),
    ) as FacetLabels;
  }

  /** Each value's essays in the whole collection, as the build wrote them. */
  totals(key: FacetKey): Record<string, number> {
    return Object.fromEntries(
      this.#allBoxes(key).map((c) => [c.dataset.label ?? c.value, Number(c.dataset.total ?? 0)]),
    );
  }

  /** The ticked values. */
  chosen(): FacetValues {
    return Object.fromEntries(
      FACETS.map((f) => [
        f.key,
        this.#boxes(f.key)
          .filter((c) => c.checked)
          .map((c) => c.value),
      ]),
    ) as FacetValues;
  }

  /** Ticks what a search chose (unfolding a folded facet with a choice). */
  show(chosen: FacetValues): void {
    this.#chosen = chosen;
    for (const facet of FACETS) {
      const details = this.#folded(facet.key);
      if (chosen[facet.key].length && details && !details.open) {
        details.open = true;
        this.#unfold(facet.key);
      }
      const shown = new Set(this.#boxes(facet.key).map((box) => box.value));
      if (chosen[facet.key].some((value) => !shown.has(value))) this.#showAll(facet.key);
      for (const box of this.#boxes(facet.key)) box.checked = chosen[facet.key].includes(box.value);
    }
  }

  /**
   * The facets a reader can see, the only ones worth counting: each counted facet makes Pagefind
   * fetch its filter index and count it on every later search.
   */
  visible(): FacetKey[] {
    if (this.#panel && !this.#panel.open) return [];
    return FACETS.filter((f) => !f.folded || this.#folded(f.key)?.open).map((f) => f.key);
  }

  /**
   * Shows each value's count; values that would leave no results are disabled. Unknown counts
   * (too many matches to count exactly) show nothing rather than a wrong number.
   */
  showCounts(key: FacetKey, counts: Record<string, number> | undefined): void {
    this.#lastCounts = { ...this.#lastCounts, [key]: counts };
    for (const box of this.#boxes(key)) {
      const count = counts ? (counts[box.dataset.label ?? box.value] ?? 0) : undefined;
      const badge = box.parentElement?.querySelector<HTMLElement>("[data-count]");
      if (badge) badge.textContent = count === undefined ? "" : String(count);
      box.disabled = count === 0 && !box.checked;
      box.closest("li")?.classList.toggle("opacity-50", box.disabled);
    }
  }
}
