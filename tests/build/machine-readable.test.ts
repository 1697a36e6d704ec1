/**
 * What machines read: Scholar/Zotero tags, JSON-LD, Open Graph, the full-text feed, the sitemap,
 * robots.txt, the JSON index, the Markdown alternates and the citation files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { builtPage, builtPages, DIST, listFiles, normaliseSpace, ROOT } from "../support/dist.ts";
import { sourceEssays } from "../support/source-archive.ts";

const essayPages = () => builtPages().filter((p) => /^\/essays\/[^/]+\/$/.test(p.path));
const read = (file: string) => readFileSync(join(DIST, file), "utf8");
const site = (() => {
  const canonical = builtPage("/").$("link[rel=canonical]").attr("href")!;
  return new URL(canonical).origin;
})();

describe.each(essayPages().map((p) => [p.path, p] as const))("%s", (path, page) => {
  const { $ } = page;
  const meta = (name: string) =>
    $(`meta[name="${name}"]`)
      .map((_, m) => m.attribs.content)
      .get();
  const canonical = $("link[rel=canonical]").attr("href");

  it("has a canonical URL", () => expect(canonical).toBe(`${site}${path}`));

  it("has the Google Scholar / Zotero tags, and no date tag (the source has none)", () => {
    expect(meta("citation_title")).toEqual([normaliseSpace($("h1").text())]);
    expect(meta("citation_author")[0]).toMatch(/^[^,]+, .+$/);
    expect(meta("citation_publisher")).toEqual(["China Policy Institute: Analysis"]);
    expect(meta("citation_fulltext_html_url")).toEqual([canonical]);
    expect(meta("citation_publication_date")).toEqual([]);
    expect(meta("citation_date")).toEqual([]);
  });

  it("has valid JSON-LD: a ScholarlyArticle by a Person, part of the blog, about its tags", () => {
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks.length).toBe(1);
    const raw = blocks.html()!;
    expect(raw).not.toContain("<");
    const data = JSON.parse(raw);
    expect(data["@type"]).toBe("ScholarlyArticle");
    expect(data.author["@type"]).toBe("Person");
    expect(data.author.name).toBe(normaliseSpace($("[data-pagefind-filter=author]").text()));
    expect(data.isPartOf).toEqual({ "@type": "Blog", name: "China Policy Institute: Analysis" });
    expect(data.about.map((a: { name: string }) => a.name)).toEqual(
      $("[data-pagefind-filter=tag]")
        .map((_, t) => $(t).text().trim())
        .get(),
    );
    expect(data.url).toBe(canonical);
    expect(data.datePublished).toBeUndefined();
  });

  it("has Open Graph tags without an image it does not have", () => {
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[property="og:url"]').attr("content")).toBe(canonical);
    expect($('meta[property="og:image"]').length).toBe(0);
  });

  it("links its Markdown source, which is the stored text", () => {
    const href = $('link[rel=alternate][type="text/markdown"]').attr("href")!;
    const markdown = read(href);
    const id = path.split("/")[2]!;
    const stored = readFileSync(join(ROOT, "content/essays", `${id}.md`), "utf8");
    const body = stored.replace(/^---\n[\s\S]*?\n---\n/, "").trim();
    expect(markdown.replace(/^---\n[\s\S]*?\n---\n/, "").trim()).toBe(body);
    expect(markdown).toContain(`url: "${canonical}"`);
  });

  it("offers its citation as BibTeX, RIS and CSL-JSON", () => {
    const links = $("#cite a[download]")
      .map((_, a) => a.attribs.href)
      .get();
    expect(links).toHaveLength(3);
    const [bib, ris, json] = links.map((href) => read(href));
    expect(bib).toMatch(/^@misc\{/);
    expect(ris).toMatch(/^TY {2}- BLOG$/m);
    expect(ris).toContain(`UR  - ${canonical}\n`);
    expect(JSON.parse(json!)[0]).toMatchObject({ type: "post-weblog", URL: canonical });
  });

  it("numbers its passages 1, 2, 3 … with anchors", () => {
    const ids = $(".essay-prose [data-para][id]")
      .map((_, p) => p.attribs.id)
      .get();
    expect(ids.length).toBe($(".essay-prose > p, .essay-prose > ul > li").length);
    expect(ids).toEqual(ids.map((_, i) => `p-${i + 1}`));
    for (const id of ids) expect($(`#${id} > a.para-anchor[href="#${id}"]`).length).toBe(1);
  });

  it("shows three related essays, each with its reason", () => {
    const items = $("section[aria-labelledby=related-heading] li");
    expect(items.length).toBe(3);
    items.each((_, li) => expect($(li).text()).toMatch(/Shares: |Similar wording: /));
  });

  it("cites itself in APA, MLA, Chicago and Harvard with n.d. and this site's URL", () => {
    const styles = $("#cite [data-citation]")
      .map((_, d) => d.attribs["data-citation"])
      .get();
    expect(styles).toEqual(["apa", "mla", "chicago", "harvard"]);
    expect($("#cite [data-citation=apa]").text()).toContain("(n.d.)");
    expect($("#cite [data-citation=harvard]").text()).toContain("(no date)");
    expect($("#cite").text()).toContain(canonical);
  });
});

describe("feed", () => {
  it("parses, and carries every essay in full text", async () => {
    const feed = await new Parser().parseString(read("feed.xml"));
    expect(feed.items).toHaveLength(sourceEssays().length);
    for (const [i, source] of sourceEssays().entries()) {
      const item = feed.items[i]!;
      expect(normaliseSpace(item.title!)).toBe(normaliseSpace(source.title));
      const content = normaliseSpace(item["content:encoded"] as string);
      expect(content).toContain(normaliseSpace(source.blocks[0]!).slice(0, 120));
      expect(content).toContain(
        normaliseSpace(source.blocks.at(-1)!.replace(/^\*/, "")).slice(-80),
      );
      expect(item.link).toMatch(new RegExp(`^${site}/essays/[^/]+/$`));
      expect(item.pubDate).toBeUndefined();
    }
  });
});

describe("sitemap and robots.txt", () => {
  it("lists every page but the 404 page", () => {
    const xml = listFiles(DIST)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map(read)
      .join("");
    const listed = new Set(
      [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    );
    const pages = builtPages()
      .map((p) => p.path)
      .filter((p) => p !== "/404.html");
    expect([...listed].sort()).toEqual(pages.sort());
  });

  it("points robots.txt at the sitemap", () => {
    expect(read("robots.txt")).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  });
});

describe("JSON index", () => {
  it("lists every essay with title, author, tags, URL and word count", () => {
    const index = JSON.parse(read("essays.json"));
    expect(index.count).toBe(6);
    for (const e of index.essays) {
      expect(e).toMatchObject({
        title: expect.any(String),
        author: { slug: expect.any(String), label: expect.any(String) },
        url: expect.stringMatching(new RegExp(`^${site}/essays/`)),
        words: expect.any(Number),
      });
      expect(e.tags.length).toBeGreaterThan(0);
      expect(e.date).toBeNull();
    }
  });
});
