import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EssayDocument } from "../../src/lib/essay-document.ts";
import { essayPdf } from "../../src/lib/pdf.ts";

const document: EssayDocument = {
  id: "x",
  title: "Security & Dilemma.",
  author: { name: "James C. Hsiung", affiliation: "New York University", bio: "He writes." },
  publication: "China Policy Institute: Analysis",
  archive: "https://a.example/",
  url: "https://reader.example/essays/x/",
  summary: "The editor’s summary.",
  tags: ["Russia", "China"],
  language: "en",
  blocks: [
    { kind: "heading", level: 2, id: "turn", runs: [{ text: "The 1993-1994 Turning Point." }] },
    {
      kind: "passage",
      n: 1,
      id: "p-1",
      runs: [
        { text: "The Kremlin’s Sino-Russian partnership—culture, music—and ".repeat(6) },
        { text: "俄罗斯研究", lang: "zh" },
        { text: " in " },
        { text: "Eluosi yanjiu", italic: true },
        { text: "." },
      ],
    },
  ],
  citations: [
    { label: "Chicago", runs: [{ text: "Hsiung. " }, { text: "Analysis", italic: true }] },
  ],
};

const dir = mkdtempSync(join(tmpdir(), "pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("essayPdf", () => {
  it("is the same bytes each time, with no creation date", async () => {
    const [a, b] = [await essayPdf(document), await essayPdf(document)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString("latin1")).not.toMatch(/CreationDate|CreateDate/);
  });

  it("reads back word for word with pdftotext, every character where it was", async () => {
    const file = join(dir, "x.pdf");
    writeFileSync(file, await essayPdf(document));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const words = (t: string) => t.replace(/\s+/g, " ").trim();
    const passage = document.blocks[1]!.runs.map((r) => r.text).join("");
    expect(words(text)).toContain(words(passage));
    expect(text).toContain("The 1993-1994 Turning Point.");
    expect(text).toContain("By James C. Hsiung");
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+Security & Dilemma\.$/m);
    expect(info).toMatch(/^Author:\s+James C\. Hsiung$/m);
  });

  it("links each ¶ number to the passage online and names it as a destination", async () => {
    const raw = Buffer.from(await essayPdf(document)).toString("latin1");
    expect(raw).toContain("(https://reader.example/essays/x/#p-1)");
    expect(raw).toMatch(/\/Names/);
  });
});
