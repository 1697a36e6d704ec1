/**
 * Formats every essay's citations before the pages render, in worker threads when the
 * collection is large: citeproc takes a few milliseconds per citation and Astro renders pages on
 * one thread, so spreading this over the machine's cores shortens big builds. Falls back to
 * formatting in-process wherever workers cannot load the TypeScript source.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { citeEssays, type CitableEssay, type EssayCitations } from "./lib/citation.ts";

/** Below this many essays, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

// Plain JS run in each worker: import the citation module (Node strips its types) and format.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.module)
  .then((m) => parentPort.postMessage({ ok: m.citeEssays(workerData.essays) }))
  .catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

function inWorker(module: string, essays: CitableEssay[]): Promise<Map<string, EssayCitations>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module, essays } });
    worker.once("message", (m: { ok?: Map<string, EssayCitations>; error?: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.ok);
      else reject(new Error(m.error));
    });
    worker.once("error", reject);
  });
}

/** The citations of every essay, by id. */
export async function citeAll(essays: CitableEssay[]): Promise<Map<string, EssayCitations>> {
  const threads = Math.min(availableParallelism(), 8);
  if (essays.length < PARALLEL_FROM || threads < 2) return citeEssays(essays);
  const module = pathToFileURL(join(process.cwd(), "src/lib/citation.ts")).href;
  const size = Math.ceil(essays.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => essays.slice(i * size, (i + 1) * size));
  try {
    const parts = await Promise.all(slices.filter((s) => s.length).map((s) => inWorker(module, s)));
    return new Map(parts.flatMap((part) => [...part]));
  } catch (error) {
    console.warn(
      `Citations formatted on one thread (workers failed: ${String(error).split("\n")[0]})`,
    );
    return citeEssays(essays);
  }
}
