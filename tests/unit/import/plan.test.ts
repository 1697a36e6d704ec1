import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { SourceArchive, SourcePost } from "../../../src/lib/import/archive.ts";
import { markdownText, wordsOf } from "../../../src/lib/import/html-markdown.ts";
import {
  formatReport,
  planImport,
  wordDifferences,
  type Existing,
} from "../../../src/lib/import/plan.ts";
import { readScraped } from "../../../src/lib/import/scraped.ts";
import { readWxr } from "../../../src/lib/import/wordpress.ts";

const ROOT = join(import.meta.dirname, "../../..");
const empty = (): Existing => ({ essays: new Set(), authors: new Map(), maxOrder: 0 });
const ARCHIVE = "https://cpianalysis.org/tag/russian-foreign-policy/";

/** Today's essay bodies, by file name. */
const bodies = new Map(
  readdirSync(join(ROOT, "content/essays")).map((f) => [
    `essays/${f}`,
    readFileSync(join(ROOT, "content/essays", f), "utf8")
      .split(/^---$/mu)[2]!
      .trim(),
  ]),
);
const bodyOf = (content: string) => content.split(/^---$/mu)[2]!.trim();
const frontOf = (content: string) => parse(content.split(/^---$/mu)[1]!) as Record<string, unknown>;

describe("proof on our own essays", () => {
  it("importing the scraped page into an empty content folder reproduces today's six bodies exactly", () => {
    const page = readFileSync(
      join(ROOT, "tests/fixtures/source/cpianalysis-russian-foreign-policy.txt"),
      "utf8",
    );
    const plan = planImport(readScraped(page), empty(), { archive: ARCHIVE });
    const essays = plan.files.filter((f) => f.path.startsWith("essays/"));
    expect(essays.map((f) => f.path).sort()).toEqual([...bodies.keys()].sort());
    for (const file of essays) expect(bodyOf(file.content), file.path).toBe(bodies.get(file.path));
    expect(
      plan.essays.every((e) => !e.differences.removed.length && !e.differences.added.length),
    ).toBe(true);
    // The bios are the source's closing paragraphs, verbatim.
    const rozman = parse(
      plan.files.find((f) => f.path === "authors/gilbert-rozman.yaml")!.content,
    ) as { bio: string };
    expect(rozman.bio).toMatch(
      /^Gilbert Rozman is the editor of The Asan Forum .* barriers to regionalism\.$/u,
    );
  });

  it("a WXR written from the six essays, in WordPress's markup, imports back to the same text", () => {
    const xml = readFileSync(
      join(ROOT, "tests/fixtures/wordpress/cpianalysis-six.wxr.xml"),
      "utf8",
    );
    const plan = planImport(readWxr(xml), empty());
    expect(plan.skipped).toEqual({ page: 1, "draft post": 1, attachment: 1 });
    const essays = plan.files.filter((f) => f.path.startsWith("essays/"));
    expect(essays).toHaveLength(6);
    for (const file of essays) {
      const today = bodies.get(file.path);
      expect(today, file.path).toBeDefined();
      expect(wordsOf(markdownText(bodyOf(file.content)))).toEqual(wordsOf(markdownText(today!)));
    }
    const credits = essays.map((f) => frontOf(f.content).imageCredit);
    expect(credits).toContain("CC by Martin Svalin/Flickr");
    expect(credits.every(Boolean)).toBe(true);
    expect(formatReport(plan)).toMatch(/Essays whose words differ from the source: 0/u);
  });
});

const post = (fields: Partial<SourcePost> = {}): SourcePost => ({
  origin: "item 1",
  title: "A Title",
  authorKey: "ann",
  tags: ["Russia"],
  link: "https://blog.example/a-title/",
  markdown: "Text.",
  sourceText: "Text.",
  notes: [],
  ...fields,
});
const archive = (posts: SourcePost[], more: Partial<SourceArchive> = {}): SourceArchive => ({
  publication: "A Blog",
  authors: [{ key: "ann", name: "Ann Lee" }],
  posts,
  skipped: {},
  ...more,
});

