/**
 * Bad content fails the build loudly, naming the file and the problem, and nothing is dropped
 * silently; content that tries to run code builds to HTML with none of it. Each case builds a
 * temporary copy of the project over fixture content (content/ is never touched).
 */
import * as cheerio from "cheerio";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  authorFile,
  essayFile,
  fixtureProject,
  type FixtureProject,
} from "../support/fixture-project.ts";

const projects: FixtureProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

const AUTHOR = { "authors/ann-archer.yaml": authorFile() };

async function build(files: Record<string, string>) {
  const project = fixtureProject({ ...AUTHOR, ...files });
  projects.push(project);
  return { ...(await project.build()), project };
}

/** Removes ANSI colours so messages can be matched as text. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

type Case = [name: string, files: Record<string, string>, ...expected: (string | RegExp)[]];

const FAILURES: Case[] = [
  [
    "an author id that does not exist",
    { "essays/lost-essay.md": essayFile({ author: "nobody-at-all" }) },
    "content/essays/lost-essay.md",
    'field "author": no author "nobody-at-all"',
  ],
  [
    "a missing required field",
    { "essays/no-order.md": essayFile({ order: "" }) },
    "no-order.md",
    /order/,
  ],
  [
    "a wrong type (a date that is not a date)",
    { "essays/bad-date.md": essayFile({ date: "the spring of 2015" }) },
    "bad-date.md",
    /date/,
  ],
  [
    "malformed YAML frontmatter",
    { "essays/broken-yaml.md": essayFile({ title: '"an unclosed quote' }) },
    "broken-yaml.md",
  ],
  [
    "a misspelt key (tag: for tags:), which a lax schema would silently drop",
    {
      "essays/misspelt.md": essayFile({ tags: "", tag: "[Russian foreign policy]" }),
    },
    "misspelt.md",
    /tag/,
  ],
  [
    "two files that would publish the same URL",
    {
      "essays/Same-Essay.md": essayFile({ order: "1" }),
      "essays/same-essay.md": essayFile({ order: "2" }),
    },
    "Same-Essay.md",
    "same-essay.md",
  ],
  [
    "a markdown file no collection reads",
    {
      "essays/fine.md": essayFile(),
      "essays/draft.markdown": essayFile({ order: "2" }),
      "stray-note.md": "# A note\n",
    },
    "content/essays/draft.markdown",
    "content/stray-note.md",
    "no collection reads this file",
  ],
  [
    "an essay with no text",
    { "essays/empty.md": essayFile({}, "") },
    "content/essays/empty.md",
    'field "body": the essay has no text',
  ],
  [
    "one tag spelt two ways",
    {
      "essays/one.md": essayFile({ tags: "[Central Asia]" }),
      "essays/two.md": essayFile({ tags: "[central asia]", order: "2" }),
    },
    "content/essays/two.md",
    'share the URL slug "central-asia"',
  ],
  [
    "an internal link to a missing page or anchor",
    {
      "essays/linker.md": essayFile(
        {},
        "See [the other essay](/essays/no-such-essay/) and [paragraph 99](#p-99) and [a real one](#p-1).",
      ),
    },
    "content/essays/linker.md",
    "there is no page at /essays/no-such-essay/",
    "has no #p-99",
  ],
  [
    "a remote image",
    { "essays/pictured.md": essayFile({}, "Text.\n\n![A map](https://example.com/map.png)") },
    "content/essays/pictured.md",
    "loads https://example.com/map.png from another host",
  ],
  [
    "an alias claimed by two subjects",
    {
      "essays/fine.md": essayFile({}, "The SCO met."),
      "subjects/sco.yaml": 'name: SCO\nkind: organisation\naliases: ["SCO"]\n',
      "subjects/shanghai.yaml": 'name: Shanghai\nkind: place\naliases: ["Shanghai", "SCO"]\n',
    },
    "content/subjects/shanghai.yaml",
    'field "aliases[1]": "SCO" is already an alias of content/subjects/sco.yaml',
  ],
  [
    "a subject of a kind the index does not have",
    {
      "essays/fine.md": essayFile(),
      "subjects/russia.yaml": 'name: Russia\nkind: country\naliases: ["Russia"]\n',
    },
    "russia.yaml",
    /kind/,
  ],
  [
    "a timeline event citing an essay or a paragraph that does not exist",
    {
      "essays/fine.md": essayFile({}, "In 2001 a treaty was signed.\n\nIn 2002 nothing."),
      "timeline/events.yaml": [
        '- { id: treaty, date: "2001", label: A treaty, sources: [{ essay: fine, paragraph: 3 }] }',
        '- { id: lost, date: "2002", label: Lost, sources: [{ essay: no-such-essay, paragraph: 1 }] }',
      ].join("\n"),
    },
    "content/timeline/events.yaml",
    'field "treaty.sources[0].paragraph": essay "fine" has no ¶ 3 (its paragraphs are ¶ 1–2)',
    'field "lost.sources[0].essay": no essay "no-such-essay"',
  ],
  [
    "a timeline date looser than the text allows",
    {
      "essays/fine.md": essayFile(),
      "timeline/events.yaml":
        '- { id: spring, date: "spring 2015", label: Spring, sources: [{ essay: fine, paragraph: 1 }] }\n',
    },
    "events.yaml",
    /YYYY-MM-DD/,
  ],
  [
    "a timeline file that is not YAML",
    {
      "essays/fine.md": essayFile(),
      "timeline/events.yaml": '- id: broken\n  label: "an unclosed quote\n',
    },
    "content/timeline/events.yaml",
    "not valid YAML",
  ],
  [
    "a sentence-case title that changes the title's words",
    {
      "essays/reworded.md": essayFile({
        title: '"Russia and China"',
        titleSentenceCase: '"Russia and Japan"',
      }),
    },
    "content/essays/reworded.md",
    'field "titleSentenceCase": must be the title with only its capital letters changed',
  ],
  [
    "a short title of more than four words",
    {
      "essays/long-short.md": essayFile({
        title: '"One Two Three Four Five Six"',
        shortTitle: '"One Two Three Four Five"',
      }),
    },
    "content/essays/long-short.md",
    'field "shortTitle": has 5 words; a short title has at most 4',
  ],
];

describe.concurrent("content that fails the build", () => {
  it.each(FAILURES)("%s", async (_, files, ...expected) => {
    const { status, output } = await build(files);
    expect(status, plain(output)).not.toBe(0);
    for (const e of expected) {
      if (typeof e === "string") expect(plain(output)).toContain(e);
      else expect(plain(output)).toMatch(e);
    }
  });
});

describe.concurrent("content that builds", () => {
  it("builds a valid essay whose author exists", async () => {
    const { status, output } = await build({
      "essays/found-essay.md": essayFile({}, "See [paragraph 1](#p-1) and [the tags](/tags/)."),
    });
    expect(plain(output)).not.toMatch(/content problem/);
    expect(status).toBe(0);
  });

  it("gives a dated essay its own date, and no other machine-readable date", async () => {
    const { status, output, project } = await build({
      "essays/dated.md": essayFile(
        { date: "2015-11-03" },
        "In 2001 a treaty was signed.\n\nIn July 1999 nothing happened.",
      ),
      "timeline/events.yaml":
        '- { id: treaty, date: "2001", label: A treaty is signed, sources: [{ essay: dated, paragraph: 1 }] }\n',
    });
    expect(status, plain(output)).toBe(0);
    const $ = cheerio.load(readFileSync(join(project.dir, "dist/essays/dated/index.html"), "utf8"));
    expect(
      $("[datetime]")
        .map((_, el) => $(el).attr("datetime"))
        .get(),
    ).toEqual(["2015-11-03"]);
    expect($('meta[name="citation_publication_date"]').attr("content")).toBe("2015/11/03");
    expect($('meta[property="article:published_time"]').attr("content")).toMatch(/^2015-11-03/);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').html()!);
    expect(jsonLd.datePublished).toBe("2015-11-03");
    expect($("#cite [data-citation=apa]").text()).toContain("(2015, November 3)");
    // The sidebar's timeline is there, its date readable but not machine-readable.
    expect($("details.sidebar-panel").text()).toContain("2001");
  });

  it("strips everything that could run code, keeping harmless markup", async () => {
    const hostile = [
      'Plain text with <sup>1</sup>, <abbr title="Shanghai Cooperation Organisation">SCO</abbr> and <span lang="ru">Русский мир</span>.',
      "",
      "<script>alert('script')</script>",
      "",
      '<img src="x" onerror="alert(\'onerror\')">',
      "",
      "[a javascript link](javascript:alert('link')) and <a href=\"javascript:alert('raw')\">raw</a> and <a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
      "",
      '<iframe src="https://evil.example/"></iframe>',
      "",
      "<style>body { display: none }</style>",
      "",
      '<p style="position:fixed;inset:0">styled</p>',
      "",
      '<svg><script>alert("svg")</script><a xlink:href="javascript:alert(2)"><text>svg link</text></a><animate onbegin="alert(3)"/></svg>',
      "",
      '<math><mtext><table><mglyph><style><img src=x onerror=alert("mathml")></style></mglyph></table></mtext></math>',
      "",
      '<form action="https://evil.example/"><input name="q"></form><object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
      "",
      "<details open ontoggle=\"alert('toggle')\"><summary>s</summary></details>",
    ].join("\n");
    const { status, output, project } = await build({
      "essays/hostile.md": essayFile({}, hostile),
    });
    expect(status, plain(output)).toBe(0);
    const $ = cheerio.load(
      readFileSync(join(project.dir, "dist/essays/hostile/index.html"), "utf8"),
    );
    const body = $(".essay-prose");
    const forbidden =
      "script, iframe, style, object, embed, form, input, base, meta, svg, math, animate";
    expect(
      body
        .find(forbidden)
        .get()
        .map((el) => $.html(el)),
    ).toEqual([]);
    const attributes = body
      .find("*")
      .get()
      .flatMap((el) =>
        Object.entries(el.attribs).map(([name, value]) => `${el.tagName} ${name}=${value}`),
      );
    expect(attributes.filter((a) => /^\S+ (on[a-z]+|style|xlink:href)=/i.test(a))).toEqual([]);
    expect(attributes.filter((a) => /javascript:|evil\.example/i.test(a))).toEqual([]);
    // What is harmless survives.
    expect(body.html()).toContain("<sup>1</sup>");
    expect(body.html()).toContain('<abbr title="Shanghai Cooperation Organisation">SCO</abbr>');
    expect(body.html()).toContain('<span lang="ru">Русский мир</span>');
  });

  it("escapes </script> in a title inside JSON-LD and meta tags", async () => {
    const title = '"</script><script>alert(1)</script> & friends"';
    const { status, output, project } = await build({ "essays/tricky.md": essayFile({ title }) });
    expect(status, plain(output)).toBe(0);
    const $ = cheerio.load(
      readFileSync(join(project.dir, "dist/essays/tricky/index.html"), "utf8"),
    );
    // The only scripts are the site's own: the theme line, JSON-LD and bundled modules.
    const inline = $("script:not([src])")
      .get()
      .map((s) => $(s).html() ?? "");
    expect(inline.filter((code) => code.includes("alert"))).toHaveLength(1); // the JSON-LD data
    const jsonLd = $('script[type="application/ld+json"]').html()!;
    expect(jsonLd).not.toContain("<");
    expect(JSON.parse(jsonLd).headline).toBe("</script><script>alert(1)</script> & friends");
    expect($("h1").text().trim()).toBe("</script><script>alert(1)</script> & friends");
    expect($('meta[name="citation_title"]').attr("content")).toBe(
      "</script><script>alert(1)</script> & friends",
    );
  });
});
