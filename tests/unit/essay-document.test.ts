import { describe, expect, it } from "vitest";
import { essayBlocks, essayDocument, htmlRuns, longDate } from "../../src/lib/essay-document.ts";

const BASE = "https://reader.example/essays/x/";

describe("essayBlocks", () => {
  it("reads GFM footnotes as notes, in order, without their back-links", () => {
    const html =
      '<p id="p-1" data-para="1" class="para">Claim.<sup><a href="#user-content-fn-a" id="user-content-fnref-a" data-footnote-ref>1</a></sup></p>' +
      '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-a"><p>A source. <a href="#user-content-fnref-a" data-footnote-backref aria-label="Back to reference 1">↩</a></p></li></ol></section>';
    const blocks = essayBlocks(html, BASE);
    expect(blocks.slice(1)).toEqual([
      { kind: "heading", level: 2, id: "footnote-label", runs: [{ text: "Footnotes" }] },
      { kind: "note", label: "1", id: "user-content-fn-a", runs: [{ text: "A source." }] },
    ]);
  });

  it("reads passages and headings, dropping the site's own links but not the text they wrap", () => {
    const html = `<p id="p-1" data-para="1" class="para"><a href="#p-1" class="para-anchor" data-para="1" aria-label="Paragraph 1"></a>Russia’s annexation of <a href="/subjects/crimea/" class="mention" data-subject="crimea">Crimea</a> in <em>2014</em>.</p>
<h2 id="a-turn">A Turn.<a href="#a-turn" class="section-anchor" aria-label="Link to section"></a></h2>
<p id="p-2" data-para="2" class="para">Eluosi yanjiu (<span lang="zh">俄罗斯研究</span>), see <a href="https://example.org/a">this</a>
and <strong>that</strong>.</p>`;
    expect(essayBlocks(html, BASE)).toEqual([
      {
        kind: "passage",
        n: 1,
        id: "p-1",
        runs: [
          { text: "Russia’s annexation of Crimea in " },
          { text: "2014", italic: true },
          { text: "." },
        ],
        marker: undefined,
        quote: undefined,
      },
      { kind: "heading", level: 2, id: "a-turn", runs: [{ text: "A Turn." }] },
      {
        kind: "passage",
        n: 2,
        id: "p-2",
        runs: [
          { text: "Eluosi yanjiu (" },
          { text: "俄罗斯研究", lang: "zh" },
          { text: "), see " },
          { text: "this", href: "https://example.org/a" },
          { text: " and " },
          { text: "that", bold: true },
          { text: "." },
        ],
        marker: undefined,
        quote: undefined,
      },
    ]);
  });

  it("marks list items and quotations", () => {
    const html = `<ul><li id="p-1" data-para="1" class="para">One</li></ul>
<ol start="3"><li id="p-2" data-para="2" class="para">Two</li><li id="p-3" data-para="3" class="para">Three</li></ol>
<blockquote><p id="p-4" data-para="4" class="para">Quoted</p></blockquote>`;
    expect(
      essayBlocks(html, BASE).map((b) => (b.kind === "passage" ? [b.marker, b.quote] : [])),
    ).toEqual([
      ["•", undefined],
      ["3.", undefined],
      ["4.", undefined],
      [undefined, true],
    ]);
  });

  it("keeps no-break spaces and resolves relative links against the essay's URL", () => {
    const html = `<p id="p-1" data-para="1" class="para">Sino-Russian\u00A0Relations, <a href="../y/#p-2">¶ 2</a></p>`;
    const [block] = essayBlocks(html, BASE);
    expect(block).toMatchObject({
      runs: [
        { text: "Sino-Russian\u00A0Relations, " },
        { text: "¶ 2", href: "https://reader.example/essays/y/#p-2" },
      ],
    });
  });

  it("fails on a passage without a number", () => {
    expect(() => essayBlocks(`<p class="para">x</p>`, BASE)).toThrow(/without a number/);
  });
});

describe("essayDocument", () => {
  it("carries the essay, its author and citations with their italics", () => {
    const document = essayDocument({
      essay: {
        id: "x",
        title: "A Title",
        summary: "The editor’s summary.",
        tags: [{ label: "Russia" }],
        source: { publication: "China Policy Institute: Analysis", archive: "https://a.example/" },
      },
      author: { label: "Jane Doe", bio: "Bio." },
      html: `<p id="p-1" data-para="1" class="para">Text.</p>`,
      url: BASE,
      language: "en",
      citations: [
        {
          label: "Chicago",
          html: `<div class="csl-entry">Doe, Jane. “A Title.” <i>China Policy Institute: Analysis</i>. Accessed <span class="accessed" data-accessed>[date of access]</span>.</div>`,
        },
      ],
    });
    expect(document).toMatchObject({
      title: "A Title",
      tags: ["Russia"],
      dateLabel: undefined,
      date: undefined,
    });
    expect(document.citations[0]!.runs).toEqual([
      { text: "Doe, Jane. “A Title.” " },
      { text: "China Policy Institute: Analysis", italic: true },
      { text: ". Accessed [date of access]." },
    ]);
  });
});

describe("htmlRuns and longDate", () => {
  it("collapses citeproc's indentation but not no-break spaces", () => {
    expect(htmlRuns("<div>\n  a\u00A0b\n  c</div>", BASE)).toEqual([{ text: "a\u00A0b c" }]);
  });
  it("writes dates as the essay page does", () => {
    expect(longDate(new Date("2016-03-09T00:00:00Z"))).toBe("9 March 2016");
  });
});
