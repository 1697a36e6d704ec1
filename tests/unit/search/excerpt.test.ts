import { describe, expect, it } from "vitest";
import {
  bareWord,
  buildExcerpt,
  excerptWindow,
  highlightForms,
  matchedPositions,
  presentMatch,
  sectionsOf,
} from "../../../src/lib/search/excerpt.ts";

const text = (parts: { text: string; mark: boolean }[]) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

describe("excerpts", () => {
  const content = "one two three (SCO, four five six SCO seven eight nine ten";
  it.each([
    [[3], 4, "… three ([SCO], four five …"],
    [[3, 7], 5, "… three ([SCO], four five six …"],
    [[], 3, "one two three …"],
  ])("locations %j, %i words", (locations, length, expected) =>
    expect(text(buildExcerpt(content, locations, { length }))).toBe(expected),
  );

  it("marks neighbouring matched words as one", () => {
    expect(
      text(
        buildExcerpt("the Shanghai Cooperation Organization, a body", [1, 2, 3], { length: 10 }),
      ),
    ).toBe("the [Shanghai Cooperation Organization], a body");
    expect(text(buildExcerpt("the SCO, Putin met", [1, 2], { length: 10 }))).toBe(
      "the [SCO], [Putin] met",
    );
  });

  it("keeps to a section", () => {
    expect(excerptWindow([1, 9], 3, [5, 12])).toEqual([8, 11]);
  });

  it("joins Chinese words back together", () => {
    expect(text(buildExcerpt("journal (俄罗斯 研究, Russian", [2], { length: 10 }))).toBe(
      "journal (俄罗斯[研究], Russian",
    );
  });

  it("strips punctuation from highlight forms", () => {
    expect(bareWord("(SCO,")).toBe("SCO");
    expect(
      highlightForms("the (Shanghai Cooperation Organization), and SCO.", [
        { locations: [1, 2, 3], phrase: true },
        { locations: [5], phrase: false },
      ]),
    ).toEqual(["Shanghai Cooperation Organization", "SCO"]);
  });
});

describe("matchedPositions", () => {
  const words = "Xi and Xinhua; Xi’s sanctions sanctioned Shanghai Cooperation Organization".split(
    " ",
  );
  it.each([
    [{ text: "Xi", phrase: false, mode: "exact" as const }, [0], [2, 3], [0, 3]],
    [{ text: "sanctioned", phrase: false, mode: "exact" as const }, [5], [4, 5], [4, 5]],
    [{ text: "Xin", phrase: false, mode: "prefix" as const }, [2], [], [2]],
    [
      { text: "Shanghai Cooperation Organization", phrase: true, mode: "exact" as const },
      [6],
      [],
      [6, 7, 8],
    ],
  ])("%j", (atom, sure, candidates, expected) =>
    expect(matchedPositions(words, { atom, words: sure, candidates })).toEqual(expected),
  );
});

describe("presentMatch", () => {
  it("builds sections from headings, and highlight terms per section", () => {
    const content = "Intro Putin here. Heading One Putin again Crimea. Heading Two nothing";
    const anchors = [
      { element: "p", id: "p-1", location: 0 },
      { element: "h2", id: "one", text: "Heading One", location: 3 },
      { element: "h2", id: "two", text: "Heading Two", location: 8 },
    ];
    const shown = presentMatch({ url: "/e/", content, anchors }, [
      { atom: { text: "Putin", phrase: false, mode: "exact" }, words: [1], candidates: [5] },
    ]);
    expect(shown.highlights).toEqual(["Putin"]);
    expect(shown.sections.map((s) => s.url)).toEqual(["/e/#one"]);
    expect(shown.sections[0]!.excerpt.length).toBeGreaterThan(0);
    expect(sectionsOf(anchors, 11).map((s) => [s.id, s.start, s.end])).toEqual([
      ["one", 3, 8],
      ["two", 8, 11],
    ]);
  });

  it("links a section without repeating the result's own excerpt", () => {
    const shown = presentMatch(
      {
        url: "/e/",
        content: "Heading Putin text",
        anchors: [{ element: "h2", id: "h", location: 0 }],
      },
      [{ atom: { text: "Putin", phrase: false, mode: "exact" }, words: [1], candidates: [] }],
    );
    expect(shown.sections.map((s) => [s.url, s.excerpt])).toEqual([["/e/#h", []]]);
  });
});
