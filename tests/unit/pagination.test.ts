import { describe, expect, it } from "vitest";
import { pageLabel, pagerItems } from "../../src/lib/pagination.ts";

describe("pagerItems", () => {
  it.each([
    [1, 1, []],
    [1, 2, [1, 2]],
    [1, 3, [1, 2, 3]],
    [1, 7, [1, 2, "gap", 7]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [5, 10, [1, "gap", 4, 5, 6, "gap", 10]],
    [10, 10, [1, "gap", 9, 10]],
    [3, 200, [1, 2, 3, 4, "gap", 200]],
  ])("page %i of %i", (current, last, items) => {
    expect(pagerItems(current, last)).toEqual(items);
  });
});

describe("pageLabel", () => {
  it("names later pages only", () => {
    expect(pageLabel(1, 5)).toBe("");
    expect(pageLabel(2, 5)).toBe(" · page 2 of 5");
  });
});
