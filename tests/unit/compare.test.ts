import { describe, expect, it } from "vitest";
import { perspectivesHint, readCompare, withCompare } from "../../src/lib/compare.ts";

const IDS = ["a", "b", "c", "d", "e", "f"];

describe("readCompare", () => {
  it.each([
    ["", []],
    ["?compare=b", []], // one essay is no comparison
    ["?compare=b&compare=a", ["a", "b"]], // the page's order
    ["?compare=a&compare=a&compare=c", ["a", "c"]],
    ["?compare=a&compare=zz", []], // unknown ids dropped, then too few
    ["?compare=a&compare=b&compare=c&compare=d&compare=e", ["a", "b", "c", "d"]],
    ["?page=2&compare=e&compare=f", ["e", "f"]],
  ])("reads %j as %j", (search, chosen) => {
    expect(readCompare(search, IDS)).toEqual(chosen);
  });
});

describe("withCompare", () => {
  it.each([
    ["", ["a", "b"], "?compare=a&compare=b"],
    ["?compare=a&compare=b", [], ""],
    ["?x=1&compare=a", ["c", "d"], "?x=1&compare=c&compare=d"],
  ])("%j with %j is %j", (search, chosen, out) => {
    expect(withCompare(search, chosen)).toBe(out);
  });
});

describe("perspectivesHint", () => {
  it.each([
    [
      { total: 6, compared: 0, perRow: 3, scrolls: true },
      "All 6 essays, 3 to a row. A long column scrolls on its own.",
    ],
    [{ total: 4, compared: 0, perRow: 4, scrolls: false }, "All 4 essays side by side."],
    [{ total: 2, compared: 0, perRow: 2, scrolls: false }, "Both essays side by side."],
    [{ total: 6, compared: 2, perRow: 2, scrolls: false }, "Comparing 2 of 6 essays side by side."],
    [{ total: 6, compared: 0, perRow: 1, scrolls: false }, "6 essays, one after another."],
    [
      { total: 6, compared: 2, perRow: 1, scrolls: false },
      "2 of 6 essays chosen, one after another.",
    ],
  ])("describes %j", (view, hint) => {
    expect(perspectivesHint(view)).toBe(hint);
  });
});
