import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  comparePartialDates,
  eventsByEssay,
  formatPartialDate,
  groupByYear,
  isoPartialDate,
  parsePartialDate,
  type TimelineEventInput,
} from "../../src/lib/timeline.ts";

describe("partial dates", () => {
  it.each<[string, string | undefined, string | undefined]>([
    // text, as shown, as <time datetime>
    ["1989", "1989", "1989"],
    ["1993-09", "September 1993", "1993-09"],
    ["1994-05-25", "25 May 1994", "1994-05-25"],
    ["2016-02-29", "29 February 2016", "2016-02-29"],
    [" 2001 ", "2001", "2001"],
    ["2015-02-29", undefined, undefined], // not a leap year
    ["2001-13", undefined, undefined],
    ["2001-00", undefined, undefined],
    ["2001-04-31", undefined, undefined],
    ["spring 2015", undefined, undefined],
    ["01/04/2001", undefined, undefined],
    ["2001-4-1", undefined, undefined],
    ["", undefined, undefined],
  ])("%s", (text, shown, iso) => {
    const date = parsePartialDate(text);
    expect(date && formatPartialDate(date)).toBe(shown);
    expect(date && isoPartialDate(date)).toBe(iso);
  });

  it("sorts a year before its months and a month before its days", () => {
    const dates = ["2001-07", "2001", "2001-04-01", "1999", "2001-04"].map((t) =>
      parsePartialDate(t)!,
    );
    expect(dates.sort(comparePartialDates).map(isoPartialDate)).toEqual([
      "1999",
      "2001",
      "2001-04",
      "2001-04-01",
      "2001-07",
    ]);
  });
});

const event = (
  over: Partial<TimelineEventInput> & Pick<TimelineEventInput, "id">,
): TimelineEventInput => ({
  filePath: "content/timeline/events.yaml",
  date: "2001",
  label: over.id,
  sources: [{ essay: "a", paragraph: 1 }],
  ...over,
});
const passages = new Map([
  ["a", 12],
  ["b", 3],
]);

describe("building the timeline", () => {
  it.each<[string, TimelineEventInput, string[]]>([
    ["a sourced event passes", event({ id: "ok", sources: [{ essay: "b", paragraph: 3 }] }), []],
    [
      "an unknown essay fails, naming the file and the event",
      event({ id: "x", sources: [{ essay: "nope", paragraph: 1 }] }),
      ['content/timeline/events.yaml x.sources[0].essay: no essay "nope" in content/essays/'],
    ],
    [
      "a paragraph the essay does not have fails",
      event({
        id: "y",
        sources: [
          { essay: "a", paragraph: 1 },
          { essay: "b", paragraph: 4 },
        ],
      }),
      [
        'content/timeline/events.yaml y.sources[1].paragraph: essay "b" has no ¶ 4 (its paragraphs are ¶ 1–3)',
      ],
    ],
    [
      "an event without a source fails",
      event({ id: "z", sources: [] }),
      ["content/timeline/events.yaml z.sources: an event needs the paragraph that states it"],
    ],
    [
      "a paragraph's own date that is not one fails",
      event({ id: "v", sources: [{ essay: "a", paragraph: 1, date: "July" }] }),
      [
        'content/timeline/events.yaml v.sources[0].date: "July" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      ],
    ],
    [
      "a date that is not one fails",
      event({ id: "w", date: "early 2016" }),
      [
        'content/timeline/events.yaml w.date: "early 2016" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      ],
    ],
  ])("%s", (_, input, expected) => {
    const { problems } = buildTimeline([input], passages);
    expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual(expected);
  });

  it("orders events by date, keeping the file's order on the same date", () => {
    const { events } = buildTimeline(
      [
        event({ id: "late", date: "2015-05" }),
        event({ id: "first-of-2001", date: "2001" }),
        event({ id: "second-of-2001", date: "2001" }),
        event({ id: "early", date: "1989" }),
        event({ id: "day", date: "2001-04-01" }),
      ],
      passages,
    );
    expect(events.map((e) => e.id)).toEqual([
      "early",
      "first-of-2001",
      "second-of-2001",
      "day",
      "late",
    ]);
    expect(groupByYear(events).map((y) => `${y.year}:${y.events.length}`)).toEqual([
      "1989:1",
      "2001:3",
      "2015:1",
    ]);
  });

  it("gives each essay its events with only its own paragraphs", () => {
    const { events } = buildTimeline(
      [
        event({
          id: "both",
          sources: [
            { essay: "a", paragraph: 2 },
            { essay: "b", paragraph: 1 },
            { essay: "a", paragraph: 5 },
          ],
        }),
        event({ id: "only-b", date: "2002", sources: [{ essay: "b", paragraph: 3 }] }),
      ],
      passages,
    );
    const byEssay = eventsByEssay(events);
    const show = (id: string) => byEssay.get(id)?.map((e) => `${e.id}:${e.paragraphs.join(",")}`);
    expect(show("a")).toEqual(["both:2,5"]);
    expect(show("b")).toEqual(["both:1", "only-b:3"]);
    expect(show("c")).toBeUndefined();
  });
});

describe("each essay's own account of an event", () => {
  // Two essays date one treaty: one to the month, with place and signatories; one to the year.
  const { events } = buildTimeline(
    [
      event({
        id: "treaty",
        date: "2001-07",
        label: "Jiang and Putin sign the treaty in Moscow",
        sources: [
          { essay: "a", paragraph: 1, date: "2001", label: "The two sign a treaty" },
          { essay: "b", paragraph: 2 },
          { essay: "b", paragraph: 3, date: "2001" },
        ],
      }),
      event({ id: "earlier", date: "2001-03", sources: [{ essay: "a", paragraph: 4 }] }),
    ],
    passages,
  );
  const byEssay = eventsByEssay(events);
  const show = (id: string) =>
    byEssay.get(id)?.map((e) => `${isoPartialDate(e.date)} ${e.label} ¶${e.paragraphs.join(",")}`);

  it("shows an essay only the date and wording its own paragraph gives", () => {
    expect(show("a")).toEqual(["2001 The two sign a treaty ¶1", "2001-03 earlier ¶4"]);
  });

  it("lists events of one date in the essay's own order", () => {
    const { events: same } = buildTimeline(
      [
        event({ id: "x", date: "2001", sources: [{ essay: "a", paragraph: 7 }] }),
        event({ id: "y", date: "2001-07", sources: [{ essay: "a", paragraph: 2, date: "2001" }] }),
      ],
      passages,
    );
    expect(
      eventsByEssay(same)
        .get("a")!
        .map((e) => e.id),
    ).toEqual(["y", "x"]);
  });

  it("keeps the fuller account where the paragraph gives it, and each paragraph's precision", () => {
    expect(show("b")).toEqual([
      "2001 Jiang and Putin sign the treaty in Moscow ¶3",
      "2001-07 Jiang and Putin sign the treaty in Moscow ¶2",
    ]);
  });

  it("keeps every source's own date on the event for the timeline page", () => {
    const treaty = events.find((e) => e.id === "treaty")!;
    expect(
      treaty.sources.map((s) => `${s.essay}¶${s.paragraph} ${isoPartialDate(s.date)}`),
    ).toEqual(["a¶1 2001", "b¶2 2001-07", "b¶3 2001"]);
  });
});
