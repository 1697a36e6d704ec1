/**
 * Which essays a subject page sets side by side, and what the page says about it. The reader's
 * choice is kept in the URL (`?compare=<essay>&compare=<essay>`), so a comparison can be shared.
 * Pure: runs in the browser (src/scripts/perspectives.ts) and is unit-tested.
 */
import { countOf } from "./format.ts";

/** The URL parameter that names an essay to set side by side (repeated, one per essay). */
export const COMPARE_PARAM = "compare";

/** The fewest and most essays a reader can set side by side. */
export const COMPARE_RANGE = { min: 2, max: 4 } as const;

/**
 * The essays the URL asks to compare, in the page's order: only ids on this page, each once, at
 * most the maximum. Fewer than the minimum is no comparison at all (every essay is shown).
 */
export function readCompare(search: string, ids: readonly string[]): string[] {
  const asked = new Set(new URLSearchParams(search).getAll(COMPARE_PARAM));
  const chosen = ids.filter((id) => asked.has(id)).slice(0, COMPARE_RANGE.max);
  return chosen.length >= COMPARE_RANGE.min ? chosen : [];
}

/** `search` with the comparison replaced by `chosen` (none: the parameter removed), the rest kept. */
export function withCompare(search: string, chosen: readonly string[]): string {
  const params = new URLSearchParams(search);
  params.delete(COMPARE_PARAM);
  for (const id of chosen) params.append(COMPARE_PARAM, id);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** What is on screen, as the hint describes it. */
export interface PerspectivesView {
  /** Essays on the page. */
  total: number;
  /** Essays the reader chose to set side by side (0: none chosen, all shown). */
  compared: number;
  /** Columns in a row as laid out (1: the essays follow one another). */
  perRow: number;
  /** Whether some column is taller than its box and scrolls on its own. */
  scrolls: boolean;
}

/** The one-line hint above the perspectives; true of the layout it is given, and nothing more. */
export function perspectivesHint(view: PerspectivesView): string {
  const { total, compared, perRow, scrolls } = view;
  const own = scrolls ? " A long column scrolls on its own." : "";
  if (compared > 0) {
    return perRow <= 1
      ? `${compared} of ${countOf(total, "essay")} chosen, one after another.`
      : `Comparing ${compared} of ${countOf(total, "essay")} side by side.${own}`;
  }
  if (perRow <= 1) return `${countOf(total, "essay")}, one after another.`;
  if (perRow >= total) {
    return `${total === 2 ? "Both" : `All ${total}`} essays side by side.${own}`;
  }
  return `All ${total} essays, ${perRow} to a row.${own}`;
}
