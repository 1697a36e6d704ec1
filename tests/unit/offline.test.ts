import { describe, expect, it } from "vitest";
import {
  assetClosure,
  moduleImports,
  offlineSetPath,
  offlineSets,
  pageAssets,
  searchFiles,
  type IndexedPage,
} from "../../src/lib/offline.ts";
import { slugify } from "../../src/lib/slug.ts";

const pages: IndexedPage[] = [
  {
    url: "/essays/a/",
    fragment: "/pagefind/fragment/en_1.pf_fragment",
    tags: ["Russian foreign policy", "Alliances"],
    authorSlug: "ann",
  },
  {
    url: "/essays/b/",
    fragment: "/pagefind/fragment/en_2.pf_fragment",
    tags: ["Russian foreign policy"],
    authorSlug: "bob",
  },
];
const listPages = [
  "/",
  "/essays/",
  "/tags/",
  "/tags/alliances/",
  "/tags/russian-foreign-policy/",
  "/authors/ann/",
  "/authors/bob/",
  "/search/",
];
const sizes: Record<string, number> = { "/essays/a/": 30_000, "/essays/b/": 20_000 };

describe("searchFiles", () => {
  it("keeps the index and the search page's data, not fragments, stock UIs or unused engines", () => {
    const files = [
      "pagefind/pagefind.js",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind.en_1.pf_meta",
      "pagefind/index/en_1.pf_index",
      "pagefind/filter/en_1.pf_filter",
      "pagefind/fragment/en_1.pf_fragment",
      "pagefind/pagefind-ui.js",
      "pagefind/pagefind-component-ui.css",
      "pagefind/pagefind-highlight.js",
      "pagefind/wasm.en.pagefind",
      "pagefind/wasm.unknown.pagefind",
      "search/index.html",
      "search/subjects.json",
      "search/vocabulary/ab.json",
      "essays/a/index.html",
    ];
    expect(searchFiles(files, "pagefind", ["en"])).toEqual([
      "pagefind/filter/en_1.pf_filter",
      "pagefind/index/en_1.pf_index",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind.en_1.pf_meta",
      "pagefind/pagefind.js",
      "pagefind/wasm.en.pagefind",
      "search/index.html",
      "search/subjects.json",
      "search/vocabulary/ab.json",
    ]);
  });
});

describe("offlineSets", () => {
  const sets = offlineSets({
    base: "/",
    pages,
    listPages,
    search: ["/pagefind/pagefind.js"],
    sizeOf: (url) => sizes[url] ?? 1_000,
    slugOfTag: slugify,
    assetsOf: (url) => (url.startsWith("/essays/") ? ["/_astro/essay.js", "/_astro/site.css"] : []),
  });

  it("offers the collection with every list page, each essay, tag and author", () => {
    expect([...sets.keys()].sort()).toEqual([
      "all",
      "authors/ann",
      "authors/bob",
      "essays/a",
      "essays/b",
      "search",
      "tags/alliances",
      "tags/russian-foreign-policy",
    ]);
    expect(sets.get("all")).toMatchObject({ label: "all 2 essays", essays: 2 });
    expect(sets.get("all")!.urls).toEqual(
      expect.arrayContaining([...listPages, "/essays/a/", "/pagefind/fragment/en_2.pf_fragment"]),
    );
  });

  it("gives each essay its page and its search fragment, with their size", () => {
    expect(sets.get("essays/a")).toEqual({
      label: "this essay",
      essays: 1,
      urls: [
        "/essays/a/",
        "/_astro/essay.js",
        "/_astro/site.css",
        "/pagefind/fragment/en_1.pf_fragment",
      ],
      bytes: 33_000,
    });
  });

  it("gives a tag or an author their own pages and their essays only", () => {
    expect(sets.get("tags/alliances")!.urls).toEqual([
      "/tags/alliances/",
      "/essays/a/",
      "/_astro/essay.js",
      "/_astro/site.css",
      "/pagefind/fragment/en_1.pf_fragment",
    ]);
    expect(sets.get("tags/russian-foreign-policy")).toMatchObject({ label: "2 essays", essays: 2 });
    expect(sets.get("authors/bob")!.urls).toEqual([
      "/authors/bob/",
      "/essays/b/",
      "/_astro/essay.js",
      "/_astro/site.css",
      "/pagefind/fragment/en_2.pf_fragment",
    ]);
  });
});

describe("offlineSetPath", () => {
  it.each([
    ["/", "all", undefined, "/offline/all.json"],
    [
      "/reader/",
      "tags",
      "russian-foreign-policy",
      "/reader/offline/tags/russian-foreign-policy.json",
    ],
  ])("%s %s %s → %s", (base, kind, slug, expected) => {
    expect(offlineSetPath(base, kind, slug)).toBe(expected);
  });
});

describe("what a page needs to run", () => {
  it("reads a page's scripts and styles under the base path", () => {
    const html = `<link rel="stylesheet" href="/reader/_astro/Base.X1.css"><script type="module" src="/reader/_astro/Essay.Y2.js"></script><a href="/reader/essays/">x</a><img src="/reader/_astro/Base.X1.css">`;
    expect(pageAssets(html, "/reader/")).toEqual([
      "/reader/_astro/Base.X1.css",
      "/reader/_astro/Essay.Y2.js",
    ]);
  });

  it("reads a module's imports, at once and on demand, as Vite writes them", () => {
    const js =
      'import{a as b}from"./paths.A.js";import"./side.B.js";const e=()=>import(`./engine.C.js`);';
    expect(moduleImports(js, "/_astro/Header.D.js")).toEqual({
      now: ["/_astro/paths.A.js", "/_astro/side.B.js"],
      later: ["/_astro/engine.C.js"],
    });
  });

  it("follows imports to every module, once, with or without what loads on demand", () => {
    const graph: Record<string, { now: string[]; later: string[] }> = {
      "/a.js": { now: ["/b.js"], later: ["/c.js"] },
      "/b.js": { now: ["/a.js"], later: [] },
      "/c.js": { now: ["/d.js"], later: [] },
      "/d.js": { now: [], later: [] },
    };
    const importsOf = (url: string) => graph[url]!;
    expect(assetClosure(["/a.js", "/s.css"], importsOf, false)).toEqual([
      "/a.js",
      "/b.js",
      "/s.css",
    ]);
    expect(assetClosure(["/a.js"], importsOf, true)).toEqual(["/a.js", "/b.js", "/c.js", "/d.js"]);
  });
});
