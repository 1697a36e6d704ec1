import { describe, expect, it } from "vitest";
import { atoms, breakLines, type Piece } from "../../src/lib/line-break.ts";

// One unit per character: widths are easy to reason about.
const measure = (text: string) => [...text].length;
const lines = (text: string, width: number) =>
  breakLines([{ text, style: "s" }], width, measure).map((l) =>
    l.pieces.map((p) => p.text).join(""),
  );

describe("atoms", () => {
  it.each([
    ["Sino-Russian ties", ["Sino-Russian", " ", "ties"]],
    ["culture—literature", ["culture—literature"]],
    ["a\u00A0b c", ["a\u00A0b", " ", "c"]],
    ["俄罗斯 研究", ["俄", "罗", "斯", " ", "研", "究"]],
  ])("%j → %j", (text, expected) => {
    expect(atoms({ text, style: 0 }).map((a) => a.text)).toEqual(expected);
  });
});

describe("breakLines", () => {
  it.each<[string, number, string[]]>([
    // Never after a hyphen: pdftotext would read "SinoRussian" back.
    ["the Sino-Russian relations", 14, ["the", "Sino-Russian", "relations"]],
    // Never after a dash: a break there reads back as a space.
    ["art—literature—music here", 20, ["art—literature—music", "here"]],
    // No-break spaces hold.
    ["see p.\u00A012 now", 8, ["see", "p.\u00A012", "now"]],
    // Chinese breaks between characters.
    ["abc 俄罗斯研究", 6, ["abc 俄罗", "斯研究"]],
    // A word wider than the line is split, after a slash where it can be.
    ["https://example.org/essays/x/", 12, ["https://", "example.org/", "essays/x/"]],
    ["one two three", 100, ["one two three"]],
    // A URL after words moves to its own line and still breaks there.
    ["see https://example.org/essays/x/", 14, ["see", "https://", "example.org/", "essays/x/"]],
  ])("%j at width %i", (text, width, expected) => {
    expect(lines(text, width)).toEqual(expected);
  });

  it("drops the spaces at a break and counts the spaces left for justifying", () => {
    const result = breakLines([{ text: "aa bb cc dd", style: 1 }], 6, measure);
    expect(result.map((l) => [l.width, l.spaces])).toEqual([
      [5, 1],
      [5, 1],
    ]);
  });

  it("keeps every character of the text across lines and styles", () => {
    const pieces: Piece<string>[] = [
      { text: "In an article in China’s leading journal Eluosi yanjiu (", style: "a" },
      { text: "俄罗斯研究", style: "zh" },
      { text: ", Russian Studies), Feng Shuai argued", style: "a" },
    ];
    const out = breakLines(pieces, 14, measure);
    const joined = out.map((l) => l.pieces.map((p) => p.text).join("")).join(" ");
    const plain = pieces.map((p) => p.text).join("");
    expect(joined.replace(/\s+/g, "")).toBe(plain.replace(/\s+/g, ""));
    for (const line of out) expect(line.width).toBeLessThanOrEqual(14);
  });
});
