/**
 * Pagination of essay lists: how many essays a page shows, and which page numbers a pager lists
 * (always the first and last, the current one and its neighbours, gaps between).
 */

/** Essays per list page: small pages at any collection size. */
export const PAGE_SIZE = 50;

/**
 * Essays per page of a subject's perspectives: each brings its quoted paragraphs, side by side,
 * so fewer fit a page than in a list of titles.
 */
export const SUBJECT_PAGE_SIZE = 12;

/** An item of a pager: a page number, or a gap ("…"). */
export type PagerItem = number | "gap";

/** The page numbers a pager shows for page `current` of `last`. */
export function pagerItems(current: number, last: number, around = 1): PagerItem[] {
  if (last <= 1) return [];
  const keep = new Set<number>([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) keep.add(n);
  const numbers = [...keep].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  numbers.forEach((n, i) => {
    const previous = numbers[i - 1];
    if (previous !== undefined && n - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) items.push("gap");
    items.push(n);
  });
  return items;
}

/** "Page 2 of 7" for titles, or nothing on the first page of one. */
export function pageLabel(current: number, last: number): string {
  return current > 1 ? ` · page ${current} of ${last}` : "";
}
