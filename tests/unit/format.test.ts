import { describe, expect, it } from "vitest";
import { countOf } from "../../src/lib/format.ts";

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
