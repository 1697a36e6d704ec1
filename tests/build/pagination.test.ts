/**
 * List pages stay small at any size: a 120-essay synthetic collection (two authors, three tags,
 * twenty subjects) paginates the home page, the essay index, tag, author and subject pages (50
 * essays a page; 12 on a subject's perspectives), with numbered pagination and rel="prev"/"next".
 */
import * as cheerio from "cheerio";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { fixtureProject, type FixtureProject } from "../support/fixture-project.ts";

let project: FixtureProject;
const page = (path: string) =>
  cheerio.load(readFileSync(join(project.dir, "dist", path, "index.html"), "utf8"));

beforeAll(async () => {
  project = fixtureProject(generateCorpus({ essays: 120, authors: 2, tags: 3, subjects: 20 }));
  const { status, output } = await project.build();
  expect(status, output.slice(-2000)).toBe(0);
}, 240_000);
afterAll(() => project?.remove());

describe("pagination", () => {
  it("splits the essay index into pages of 50", () => {
    expect(page("essays").root().find("main article").length).toBe(50);
    expect(page("essays/2").root().find("main article").length).toBe(50);
    expect(page("essays/3").root().find("main article").length).toBe(20);
    expect(existsSync(join(project.dir, "dist/essays/4/index.html"))).toBe(false);
  });

  it("links pages with numbers, the current one marked, and rel=prev/next", () => {
    const $ = page("essays/2");
    const pager = $("nav[aria-label^='Pages'] a");
    expect(pager.map((_, a) => $(a).text().trim()).get()).toEqual([
      "← Previous",
      "1",
      "2",
      "3",
      "Next →",
    ]);
    expect($("nav[aria-label^='Pages'] a[aria-current=page]").text().trim()).toBe("2");
    expect($("link[rel=prev]").attr("href")).toBe("/essays/");
    expect($("link[rel=next]").attr("href")).toBe("/essays/3/");
    expect($("a[rel=prev]").attr("href")).toBe("/essays/");
    expect($("title").text()).toContain("page 2 of 3");
  });

  it("shows the first 50 on the home page, linking on to page 2", () => {
    const $ = page("");
    expect($("main section[aria-labelledby=essays-heading] article").length).toBe(50);
    expect($("link[rel=next]").attr("href")).toBe("/essays/2/");
  });

  it("paginates tag and author pages too", () => {
    const $ = page("essays");
    const tag = $("main article a[href^='/tags/']").first().attr("href")!;
    const author = $("main article a[href^='/authors/']").first().attr("href")!;
    for (const first of [tag, author]) {
      const p1 = page(first.slice(1));
      expect(p1("main article").length).toBe(50);
      expect(p1("link[rel=next]").attr("href")).toBe(`${first}2/`);
      expect(existsSync(join(project.dir, "dist", first, "2/index.html"))).toBe(true);
    }
  });

  it("paginates a subject's perspectives at 12 essays a page", () => {
    const $ = page("subjects");
    const rows = $("main section li")
      .map((_, li) => ({
        href: $(li).find("a").attr("href")!,
        essays: Number(/· (\d+) essays?/.exec($(li).text())?.[1] ?? 0),
      }))
      .get()
      .sort((a, b) => b.essays - a.essays);
    const busiest = rows[0]!;
    expect(busiest.essays).toBeGreaterThan(24);
    const pages = Math.ceil(busiest.essays / 12);
    const first = page(busiest.href.slice(1));
    expect(first("article.perspective").length).toBe(12);
    expect(first("link[rel=next]").attr("href")).toBe(`${busiest.href}2/`);
    const last = page(`${busiest.href.slice(1)}${pages}`);
    expect(last("article.perspective").length).toBe(busiest.essays - 12 * (pages - 1));
    expect(existsSync(join(project.dir, "dist", busiest.href, `${pages + 1}/index.html`))).toBe(
      false,
    );
  });

  it("keeps every list page small", () => {
    for (const path of ["", "essays", "essays/2", "essays/3"]) {
      const bytes = readFileSync(join(project.dir, "dist", path, "index.html")).length;
      expect(bytes, path).toBeLessThan(150_000);
    }
  });
});
