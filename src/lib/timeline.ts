/**
 * The timeline: events the essays state, each dated only as precisely as the text dates it (a
 * year, a month or a day) and each tied to the paragraphs that state it. This module parses and
 * formats those partial dates and checks every event's sources against the essays.
 */
import type { ContentProblem } from "./library.ts";

/** A date as precise as the source: a year, a month of a year, or a day. */
export interface PartialDate {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
}

/** The months' English names, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined for anything else or a day that never was. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = DATE.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return undefined;
  }
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The machine-readable form, for `<time datetime>`: 1994, 1994-05 or 1994-05-25. */
export function isoPartialDate(date: PartialDate): string {
  let text = String(date.year).padStart(4, "0");
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) text += `-${pad(date.day)}`;
  return text;
}

/** The date as readers see it: "1994", "May 1994", "25 May 1994". */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  const month = MONTHS[date.month - 1] ?? "";
  return date.day === undefined ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** Earlier dates first; a year alone comes before its months, a month before its days. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** A passage that states an event, as the timeline file gives it. */
export interface EventSourceInput {
  essay: string;
  paragraph: number;
  /** The date as this paragraph gives it, when it is less precise than (or not) the event's. */
  date?: string | undefined;
  /** The editor's line for the event as this paragraph states it, when it states less. */
  label?: string | undefined;
}

/** A passage that states an event, with the date and wording that passage supports. */
export interface EventSource {
  essay: string;
  paragraph: number;
  date: PartialDate;
  label: string;
}

/** An event as the timeline file gives it (after schema validation). */
export interface TimelineEventInput {
  id: string;
  filePath: string;
  date: string;
  label: string;
  sources: EventSourceInput[];
}

/** An event as the timeline page receives it: its date and line, and every passage stating it. */
export interface TimelineEvent {
  id: string;
  date: PartialDate;
  label: string;
  sources: EventSource[];
}

/**
 * An event as one essay states it, for that essay's own sidebar: only that essay's date and
 * wording, never a month, day or detail another essay supplies.
 */
export interface EssayEvent {
  id: string;
  date: PartialDate;
  label: string;
  paragraphs: number[];
}

/** One year of the timeline. */
export interface TimelineYear {
  year: number;
  events: TimelineEvent[];
}

/**
 * Checks the events against the essays and sorts them by date (events on the same date keep the
 * file's order). `passages` gives, for each essay id, how many numbered passages it has. Every
 * problem names the file, the event and the field.
 */
export function buildTimeline(
  inputs: TimelineEventInput[],
  passages: ReadonlyMap<string, number>,
): { events: TimelineEvent[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const events: TimelineEvent[] = [];
  for (const input of inputs) {
    const problem = (field: string, message: string) =>
      problems.push({ file: input.filePath, field: `${input.id}.${field}`, message });
    const date = parsePartialDate(input.date);
    if (!date) problem("date", `"${input.date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (input.sources.length === 0)
      problem("sources", "an event needs the paragraph that states it");
    const sources: EventSource[] = [];
    input.sources.forEach((source, i) => {
      const own = source.date === undefined ? date : parsePartialDate(source.date);
      if (source.date !== undefined && !own) {
        problem(
          `sources[${i}].date`,
          `"${source.date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
        );
      }
      if (own) {
        sources.push({
          essay: source.essay,
          paragraph: source.paragraph,
          date: own,
          label: source.label ?? input.label,
        });
      }
      const count = passages.get(source.essay);
      if (count === undefined) {
        problem(`sources[${i}].essay`, `no essay "${source.essay}" in content/essays/`);
      } else if (
        !Number.isInteger(source.paragraph) ||
        source.paragraph < 1 ||
        source.paragraph > count
      ) {
        problem(
          `sources[${i}].paragraph`,
          `essay "${source.essay}" has no ¶ ${source.paragraph} (its paragraphs are ¶ 1–${count})`,
        );
      }
    });
    if (date) events.push({ id: input.id, date, label: input.label, sources });
  }
  const order = new Map(inputs.map((e, i) => [e.id, i]));
  events.sort(
    (a, b) =>
      comparePartialDates(a.date, b.date) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return { events, problems };
}

/** Events grouped by year, in date order. */
export function groupByYear(events: TimelineEvent[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const event of events) {
    const last = years.at(-1);
    if (last?.year === event.date.year) last.events.push(event);
    else years.push({ year: event.date.year, events: [event] });
  }
  return years;
}

/** Whether two partial dates are the same date at the same precision. */
export function sameDate(a: PartialDate, b: PartialDate): boolean {
  return isoPartialDate(a) === isoPartialDate(b);
}

/**
 * For each essay, the events it states in date order (on one date, in the essay's order), each as
 * that essay states it: its own date and line, with its paragraphs (paragraphs of one essay that
 * date the event alike are listed together). One pass over the events, however many essays.
 */
export function eventsByEssay(events: TimelineEvent[]): Map<string, EssayEvent[]> {
  const byEssay = new Map<string, EssayEvent[]>();
  for (const event of events) {
    for (const source of event.sources) {
      const list = byEssay.get(source.essay) ?? [];
      if (!list.length) byEssay.set(source.essay, list);
      const same = list.find(
        (e) => e.id === event.id && sameDate(e.date, source.date) && e.label === source.label,
      );
      if (same) same.paragraphs.push(source.paragraph);
      else
        list.push({
          id: event.id,
          date: source.date,
          label: source.label,
          paragraphs: [source.paragraph],
        });
    }
  }
  // By this essay's own dates; on one date, in the order the essay states them.
  for (const list of byEssay.values()) {
    list.sort((a, b) => comparePartialDates(a.date, b.date) || a.paragraphs[0]! - b.paragraphs[0]!);
  }
  return byEssay;
}
