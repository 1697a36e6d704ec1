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

/** A passage of an essay that states an event. */
export interface EventSource {
  essay: string;
  paragraph: number;
}

/** An event as the timeline file gives it (after schema validation). */
export interface TimelineEventInput {
  id: string;
  filePath: string;
  date: string;
  label: string;
  sources: EventSource[];
}

/** An event as pages receive it. */
export interface TimelineEvent {
  id: string;
  date: PartialDate;
  label: string;
  sources: EventSource[];
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
    input.sources.forEach((source, i) => {
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
    if (date) events.push({ id: input.id, date, label: input.label, sources: input.sources });
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

/**
 * For each essay, the events it states in date order, each with only that essay's paragraphs
 * (one pass over the events, however many essays there are).
 */
export function eventsByEssay(events: TimelineEvent[]): Map<string, TimelineEvent[]> {
  const byEssay = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    for (const essay of new Set(event.sources.map((s) => s.essay))) {
      const own = { ...event, sources: event.sources.filter((s) => s.essay === essay) };
      const list = byEssay.get(essay);
      if (list) list.push(own);
      else byEssay.set(essay, [own]);
    }
  }
  return byEssay;
}
