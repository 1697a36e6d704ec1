import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import rehypeParagraphNumbers from "../../src/markdown/rehype-paragraph-numbers.ts";
import rehypeSectionAnchors from "../../src/markdown/rehype-section-anchors.ts";

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeSectionAnchors()(tree);
  rehypeParagraphNumbers()(tree);
  return tree;
};

/** The passages as "id: text" lines. */
const passages = (html: string) => {
  const out: string[] = [];
  const walk = (node: {
    type: string;
    properties?: Record<string, unknown>;
    children?: unknown[];
    value?: string;
  }) => {
    if (node.type === "element" && node.properties?.dataPara && node.properties.id) {
      out.push(`${node.properties.id}: ${text(node)}`);
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  const text = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.type === "text"
      ? node.value!
      : ((node.children ?? []) as (typeof node)[]).map(text).join("");
  walk(run(html));
  return out;
};

describe("paragraph numbers", () => {
  it.each([
    ["<p>One</p><p>Two</p>", ["p-1: One", "p-2: Two"]],
    ["<h2>Head</h2><p>One</p>", ["p-1: One"]], // headings are not passages
    // GFM footnotes keep the ids their references link to, and are not passages
    [
      '<p>A<sup><a href="#user-content-fn-1" id="user-content-fnref-1">1</a></sup></p><section data-footnotes><h2 id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Note</p></li></ol></section>',
      ["p-1: A1"],
    ],
    ["<p>A</p><ul><li>B</li><li>C</li></ul><p>D</p>", ["p-1: A", "p-2: B", "p-3: C", "p-4: D"]],
    ["<blockquote><p>Q1</p><p>Q2</p></blockquote><p>E</p>", ["p-1: Q1Q2", "p-2: E"]],
    ["<ul><li><p>Loose</p><p>item</p></li></ul>", ["p-1: Looseitem"]],
    ["<ol><li>a<ul><li>nested</li></ul></li></ol>", ["p-1: anested"]],
    ["", []],
  ])("%s", (html, expected) => {
    expect(passages(html)).toEqual(expected);
  });

  it("numbers each essay on its own: the same text always gets the same numbers", () => {
    const essay = "<p>First</p><h2>Part</h2><p>Second</p>";
    expect(passages(essay)).toEqual(passages(essay));
    expect(passages(`<p>Other essay</p>${essay}`)).toEqual([
      "p-1: Other essay",
      "p-2: First",
      "p-3: Second",
    ]);
    expect(passages(essay)).toEqual(["p-1: First", "p-2: Second"]);
  });

  it("adds an empty self-link, leaving the text as it was", () => {
    expect(toHtml(run("<p>Text</p>"))).toBe(
      '<p id="p-1" data-para="1" class="para"><a href="#p-1" class="para-anchor" data-para="1" aria-label="Paragraph 1" data-pagefind-ignore=""></a>Text</p>',
    );
  });
});

describe("section anchors", () => {
  it("gives headings GitHub-style ids and an empty self-link", () => {
    expect(
      toHtml(
        run("<h2>“No Exclusive Interests Involved”</h2><h2>Conclusion</h2><h2>Conclusion</h2>"),
      ),
    ).toBe(
      [
        '<h2 id="no-exclusive-interests-involved">“No Exclusive Interests Involved”<a href="#no-exclusive-interests-involved" class="section-anchor" aria-label="Link to section: “No Exclusive Interests Involved”" data-pagefind-ignore=""></a></h2>',
        '<h2 id="conclusion">Conclusion<a href="#conclusion" class="section-anchor" aria-label="Link to section: Conclusion" data-pagefind-ignore=""></a></h2>',
        '<h2 id="conclusion-1">Conclusion<a href="#conclusion-1" class="section-anchor" aria-label="Link to section: Conclusion" data-pagefind-ignore=""></a></h2>',
      ].join(""),
    );
  });

  it("keeps an id a heading already has", () => {
    expect(toHtml(run('<h2 id="x">Y</h2>'))).toContain('<h2 id="x">Y<a href="#x"');
  });
});

describe("footnotes", () => {
  it("keep their ids, and their heading is not listed as a section", () => {
    const tree = run(
      '<h2>Part</h2><p>A</p><section data-footnotes><h2 id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Note</p></li></ol></section>',
    );
    const html = toHtml(tree);
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<h2 id="footnote-label">Footnotes</h2>');
  });
});
