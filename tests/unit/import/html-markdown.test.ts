import { describe, expect, it } from "vitest";
import {
  autop,
  markdownText,
  tidyEscapes,
  wordpressToMarkdown,
  wordsOf,
} from "../../../src/lib/import/html-markdown.ts";

/** The words of the body and of its Markdown: they must be the same, whatever was reported. */
const same = (html: string) => {
  const body = wordpressToMarkdown(html);
  return {
    ...body,
    equal: wordsOf(body.sourceText).join(" ") === wordsOf(markdownText(body.markdown)).join(" "),
  };
};

describe("wordpressToMarkdown keeps every character of the text", () => {
  it.each([
    [
      "curly quotes and dashes from entities",
      "<p>It&#8217;s &#8220;so&#8221; &#8211; and &#8212; yes</p>",
      "It’s “so” – and — yes",
    ],
    ["no-break spaces", "<p>Its&nbsp;Limits</p>", "Its\u00a0Limits"],
    [
      "Chinese, Cyrillic and Arabic",
      "<p>俄罗斯研究, Россия, روسيا</p>",
      "俄罗斯研究, Россия, روسيا",
    ],
    [
      "headings",
      '<!-- wp:heading --><h2 class="wp-block-heading">Options?</h2><!-- /wp:heading -->',
      "## Options?",
    ],
    ["block quotes", '<blockquote class="wp-block-quote"><p>Quoted.</p></blockquote>', "> Quoted."],
    ["lists", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"],
    ["ordered lists", "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"],
    [
      "links and emphasis",
      '<p>See <a href="https://x.org/a">this</a>, <em>really</em> <strong>now</strong>.</p>',
      "See [this](https://x.org/a), _really_ **now**.",
    ],
    ["brackets left as written", "<p>but [it was done with] the</p>", "but [it was done with] the"],
    ["stars that are not emphasis", "<p>a * b and 2*3*4</p>", "a \\* b and 2\\*3\\*4"],
  ])("%s", (_, html, markdown) => {
    const body = same(html);
    expect(body.markdown).toBe(markdown);
    expect(body.equal).toBe(true);
    expect(body.notes).toEqual([]);
  });

  it("turns WordPress footnotes into Markdown footnotes, without their back-links", () => {
    const body = same(
      '<p>Claim.<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup></p><ol class="wp-block-footnotes"><li id="a1">Source. <a href="#a1-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>',
    );
    expect(body.markdown).toBe("Claim.[^a1]\n\n[^a1]: Source.");
    expect(body.equal).toBe(true);
  });

  it("paragraphs a classic post stored without <p> as WordPress does", () => {
    expect(autop("One.\n\nTwo\nlines.")).toBe("<p>One.</p>\n<p>Two<br>\nlines.</p>");
    expect(autop("<h3>Head</h3>\n\nText.")).toBe("<h3>Head</h3>\n<p>Text.</p>");
    expect(autop("<!-- wp:paragraph -->\n<p>Block.</p>\n\nx")).toBe(
      "<!-- wp:paragraph -->\n<p>Block.</p>\n\nx",
    );
  });
});

describe("wordpressToMarkdown reports what it cannot carry over", () => {
  it.each([
    [
      "[embed]",
      "<p>Watch:</p>\n[embed]https://youtu.be/x[/embed]",
      "[embed] shortcode",
      ["https://youtu.be/x"],
    ],
    ["[gallery]", '<p>Pictures.</p>[gallery ids="1,2"]', "[gallery] shortcode", []],
    ["<iframe>", '<p>Map.</p><iframe src="https://maps.example/"></iframe>', "<iframe>", []],
    [
      "<object>",
      '<p>Map.</p><object data="m.swf">fallback words</object>',
      "<object>",
      ["fallback"],
    ],
    ["<script>", "<p>Text.</p><script>track()</script>", "<script>", []],
    ["an image", '<p>Text.</p><p><img src="a.jpg" alt="A map"></p>', "image", []],
  ])("%s", (_, html, what, lostWords) => {
    const body = wordpressToMarkdown(html);
    expect(body.notes.map((n) => n.what)).toContain(what);
    expect(body.markdown).not.toMatch(/\[embed|\[gallery|<iframe|<script|<img/u);
    for (const word of lostWords) expect(wordsOf(body.sourceText)).toContain(word);
  });

  it("keeps a [caption]'s text as the image credit and reports the image", () => {
    const body = wordpressToMarkdown(
      '[caption id="attachment_5" align="alignnone" width="300"]<img src="p.jpg" alt="" /> CC by Someone/Flickr[/caption]<p>Text.</p>',
    );
    expect(body.captions).toEqual(["CC by Someone/Flickr"]);
    expect(body.markdown).toBe("Text.");
    expect(body.notes).toEqual([
      expect.objectContaining({
        kind: "moved",
        what: "[caption] image",
        detail: expect.stringContaining("p.jpg"),
      }),
    ]);
  });

  it("leaves square brackets that are not shortcodes alone", () => {
    expect(wordpressToMarkdown("<p>[sic] and [1]</p>").notes).toEqual([]);
  });
});

describe("tidyEscapes", () => {
  it.each([
    ["but \\[it was done with] the", "but [it was done with] the"],
    ["a \\* b", "a * b"],
    ["2\\*3\\*4", "2\\*3\\*4"],
    ["\\- not a list", "\\- not a list"],
    ["\\[x]: y", "\\[x]: y"],
  ])("%s", (input, output) => expect(tidyEscapes(input)).toBe(output));
});
