import { describe, expect, it } from "vitest";
import {
  clip,
  SHARE_IMAGE_SIZE,
  shareImage,
  shareImageAlt,
  siteCard,
  titleSize,
  type EssayCard,
} from "../../src/lib/share-image.ts";

const card: EssayCard = {
  kind: "essay",
  title: "A Sino-Russian Alliance? Rationales and\u00a0Realities",
  author: "Jingdong Yuan",
  affiliation: "Professor, University of Sydney",
  publication: "China Policy Institute: Analysis",
  siteName: "Research Reader",
};

/** A PNG's width and height, from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("share images", () => {
  it("are 1200 × 630 PNGs, essay and site alike", async () => {
    expect(pngSize(await shareImage(card))).toEqual(SHARE_IMAGE_SIZE);
    const site = siteCard(
      { essays: [1, 2], authors: [1], sources: [{ publication: "A" }, { publication: "A" }] },
      { name: "Research Reader", tagline: "Policy essays" },
      { heading: "Russia and China" },
    );
    expect(site.summary).toBe(
      "2 essays by 1 author, first published in A, reproduced word for word.",
    );
    expect(pngSize(await shareImage(site))).toEqual(SHARE_IMAGE_SIZE);
  }, 30_000);

  it("differ when what they show differs, and are the same when it does not", async () => {
    const a = await shareImage(card);
    expect((await shareImage({ ...card })).equals(a)).toBe(true);
    expect((await shareImage({ ...card, author: "Someone Else" })).equals(a)).toBe(false);
  }, 30_000);

  it("say in words what they show", () => {
    expect(shareImageAlt(card)).toBe(
      "“A Sino-Russian Alliance? Rationales and Realities” by Jingdong Yuan, first published in China Policy Institute: Analysis",
    );
    expect(shareImageAlt({ kind: "site", siteName: "Research Reader", tagline: "Read" })).toBe(
      "Research Reader: Read",
    );
  });

  it.each([
    ["Short", 10, "Short"],
    ["A title that is far too long to fit", 20, "A title that is far…"],
    ["Words, then: a colon", 14, "Words, then…"],
  ])("clip(%j, %i) → %j", (text, max, out) => expect(clip(text, max)).toBe(out));

  it("sets longer titles smaller", () => {
    const sizes = [20, 60, 100, 150].map((n) => titleSize("x".repeat(n)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(4);
  });
});
