/**
 * Word-for-word fidelity: every built essay reproduces its source text block by block (titles,
 * paragraphs, sub-headings, list items), and every author page prints the source biography.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPage, builtPages, normaliseSpace, ROOT } from "../support/dist.ts";
import { SOURCE_FILE, sourceEssays } from "../support/source-archive.ts";

const essays = sourceEssays();

function pageFor(title: string) {
  const page = builtPages().find(
    (p) => p.path.startsWith("/essays/") && p.$("article h1").text().trim() === title,
  );
  if (!page) throw new Error(`No essay page titled “${title}”`);
  return page;
}

/** Source blocks as the page should show them: a starred paragraph becomes a list item. */
const expectedBlocks = (blocks: string[]) => blocks.map((b) => b.replace(/^\*/, ""));

describe("the source copy", () => {
  it("holds six essays", () => {
    expect(essays.map((e) => e.author)).toEqual([
      "Jingdong Yuan",
      "Natasha Kuhrt",
      "Jeanne L. Wilson",
      "Christopher Marsh",
      "James C. Hsiung",
      "Gilbert Rozman",
    ]);
  });

  const shared = join(ROOT, "../shared/seeds/000_8095f15d24c94297.txt");
  it.skipIf(!existsSync(shared))("is byte-identical to the shared seed", () => {
    expect(readFileSync(SOURCE_FILE)).toEqual(readFileSync(shared));
  });
});

describe.each(essays)("$title", (source) => {
  const page = pageFor(source.title);
  const { $ } = page;

  it("keeps the title exactly", () => {
    expect($("article h1").text().trim()).toBe(source.title);
    expect($("title").text()).toContain(source.title);
  });

  it("names the author in the byline, not in the body", () => {
    expect(normaliseSpace($("[data-pagefind-filter='author']").text())).toBe(source.author);
    expect($(".essay-prose").text()).not.toMatch(/Written by/);
  });

  it("reproduces every body block word for word, in order", () => {
    const blocks = $(".essay-prose > p, .essay-prose > h2, .essay-prose > ul > li")
      .map((_, el) => $(el).text())
      .get();
    expect(blocks).toEqual(expectedBlocks(source.blocks));
    // Nothing in the body that is not one of those blocks.
    expect(normaliseSpace($(".essay-prose").text())).toBe(
      normaliseSpace(expectedBlocks(source.blocks).join(" ")),
    );
  });

  it("keeps the biography out of the body and prints it after the essay", () => {
    const bio = source.closing.replace(/[\s\u00a0]*Image credit:.*$/su, "");
    const expected = bio.replace("Natasha Kurt", "Natasha Kuhrt");
    expect($(".essay-prose").text()).not.toContain(bio.slice(0, 40));
    expect($("#about-author").parent().find("p").first().text()).toBe(expected);
  });
});

describe("special text", () => {
  it("keeps the Chinese characters of the Ukraine essay", () => {
    const text = pageFor(essays[3]!.title).$(".essay-prose").text();
    expect(text).toContain("俄罗斯研究");
    expect(text).toContain("封帅");
  });

  it("turns the starred paragraphs of the security-dilemma essay into a list", () => {
    const { $ } = pageFor(essays[4]!.title);
    expect($(".essay-prose ul > li").length).toBe(4);
    expect($(".essay-prose").text()).not.toMatch(/\*The/);
  });

  it("spells Natasha Kuhrt correctly everywhere and records the correction", () => {
    for (const page of builtPages()) {
      const body = page.$("body").clone();
      body.find("[data-correction]").remove();
      expect(body.text(), page.path).not.toMatch(/Natasha Kurt\b/);
    }
    const { $ } = builtPage("/authors/natasha-kuhrt/");
    expect($("[data-correction]").text()).toMatch(/Editor’s correction.*“Dr Natasha Kurt/);
  });
});
