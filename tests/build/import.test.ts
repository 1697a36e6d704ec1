/**
 * `npm run import` end to end: a WordPress export in several scripts and WordPress's usual markup
 * is imported into an empty project, which then builds; its essay pages carry the source's text
 * word for word, and the report names everything that was not carried over.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownText, wordsOf } from "../../src/lib/import/html-markdown.ts";
import { ROOT } from "../support/dist.ts";
import { fixtureProject, type FixtureProject } from "../support/fixture-project.ts";

const WXR = join(ROOT, "tests/fixtures/wordpress/scripts-and-markup.wxr.xml");
let project: FixtureProject;
let first: { status: number | null; stdout: string; stderr: string };

const runImport = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "scripts/import.ts"), ...args], {
    cwd: project.dir,
    encoding: "utf8",
  });
const page = (path: string) =>
  cheerio.load(readFileSync(join(project.dir, "dist", path, "index.html"), "utf8"));
const essayFile = (id: string) =>
  readFileSync(join(project.dir, "content/essays", `${id}.md`), "utf8");

beforeAll(async () => {
  project = fixtureProject({});
  first = runImport(WXR, "--into", "content", "--report", "import-report.md");
  expect(first.status, first.stderr).toBe(0);
  const { status, output } = await project.build();
  expect(status, output.slice(-2000)).toBe(0);
}, 240_000);
afterAll(() => project?.remove());

describe("npm run import on a WordPress export", () => {
  it("writes the published posts and their authors, and counts what it skipped", () => {
    expect(readdirSync(join(project.dir, "content/essays")).sort()).toEqual([
      "belt-and-road.md",
      "notes.md",
      "povorot.md",
    ]);
    expect(readdirSync(join(project.dir, "content/authors")).sort()).toEqual([
      "li-wei.yaml",
      "olga-petrova.yaml",
    ]);
    expect(first.stdout).toMatch(/Skipped before conversion: 1 draft post, 1 page, 1 attachment/u);
  });

  it.each([
    ["[embed] shortcode", "https://www.youtube.com/watch?v=abc123"],
    ["<iframe>", "https://maps.example/embed?pipeline"],
    ["[gallery] shortcode", 'ids="41,42,43"'],
    ["image", "map.png"],
    ["[caption] image", "road-300x200.jpg"],
    ["tags", "Uncategorized"],
  ])("reports the %s (%s), in the printed and the saved report", (what, detail) => {
    const saved = readFileSync(join(project.dir, "import-report.md"), "utf8");
    for (const report of [first.stdout, saved]) {
      const line = report.split("\n").find((l) => l.includes(`: ${what}: `) && l.includes(detail));
      expect(line, `${what} ${detail}`).toBeDefined();
    }
  });

  it("names the words the reader will not see: the embed's address, nothing else", () => {
    expect(first.stdout.match(/words not carried over: .*/gu)).toEqual([
      "words not carried over: “https://www.youtube.com/watch?v=abc123”",
    ]);
  });

  it.each(["belt-and-road", "povorot", "notes"])("builds %s with its text word for word", (id) => {
    const body = essayFile(id).split(/^---$/mu)[2]!;
    const $ = page(`essays/${id}`);
    const prose = $(".essay-prose").clone();
    prose.find(".para-anchor, .section-anchor, [data-footnote-backref], .sr-only").remove();
    expect(wordsOf(prose.text()).join(" ")).toBe(wordsOf(markdownText(body)).join(" "));
  });

  it("keeps every script and the footnote on the page", () => {
    const belt = page("essays/belt-and-road")(".essay-prose").text();
    expect(belt).toContain("一带一路 (yídài yílù)");
    expect(belt).toContain("2013\u00a0— a “Silk Road Economic Belt”");
    const pivot = page("essays/povorot")(".essay-prose").text();
    for (const text of [
      "«поворот на Восток»",
      "η στροφή προς την Ανατολή",
      "التوجه نحو الشرق",
      "See the 2012 address",
    ])
      expect(pivot).toContain(text);
  });

  it("links a footnote to its note and back, and lists no footnotes heading in the contents", () => {
    const $ = page("essays/povorot");
    const ref = $(".essay-prose sup a[href^='#user-content-fn-']");
    expect(ref.length).toBe(1);
    expect($(ref.attr("href")!).text()).toContain("See the 2012 address");
    expect($(`.essay-prose [href='#${ref.attr("id")!}']`).length).toBe(1);
    expect(
      $("nav[aria-labelledby=toc-heading] a")
        .map((_, a) => $(a).text().trim())
        .get(),
    ).toEqual(["Three claims"]);
  });

  it("prints the footnote in the essay's PDF too", () => {
    const pdf = spawnSync("pdftotext", [join(project.dir, "dist/essays/povorot.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdf.stdout.replace(/\s+/gu, " ")).toContain(
      "1. See the 2012 address to the Federal Assembly.",
    );
  });

  it("takes dates from the source and the closing paragraph as the author's biography", () => {
    expect(essayFile("povorot")).toMatch(/^date: 2018-06-02$/mu);
    const $ = page("authors/olga-petrova");
    expect($("main").text()).toContain(
      "Olga Petrova is a Research Fellow at the Institute of Eurasian Studies.",
    );
    expect(page("authors/li-wei")("[data-no-bio]").length).toBe(1);
    expect(page("essays/povorot")(".essay-prose").text()).not.toContain("Research Fellow");
  });

  it("never overwrites without --force, and says so per essay", () => {
    const before = essayFile("povorot");
    const again = runImport(WXR, "--into", "content");
    expect(again.status).toBe(0);
    expect(again.stdout.match(/not overwritten \(use --force\)/gu)).toHaveLength(3);
    expect(again.stdout).toMatch(/Authors created: none/u);
    expect(essayFile("povorot")).toBe(before);
  });

  it("fails with a clear message on a file it cannot read", () => {
    const bad = runImport(join(ROOT, "package.json"), "--into", "content");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^import: /u);
  });
});
