/**
 * Runs build work that takes milliseconds per essay (formatting citations with citeproc, drawing
 * share images) in worker threads when the collection is large: Astro renders pages on one
 * thread, so spreading this work over the machine's cores shortens big builds, and it can start
 * as soon as the library is read, while the first pages render. Each job is a function exported by
 * one of the project's modules that takes a list and returns one result per item (or a promise of
 * them). Falls back to running in-process wherever workers cannot load the TypeScript source.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { citeEssays, type CitableEssay, type EssayCitations } from "./lib/citation.ts";
import { shareImages, type ShareCardContent } from "./lib/share-image.ts";

/** Below this many items, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

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
 * one worker per core for large lists; the results come back in the items' order.
 */
async function pooled<T, R>(
  module: string,
  job: string,
  run: (items: T[]) => R[] | Promise<R[]>,
  items: T[],
  what: string,
): Promise<R[]> {
  const threads = Math.min(availableParallelism(), 8);
  if (items.length < PARALLEL_FROM || threads < 2) return run(items);
  const url = pathToFileURL(join(process.cwd(), module)).href;
  const size = Math.ceil(items.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => items.slice(i * size, (i + 1) * size));
  try {
    const parts = await Promise.all(
      slices.filter((s) => s.length).map((s) => inWorker<R>(url, job, s)),
    );
    return parts.flat();
  } catch (error) {
    console.warn(`${what} on one thread (workers failed: ${String(error).split("\n")[0]})`);
    return run(items);
  }
}

/** The citations of every essay, by id. */
export async function citeAll(essays: CitableEssay[]): Promise<Map<string, EssayCitations>> {
  const results = await pooled(
    "src/lib/citation.ts",
    "citeEssays",
    citeEssays,
    essays,
    "Citations formatted",
  );
  return new Map(essays.map((essay, i) => [essay.id, results[i]!]));
}

/** Every card's share image (PNG), in the cards' order. */
export function drawAll(cards: ShareCardContent[]): Promise<Uint8Array[]> {
  return pooled("src/lib/share-image.ts", "shareImages", shareImages, cards, "Share images drawn");
}
