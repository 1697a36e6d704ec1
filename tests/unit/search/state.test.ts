import { describe, expect, it } from "vitest";
import { FACET_KEYS, FACETS } from "../../../src/lib/search/facets.ts";
import {
  pagefindFilters,
  pagefindSort,
  withCountedFacets,
} from "../../../src/lib/search/index-api.ts";
import {
  effectiveSort,
  isActive,
  MAX_FILTER_VALUES,
  MAX_QUERY_LENGTH,
  readSearchState,
  sameSearch,
  searchFor,
  searchQueryString,
  withHighlight,
  withoutValue,
} from "../../../src/lib/search/state.ts";

describe("readSearchState", () => {
  it.each([
    ["", searchFor("")],
    ["?q=Russkii+Mir", searchFor("Russkii Mir")],
    ["?q=%20%20Crimea%0A%0Dtaiwan%09", searchFor("Crimea taiwan")],
    ["?q=Putin+-Xi", searchFor("Putin -Xi")],
    [
      "?author=natasha-kuhrt&tag=central-asia&tag=asia-pacific",
      searchFor("", { author: ["natasha-kuhrt"], tag: ["central-asia", "asia-pacific"] }),
    ],
    ["?tag=Central-Asia&tag=central-asia", searchFor("", { tag: ["central-asia"] })],
    ["?subject=nato&subject=%3Cb%3E", searchFor("", { subject: ["nato"] })],
    ["?tag=%3Cscript%3E&tag=&author=a%20b", searchFor("")],
    ["?sort=title", { ...searchFor(""), sort: "title" }],
    ["?sort=random", searchFor("")],
  ])("%s", (search, expected) => expect(readSearchState(search)).toEqual(expected));

  it("caps long queries and filter lists instead of failing", () => {
    expect(readSearchState(`?q=${"x".repeat(5000)}`).query).toHaveLength(MAX_QUERY_LENGTH);
    const many = Array.from({ length: 50 }, (_, i) => `tag=t${i}`).join("&");
    expect(readSearchState(`?${many}`).filters.tag).toHaveLength(MAX_FILTER_VALUES);
  });
});

describe("search URLs", () => {
  it.each([
    [searchFor("Crimea", { tag: ["ukraine-crisis"] }), "?q=Crimea&tag=ukraine-crisis"],
    [searchFor("", { author: ["a"], subject: ["s"], tag: ["t"] }), "?tag=t&subject=s&author=a"],
    [{ ...searchFor("x"), sort: "relevance" as const }, "?q=x"],
    [{ ...searchFor(""), sort: "title" as const }, "?sort=title"],
  ])("%j → %s", (state, expected) => {
    expect(searchQueryString(state)).toBe(expected);
    expect(sameSearch(readSearchState(expected), state)).toBe(true);
  });

  it("names each facet once: state key, URL parameter and Pagefind filter", () => {
    for (const facet of FACETS) {
      const state = searchFor("", { [facet.key]: ["v"] });
      expect(searchQueryString(state)).toBe(`?${facet.key}=v`);
      const labels = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map([["v", "V"]])]));
      expect(Object.keys(pagefindFilters(state.filters, labels as never))).toEqual([facet.key]);
    }
  });

  it("maps and/or facets onto Pagefind filters", () => {
    const labels = {
      tag: new Map([["t", "T"]]),
      subject: new Map([["s", "S"]]),
      author: new Map([
        ["a", "A"],
        ["b", "B"],
      ]),
    };
    expect(
      pagefindFilters(searchFor("", { tag: ["t"], author: ["a", "b"] }).filters, labels),
    ).toEqual({
      tag: ["T"],
      author: { any: ["A", "B"] },
    });
    expect(withCountedFacets({ tag: ["T"] }, ["tag", "author"])).toEqual({
      tag: ["T"],
      author: [],
    });
    expect(pagefindSort("relevance")).toEqual({});
    expect(pagefindSort("title")).toEqual({ title: "asc" });
  });

  it("knows an active search and its sort", () => {
    expect(isActive(searchFor(""))).toBe(false);
    expect(isActive(searchFor("", { tag: ["t"] }))).toBe(true);
    expect(effectiveSort(searchFor("x"))).toBe("relevance");
    expect(effectiveSort(searchFor(""))).toBe("order");
    expect(withoutValue(searchFor("", { tag: ["a", "b"] }), "tag", "a").filters.tag).toEqual(["b"]);
  });

  it.each([
    ["/e/", ["SCO"], "/e/?highlight=SCO"],
    [
      "/e/#s",
      ["Shanghai Cooperation Organization", "SCO"],
      "/e/?highlight=Shanghai%20Cooperation%20Organization&highlight=SCO#s",
    ],
    ["/e/", [], "/e/"],
  ])("highlight link %s %j", (url, terms, expected) =>
    expect(withHighlight(url, terms)).toBe(expected),
  );
});
