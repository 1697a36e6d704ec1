import { describe, expect, it } from "vitest";
import type { Author, Essay } from "../../src/lib/library.ts";
import {
  editorsSummary,
  essayDescription,
  essayJsonLd,
  jsonForScript,
  referenceManagerTags,
  scholarDate,
  scholarTags,
  shareTags,
  type ShareCard,
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
  sentenceTitle: "Russia and China: Competing or complementary\u00a0priorities?",
  shortTitle: "Russia and China",
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

  it("gives Google Scholar (and Zotero) title, author and the rest, and no journal", () => {
    expect(byName(scholarTags(essay, author, url))).toEqual({
      citation_title: "Russia and China: Competing or complementary priorities?",
      citation_author: "Kuhrt, Natasha",
      citation_author_institution: "Department of War Studies, King’s College London",
      citation_fulltext_html_url: url,
      citation_public_url: url,
      citation_language: "en",
      citation_keywords: "Russian foreign policy; Central Asia",
    });
  });

  it("names the PDF, which Zotero's Embedded Metadata translator saves as Full Text PDF", () => {
    const pdf = "https://reader.example.org/essays/x.pdf";
    expect(byName(scholarTags(essay, author, url, pdf)).citation_pdf_url).toBe(pdf);
    expect(byName(scholarTags(essay, author, url)).citation_pdf_url).toBeUndefined();
  });

  it("adds a date tag only when the source gives a date", () => {
    const dated = scholarTags({ ...essay, date: new Date(Date.UTC(2015, 10, 3)) }, author, url);
    expect(byName(dated).citation_publication_date).toBe("2015/11/03");
    expect(byName(scholarTags(essay, author, url)).citation_publication_date).toBeUndefined();
  });

  it("formats dates as Scholar asks", () =>
    expect(scholarDate(new Date(Date.UTC(2016, 0, 9)))).toBe("2016/01/09"));
});

describe("referenceManagerTags", () => {
  // Zotero's Embedded Metadata translator turns these into RDF statements: z:itemType decides
  // the item type before its journal-article guess, prism:publicationName is the blog's title.
  it("states the item type, the blog and the short title", () => {
    expect(referenceManagerTags(essay)).toEqual([
      { name: "z.itemType", content: "blogPost" },
      { name: "prism.publicationName", content: "China Policy Institute: Analysis" },
      { name: "bibo.shortTitle", content: "Russia and China" },
    ]);
  });
});

describe("shareTags", () => {
  const card: ShareCard = {
    type: "article",
    title: "Russia and China: Competing or complementary\u00a0priorities?",
    description: editorsSummary("A summary."),
    url,
    siteName: "Research Reader",
    image: {
      url: "https://reader.example.org/share/essays/x.png",
      width: 1200,
      height: 630,
      alt: "The card",
    },
    article: { tags: ["Russian foreign policy"] },
  };
  const byKey = (tags: { name?: string; property?: string; content: string }[]) =>
    tags.map((t) => `${t.property ?? t.name}=${t.content}`);

  it("gives Open Graph and a large Twitter card, with the image's size and words", () => {
    expect(byKey(shareTags(card))).toEqual([
      "og:type=article",
      "og:title=Russia and China: Competing or complementary priorities?",
      "og:description=Editor’s summary: A summary.",
      `og:url=${url}`,
      "og:site_name=Research Reader",
      "og:locale=en_GB",
      "og:image=https://reader.example.org/share/essays/x.png",
      "og:image:type=image/png",
      "og:image:width=1200",
      "og:image:height=630",
      "og:image:alt=The card",
      "article:tag=Russian foreign policy",
      "twitter:card=summary_large_image",
      "twitter:title=Russia and China: Competing or complementary priorities?",
      "twitter:description=Editor’s summary: A summary.",
      "twitter:image=https://reader.example.org/share/essays/x.png",
      "twitter:image:alt=The card",
    ]);
  });

  it("dates only what is dated, and pages are websites", () => {
    const dated = shareTags({
      ...card,
      article: { tags: [], published: new Date(Date.UTC(2015, 10, 3)) },
    });
    expect(byKey(dated)).toContain("article:published_time=2015-11-03T00:00:00.000Z");
    const page = shareTags({ ...card, type: "website", article: undefined, url: undefined });
    expect(byKey(page).filter((t) => /^(article|og:url)/.test(t))).toEqual([]);
    expect(byKey(page)).toContain("og:type=website");
  });
});

describe("essayJsonLd", () => {
  const data = essayJsonLd(essay, author, {
    essay: url,
    author: "https://reader.example.org/authors/natasha-kuhrt/",
    image: "https://reader.example.org/share/essays/x.png",
  });
  it("is a BlogPosting by a Person, in its Blog, about its tags", () => {
    expect(data).toMatchObject({
      "@type": "BlogPosting",
      author: {
        "@type": "Person",
        name: "Natasha Kuhrt",
        familyName: "Kuhrt",
        givenName: "Natasha",
        affiliation: { "@type": "Organization" },
      },
      isPartOf: { "@type": "Blog", name: "China Policy Institute: Analysis" },
      about: [
        { "@type": "Thing", name: "Russian foreign policy" },
        { "@type": "Thing", name: "Central Asia" },
      ],
      url,
      image: "https://reader.example.org/share/essays/x.png",
      description: "Editor’s summary: A summary.",
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

describe("essayDescription", () => {
  const author = { label: "Gilbert Rozman" };
  const source = { publication: "China Policy Institute: Analysis" };
  it.each([
    [{ title: "A title", summary: "What it argues.", source }, "Editor’s summary: What it argues."],
    [
      { title: "An\u00a0imported essay", source },
      "“An imported essay”, an essay by Gilbert Rozman first published in China Policy Institute: Analysis.",
    ],
  ])("describes %o", (essay, expected) => {
    expect(essayDescription(essay, author)).toBe(expected);
  });
  it("passes no summary on as none", () => {
    expect(editorsSummary(undefined)).toBeUndefined();
  });
});
