import { describe, expect, it } from "vitest";
import type { Author, Essay } from "../../src/lib/library.ts";
import {
  essayJsonLd,
  jsonForScript,
  openGraphTags,
  scholarDate,
  scholarTags,
} from "../../src/lib/metadata.ts";

const essay: Essay = {
  id: "x",
  filePath: "content/essays/x.md",
  title: "Russia and China: Competing or complementary\u00a0priorities?",
  author: { slug: "natasha-kuhrt", label: "Natasha Kuhrt" },
  tags: [
    { slug: "russian-foreign-policy", label: "Russian foreign policy" },
    { slug: "central-asia", label: "Central Asia" },
  ],
  summary: "A summary.",
  order: 2,
  source: {
    publication: "China Policy Institute: Analysis",
    archive: "https://cpianalysis.org/tag/russian-foreign-policy/",
  },
  words: 1100,
  minutes: 5,
};
const author: Author = {
  slug: "natasha-kuhrt",
  label: "Natasha Kuhrt",
  affiliation: "Department of War Studies, King’s College London",
  bio: "…",
  name: { family: "Kuhrt", given: "Natasha" },
  corrections: [],
  essayIds: ["x"],
};
const url = "https://reader.example.org/essays/x/";

describe("scholarTags", () => {
  const byName = (tags: { name?: string; content: string }[]) =>
    Object.fromEntries(tags.map((t) => [t.name, t.content]));

  it("describes the essay for Google Scholar and Zotero", () => {
    expect(byName(scholarTags(essay, author, url))).toEqual({
      citation_title: "Russia and China: Competing or complementary priorities?",
      citation_author: "Kuhrt, Natasha",
      citation_author_institution: "Department of War Studies, King’s College London",
      citation_publisher: "China Policy Institute: Analysis",
      citation_journal_title: "China Policy Institute: Analysis",
      citation_fulltext_html_url: url,
      citation_public_url: url,
      citation_language: "en",
      citation_keywords: "Russian foreign policy; Central Asia",
    });
  });

  it("adds a date tag only when the source gives a date", () => {
    const dated = scholarTags({ ...essay, date: new Date(Date.UTC(2015, 10, 3)) }, author, url);
    expect(byName(dated).citation_publication_date).toBe("2015/11/03");
  });

  it("formats dates as Scholar asks", () =>
    expect(scholarDate(new Date(Date.UTC(2016, 0, 9)))).toBe("2016/01/09"));
});

describe("openGraphTags", () => {
  it("has no image and no date it does not know", () => {
    const tags = openGraphTags(essay, url, "Research Reader");
    expect(tags.map((t) => t.property)).not.toContain("og:image");
    expect(tags.map((t) => t.property)).not.toContain("article:published_time");
    expect(tags).toContainEqual({ property: "og:url", content: url });
  });
});

describe("essayJsonLd", () => {
  const data = essayJsonLd(essay, author, {
    essay: url,
    author: "https://reader.example.org/authors/natasha-kuhrt/",
  });
  it("is a ScholarlyArticle by a Person, part of the blog, about its tags", () => {
    expect(data).toMatchObject({
      "@type": "ScholarlyArticle",
      author: {
        "@type": "Person",
        name: "Natasha Kuhrt",
        affiliation: { "@type": "Organization" },
      },
      isPartOf: { "@type": "Blog", name: "China Policy Institute: Analysis" },
      about: [
        { "@type": "Thing", name: "Russian foreign policy" },
        { "@type": "Thing", name: "Central Asia" },
      ],
      url,
    });
    expect(data.datePublished).toBeUndefined();
  });
});

describe("jsonForScript", () => {
  it("cannot be broken out of", () => {
    const json = jsonForScript({ title: "</script><script>alert(1)</script> & <!--" });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ title: "</script><script>alert(1)</script> & <!--" });
  });
});
