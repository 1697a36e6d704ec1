/**
 * What machines read: Scholar/Zotero tags, JSON-LD, Open Graph, the full-text feed, the sitemap,
 * robots.txt, the JSON index, the Markdown alternates and the citation files.
 */
import * as cheerio from "cheerio";
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
    expect(meta("citation_fulltext_html_url")).toEqual([canonical]);
    expect(meta("citation_publication_date")).toEqual([]);
    expect(meta("citation_date")).toEqual([]);
    // Scholar defines citation_journal_title for journal papers; Zotero then saves a Journal
    // Article whatever else the page says. A blog post has no publisher field.
    expect(meta("citation_journal_title")).toEqual([]);
    expect(meta("citation_publisher")).toEqual([]);
  });

  it("tells Zotero it is a blog post, in which blog, with its short title", () => {
    expect(meta("z.itemType")).toEqual(["blogPost"]);
    expect(meta("prism.publicationName")).toEqual(["China Policy Institute: Analysis"]);
    expect(meta("bibo.shortTitle")[0]!.split(" ").length).toBeLessThanOrEqual(4);
  });

  it("carries no machine-readable date but the essay's own (it has none)", () => {
    // Zotero takes the first <time datetime> anywhere on the page for the publication date.
    expect($("[datetime]").length).toBe(0);
    expect($('meta[property="article:published_time"]').length).toBe(0);
  });

  it("has valid JSON-LD: a BlogPosting by a Person, in the blog, about its tags", () => {
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks.length).toBe(1);
    const raw = blocks.html()!;
    expect(raw).not.toContain("<");
    const data = JSON.parse(raw);
    expect(data["@type"]).toBe("BlogPosting");
    expect(data.author["@type"]).toBe("Person");
    expect(data.author.name).toBe(normaliseSpace($("[data-pagefind-filter=author]").text()));
    expect(data.isPartOf).toEqual({ "@type": "Blog", name: "China Policy Institute: Analysis" });
    expect(data.about.map((a: { name: string }) => a.name)).toEqual(
      $("[data-pagefind-filter=tag]")
        .map((_, t) => $(t).text().trim())
        .get(),
    );
    expect(data.url).toBe(canonical);
    expect(data.image).toBe($('meta[property="og:image"]').attr("content"));
    expect(data.description).toMatch(/^Editor’s summary: /);
    expect(data.datePublished).toBeUndefined();
  });

  it("shares as an article, with its own image and the editor's summary marked as such", () => {
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[property="og:url"]').attr("content")).toBe(canonical);
    expect($('meta[property="og:image"]').attr("content")).toBe(
      `${site}/share/essays/${path.split("/")[2]}.png`,
    );
    expect($('meta[property="og:image:alt"]').attr("content")).toContain(
      normaliseSpace($("h1").text()),
    );
    expect($('meta[property="og:description"]').attr("content")).toMatch(/^Editor’s summary: /);
    expect($('meta[name="description"]').attr("content")).toMatch(/^Editor’s summary: /);
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
      .get()
      .filter((href) => /\/citation\.\w+$/.test(href));
    expect(links).toHaveLength(3);
    const [bib, ris, json] = links.map((href) => read(href));
    expect(bib).toMatch(/^@online\{/);
    expect(bib).toContain("journaltitle = {China Policy Institute: Analysis}");
    expect(ris).toMatch(/^TY {2}- BLOG$/m);
    expect(ris).toContain(`UR  - ${canonical}\n`);
    expect(JSON.parse(json!)[0]).toMatchObject({ type: "post-weblog", URL: canonical });
  });

  it("offers itself as PDF and EPUB from the header and the citation panel, the PDF named for Zotero", () => {
    const id = path.split("/")[2]!;
    const pdf = `/essays/${id}.pdf`;
    const epub = `/essays/${id}.epub`;
    for (const where of ["header", "#cite"]) {
      expect($(`${where} a[href="${pdf}"]`).length, where).toBe(1);
      expect($(`${where} a[href="${epub}"]`).length, where).toBe(1);
    }
    expect($('meta[name="citation_pdf_url"]').attr("content")).toBe(`${site}${pdf}`);
    expect($('link[rel=alternate][type="application/pdf"]').attr("href")).toBe(pdf);
    expect(read(pdf)!.startsWith("%PDF-1.7")).toBe(true);
    expect(read(epub)!.startsWith("PK")).toBe(true);
  });

  it("numbers its passages 1, 2, 3 … with anchors", () => {
    const ids = $(".essay-prose [data-para][id]")
      .map((_, p) => p.attribs.id)
      .get();
    expect(ids.length).toBe($(".essay-prose > p, .essay-prose > ul > li").length);
    expect(ids).toEqual(ids.map((_, i) => `p-${i + 1}`));
    for (const id of ids) expect($(`#${id} > a.para-anchor[href="#${id}"]`).length).toBe(1);
  });

  it("shows three related essays, each with its reason: the subjects both discuss first", () => {
    const items = $("section[aria-labelledby=related-heading] li");
    expect(items.length).toBe(3);
    const subjectsOf = (page: typeof $) =>
      new Set(
        page("ul[aria-label='Subjects this essay mentions'] a")
          .map((_, a) => page(a).text().trim())
          .get(),
      );
    const own = subjectsOf($);
    items.each((_, li) => {
      const href = $(li).find("a").first().attr("href")!;
      const shared = [...subjectsOf(builtPage(href).$)].filter((s) => own.has(s));
      const reason = $(li).find("p").text().replace(/\s+/g, " ").split(" · ").slice(1).join(" · ");
      expect(reason).toMatch(/^(Both discuss |Both tagged |Shared words: )/);
      // Curated subjects come first, and the first one named is one both essays list.
      if (shared.length) {
        expect(reason).toMatch(/^Both discuss /);
        expect(shared.some((s) => reason.startsWith(`Both discuss ${s}`))).toBe(true);
      }
      // Shared words are never a stop word, a lone number or a lower-cased proper noun.
      const words = /Shared words: (.*)$/.exec(reason)?.[1]?.split(", ") ?? [];
      for (const w of words) {
        expect(w).not.toMatch(/^\d|^(especially|actually|turn|along|means|past)$/);
        expect(["washington", "eurasian", "moscow", "beijing"]).not.toContain(w);
      }
    });
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

describe("share images", () => {
  /** A PNG's width and height, from its header. */
  const pngSize = (file: string) => {
    const png = readFileSync(join(DIST, file));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  };

  it("every page has Open Graph and Twitter tags, and an image that exists at its size", () => {
    for (const { path, $ } of builtPages()) {
      const property = (p: string) => $(`meta[property="${p}"]`).attr("content");
      const name = (n: string) => $(`meta[name="${n}"]`).attr("content");
      for (const p of ["og:type", "og:title", "og:description", "og:site_name", "og:image:alt"])
        expect(property(p), `${path} ${p}`).toBeTruthy();
      expect(name("twitter:card"), path).toBe("summary_large_image");
      const image = new URL(property("og:image")!);
      expect(image.origin, path).toBe(site);
      expect(name("twitter:image"), path).toBe(image.href);
      expect(pngSize(image.pathname.slice(1)), path).toEqual({
        width: Number(property("og:image:width")),
        height: Number(property("og:image:height")),
      });
      if (!/^\/essays\/[^/]+\/$/.test(path)) {
        expect(property("og:type"), path).toBe("website");
        expect(image.pathname, path).toBe("/share/site.png");
      }
    }
  });

  it("draws one image per essay and one for the site, the app's icons, and no others", () => {
    const images = listFiles(DIST).filter((f) => /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(f));
    expect(images.sort()).toEqual(
      [
        "favicon.svg",
        "icons/192.png",
        "icons/512.png",
        "share/site.png",
        ...essayPages().map((p) => `share/essays/${p.path.split("/")[2]}.png`),
      ].sort(),
    );
  });
});

describe("feed", () => {
  it("names itself, links a stylesheet, and has no empty links", () => {
    const xml = read("feed.xml");
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/feed\.xsl" type="text\/xsl"\?>/,
    );
    expect(xml).toContain(
      `<atom:link href="${site}/feed.xml" rel="self" type="application/rss+xml"/>`,
    );
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    const html = [...xml.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)].map((m) =>
      m[1]!
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    );
    expect(html.length).toBe(sourceEssays().length);
    for (const body of html) {
      expect(body).not.toMatch(/<a\b[^>]*>\s*<\/a>/);
      expect(body).not.toMatch(/\b(class|id|data-[a-z-]+)="/);
      expect(body).not.toContain('href="#');
    }
  });

  it("follows the RSS 2.0 rules: the channel's three elements, each item's, unique guids", () => {
    const $ = cheerio.load(read("feed.xml"), { xml: true });
    expect($("rss").attr("version")).toBe("2.0");
    expect($("rss > channel").length).toBe(1);
    for (const required of ["title", "link", "description"]) {
      expect($(`rss > channel > ${required}`).text().trim(), required).not.toBe("");
    }
    const guids = $("item > guid")
      .map((_, g) => $(g).text())
      .get();
    expect(new Set(guids).size).toBe($("item").length);
    $("item").each((_, item) => {
      expect($(item).children("title").text()).not.toBe("");
      expect($(item).children("link").text()).toMatch(/^https?:\/\//);
      expect($(item).children("description").text()).toMatch(/^Editor’s summary: /);
      // Links inside an item work wherever the reader shows it.
      const body = cheerio.load($(item).children("content\\:encoded").text());
      expect(body("p").length).toBeGreaterThan(0);
      body("a[href]").each((_, a) => expect(a.attribs.href).toMatch(/^https?:\/\//));
    });
  });

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
      expect(item.contentSnippet ?? item.content).toBeTruthy();
      expect(item.pubDate).toBeUndefined();
    }
  });
});

describe("sitemap and robots.txt", () => {
  it("lists every page but the 404 and offline pages", () => {
    const xml = listFiles(DIST)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map(read)
      .join("");
    const listed = new Set(
      [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    );
    const pages = builtPages()
      .map((p) => p.path)
      .filter((p) => p !== "/404.html" && p !== "/offline/");
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
