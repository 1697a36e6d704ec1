import { describe, expect, it } from "vitest";
import {
  essayPreview,
  findWords,
  previewTarget,
  quoteAround,
  quoteText,
  subjectPreview,
  type PreviewTarget,
} from "../../src/lib/previews.ts";

const at = (href: string) => new URL(href, "https://reader.example/");

describe("previewTarget", () => {
  it.each<[string, string, PreviewTarget | undefined]>([
    ["/subjects/vladimir-putin/", "/", { kind: "subject", slug: "vladimir-putin" }],
    ["/essays/a-b/", "/", { kind: "essay", id: "a-b", n: undefined }],
    ["/essays/a-b/#p-12", "/", { kind: "essay", id: "a-b", n: 12 }],
    ["/reader/essays/a-b/#p-3", "/reader/", { kind: "essay", id: "a-b", n: 3 }],
    ["/essays/a-b/#p-3", "/reader/", undefined], // outside the site
    ["/essays/a-b/#the-pillars", "/", undefined], // a section: no passage to show
    ["/essays/2/", "/", undefined], // page 2 of the list
    ["/subjects/2/", "/", undefined],
    ["/essays/", "/", undefined],
    ["/subjects/", "/", undefined],
    ["/tags/alliances/", "/", undefined],
    ["/essays/a-b/citation.bib", "/", undefined],
    ["/essays/a-b.pdf", "/", undefined],
    ["/subjects/sco/#essay-x", "/", undefined],
    ["/subjects/%E5%B0%81/", "/", { kind: "subject", slug: "封" }],
    ["/subjects/%E0%A4%A/", "/", undefined], // malformed escape
  ])("%s under %s", (href, base, expected) => {
    expect(previewTarget(at(href), base)).toEqual(expected);
  });
});

describe("findWords", () => {
  it.each<[string, string, number | undefined]>([
    ["Moscow and the SCO", "SCO", 15],
    ["Moscow", "SCO", undefined], // never inside a word (case aside, "sco" is in "Moscow")
    ["Mo SCOw SCO", "SCO", 8],
    ["the Shanghai\nCooperation  Organization met", "Shanghai Cooperation Organization", 4],
    ["Xi’s visit", "Xi", 0],
    ["anxious Xi", "Xi", 8],
    ["", "Xi", undefined],
    ["Xi", " ", undefined],
    ["(SCO)", "SCO", 1],
    ["俄罗斯研究", "研究", 3],
  ])("%j in %j", (text, words, index) => {
    expect(findWords(text, words)?.index).toBe(index);
  });
  it("gives the length as written, white space included", () => {
    expect(findWords("a Shanghai\n Cooperation b", "Shanghai Cooperation")).toEqual({
      index: 2,
      length: 21,
    });
  });
});

describe("quoteAround", () => {
  const text =
    "One two three four five six seven eight nine ten Putin eleven twelve thirteen fourteen fifteen sixteen.";
  it.each<[number, string]>([
    [3, "…eight nine ten Putin eleven twelve thirteen…"],
    [10, `${text}`],
    [1, "…ten Putin eleven…"],
  ])("around %i words", (around, expected) => {
    expect(quoteText(quoteAround(text, "Putin", around))).toBe(expected);
  });

  it("is always an exact piece of the text, cut only between words", () => {
    const passage =
      "In 2001, the two countries also signed a treaty of friendship and cooperation.";
    for (const around of [1, 2, 3, 5, 50]) {
      const q = quoteAround(passage, "treaty of friendship", around);
      expect(passage).toContain(`${q.before}${q.mention}${q.after}`);
      expect(q.mention).toBe("treaty of friendship");
      if (q.cutBefore) expect(q.before).toMatch(/^\S/);
      if (q.cutAfter) expect(q.after).toMatch(/\S$/);
    }
  });

  it("marks the mention as written, line breaks and all", () => {
    const q = quoteAround(
      "the Shanghai\nCooperation Organization, a group",
      "Shanghai Cooperation Organization",
    );
    expect(q.mention).toBe("Shanghai\nCooperation Organization");
    expect(q.before).toBe("the ");
    expect(q.after).toBe(", a group");
  });

  it("without the mention, quotes the opening words and marks nothing", () => {
    const q = quoteAround("Alpha beta gamma delta.", "Omega", 1);
    expect(q).toEqual({
      before: "Alpha beta",
      mention: "",
      after: "",
      cutBefore: false,
      cutAfter: true,
    });
  });
});

describe("preview files", () => {
  it("an essay's preview keeps every passage at its number", () => {
    const texts: string[] = [];
    texts[0] = "First.";
    texts[2] = "Third.";
    const preview = essayPreview(
      { id: "x", title: "T", summary: "S" },
      { label: "A", affiliation: undefined },
      "/essays/x/",
      texts,
    );
    expect(preview.passages).toEqual(["First.", "", "Third."]);
    expect(JSON.parse(JSON.stringify(preview))).toEqual({
      title: "T",
      author: "A",
      href: "/essays/x/",
      summary: "S",
      passages: ["First.", "", "Third."],
      citations: [],
    });
  });

  it("a subject's preview carries its counts", () => {
    const preview = subjectPreview(
      {
        subject: { label: "SCO", description: "A group." },
        mentions: 11,
        passages: 5,
        perspectives: [{}, {}, {}, {}],
      },
      "Organisation",
      "/subjects/sco/",
      [],
    );
    expect(preview).toMatchObject({ mentions: 11, passages: 5, essays: 4, kind: "Organisation" });
  });
});
