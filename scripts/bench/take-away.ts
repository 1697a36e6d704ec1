/**
 * What the take-away copies and the offline shell cost, measured on a built site (bench only):
 * setting every essay's PDF (in worker threads, through the build's own `printAll`, with an empty
 * cache) and zipping every EPUB, against the build's wall time; the PDFs' sizes as built; and the
 * service worker's precache, which must not grow with the number of essays.
 */
import * as cheerio from "cheerio";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectionEpub, essayEpub } from "../../src/lib/epub.ts";
import { essayBlocks, htmlRuns, type EssayDocument } from "../../src/lib/essay-document.ts";

/** Every essay of a built site as a document, read back from its page. */
export function documentsOf(dist: string, origin = "http://localhost:4321"): EssayDocument[] {
  const dir = join(dist, "essays");
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (e) =>
        e.isDirectory() && statSync(join(dir, e.name, "index.html"), { throwIfNoEntry: false }),
    )
    .map((e) => {
      const $ = cheerio.load(readFileSync(join(dir, e.name, "index.html"), "utf8"));
      const url = `${origin}/essays/${e.name}/`;
      return {
        id: e.name,
        title: $("h1").first().text().trim(),
        author: {
          name: $("[rel=author]").first().text().trim(),
          bio: $("#about-author").next("p").text().trim(),
        },
        publication: "China Policy Institute: Analysis",
        archive: "https://cpianalysis.org/",
        url,
        summary: $("[aria-label='Editor’s summary'] p").last().text().trim(),
        tags: $("[data-pagefind-filter=tag]")
          .map((_, t) => $(t).text().trim())
          .get(),
        language: "en",
        blocks: essayBlocks($(".essay-prose").first().html() ?? "", url),
        citations: $("#cite .citation")
          .slice(0, 4)
          .map((i, c) => ({ label: `Style ${i + 1}`, runs: htmlRuns($(c).html() ?? "", url) }))
          .get(),
      } satisfies EssayDocument;
    })
    .filter((d) => d.blocks.length > 0);
}

/** The figures: PDF and EPUB wall time, PDF sizes, precache bytes. */
export interface TakeAwayCost {
  essays: number;
  pdfMs: number;
  epubMs: number;
  pdfBytes: { median: number; max: number };
  precache: { files: number; bytes: number; workerBytes: number };
}

/** Measures them for a built full site (run from the project root, where workers load the code). */
export async function takeAwayCost(dist: string): Promise<TakeAwayCost> {
  const documents = documentsOf(dist);
  const cache = mkdtempSync(join(tmpdir(), "bench-pdf-cache-"));
  const before = process.env.RESEARCH_READER_CACHE;
  process.env.RESEARCH_READER_CACHE = cache;
  let pdfMs: number;
  try {
    const { printAll } = await import("../../src/worker-pool.ts");
    const start = performance.now();
    const read = await printAll(documents);
    for (let i = 0; i < documents.length; i++) read(i);
    pdfMs = performance.now() - start;
  } finally {
    if (before === undefined) delete process.env.RESEARCH_READER_CACHE;
    else process.env.RESEARCH_READER_CACHE = before;
    rmSync(cache, { recursive: true, force: true });
  }

  const edition = { modified: new Date(Date.UTC(2026, 0, 1)), publisher: "Research Reader" };
  const start = performance.now();
  for (const d of documents) essayEpub(d, edition);
  const byTag = new Map<string, EssayDocument[]>();
  for (const d of documents) for (const t of d.tags) byTag.set(t, [...(byTag.get(t) ?? []), d]);
  const collection = (title: string, essays: EssayDocument[]) =>
    collectionEpub(
      { title, identifier: title, description: title, language: "en", essays },
      edition,
    );
  collection("All", documents);
  for (const [tag, essays] of byTag) collection(tag, essays);
  const epubMs = performance.now() - start;

  const pdfs = readdirSync(join(dist, "essays"))
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => statSync(join(dist, "essays", f)).size)
    .sort((a, b) => a - b);
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  const fileOf = (url: string) => join(dist, url.endsWith("/") ? `${url}index.html` : url);
  return {
    essays: documents.length,
    pdfMs,
    epubMs,
    pdfBytes: { median: pdfs[Math.floor(pdfs.length / 2)] ?? 0, max: pdfs.at(-1) ?? 0 },
    precache: {
      files: precached.length,
      bytes: precached.reduce((sum, u) => sum + statSync(fileOf(u)).size, 0),
      workerBytes: Buffer.byteLength(sw),
    },
  };
}
