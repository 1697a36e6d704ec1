import { describe, expect, it } from "vitest";
import { feedBody } from "../../src/lib/feed.ts";

const PAGE = "https://r.org/e/";

describe("feedBody", () => {
  it.each([
    // The ¶ anchor is an empty link: gone, with the page's own attributes.
    [
      '<p id="p-1" data-para="1" class="para"><a href="#p-1" class="para-anchor" aria-label="Paragraph 1"></a>Text</p>',
      "<p>Text</p>",
    ],
    // In-page links point at the essay.
    [
      '<p>See <a href="#conclusion">below</a>.</p>',
      '<p>See <a href="https://r.org/e/#conclusion">below</a>.</p>',
    ],
    ['<a href="https://other.org/#x">x</a>', '<a href="https://other.org/#x">x</a>'],
    ['<a href="/essays/y/">y</a>', '<a href="/essays/y/">y</a>'],
    ["<p>a #hash in text</p>", "<p>a #hash in text</p>"],
    // Mention links are unwrapped, whatever order their attributes come in.
    [
      '<p>The <a href="/subjects/nato/" class="mention" data-subject="nato">NATO</a> and <a href="/x/">a link</a></p>',
      '<p>The NATO and <a href="/x/">a link</a></p>',
    ],
    ['<a data-subject="sco" class="mention" href="/reader/subjects/sco/">S&amp;O</a>', "S&#x26;O"],
    // Language runs keep their lang, headings their text.
    [
      '<p><span lang="zh" class="cjk">俄罗斯研究</span></p>',
      '<p><span lang="zh">俄罗斯研究</span></p>',
    ],
    [
      '<h2 id="conclusion"><a href="#conclusion" class="heading-anchor"></a>Conclusion</h2>',
      "<h2>Conclusion</h2>",
    ],
  ])("%s", (html, out) => expect(feedBody(html, `${PAGE}#ignored`)).toBe(out));

  it("never leaves an empty link", () => {
    const out = feedBody('<p><a href="#a"> </a><a href="#b"><span></span></a>x</p>', PAGE);
    expect(out).toBe("<p>x</p>");
  });
});
