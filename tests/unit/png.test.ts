import { describe, expect, it } from "vitest";
import { crc32, inflateSync } from "node:zlib";
import { encodePng } from "../../src/lib/png.ts";

/** The chunks of a PNG, each with its CRC checked. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("latin1");
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), type).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)) >>> 0,
    );
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe("encodePng", () => {
  const width = 3;
  const height = 2;
  const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
  const png = encodePng(rgba, width, height);

  it("writes a valid PNG: signature, IHDR, IDAT, IEND, every CRC right", () => {
    const found = chunks(png);
    expect(found.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const ihdr = found[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]]).toEqual([
      width,
      height,
      8,
      6,
      0,
    ]);
  });

  it("keeps every pixel, row by row", () => {
    const rows = inflateSync(chunks(png)[1]!.data);
    const stride = width * 4;
    for (let y = 0; y < height; y++) {
      expect(rows[y * (stride + 1)]).toBe(0);
      expect([...rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))]).toEqual([
        ...rgba.subarray(y * stride, (y + 1) * stride),
      ]);
    }
  });

  it("refuses pixels that are not width × height", () => {
    expect(() => encodePng(rgba, 4, 2)).toThrow("are not 4 × 2 RGBA pixels");
  });
});
