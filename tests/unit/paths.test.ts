import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  assetPath,
  citationPath,
  essayMarkdownPath,
  essaysIndexJsonPath,
  feedPath,
  authorPath,
  authorsPath,
  essayPath,
  essaysPath,
  homePath,
  normaliseBase,
  pagedPath,
  paragraphId,
  passageHash,
  passagePath,
  sitePaths,
  searchPath,
  sitePath,
  tagPath,
  tagsPath,
} from "../../src/lib/paths.ts";

describe("site paths (base /)", () => {
  it.each([
    [homePath(), "/"],
    [essaysPath(), "/essays/"],
    [essayPath("a-sino-russian-alliance"), "/essays/a-sino-russian-alliance/"],
    [tagsPath(), "/tags/"],
    [tagPath("russian-foreign-policy"), "/tags/russian-foreign-policy/"],
    [tagPath("俄罗斯研究"), "/tags/%E4%BF%84%E7%BD%97%E6%96%AF%E7%A0%94%E7%A9%B6/"],
    [authorsPath(), "/authors/"],
    [authorPath("natasha-kuhrt"), "/authors/natasha-kuhrt/"],
    [searchPath(), "/search/"],
    [searchPath("  "), "/search/"],
    [searchPath("Russkii Mir"), "/search/?q=Russkii%20Mir"],
    [searchPath("a&b=c#d"), "/search/?q=a%26b%3Dc%23d"],
    [sitePath("a", "", "b"), "/a/b/"],
    [assetPath("/pagefind/pagefind.js"), "/pagefind/pagefind.js"],
    [essayMarkdownPath("a-b"), "/essays/a-b.md"],
    [citationPath("a-b", "bibtex"), "/essays/a-b/citation.bib"],
    [citationPath("a-b", "ris"), "/essays/a-b/citation.ris"],
    [citationPath("a-b", "csl"), "/essays/a-b/citation.json"],
    [feedPath(), "/feed.xml"],
    [essaysIndexJsonPath(), "/essays.json"],
    [absoluteUrl("/essays/a/", "https://x.org"), "https://x.org/essays/a/"],
    [paragraphId(12), "p-12"],
    [passageHash(12), "#p-12"],
    [passagePath("a-b", 5), "/essays/a-b/#p-5"],
    [pagedPath("/tags/x/", 1), "/tags/x/"],
    [pagedPath("/tags/x/", 3), "/tags/x/3/"],
    [absoluteUrl("/reader/essays/a/", "https://x.org/reader/"), "https://x.org/reader/essays/a/"],
  ])("%s is %s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("normaliseBase", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["/reader", "/reader/"],
    ["reader/", "/reader/"],
    ["//reader//", "/reader/"],
    ["/a/b/", "/a/b/"],
  ])("%s → %s", (base, expected) => {
    expect(normaliseBase(base)).toBe(expected);
  });
});

describe("sitePaths", () => {
  it("lists every page and file the library publishes, list pages included", () => {
    const essays = Array.from({ length: 120 }, (_, i) => ({ id: `e${i}` }));
    const { essays: byId, all } = sitePaths({
      essays,
      tags: [{ slug: "t", essayIds: essays.map((e) => e.id) }],
      authors: [{ slug: "a", essayIds: ["e1"] }],
    });
    expect(byId.get("e7")).toBe("/essays/e7/");
    for (const path of [
      "/",
      "/essays/",
      "/essays/2/",
      "/essays/3/",
      "/tags/t/3/",
      "/authors/a/",
      "/essays/e7.md",
      "/essays/e7/citation.ris",
      "/feed.xml",
    ]) {
      expect(all.has(path), path).toBe(true);
    }
    expect(all.has("/essays/4/")).toBe(false);
    expect(all.has("/authors/a/2/")).toBe(false);
  });
});
