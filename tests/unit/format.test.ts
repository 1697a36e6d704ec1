import { describe, expect, it } from "vitest";
import { countOf, formatBytes } from "../../src/lib/format.ts";

describe("countOf", () => {
  it.each<[number, string, string | undefined, string]>([
    [0, "essay", undefined, "0 essays"],
    [1, "essay", undefined, "1 essay"],
    [2, "mention", undefined, "2 mentions"],
    [12345, "paragraph", undefined, "12,345 paragraphs"],
    [2, "person", "people", "2 people"],
  ])("%i %s", (n, noun, plural, expected) => {
    expect(countOf(n, noun, plural)).toBe(expected);
  });
});

describe("formatBytes", () => {
  it.each([
    [10, "1 KB"],
    [345_000, "337 KB"],
    [1_782_579, "1.7 MB"],
  ])("%i bytes → %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
