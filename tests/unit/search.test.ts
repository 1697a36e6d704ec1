import { describe, expect, it } from "vitest";
import {
  describeResults,
  effectiveSort,
  EMPTY_SEARCH,
  highlightTerms,
  isActive,
  listOf,
  MAX_FILTER_VALUES,
  MAX_QUERY_LENGTH,
  mergeByScore,
  normaliseQuery,
  orderLike,
  pagefindFilters,
  withCountedFacets,
  pagefindSort,
  queriesWithoutOneWord,
  readSearchState,
  sameSearch,
  searchQueryString,
  withHighlight,
  type PagefindResult,
  type SearchState,
} from "../../src/lib/search.ts";

const state = (s: Partial<SearchState>): SearchState => ({ ...EMPTY_SEARCH, ...s });

describe("readSearchState", () => {
  it.each([
    ["", state({})],
    ["?q=Russkii+Mir", state({ query: "Russkii Mir" })],
    ["?q=%E4%BF%84%E7%BD%97%E6%96%AF%E7%A0%94%E7%A9%B6", state({ query: "俄罗斯研究" })],
    ["?q=%20%20Crimea%0A%0Dtaiwan%09", state({ query: "Crimea taiwan" })],
    ["?q=%22security+dilemma%22", state({ query: '"security dilemma"' })],
    ["?q=%", state({ query: "%" })],
    ["?q=a&q=b", state({ query: "a" })],
    [
      "?author=natasha-kuhrt&tag=central-asia&tag=asia-pacific",
      state({ authors: ["natasha-kuhrt"], tags: ["central-asia", "asia-pacific"] }),
    ],
    ["?tag=Central-Asia&tag=central-asia", state({ tags: ["central-asia"] })],
    [
      "?subject=shanghai-cooperation-organisation&subject=nato&subject=%3Cb%3E",
      state({ subjects: ["shanghai-cooperation-organisation", "nato"] }),
    ],
    ["?tag=%3Cscript%3E&tag=&author=a%20b", state({})],
    ["?sort=title", state({ sort: "title" })],
    ["?sort=random", state({})],
  ])("%s", (search, expected) => {
    expect(readSearchState(search)).toEqual(expected);
  });

  it("caps very long queries and filter lists instead of failing", () => {
    expect(readSearchState(`?q=${"x".repeat(5000)}`).query).toHaveLength(MAX_QUERY_LENGTH);
    const many = Array.from({ length: 50 }, (_, i) => `tag=t${i}`).join("&");
    expect(readSearchState(`?${many}`).tags).toHaveLength(MAX_FILTER_VALUES);
  });
});

describe("searchQueryString", () => {
  it.each([
    [state({}), ""],
    [state({ query: "   " }), ""],
    [state({ query: "Russkii Mir" }), "?q=Russkii+Mir"],
    [state({ query: "a&b" }), "?q=a%26b"],
    [state({ query: "x", authors: ["ann"], tags: ["t1", "t2"] }), "?q=x&author=ann&tag=t1&tag=t2"],
    [state({ query: "x", sort: "relevance" }), "?q=x"],
    [state({ query: "x", sort: "order" }), "?q=x&sort=order"],
    [state({ tags: ["t"], sort: "order" }), "?tag=t"],
    [state({ tags: ["t"], sort: "title" }), "?tag=t&sort=title"],
    [state({ subjects: ["nato"], tags: ["t"] }), "?tag=t&subject=nato"],
  ])("%j → %s", (s, qs) => {
    expect(searchQueryString(s)).toBe(qs);
  });

  it("round-trips through readSearchState", () => {
    for (const s of [
      state({ query: "Crimea" }),
      state({ query: '"security dilemma"', tags: ["alliances"] }),
      state({ query: "俄罗斯研究" }),
      state({ authors: ["natasha-kuhrt", "jingdong-yuan"], sort: "title" }),
      state({ query: "treaty", subjects: ["nato", "crimea"] }),
    ]) {
      expect(sameSearch(readSearchState(searchQueryString(s)), s)).toBe(true);
    }
  });
});

describe("sorting and activity", () => {
  it.each([
    [state({ query: "x" }), "relevance"],
    [state({ tags: ["t"] }), "order"],
    [state({ query: "x", sort: "title" }), "title"],
  ])("%j sorts by %s", (s, sort) => expect(effectiveSort(s)).toBe(sort));

  it("maps sorts to Pagefind", () => {
    expect(pagefindSort("relevance")).toEqual({});
    expect(pagefindSort("order")).toEqual({ order: "asc" });
  });

  it("knows an empty search", () => {
    expect(isActive(state({ query: "  " }))).toBe(false);
    expect(isActive(state({ tags: ["t"] }))).toBe(true);
    expect(isActive(state({ subjects: ["nato"] }))).toBe(true);
  });
});

