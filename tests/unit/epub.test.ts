import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { collectionEpub, editionDate, essayChapter, essayEpub } from "../../src/lib/epub.ts";
import type { EssayDocument } from "../../src/lib/essay-document.ts";

const essay = (id: string, title: string): EssayDocument => ({
  id,
  title,
  author: { name: "Jane Doe & Co", affiliation: "Uni <A>", bio: "Writes." },
  publication: "China Policy Institute: Analysis",
  archive: "https://a.example/",
  url: `https://reader.example/essays/${id}/`,
  summary: "What it argues.",
  tags: ["Russia"],
  language: "en",
  blocks: [
    { kind: "heading", level: 2, id: "turn", runs: [{ text: "A Turn" }] },
    { kind: "passage", n: 1, id: "p-1", runs: [{ text: "One " }, { text: "俄罗斯", lang: "zh" }] },
    { kind: "passage", n: 2, id: "p-2", runs: [{ text: "Item" }], marker: "•" },
    { kind: "passage", n: 3, id: "p-3", runs: [{ text: "Item" }], marker: "•" },
  ],
  citations: [{ label: "Chicago", runs: [{ text: "Doe. " }, { text: "Analysis", italic: true }] }],
});
const EDITION = { modified: new Date("2026-12-02T00:00:00Z"), publisher: "Research Reader" };

describe("essayChapter", () => {
  const xhtml = essayChapter(essay("x", "Russia & China"));
  it("escapes text and marks languages in XML and HTML", () => {
    expect(xhtml).toContain('<h1 id="essay-title">Russia &amp; China</h1>');
    expect(xhtml).toContain('<span lang="zh" xml:lang="zh">俄罗斯</span>');
    expect(xhtml).toContain("By <strong>Jane Doe &amp; Co</strong>, Uni &lt;A&gt;");
  });
  it("keeps the page's ¶ anchors, each numbered and linked to the passage online", () => {
    expect(xhtml).toContain(
      '<p id="p-1"><a class="pn" href="https://reader.example/essays/x/#p-1">¶ 1</a> One ',
    );
    expect(xhtml).toMatch(/<ul>\n<li id="p-2">.*<\/li>\n<li id="p-3">.*<\/li>\n<\/ul>/);
  });
  it("marks the summary as the editor's", () => {
    expect(xhtml).toContain("Editor’s summary (not part of the essay)");
  });
});

describe("essayEpub and collectionEpub", () => {
  it("write an OCF container: mimetype first and stored, then the package", () => {
    const bytes = essayEpub(essay("x", "T"), EDITION);
    // The local header of the first entry: name "mimetype", compression method 0 (stored).
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    expect(bytes[8]).toBe(0);
    expect(strFromU8(bytes.subarray(38, 58))).toBe("application/epub+zip");
    const files = unzipSync(bytes);
    const opf = strFromU8(files["EPUB/package.opf"]!);
    expect(opf).toContain(
      '<dc:identifier id="uid">https://reader.example/essays/x/</dc:identifier>',
    );
    expect(opf).toContain('<meta property="dcterms:modified">2026-12-02T00:00:00Z</meta>');
    expect(opf).toContain("<dc:creator>Jane Doe &amp; Co</dc:creator>");
  });

  it("are the same bytes for the same content", () => {
    expect(essayEpub(essay("x", "T"), EDITION)).toEqual(essayEpub(essay("x", "T"), EDITION));
  });

  it("list every essay and its sections in the contents, and the authors once", () => {
    const files = unzipSync(
      collectionEpub(
        {
          title: "All",
          identifier: "https://reader.example/essays.epub",
          description: "d",
          language: "en",
          essays: [essay("a", "First"), essay("b", "Second")],
        },
        EDITION,
      ),
    );
    const nav = strFromU8(files["EPUB/nav.xhtml"]!);
    expect(nav).toContain('<a href="essay-00001.xhtml">First (Jane Doe &amp; Co)</a>');
    expect(nav).toContain('<a href="essay-00002.xhtml#turn">A Turn</a>');
    const authors = strFromU8(files["EPUB/authors.xhtml"]!);
    expect(authors.match(/<h2>/g)).toHaveLength(1);
  });

  it("refuse an empty collection", () => {
    expect(() =>
      collectionEpub(
        { title: "None", identifier: "x", description: "", language: "en", essays: [] },
        EDITION,
      ),
    ).toThrow(/No essays/);
  });
});

describe("editionDate", () => {
  it.each<[string | undefined, string]>([
    [undefined, "2026-12-02T00:00:00.000Z"],
    ["", "2026-12-02T00:00:00.000Z"],
    ["1764633600", "2025-12-02T00:00:00.000Z"],
  ])("SOURCE_DATE_EPOCH=%s → %s", (epoch, expected) => {
    expect(editionDate(epoch, new Date("2026-12-02T17:45:00Z")).toISOString()).toBe(expected);
  });
  it.each(["soon", "12.5", "100"])("rejects SOURCE_DATE_EPOCH=%s", (epoch) => {
    expect(() => editionDate(epoch, new Date())).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
