/**
 * Access dates, in each citation style's own form ("1 Dec. 2026", "December 1, 2026",
 * "1 December 2026"). The form is read off the CSL style itself at build time (see
 * `dateForm` in src/lib/citation.ts); this module fills it in with the reader's today, so a
 * citation copied from the page says when the reader consulted it. Runs in the browser and at
 * build time.
 */

/** Where a citation template carries its access date. */
export const ACCESSED_PLACEHOLDER = "{accessed}";

/** A calendar date: year, month (1–12) and day (1–31). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * How a style writes a date: a pattern with `{d}`, `{m}` and `{y}` in the style's order and
 * punctuation, and the month (and, where the style does not write plain numbers, day) names it
 * uses, read from the style's own output.
 */
export interface DateForm {
  pattern: string;
  months: string[];
  days?: string[] | undefined;
}

/** A date written the way a style writes it. */
export function formatDate(form: DateForm, date: CalendarDate): string {
  return form.pattern
    .replace("{d}", form.days?.[date.day - 1] ?? String(date.day))
    .replace("{m}", form.months[date.month - 1] ?? String(date.month))
    .replace("{y}", String(date.year));
}

/** The reader's today, in their own time zone. */
export function today(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A citation template with its access date filled in. */
export function fillAccessed(template: string, form: DateForm, date: CalendarDate): string {
  return template.split(ACCESSED_PLACEHOLDER).join(formatDate(form, date));
}
