import { describe, expect, it } from "vitest";
import { slugify, termFromLabel } from "../../src/lib/slug.ts";

describe("slugify", () => {
  it.each([
    ["Russian foreign policy", "russian-foreign-policy"],
    ["Sino-Russian relations", "sino-russian-relations"],
    ["Asia-Pacific", "asia-pacific"],
    ["  Ukraine   crisis ", "ukraine-crisis"],
    ["Rationales and\u00a0Realities", "rationales-and-realities"],
    ["US–China relations", "us-china-relations"],
    ["Kiselëv", "kiselev"],
    ["Vis-à-vis", "vis-a-vis"],
    ["“No Exclusive Interests Involved”", "no-exclusive-interests-involved"],
    ["The 1993-1994 Turning Point.", "the-1993-1994-turning-point"],
    ["俄罗斯研究", "俄罗斯研究"],
    ["Jeanne L. Wilson", "jeanne-l-wilson"],
    ["!!!", ""],
  ])("%s → %s", (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });
});

describe("termFromLabel", () => {
  it("tidies the label's spacing and derives the slug", () => {
    expect(termFromLabel("  Central\u00a0 Asia ")).toEqual({
      slug: "central-asia",
      label: "Central Asia",
    });
  });

  it("refuses a label with nothing to slug", () => {
    expect(() => termFromLabel("—")).toThrow(/no letters or digits/);
  });
});