describe("pagefindFilters", () => {
  const labels = {
    authors: new Map([
      ["ann", "Ann Archer"],
      ["bo", "Bo Brand"],
    ]),
    tags: new Map([
      ["central-asia", "Central Asia"],
      ["sco", "SCO"],
    ]),
    subjects: new Map([
      ["nato", "NATO"],
      ["crimea", "Crimea"],
    ]),
  };
  it.each([
    [state({}), {}],
    [state({ subjects: ["nato", "crimea"] }), { subject: ["NATO", "Crimea"] }],
    [
      state({ tags: ["sco"], subjects: ["nato"], authors: ["bo"] }),
      { tag: ["SCO"], subject: ["NATO"], author: { any: ["Bo Brand"] } },
    ],
    [state({ tags: ["central-asia", "sco"] }), { tag: ["Central Asia", "SCO"] }],
    [state({ authors: ["ann", "bo"] }), { author: { any: ["Ann Archer", "Bo Brand"] } }],
    [state({ tags: ["unknown"], authors: ["nobody"] }), {}],
  ])("%j", (s, filters) => expect(pagefindFilters(s, labels)).toEqual(filters));
});

describe("withCountedFacets", () => {
  it.each([
    [{}, [], {}],
    [{}, ["tag", "author"], { tag: [], author: [] }],
    [{ tag: ["SCO"] }, ["tag", "author"], { tag: ["SCO"], author: [] }],
    [
      { author: { any: ["Bo Brand"] }, subject: ["NATO"] },
      ["tag", "author"],
      { author: { any: ["Bo Brand"] }, subject: ["NATO"], tag: [] },
    ],
  ] as [Record<string, unknown>, string[], Record<string, unknown>][])(
    "%j counting %j",
    (filters, facets, expected) => {
      const before = structuredClone(filters);
      expect(withCountedFacets(filters, facets)).toEqual(expected);
      expect(filters).toEqual(before);
    },
  );
});

describe("describeResults", () => {
  it.each([
    [0, "x", undefined, "No essays match “x”."],
    [1, "Russkii Mir", undefined, "1 essay matches “Russkii Mir”."],
    [6, "China", undefined, "6 essays match “China”."],
    [2, "", { tags: ["Alliances"], authors: [] }, "2 essays tagged Alliances."],
    [
      1,
      "Crimea",
      { tags: ["Ukraine crisis", "National identity"], authors: ["Christopher Marsh", "Ann"] },
      "1 essay matches “Crimea”, tagged Ukraine crisis and National identity, by Christopher Marsh or Ann.",
    ],
    [0, "", { tags: ["A", "B", "C"], authors: [] }, "No essays tagged A, B and C."],
  ])("%i for %j", (count, query, filters, sentence) => {
    expect(describeResults(count, query, filters)).toBe(sentence);
  });

  it("joins lists in English", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map((l) => listOf(l))).toEqual([
      "",
      "a",
      "a and b",
      "a, b and c",
    ]);
  });
});

describe("highlighting", () => {
  it.each([
    ["Crimea", ["Crimea"]],
    ["Russkii Mir", ["Russkii", "Mir"]],
    ['"security dilemma"', ["security dilemma"]],
    ['"half', ["half"]],
    ["", []],
  ])("%j highlights %j", (query, terms) => expect(highlightTerms(query)).toEqual(terms));

  it.each([
    ["/essays/x/", "Crimea", "/essays/x/?highlight=Crimea"],
    [
      "/essays/x/#the-reunification",
      "Russkii Mir",
      "/essays/x/?highlight=Russkii&highlight=Mir#the-reunification",
    ],
    ["/essays/x/?a=1", '"security dilemma"', "/essays/x/?a=1&highlight=security%20dilemma"],
    ["/essays/x/", "", "/essays/x/"],
    [
      "/essays/x/",
      ['"missile defence"', '"missile defense"'],
      "/essays/x/?highlight=missile%20defence&highlight=missile%20defense",
    ],
    [
      "/essays/x/",
      ["defence policy", "defense policy"],
      "/essays/x/?highlight=defence&highlight=policy&highlight=defense",
    ],
  ])("%s + %j → %s", (url, query, expected) => expect(withHighlight(url, query)).toBe(expected));
});

describe("queriesWithoutOneWord", () => {
  it.each([
    ["Crimea", []],
    ["Crimea Taiwan zzz", ["Taiwan zzz", "Crimea zzz", "Crimea Taiwan"]],
    ['"exact phrase"', []],
  ])("%j", (query, out) => expect(queriesWithoutOneWord(query)).toEqual(out));
});

describe("normaliseQuery", () => {
  it("strips control characters", () => expect(normaliseQuery("a\u0000b")).toBe("a b"));
});

describe("merging variant searches", () => {
  const r = (id: string, score: number): PagefindResult => ({
    id,
    score,
    data: async () => ({}) as never,
  });
  it("keeps each page once with its best score, best first", () => {
    const merged = mergeByScore([
      [r("a", 1), r("b", 5)],
      [r("a", 3), r("c", 2)],
    ]);
    expect(merged.map((x) => [x.id, x.score])).toEqual([
      ["b", 5],
      ["a", 3],
      ["c", 2],
    ]);
  });

  it("orders results like a reference list", () => {
    const ordered = orderLike([r("a", 1), r("b", 5), r("c", 2)], [r("c", 0), r("a", 0), r("b", 0)]);
    expect(ordered.map((x) => x.id)).toEqual(["c", "a", "b"]);
  });
});
