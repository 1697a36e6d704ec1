import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isHeading, readScraped, splitClosing } from "../../../src/lib/import/scraped.ts";
import { readRest, readWxr, restKind, wordpressDay } from "../../../src/lib/import/wordpress.ts";

const ROOT = join(import.meta.dirname, "../../..");
const wxr = (items: string, channel = "<title>A Blog</title><link>https://blog.example</link>") =>
  `<?xml version="1.0" encoding="UTF-8" ?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>${channel}<wp:wxr_version>1.2</wp:wxr_version><wp:author><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_display_name><![CDATA[Ann O&#8217;Neill]]></wp:author_display_name></wp:author>${items}</channel></rss>`;
const item = (fields: Record<string, string>, categories = "") =>
  `<item>${Object.entries(fields)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join("")}${categories}</item>`;

describe("readWxr", () => {
  it("reads posts with their author, tags then categories, date and link", () => {
    const archive = readWxr(
      wxr(
        item(
          {
            title: "Why &#8220;now&#8221;?",
            link: "https://blog.example/why-now/",
            "dc:creator": "ann",
            "content:encoded": "<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph -->",
            "wp:post_date": "2016-04-12 09:30:00",
            "wp:post_name": "why-now",
            "wp:status": "publish",
            "wp:post_type": "post",
          },
          '<category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category><category domain="category" nicename="c"><![CDATA[Analysis]]></category><category domain="post_tag" nicename="t"><![CDATA[Russia]]></category>',
        ),
      ),
    );
    expect(archive.publication).toBe("A Blog");
    expect(archive.authors).toEqual([{ key: "ann", name: "Ann O’Neill" }]);
    expect(archive.posts).toMatchObject([
      {
        title: "Why “now”?",
        slug: "why-now",
        authorKey: "ann",
        date: "2016-04-12",
        tags: ["Russia", "Analysis"],
        link: "https://blog.example/why-now/",
        markdown: "Text.",
      },
    ]);
  });

  it("counts drafts, pages and attachments as skipped", () => {
    const post = (type: string, status: string) =>
      item({
        title: "x",
        "dc:creator": "ann",
        "content:encoded": "<p>x</p>",
        "wp:status": status,
        "wp:post_type": type,
      });
    const archive = readWxr(
      wxr(
        post("post", "draft") +
          post("page", "publish") +
          post("attachment", "inherit") +
          post("post", "private"),
      ),
    );
    expect(archive.posts).toEqual([]);
    expect(archive.skipped).toEqual({ "draft post": 1, page: 1, attachment: 1, "private post": 1 });
  });

  it("invents no date: a draft's zero date and a missing one stay absent", () => {
    expect(wordpressDay("0000-00-00 00:00:00")).toBeUndefined();
    expect(wordpressDay(undefined)).toBeUndefined();
    expect(wordpressDay("2015-11-03T08:00:00")).toBe("2015-11-03");
  });

  it("refuses a file that is not a WordPress export, saying so", () => {
    expect(() => readWxr("<rss><channel><title>x</title></channel></rss>")).toThrow(
      /not a WordPress export/u,
    );
  });
});

describe("readRest", () => {
  const posts = [
    {
      id: 7,
      date: "2016-05-01T10:00:00",
      slug: "a-post",
      status: "publish",
      type: "post",
      link: "https://blog.example/a-post/",
      title: { rendered: "A &#8216;post&#8217;" },
      content: { rendered: "<p>Body &#8212; text.</p>\n" },
      author: 3,
      tags: [11],
      categories: [1],
    },
  ];
  const files = [
    { name: "posts-1.json", json: posts },
    { name: "posts-2.json", json: posts },
    { name: "users.json", json: [{ id: 3, name: "Ann", slug: "ann", description: "Ann writes." }] },
    { name: "tags.json", json: [{ id: 11, name: "Russia", taxonomy: "post_tag" }] },
    { name: "categories.json", json: [{ id: 1, name: "Uncategorized", taxonomy: "category" }] },
    { name: "site.json", json: { name: "A Blog", url: "https://blog.example", namespaces: [] } },
  ];

  it("joins posts to users and terms, once per post however many pages repeat it", () => {
    const archive = readRest(files);
    expect(archive.publication).toBe("A Blog");
    expect(archive.authors).toEqual([{ key: "3", name: "Ann", bio: "Ann writes." }]);
    expect(archive.posts).toHaveLength(1);
    expect(archive.posts[0]).toMatchObject({
      title: "A ‘post’",
      date: "2016-05-01",
      tags: ["Russia"],
      markdown: "Body — text.",
    });
  });

  it("reports tags whose terms were not saved", () => {
    const [post] = readRest([{ name: "p.json", json: [{ ...posts[0], tags: [11, 99] }] }]).posts;
    expect(post!.tags).toEqual([]);
    expect(post!.notes).toEqual([
      expect.objectContaining({
        kind: "dropped",
        what: "tags",
        detail: expect.stringContaining("11, 99, 1"),
      }),
    ]);
  });

  it("knows each saved response by its shape", () => {
    expect(files.map((f) => restKind(f.json))).toEqual([
      "posts",
      "posts",
      "users",
      "terms",
      "terms",
      "site",
    ]);
  });

  it("says when no posts response is among the files", () => {
    expect(() => readRest(files.slice(2))).toThrow(/no saved \/wp-json\/wp\/v2\/posts/u);
  });
});

describe("readScraped", () => {
  const page = readFileSync(
    join(ROOT, "tests/fixtures/source/cpianalysis-russian-foreign-policy.txt"),
    "utf8",
  );

  it("reads the six essays, the blog's name and the tag", () => {
    const archive = readScraped(page);
    expect(archive.publication).toBe("China Policy Institute: Analysis");
    expect(archive.posts.map((p) => p.authorKey)).toEqual([
      "Jingdong Yuan",
      "Natasha Kuhrt",
      "Jeanne L. Wilson",
      "Christopher Marsh",
      "James C. Hsiung",
      "Gilbert Rozman",
    ]);
    expect(new Set(archive.posts.flatMap((p) => p.tags))).toEqual(
      new Set(["Russian foreign policy"]),
    );
    expect(archive.posts[5]!.imageCredit).toBe("CC\u00a0by Martin Svalin/Flickr");
  });

  it.each([
    ["Options for Balancing China?", true],
    ["The 1993-1994 Turning Point.", true],
    ["“No Exclusive Interests Involved”", true],
    ["This is wrong.", false],
    ["*The GNC treaty, signed in Moscow.", false],
    ["In 2001, the two countries also signed a treaty of friendship and cooperation.", false],
  ])("%s is a heading: %s", (block, heading) => expect(isHeading(block)).toBe(heading));

  it.each([
    [
      "Bio here. Image credit: CC by X/Flickr.",
      { bio: "Bio here.", imageCredit: "CC by X/Flickr" },
    ],
    [
      "Bio here.  Image credit: CC by X/Flickr",
      { bio: "Bio here.", imageCredit: "CC by X/Flickr" },
    ],
    ["Only a bio.", { bio: "Only a bio." }],
  ])("splits %s", (closing, parts) => expect(splitClosing(closing)).toEqual(parts));

  it("says when the page holds no essay", () => {
    expect(() => readScraped("Just a page.\n\nNothing here.")).toThrow(/no “Written by …” byline/u);
  });
});
