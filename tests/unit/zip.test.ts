import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { zipArchive, zipEntry } from "../../src/lib/zip.ts";

const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zipArchive", () => {
  const text = "Sino-Russian relations — 俄罗斯研究 ".repeat(200);
  const archive = zipArchive(
    [
      zipEntry("mimetype", "application/epub+zip", { store: true }),
      zipEntry("EPUB/essay.xhtml", text),
      zipEntry("EPUB/研究.txt", "名"),
    ],
    new Date(Date.UTC(2026, 11, 2, 13, 45, 30)),
  );

  it("is read back, entry for entry, by another zip reader (fflate)", () => {
    const files = unzipSync(archive);
    expect(Object.keys(files)).toEqual(["mimetype", "EPUB/essay.xhtml", "EPUB/研究.txt"]);
    expect(strFromU8(files["EPUB/essay.xhtml"]!)).toBe(text);
    expect(strFromU8(files["EPUB/研究.txt"]!)).toBe("名");
  });

  it("stores the first entry uncompressed with no extra field, as EPUB's OCF asks", () => {
    const bytes = Buffer.from(archive);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0); // stored
    expect(bytes.readUInt16LE(28)).toBe(0); // no extra field
    expect(bytes.subarray(30, 38).toString()).toBe("mimetype");
    expect(bytes.subarray(38, 58).toString()).toBe("application/epub+zip");
  });

  it("deflates, and checks out with unzip's own test where it is installed", () => {
    expect(archive.length).toBeLessThan(text.length / 4);
    const file = join(dir, "a.zip");
    writeFileSync(file, archive);
    let out: string;
    try {
      out = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return;
      throw error;
    }
    expect(out).toMatch(/No errors detected/);
  });

  it("is the same bytes for the same entries and date", () => {
    const again = zipArchive([zipEntry("a.txt", "x")], new Date(Date.UTC(2026, 0, 1)));
    expect(again).toEqual(zipArchive([zipEntry("a.txt", "x")], new Date(Date.UTC(2026, 0, 1))));
  });
});
