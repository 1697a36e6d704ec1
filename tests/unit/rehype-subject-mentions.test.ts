import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { toText } from "hast-util-to-text";
import { VFile } from "vfile";
import { ESSAY_RECORD_KEY, type EssayRecord } from "../../src/markdown/essay-record.ts";
import { describe, expect, it } from "vitest";
import type { MentionPassage } from "../../src/lib/subjects.ts";
import rehypeParagraphNumbers from "../../src/markdown/rehype-paragraph-numbers.ts";
import rehypeSubjectMentions from "../../src/markdown/rehype-subject-mentions.ts";

const subjects = [
  { slug: "nato", aliases: ["NATO"] },
  { slug: "sco", aliases: ["Shanghai Cooperation Organisation", "SCO"] },
  { slug: "putin", aliases: ["Vladimir Putin", "Putin"] },
  { slug: "feng", aliases: ["Feng Shuai", "封帅"] },
];

/** Numbers the passages, finds the mentions; returns the HTML and what was recorded. */
const run = (html: string, options = {}) => {
  const tree = fromHtml(html, { fragment: true });
  const file = new VFile({ data: { astro: { frontmatter: { title: "T" } } } });
  rehypeParagraphNumbers()(tree);
  rehypeSubjectMentions({ subjects, ...options })(tree, file);
  const frontmatter = (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro
    .frontmatter;
  return {
    html: toHtml(tree),
    text: toText(tree),
    frontmatter,
    passages: (frontmatter[ESSAY_RECORD_KEY] as EssayRecord | undefined)
      ?.mentions as MentionPassage[],
  };
};

/** The mention links of some HTML, as "slug:text". */
const links = (html: string) =>
  [
    ...html.matchAll(
      /<a href="\/subjects\/([^/]+)\/" class="mention" data-subject="\1">([^<]*)<\/a>/g,
    ),
  ].map((m) => `${m[1]}:${m[2]}`);

describe("subject mentions", () => {
  it.each<[string, string, string[]]>([
    ["links a mention", "<p>NATO grew.</p>", ["nato:NATO"]],
    [
      "links only the first mention of a subject in a paragraph",
      "<p>NATO, NATO and NATO.</p>",
      ["nato:NATO"],
    ],
    [
      "links the first mention of each subject",
      "<p>Putin, the SCO and NATO; Putin again.</p>",
      ["putin:Putin", "sco:SCO", "nato:NATO"],
    ],
    [
      "links the first mention in every paragraph",
      "<p>NATO</p><p>NATO</p>",
      ["nato:NATO", "nato:NATO"],
    ],
    [
      "counts an alias as the same subject",
      "<p>Shanghai Cooperation Organisation (SCO)</p>",
      ["sco:Shanghai Cooperation Organisation"],
    ],
    ["never inside a heading", "<h2>NATO</h2><p>None</p>", []],
    [
      "never inside a link, and links the next one instead",
      '<p><a href="/x/">NATO</a> and NATO</p>',
      ["nato:NATO"],
    ],
    ["never inside code", "<p><code>NATO</code></p>", []],
    [
      "inside emphasis and language spans",
      '<p><em>NATO</em> and <span lang="zh">封帅</span></p>',
      ["nato:NATO", "feng:封帅"],
    ],
    [
      "in list items and block quotes",
      "<ul><li>NATO</li></ul><blockquote><p>SCO</p></blockquote>",
      ["nato:NATO", "sco:SCO"],
    ],
    ["not in a longer word", "<p>NATOs disco Putinism</p>", []],
    [
      "not outside the numbered passages",
      "<div>NATO</div><table><tr><td>NATO</td></tr></table>",
      [],
    ],
  ])("%s", (_, html, expected) => {
    expect(links(run(html).html)).toEqual(expected);
  });

  it("changes no word of the text", () => {
    const html =
      '<h2>NATO and the SCO</h2><p>Vladimir Putin and <em>NATO</em>, NATO; Feng Shuai (<span lang="zh">封帅</span>).</p><ul><li>SCO, <a href="/x/">Putin</a></li></ul>';
    const before = toText(fromHtml(html, { fragment: true }));
    expect(run(html).text).toBe(before);
  });

  it("records each passage with a mention, cut at its mentions, without its ¶ link", () => {
    const { passages } = run(
      "<p>None here.</p><p><em>Both</em> NATO &amp; NATO.</p><ul><li>Putin &lt;and&gt; SCO</li></ul>",
    );
    expect(passages).toEqual([
      {
        n: 2,
        segments: [
          "<em>Both</em> ",
          { subject: "nato", text: "NATO", linked: true },
          " &#x26; ",
          { subject: "nato", text: "NATO", linked: false },
          ".",
        ],
      },
      {
        n: 3,
        segments: [
          { subject: "putin", text: "Putin", linked: true },
          " &#x3C;and> ",
          { subject: "sco", text: "SCO", linked: true },
        ],
      },
    ]);
  });

  it("records a mention inside other markup with that markup around it", () => {
    const { passages } = run('<p>See <em>the <span lang="zh">封帅</span></em> text.</p>');
    expect(passages[0]!.segments).toEqual([
      'See <em>the <span lang="zh">',
      { subject: "feng", text: "封帅", linked: true },
      "</span></em> text.",
    ]);
  });

  it("keeps the rest of the metadata and records nothing when asked not to", () => {
    expect(run("<p>NATO</p>").frontmatter.title).toBe("T");
    expect(run("<p>NATO</p>", { record: false }).passages).toBeUndefined();
    expect(run("<p>Nothing</p>").passages).toEqual([]);
  });

  it("links to the pages the options say", () => {
    const { html } = run("<p>NATO</p>", { href: (slug: string) => `/reader/subjects/${slug}/` });
    expect(html).toContain('href="/reader/subjects/nato/"');
  });
});
