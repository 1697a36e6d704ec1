/**
 * The built site, read once: every route exists, every internal link and #anchor resolves, and
 * only the essays were indexed by Pagefind.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import { describe, expect, it } from "vitest";
import { builtPage, builtPages, DIST, listFiles, normaliseSpace } from "../support/dist.ts";
import { sourceEssays } from "../support/source-archive.ts";

const essayPages = () => builtPages().filter((p) => /^\/essays\/[^/]+\/$/.test(p.path));

describe("routes", () => {
  it.each([
    "/",
    "/essays/",
    "/tags/",
    "/authors/",
    "/search/",
    "/tags/russian-foreign-policy/",
    "/authors/natasha-kuhrt/",
  ])("builds %s", (path) => {
    expect(builtPage(path).$("h1").length).toBe(1);
  });

  it("builds a real 404 page", () => {
    const { $ } = builtPage("/404.html");
    expect($("h1").text()).toMatch(/not found/i);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
  });

  it("builds one page per essay, tag and author, each linked from its index", () => {
    expect(essayPages()).toHaveLength(sourceEssays().length);
    const linked = (index: string, prefix: string) =>
      new Set(
        builtPage(index)
          .$(`main a[href^="${prefix}"]`)
          .map((_, a) => a.attribs.href)
          .get(),
      );
    const pagesUnder = (prefix: string) =>
      builtPages()
        .map((p) => p.path)
        .filter((p) => p.startsWith(prefix) && p !== prefix);
    expect(pagesUnder("/essays/").every((p) => linked("/essays/", "/essays/").has(p))).toBe(true);
    expect(pagesUnder("/tags/").every((p) => linked("/tags/", "/tags/").has(p))).toBe(true);
    expect(pagesUnder("/authors/").every((p) => linked("/authors/", "/authors/").has(p))).toBe(
      true,
    );
  });

  it("lists all six essays on the Russian foreign policy tag page, in source order", () => {
    const { $ } = builtPage("/tags/russian-foreign-policy/");
    const titles = $("main article h2")
      .map((_, h) => normaliseSpace($(h).text()))
      .get();
    expect(titles).toEqual(sourceEssays().map((e) => normaliseSpace(e.title)));
  });

  it("shows every tag with its essay count on the tags index", () => {
    const $ = builtPage("/tags/").$;
    const rows = $("main li")
      .map((_, li) => $(li).text().replace(/\s+/g, " ").trim())
      .get();
    expect(rows).toContain("Russian foreign policy 6 essays");
    expect(rows.length).toBe(builtPages().filter((p) => /^\/tags\/[^/]+\/$/.test(p.path)).length);
  });

  it("uses trailing-slash URLs for every internal page link", () => {
    for (const page of builtPages()) {
      page.$("a[href^='/']").each((_, a) => {
        const href = a.attribs.href!.split(/[?#]/)[0]!;
        if (!href.includes(".")) expect(href, `${page.path} links to ${href}`).toMatch(/\/$/);
      });
    }
  });
});

describe("our own text", () => {
  it("never runs two sentences together (a space lost between elements)", () => {
    const glued: string[] = [];
    for (const page of builtPages()) {
      const body = page.$("body").clone();
      // The essays' own text is verbatim (it has "in 1989.The relations"); check only ours.
      body.find(".essay-prose, script, style").remove();
      // Text as a browser lays it out: blocks on their own lines, inline elements run on.
      const text = toText(fromHtml(body.html() ?? "", { fragment: true }));
      for (const m of text.matchAll(/[a-z][.!?:;,][”’)]?[A-Z][a-z]/g)) {
        glued.push(`${page.path}: …${text.slice(Math.max(0, m.index - 20), m.index + 20)}…`);
      }
    }
    expect(glued).toEqual([]);
  });

  it("never leaves a space before punctuation, nor glues a word to a link", () => {
    const found: string[] = [];
    for (const page of builtPages()) {
      const body = page.$("body").clone();
      body.find(".essay-prose, .quote-text, script, style, template").remove();
      const text = toText(fromHtml(body.html() ?? "", { fragment: true }));
      for (const m of text.matchAll(/\p{L}[ \t]*\n?[ \t]+[.,;:!?](?=[\s”’)]|$)/gu)) {
        found.push(
          `${page.path}: space before “${m[0].trim().at(-1)}” in …${text.slice(Math.max(0, m.index - 30), m.index + 5)}…`,
        );
      }
      // A word run into the link that follows it ("theauthors"), or a link into the next word.
      const html = body.html() ?? "";
      const inline = "a|em|strong|q|cite|i|b|code|kbd";
      const glued = new RegExp(
        `(\\p{L}|[,;:])<(${inline})(\\s[^>]*)?>\\p{L}|</(${inline})>\\p{L}`,
        "gu",
      );
      for (const m of html.matchAll(glued)) {
        found.push(
          `${page.path}: no space at ${html.slice(Math.max(0, m.index - 20), m.index + 40)}`,
        );
      }
    }
    expect(found).toEqual([]);
  });
});

describe("links", () => {
  const idsOf = (path: string) =>
    new Set(
      builtPage(path)
        .$("[id]")
        .map((_, el) => el.attribs.id)
        .get(),
    );

  it("resolves every internal link, asset and #anchor", () => {
    const broken: string[] = [];
    for (const page of builtPages()) {
      const refs = page
        .$("a[href], link[href], script[src], img[src]")
        .map((_, el) => el.attribs.href ?? el.attribs.src)
        .get();
      for (const ref of refs) {
        const url = new URL(ref, `http://site${page.path}`);
        if (url.host !== "site") continue;
        const target = url.pathname;
        const file = target.endsWith("/") ? join(DIST, target, "index.html") : join(DIST, target);
        if (!existsSync(file) || statSync(file).isDirectory()) {
          broken.push(`${page.path} → ${ref} (no file)`);
          continue;
        }
        if (url.hash && file.endsWith(".html")) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id)) broken.push(`${page.path} → ${ref} (no #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("gives every essay sub-heading an id to link to", () => {
    for (const page of essayPages()) {
      page.$("article h2").each((_, h) => {
        expect(h.attribs.id, `${page.path}: ${page.$(h).text()}`).toMatch(/^[a-z0-9-]+$/);
      });
    }
  });

  it("never shows an image the site does not have", () => {
    // The essays' illustrations are not the site's to show; the only images are share cards
    // and the web app's icons (the favicon at 192 and 512 px).
    expect(builtPages().flatMap((p) => p.$("img").get())).toEqual([]);
    expect(
      listFiles(DIST).filter(
        (f) => /\.(jpe?g|png|gif|webp|avif)$/i.test(f) && !f.startsWith("share/"),
      ),
    ).toEqual(["icons/192.png", "icons/512.png"]);
  });
});

describe("search index", () => {
  it("indexes exactly the six essay pages", () => {
    const entry = JSON.parse(readFileSync(join(DIST, "pagefind/pagefind-entry.json"), "utf8"));
    const counts = Object.values(entry.languages as Record<string, { page_count: number }>);
    expect(counts.reduce((sum, l) => sum + l.page_count, 0)).toBe(6);
    expect(listFiles(join(DIST, "pagefind/fragment"))).toHaveLength(6);
  });

  it("marks only the essay article as the search body, with title, author and tags", () => {
    for (const page of builtPages()) {
      const bodies = page.$("[data-pagefind-body]");
      if (!/^\/essays\/[^/]+\/$/.test(page.path)) {
        expect(bodies.length, page.path).toBe(0);
        continue;
      }
      expect(bodies.length).toBe(1);
      expect(bodies.get(0)!.tagName).toBe("article");
      expect(page.$("[data-pagefind-meta='title']").text().trim()).not.toBe("");
      expect(page.$("[data-pagefind-filter='author']").text().trim()).not.toBe("");
      expect(page.$("[data-pagefind-filter='tag']").length).toBeGreaterThanOrEqual(3);
    }
  });
});
