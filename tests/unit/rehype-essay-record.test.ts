import { fromHtml } from "hast-util-from-html";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { ESSAY_RECORD_KEY, essayRecord, recordFor } from "../../src/markdown/essay-record.ts";
import rehypeEssayRecord from "../../src/markdown/rehype-essay-record.ts";
import rehypeParagraphNumbers from "../../src/markdown/rehype-paragraph-numbers.ts";
import rehypeSectionAnchors from "../../src/markdown/rehype-section-anchors.ts";

/** Renders HTML through the numbering, anchors and record plugins; returns the frontmatter. */
function record(html: string) {
  const tree = fromHtml(html, { fragment: true });
  const file = new VFile({ data: { astro: { frontmatter: { title: "T" } } } });
  rehypeSectionAnchors()(tree, file);
  rehypeParagraphNumbers()(tree);
  rehypeEssayRecord()(tree, file);
  return (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter;
}

describe("the essay record", () => {
  const frontmatter = record(
    '<p>One <a href="/essays/x/#p-2">x</a>.</p><h2>Conclusion</h2><ul><li><p>Two</p></li></ul>' +
      '<p><img src="https://elsewhere.example/a.png" alt=""></p>',
  );
  const essay = essayRecord({ frontmatter }, "content/essays/a.md");

  it("counts the numbered passages", () => expect(essay.passages).toBe(3));

  it("lists the section headings with their ids and text", () => {
    expect(essay.headings).toEqual([{ depth: 2, id: "conclusion", text: "Conclusion" }]);
  });

  it("lists every id the body defines", () => {
    expect(essay.ids).toEqual(expect.arrayContaining(["p-1", "p-2", "p-3", "conclusion"]));
  });

  it("lists every link and resource, the ¶ links included", () => {
    expect(essay.references).toEqual(
      expect.arrayContaining([
        { tag: "a", attribute: "href", url: "/essays/x/#p-2" },
        { tag: "a", attribute: "href", url: "#p-1" },
        { tag: "img", attribute: "src", url: "https://elsewhere.example/a.png" },
      ]),
    );
  });

  it.each([
    [
      "<h2>A</h2><p>x</p><h3>B c</h3><h2>A</h2>",
      [
        [2, "a", "A"],
        [3, "b-c", "B c"],
        [2, "a-1", "A"],
      ],
    ],
    ['<h2 id="own">Kept id</h2><h5>Not a section</h5>', [[2, "own", "Kept id"]]],
    ["<p>No sections</p>", []],
  ])("records the headings of %s", (html, expected) => {
    const { headings } = essayRecord({ frontmatter: record(html) }, "a.md");
    expect(headings.map((h) => [h.depth, h.id, h.text])).toEqual(expected);
  });

  it("keeps the rest of the frontmatter, under one key of its own", () => {
    expect(frontmatter.title).toBe("T");
    expect(Object.keys(frontmatter)).toEqual(["title", ESSAY_RECORD_KEY]);
  });

  it("is one record however many plugins write to it", () => {
    const file = new VFile({ data: {} });
    recordFor(file).passages = 4;
    expect(recordFor(file).passages).toBe(4);
  });

  it("fails naming the file when an essay was rendered without it", () => {
    expect(() => essayRecord({ frontmatter: { title: "T" } }, "content/essays/b.md")).toThrow(
      "content/essays/b.md: rendered without the essay record",
    );
  });
});
