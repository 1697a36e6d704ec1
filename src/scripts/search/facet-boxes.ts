/**
 * The facet checkboxes of the search form (browser), for every facet of the registry: what is
 * ticked, the labels and whole-collection totals the build wrote on them, live counts, and folded
 * facets whose checkboxes stay in a `<template>` until first opened.
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

  /** A facet's checkboxes, including those still in a template. */
  #allBoxes(key: FacetKey): HTMLInputElement[] {
    const template = this.#template(key);
    return [
      ...this.#boxes(key),
      ...(template
        ? template.content.querySelectorAll<HTMLInputElement>("input[type=checkbox]")
        : []),
    ];
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
