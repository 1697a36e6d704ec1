import { describe, expect, it } from "vitest";
import {
  ACCESSED_PLACEHOLDER,
  fillAccessed,
  formatDate,
  today,
  type DateForm,
} from "../../src/lib/access-date.ts";

const MONTHS_SHORT = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split(" ");
const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );
const mla: DateForm = { pattern: "{d} {m} {y}", months: MONTHS_SHORT };
const chicago: DateForm = { pattern: "{m} {d}, {y}", months: MONTHS };
const ordinal: DateForm = {
  pattern: "{m} {d}, {y}",
  months: MONTHS,
  days: Array.from({ length: 31 }, (_, i) => `${i + 1}${["st", "nd", "rd"][i] ?? "th"}`),
};

describe("formatDate", () => {
  it.each([
    [mla, { year: 2026, month: 12, day: 1 }, "1 Dec. 2026"],
    [mla, { year: 2026, month: 9, day: 5 }, "5 Sept. 2026"],
    [chicago, { year: 2026, month: 12, day: 1 }, "December 1, 2026"],
    [ordinal, { year: 2026, month: 3, day: 2 }, "March 2nd, 2026"],
  ])("%#: %s", (form, date, text) => expect(formatDate(form, date)).toBe(text));
});

describe("today", () => {
  it("is the reader's local date", () => {
    const now = new Date(2026, 11, 1, 23, 59);
    expect(today(now)).toEqual({ year: 2026, month: 12, day: 1 });
  });
});

describe("fillAccessed", () => {
  it("fills every placeholder and leaves the rest alone", () => {
    expect(
      fillAccessed(`Accessed ${ACCESSED_PLACEHOLDER}. x ${ACCESSED_PLACEHOLDER}`, mla, {
        year: 2026,
        month: 12,
        day: 1,
      }),
    ).toBe("Accessed 1 Dec. 2026. x 1 Dec. 2026");
  });
});
