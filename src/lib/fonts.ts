/**
 * The site's typefaces as files, for writers that embed fonts (the PDFs): Source Serif 4 and
 * Source Sans 3 for Latin, Greek and Cyrillic, Noto Serif SC for Chinese, all from their npm
 * packages (Fontsource), so nothing is fetched. Fontsource splits each face into files by
 * Unicode range; the ranges are read from the package's own CSS, so the file that holds a
 * character is the one a browser would load for it. Build only (Node).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import { memo } from "./memo.ts";

/** A family and style a writer asks for. */
export type FaceName = "serif" | "serif-italic" | "serif-bold" | "sans" | "sans-bold";

/** One font file and the characters it holds. */
export interface FontFile {
  /** Absolute path of the WOFF file. */
  path: string;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
}

/** Each face's packages and CSS files, tried in order (the CJK face last). */
const FACES: Record<FaceName, { pkg: string; css: string }[]> = {
  serif: [
    { pkg: "@fontsource/source-serif-4", css: "400.css" },
    { pkg: "@fontsource/noto-serif-sc", css: "400.css" },
  ],
  "serif-italic": [
    { pkg: "@fontsource/source-serif-4", css: "400-italic.css" },
    { pkg: "@fontsource/noto-serif-sc", css: "400.css" },
  ],
  "serif-bold": [
    { pkg: "@fontsource/source-serif-4", css: "600.css" },
    { pkg: "@fontsource/noto-serif-sc", css: "600.css" },
  ],
  sans: [
    { pkg: "@fontsource/source-sans-3", css: "400.css" },
    { pkg: "@fontsource/noto-serif-sc", css: "400.css" },
  ],
  "sans-bold": [
    { pkg: "@fontsource/source-sans-3", css: "600.css" },
    { pkg: "@fontsource/noto-serif-sc", css: "600.css" },
  ],
};

/** Every package a face draws on (for build-cache keys). */
export const FONT_PACKAGES = [
  ...new Set(Object.values(FACES).flatMap((files) => files.map((f) => f.pkg))),
];

/** Parses a CSS `unicode-range` value ("U+0000-00FF, U+0131, U+4E??") into ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(",")
    .map((part) => part.trim().replace(/^U\+/i, ""))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes("?")) {
        return [parseInt(part.replace(/\?/g, "0"), 16), parseInt(part.replace(/\?/g, "F"), 16)];
      }
      const [from, to] = part.split("-");
      const start = parseInt(from!, 16);
      return [start, to === undefined ? start : parseInt(to, 16)];
    })
    .map(([from, to]) => {
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
        throw new Error(`Bad unicode-range part in "${value}"`);
      }
      return [from, to];
    });
}

/** The WOFF files and ranges of every `@font-face` in a Fontsource CSS file. */
export function fontFaces(css: string, folder: string): FontFile[] {
  const faces: FontFile[] = [];
  for (const [block] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const woff = /url\(\.?\/?([^)]+\.woff)\)/.exec(block);
    if (!woff) continue;
    const range = /unicode-range:\s*([^;}]+)/.exec(block);
    faces.push({
      path: join(folder, woff[1]!),
      ranges: range ? parseUnicodeRange(range[1]!) : [[0, 0x10ffff]],
    });
  }
  return faces;
}

/** Each face's files in the order to try them, read from the packages once per thread. */
export const fontFiles = memo((): Record<FaceName, FontFile[]> => {
  const require = createRequire(import.meta.url);
  const read = ({ pkg, css }: { pkg: string; css: string }) => {
    const file = require.resolve(`${pkg}/${css}`);
    return fontFaces(readFileSync(file, "utf8"), dirname(file));
  };
  return Object.fromEntries(
    Object.entries(FACES).map(([name, files]) => [name, files.flatMap(read)]),
  ) as Record<FaceName, FontFile[]>;
});

/** The first file that holds a code point, if any does. */
export function fileFor(files: FontFile[], codePoint: number): FontFile | undefined {
  return files.find((f) => f.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
}

/**
 * Splits text into runs that one font file can set each, in order; characters no file holds
 * (and spaces, which every file holds) stay in the run they are in.
 */
export function splitByFont(text: string, files: FontFile[]): { text: string; file: FontFile }[] {
  const out: { text: string; file: FontFile }[] = [];
  for (const char of text) {
    const last = out.at(-1);
    const code = char.codePointAt(0)!;
    const here = last && last.file.ranges.some(([a, b]) => code >= a && code <= b);
    if (here || (last && /\s/u.test(char))) {
      last.text += char;
      continue;
    }
    const file = fileFor(files, code) ?? last?.file ?? files[0]!;
    if (last && last.file === file) last.text += char;
    else out.push({ text: char, file });
  }
  return out;
}

/**
 * The OpenType (SFNT) font inside a WOFF 1.0 file (W3C WOFF File Format 1.0, §4–5): each table
 * inflated once, with zlib. Font libraries that read WOFF directly (fontkit) inflate a table
 * again on every glyph they read from it, which costs a PDF half a second.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF 1.0 file");
  const flavor = input.readUInt32BE(4);
  const count = input.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = input.readUInt32BE(at + 4);
    const compressed = input.readUInt32BE(at + 8);
    const length = input.readUInt32BE(at + 12);
    const raw = input.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(raw) : raw;
    if (data.length !== length) throw new Error("A WOFF table inflated to the wrong length");
    return { tag: input.readUInt32BE(at), checksum: input.readUInt32BE(at + 16), data };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padding = (4 - (table.data.length % 4)) % 4;
    parts.push(table.data, Buffer.alloc(padding));
    offset += table.data.length + padding;
  });
  return Buffer.concat(parts);
}
