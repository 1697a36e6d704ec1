import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import {
  fileFor,
  fontFaces,
  fontFiles,
  parseUnicodeRange,
  splitByFont,
  woffToSfnt,
} from "../../src/lib/fonts.ts";

describe("parseUnicodeRange", () => {
  it.each<[string, [number, number][]]>([
    [
      "U+0000-00FF, U+0131",
      [
        [0, 255],
        [0x131, 0x131],
      ],
    ],
    ["U+4E??", [[0x4e00, 0x4eff]]],
    ["u+1f1e9-1f1f5", [[0x1f1e9, 0x1f1f5]]],
  ])("%s", (value, expected) => expect(parseUnicodeRange(value)).toEqual(expected));

  it("fails on a range it cannot read", () => {
    expect(() => parseUnicodeRange("U+00FF-0000")).toThrow(/Bad unicode-range/);
  });
});

describe("fontFaces", () => {
  it("reads each face's WOFF file and range from Fontsource's CSS", () => {
    const css = `@font-face {
  src: url(./files/x-latin-400-normal.woff2) format('woff2'), url(./files/x-latin-400-normal.woff) format('woff');
  unicode-range: U+0000-00FF;
}`;
    expect(fontFaces(css, "/pkg")).toEqual([
      { path: "/pkg/files/x-latin-400-normal.woff", ranges: [[0, 255]] },
    ]);
  });
});

describe("the site's fonts", () => {
  const files = fontFiles();

  it.each([
    ["serif", "A", /source-serif-4-latin-400-normal/],
    ["serif", "’", /source-serif-4-latin-400-normal/],
    ["serif", "Ж", /source-serif-4-cyrillic-400/],
    ["serif-italic", "a", /source-serif-4-latin-400-italic/],
    ["serif", "俄", /noto-serif-sc-\d+-400-normal/],
    ["sans-bold", "研", /noto-serif-sc-\d+-600-normal/],
  ] as const)("%s sets %s from %s", (face, char, file) => {
    expect(fileFor(files[face], char.codePointAt(0)!)?.path).toMatch(file);
  });

  it("splits text into runs one file each can set, spaces staying in the run", () => {
    const runs = splitByFont("Eluosi yanjiu (俄罗斯研究) ok", files.serif);
    expect(runs[0]).toMatchObject({ text: "Eluosi yanjiu (" });
    expect(runs.at(-1)).toMatchObject({ text: ") ok" });
    expect(runs[0]!.file).toBe(runs.at(-1)!.file);
    // Fontsource splits Noto Serif SC by how common a character is: neighbours may differ.
    const chinese = runs.slice(1, -1);
    expect(chinese.map((r) => r.text).join("")).toBe("俄罗斯研究");
    for (const run of chinese) expect(run.file.path).toMatch(/noto-serif-sc/);
  });
});

describe("woffToSfnt", () => {
  it("gives the OpenType font inside a WOFF file, glyph for glyph", () => {
    const require = createRequire(import.meta.url);
    const path =
      require.resolve("@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff");
    const woff = readFileSync(path);
    const sfnt = woffToSfnt(woff);
    const a = create(woff) as Font;
    const b = create(sfnt) as Font;
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.postscriptName).toBe(a.postscriptName);
    expect(b.layout("Sino-Russian").advanceWidth).toBe(a.layout("Sino-Russian").advanceWidth);
  });

  it("refuses what is not WOFF 1.0", () => {
    expect(() => woffToSfnt(new Uint8Array(48))).toThrow(/Not a WOFF/);
  });
});