describe("planImport", () => {
  it("writes an essay the schema accepts, its date only when the source has one", () => {
    const plan = planImport(
      archive([post({ date: "2016-04-12" }), post({ title: "Undated" })]),
      empty(),
    );
    const [dated, undated] = plan.files
      .filter((f) => f.path.startsWith("essays/"))
      .map((f) => frontOf(f.content));
    expect(dated).toEqual({
      title: "A Title",
      author: "ann-lee",
      tags: ["Russia"],
      order: 1,
      date: "2016-04-12",
      source: { publication: "A Blog", archive: "https://blog.example/a-title/" },
    });
    expect(undated).not.toHaveProperty("date");
    expect(plan.files.find((f) => f.path === "authors/ann-lee.yaml")!.content).toBe(
      "name: Ann Lee\n",
    );
  });

  it("matches an existing author by name and carries on the reading order", () => {
    const existing: Existing = {
      essays: new Set(["old"]),
      authors: new Map([["ann", "Ann Lee"]]),
      maxOrder: 6,
    };
    const plan = planImport(archive([post()]), existing);
    expect(plan.authorsCreated).toEqual([]);
    expect(frontOf(plan.files[0]!.content)).toMatchObject({ author: "ann", order: 7 });
  });

  it("never overwrites an existing essay without force, and says so", () => {
    const existing: Existing = { essays: new Set(["a-title"]), authors: new Map(), maxOrder: 1 };
    const kept = planImport(archive([post()]), existing);
    expect(kept.files.filter((f) => f.path.startsWith("essays/"))).toEqual([]);
    expect(kept.essays[0]).toMatchObject({ status: "kept existing" });
    expect(formatReport(kept)).toMatch(
      /content\/essays\/a-title\.md exists: not overwritten \(use --force\)/u,
    );
    const forced = planImport(archive([post()]), existing, { force: true });
    expect(forced.essays[0]).toMatchObject({ status: "replaced", id: "a-title" });
  });

  it("reports slugs that clash and writes both", () => {
    const plan = planImport(archive([post(), post({ origin: "item 2" })]), empty());
    expect(plan.essays.map((e) => e.id)).toEqual(["a-title", "a-title-2"]);
    expect(plan.essays[1]!.notes).toEqual([expect.objectContaining({ what: "slug" })]);
  });

  it("reports an author id taken by another author", () => {
    const existing: Existing = {
      essays: new Set(),
      authors: new Map([["ann-lee", "Ann Leigh"]]),
      maxOrder: 0,
    };
    const plan = planImport(archive([post()]), existing);
    expect(plan.authorsCreated).toEqual(["ann-lee-2"]);
    expect(plan.essays[0]!.notes).toEqual([expect.objectContaining({ what: "author id" })]);
  });

  it("files an untagged post under WordPress's Uncategorized and reports tags beyond eight", () => {
    const many = Array.from({ length: 10 }, (_, i) => `T${i}`);
    const plan = planImport(
      archive([post({ tags: [] }), post({ title: "Many", tags: many })]),
      empty(),
    );
    expect(plan.essays[0]!.notes).toEqual([
      expect.objectContaining({ kind: "changed", what: "tags" }),
    ]);
    expect(plan.essays[1]!.notes).toEqual([
      expect.objectContaining({ kind: "dropped", detail: expect.stringContaining("T8, T9") }),
    ]);
  });

  it("takes a last paragraph naming the author as the biography and image credit", () => {
    const markdown = "Text.\n\nAnn Lee is a lecturer. Image credit: CC by X/Flickr.";
    const plan = planImport(
      archive([
        post({
          markdown,
          sourceText: "Text.\nAnn Lee is a lecturer. Image credit: CC by X/Flickr.",
        }),
      ]),
      empty(),
    );
    const essay = plan.files.find((f) => f.path.startsWith("essays/"))!.content;
    expect(bodyOf(essay)).toBe("Text.");
    expect(frontOf(essay).imageCredit).toBe("CC by X/Flickr");
    expect(plan.files.find((f) => f.path === "authors/ann-lee.yaml")!.content).toMatch(
      /^bio: Ann Lee is a lecturer\.$/mu,
    );
    expect(plan.essays[0]!.differences).toEqual({ removed: [], added: [] });
  });

  it("names the words that differ", () => {
    expect(wordDifferences("one two three four", "one three four five")).toEqual({
      removed: ["two"],
      added: ["five"],
    });
    expect(wordDifferences("Its\u00a0Limits", "Its Limits")).toEqual({
      removed: ["Its\u00a0Limits"],
      added: ["Its Limits"],
    });
  });

  it("asks for what the source lacks rather than making it up", () => {
    expect(() => planImport(archive([post()], { publication: undefined }), empty())).toThrow(
      /--publication/u,
    );
    expect(() => planImport(archive([post({ link: undefined })]), empty())).toThrow(/--archive/u);
  });
});
