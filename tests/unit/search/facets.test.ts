import { describe, expect, it } from "vitest";
import { shortList, SHORT_LIST, type FacetValue } from "../../../src/lib/search/facets.ts";

const values = (essays: number[]): FacetValue[] =>
  essays.map((n, i) => ({ slug: `v${i}`, label: `V${i}`, essays: n }));
const slugs = (list: FacetValue[]) => list.map((v) => v.slug);

describe("shortList", () => {
  it.each([
    // Short lists are shown whole, in their order.
    [[3, 1, 2], { above: 3, shown: 2 }, ["v0", "v1", "v2"]],
    // Long lists: the values with most essays, kept in the list's own order.
    [[1, 5, 2, 4], { above: 3, shown: 2 }, ["v1", "v3"]],
    // Ties go to the earlier value.
    [[2, 2, 2, 2], { above: 3, shown: 2 }, ["v0", "v1"]],
    [[0, 9, 0, 9, 9], { above: 4, shown: 2 }, ["v1", "v3"]],
  ])("%j with %j → %j", (essays, limits, expected) => {
    expect(slugs(shortList(values(essays), limits))).toEqual(expected);
  });

  it("keeps the page's lists bounded by default, and this site's own lists whole", () => {
    expect(shortList(values(Array.from({ length: 2000 }, (_, i) => i % 7)))).toHaveLength(
      SHORT_LIST.shown,
    );
    // Today's site: 11 tags, 39 subjects, 6 authors, all shown.
    expect(shortList(values(Array.from({ length: 39 }, () => 1)))).toHaveLength(39);
  });
});
