import { describe, expect, it } from "vitest";
import {
  describeResults,
  MAX_QUERY_LENGTH,
  normaliseQuery,
  readSearchState,
  searchQueryString,
} from "../../src/lib/search.ts";

describe("readSearchState", () => {
  it.each([
    ["", ""],
    ["?q=Russkii+Mir", "Russkii Mir"],
    ["?q=Russkii%20Mir&x=1", "Russkii Mir"],
    ["?q=%E4%BF%84%E7%BD%97%E6%96%AF%E7%A0%94%E7%A9%B6", "俄罗斯研究"],
    ["?q=%20%20Crimea%0A%0Dtaiwan%09", "Crimea taiwan"],
    ["?q=%22security+dilemma%22", '"security dilemma"'],
    ["?q=%", "%"],
    ["?q=a&q=b", "a"],
  ])("%s → %j", (search, query) => {
    expect(readSearchState(search).query).toBe(query);
  });

  it("caps very long queries instead of failing", () => {
    expect(readSearchState(`?q=${"x".repeat(5000)}`).query).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe("searchQueryString", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["Russkii Mir", "?q=Russkii+Mir"],
    ["a&b", "?q=a%26b"],
  ])("%j → %s", (query, qs) => {
    expect(searchQueryString({ query })).toBe(qs);
  });

  it("round-trips through readSearchState", () => {
    for (const query of ["Crimea", '"security dilemma"', "俄罗斯研究", "a+b&c"]) {
      expect(readSearchState(searchQueryString({ query })).query).toBe(query);
    }
  });
});

describe("normaliseQuery", () => {
  it("strips control characters", () => {
    expect(normaliseQuery("a\u0000b")).toBe("a b");
  });
});

describe("describeResults", () => {
  it.each([
    [0, "x", "No essays match “x”."],
    [1, "Russkii Mir", "1 essay matches “Russkii Mir”."],
    [6, "China", "6 essays match “China”."],
  ])("%i for %s", (count, query, sentence) => {
    expect(describeResults(count, query)).toBe(sentence);
  });
});
