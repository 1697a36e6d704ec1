/**
 * The PDFs and EPUBs as their readers read them: poppler's `pdftotext` and `pdfinfo` for the
 * PDFs (every passage and heading of the essay word for word, Chinese included; title and author
 * in the metadata; fonts embedded and subset), and W3C EPUBCheck for every EPUB (Debian's
 * `epubcheck` package; no errors or warnings), plus what each publication holds.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { builtPages, DIST, listFiles } from "../support/dist.ts";

const run = promisify(execFile);

/** White space as one space, for comparing text laid out in lines with text in paragraphs. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** Each essay page's passages and headings, as the page shows them (the ¶ link's text aside). */
function essayTexts(): { id: string; title: string; author: string; texts: string[] }[] {
  return builtPages()
    .filter((p) => /^\/essays\/[^/]+\/$/.test(p.path) && p.$("article .para").length)
    .map(({ path, $ }) => {
      const body = $(".essay-prose").first().clone();
      body.find(".para-anchor, .section-anchor").remove();
      return {
        id: path.split("/")[2]!,
        title: words($("h1").first().text()),
        author: words($("[rel=author]").first().text()),
        texts: body
          .find(".para, h2, h3")
          .toArray()
          .map((el) => words($(el).text())),
      };
    });
}

/** Where Debian's EPUBCheck jar is (the `epubcheck` command needs binfmt support to run it). */
const EPUBCHECK = ["/usr/share/java/epubcheck.jar", "/usr/share/epubcheck/epubcheck.jar"].find(
  (p) => existsSync(p),
);

describe("each essay's PDF", () => {
  const essays = essayTexts();

  it("exists for every essay", () => {
    expect(essays.length).toBeGreaterThan(0);
    for (const { id } of essays) expect(existsSync(join(DIST, "essays", `${id}.pdf`))).toBe(true);
  });

  it.each(essays.map((e) => [e.id, e]))(
    "%s: pdftotext reads every passage word for word, pdfinfo the title and author",
    (id, essay) => {
      const file = join(DIST, "essays", `${id}.pdf`);
      const text = words(
        execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }),
      );
      const missing = essay.texts.filter((t) => !text.includes(t));
      expect(missing).toEqual([]);
      expect(text).toContain("Editor’s summary (not part of the essay)".toUpperCase());
      const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
      expect(words(/^Title:(.*)$/m.exec(info)?.[1] ?? "")).toBe(essay.title);
      expect(words(/^Author:(.*)$/m.exec(info)?.[1] ?? "")).toBe(essay.author);
      expect(info).not.toMatch(/^CreationDate:/m);
      // Every font embedded and subset (the "emb" and "sub" columns of pdffonts).
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2);
      const rows = fonts.filter((l) => l.trim());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
      expect(readFileSync(file).length).toBeLessThan(300 * 1024);
    },
  );

  it("Marsh's essay sets its Chinese in an embedded Chinese font", () => {
    const file = join(
      DIST,
      "essays",
      "chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations.pdf",
    );
    expect(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })).toContain(
      "俄罗斯研究",
    );
    expect(execFileSync("pdffonts", [file], { encoding: "utf8" })).toMatch(/NotoSerifSC/);
  });
});

describe("the EPUBs", () => {
  const files = listFiles(DIST).filter((f) => f.endsWith(".epub"));

  it("exist for every essay, every tag and the whole collection", () => {
    const essays = essayTexts();
    for (const { id } of essays) expect(files).toContain(`essays/${id}.epub`);
    expect(files).toContain("essays.epub");
    const tags = builtPages().filter((p) => /^\/tags\/[^/]+\/$/.test(p.path));
    for (const tag of tags) expect(files).toContain(`tags/${tag.path.split("/")[2]}.epub`);
  });

  it.each(files)("%s passes EPUBCheck with no errors or warnings", async (file) => {
    if (!EPUBCHECK) throw new Error("EPUBCheck is not installed: apt-get install epubcheck");
    const { stdout, stderr } = await run(
      "java",
      ["-XX:TieredStopAtLevel=1", "-jar", EPUBCHECK, join(DIST, file)],
      { encoding: "utf8" },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect(`${stdout}\n${stderr}`).toContain("No errors or warnings detected.");
  });

  it("the collection holds every essay word for word, its contents and the authors' bios", () => {
    const zip = unzipSync(readFileSync(join(DIST, "essays.epub")));
    const names = Object.keys(zip);
    expect(names[0]).toBe("mimetype");
    const decode = (name: string) => new TextDecoder().decode(zip[name]);
    const chapters = names.filter((n) => /^EPUB\/essay-\d+\.xhtml$/.test(n)).map(decode);
    const essays = essayTexts();
    expect(chapters).toHaveLength(essays.length);
    const plain = (xhtml: string) =>
      words(
        xhtml
          .replace(/<a class="pn"[^>]*>[^<]*<\/a>/g, "")
          .replace(/<[^>]+>/g, "")
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"'),
      );
    for (const essay of essays) {
      const chapter = chapters.find(
        (c) => plain(/<h1[^>]*>(.*?)<\/h1>/s.exec(c)![1]!) === essay.title,
      );
      expect(chapter, essay.title).toBeDefined();
      const text = plain(chapter!);
      expect(essay.texts.filter((t) => !text.includes(t))).toEqual([]);
    }
    const nav = decode("EPUB/nav.xhtml");
    for (const essay of essays) expect(plain(nav)).toContain(essay.title);
    expect(decode("EPUB/authors.xhtml")).toContain("About the authors");
    expect(chapters[0]).toMatch(/<p id="p-1">/);
  });
});
