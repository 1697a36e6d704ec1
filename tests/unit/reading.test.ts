import { describe, expect, it } from "vitest";
import {
  countWords,
  formatReadingTime,
  markdownToText,
  readingMinutes,
} from "../../src/lib/reading.ts";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["One.", 1],
    ["Russia’s Asia-Pacific policy", 3],
    ["U.S. pivot to Asia", 4],
    ["$90 billion annually", 3],
    ["Eluosi yanjiu (俄罗斯研究, Russian Studies)", 9],
    ["two\u00a0 spaces", 2],
    ["— – …", 0],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("markdownToText", () => {
  it("drops heading marks, bullets, emphasis and link targets", () => {
    expect(markdownToText("## Conclusion\n\n- The *GNC* treaty\n\n[SCO](https://x.org/)")).toBe(
      "Conclusion\n\nThe GNC treaty\n\nSCO",
    );
  });
});

describe("readingMinutes", () => {
  it.each([
    [0, 1],
    [1, 1],
    [230, 1],
    [231, 2],
    [1037, 5],
  ])("%i words take %i min", (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it("formats minutes as a reading time", () => {
    expect(formatReadingTime(5)).toBe("5 min read");
  });
});
