#!/usr/bin/env node
/**
 * The benchmark (a script, not a test): builds the full site and a bare Astro + Pagefind baseline
 * over the same corpus at several sizes, and prints build time, time per essay, peak memory,
 * output size, index size, search cost and page weight, each against its budget.
 *
 *   npm run bench                  6 and 1,000 essays
 *   npm run bench -- --large       … and 10,000
 *   npm run bench -- --huge        … and 20,000 (full build only: that it completes)
 *   npm run bench -- --sizes 6,200 any sizes
 *   npm run bench -- --warm        … and at each size a rebuild after editing one essay, keeping
 *                                  the caches a CI cache keeps (node_modules/.astro and
 *                                  node_modules/.cache/research-reader)
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fixtureProject, realContent, ROOT, type FixtureProject } from "../lib/project-copy.ts";
import {
  launch,
  pageWeight,
  searchCosts,
  serve,
  total,
  type PageWeight,
  type SearchCost,
} from "./browser.ts";
import { generateCorpus, typicalWords, type CorpusFiles } from "./corpus.ts";
import { folderBytes, measure, type Measured } from "./measure.ts";
import { importCost } from "./import.ts";
import { takeAwayCost, type TakeAwayCost } from "./take-away.ts";
import { parse } from "yaml";
import { createMentionFinder, type SubjectAliases } from "../../src/lib/subjects.ts";

const args = process.argv.slice(2);
const sizesArg = args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : undefined;
const sizes = sizesArg
  ? sizesArg.split(",").map(Number)
  : [6, 1000, ...(args.includes("--large") || args.includes("--huge") ? [10000] : [])];
const huge = args.includes("--huge") ? 20000 : undefined;
const warmRuns = args.includes("--warm");
const HEAP = "--max-old-space-size=8192";
const BARE = join(ROOT, "scripts/bench/bare");

/** The run with the median first-search time (its second search and bytes come with it). */
function median(runs: [SearchCost, SearchCost][]): [SearchCost, SearchCost] {
  const sorted = [...runs].sort((a, b) => a[0].ms - b[0].ms);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  const seconds = runs.map((r) => r[1].ms).sort((a, b) => a - b);
  return [middle[0], { ...middle[1], ms: seconds[Math.floor(seconds.length / 2)]! }];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const check = (ok: boolean) => (ok ? "pass" : "FAIL");

interface BuildResult {
  n: number;
  kind: "full" | "bare";
  run: Measured;
  distBytes: number;
  pagefindBytes: number;
  project: FixtureProject;
}

function corpus(n: number): CorpusFiles {
  return n === 6 ? realContent() : generateCorpus({ essays: n });
}

async function buildSite(
  n: number,
  kind: "full" | "bare",
  files: CorpusFiles,
): Promise<BuildResult> {
  const project =
    kind === "full"
      ? fixtureProject(files)
      : fixtureProject(
          Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith("essays/"))),
          {
            from: BARE,
            projectFiles: ["astro.config.mjs", "package.json", "tsconfig.json", "src"],
          },
        );
  process.stderr.write(`building ${kind} site, ${n} essays… `);
  // The full site builds with its own `npm run build` (which sets the heap size); the baseline
  // with plain `astro build` and the same heap.
  const run =
    kind === "full"
      ? await measure("npm", ["run", "build", "--silent"], { cwd: project.dir })
      : await measure(
          process.execPath,
          [HEAP, join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"],
          {
            cwd: project.dir,
          },
        );
  process.stderr.write(`${s(run.ms)}\n`);
  if (run.status !== 0)
    throw new Error(`${kind} build of ${n} essays failed:\n${run.output.slice(-3000)}`);
  const dist = join(project.dir, "dist");
  return {
    n,
    kind,
    run,
    distBytes: folderBytes(dist),
    pagefindBytes: folderBytes(join(dist, "pagefind")),
    project,
  };
}

/**
 * A rebuild of the full site after editing one essay (a word of its text and its title), in the
 * same project, so it keeps node_modules/.astro and the build cache as a CI cache would.
 */
async function warmRebuild(full: BuildResult, files: CorpusFiles): Promise<Measured> {
  const path = Object.keys(files).find((p) => p.startsWith("essays/"))!;
  const file = join(full.project.dir, "content", path);
  const text = readFileSync(file, "utf8").replace(/^title: "?/m, (m) => `${m}Edited: `);
  writeFileSync(file, text.replace(/(\n\n[A-Z]\w+)/, "$1 edited"));
  process.stderr.write(`rebuilding full site after editing one essay, ${full.n} essays… `);
  const run = await measure("npm", ["run", "build", "--silent"], { cwd: full.project.dir });
  process.stderr.write(`${s(run.ms)}\n`);
  if (run.status !== 0)
    throw new Error(`warm rebuild of ${full.n} essays failed:\n${run.output.slice(-3000)}`);
  return run;
}

/** The subjects and essay bodies of a corpus, for timing the mention finder on its own. */
function finderInput(files: CorpusFiles): { subjects: SubjectAliases[]; bodies: string[] } {
  const subjects = Object.entries(files)
    .filter(([p]) => p.startsWith("subjects/"))
    .map(([p, text]) => ({
      slug: p.replace(/^subjects\/|\.ya?ml$/g, ""),
      aliases: (parse(text) as { aliases: string[] }).aliases,
    }));
  const bodies = Object.entries(files)
    .filter(([p]) => p.startsWith("essays/"))
    .map(([, text]) => text.slice(text.indexOf("\n---\n", 4) + 5));
  return { subjects, bodies };
}

/**
 * The mention finder alone over every essay body: build the matcher once, scan each essay once
 * (median of three runs). Returns ms per essay and the mentions found.
 */
function timeFinder(
  subjects: SubjectAliases[],
  bodies: string[],
): { msPerEssay: number; mentions: number; aliases: number } {
  const times: number[] = [];
  let mentions = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const finder = createMentionFinder(subjects);
    mentions = 0;
    for (const body of bodies) mentions += finder.find(body).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    msPerEssay: times[1]! / bodies.length,
    mentions,
    aliases: subjects.reduce((n, s) => n + s.aliases.length, 0),
  };
}

/** The largest built file under a folder of dist/ (e.g. every subject page). */
function largestPage(dist: string, folder: string): { path: string; bytes: number } {
  let best = { path: "", bytes: 0 };
  const dir = join(dist, folder);
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return best;
  }
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const bytes = statSync(join(dir, file)).size;
    if (bytes > best.bytes)
      best = { path: `/${folder}/${file.replace(/index\.html$/, "")}`, bytes };
  }
  return best;
}

const finderRows: {
  n: number;
  subjects: number;
  aliases: number;
  msPerEssay: number;
  mentions: number;
}[] = [];
const bigPages: { n: number; kind: string; path: string; bytes: number }[] = [];

/** Sizes of the preview files of one kind (previews/essays or previews/subjects). */
interface FileSizes {
  count: number;
  median: number;
  max: number;
}

/** The preview files a build wrote, and the map page: what reading in context costs. */
interface ContextCost {
  n: number;
  essays: FileSizes;
  subjects: FileSizes;
  mapBytes: number;
  mapNodes: number;
}
const contextRows: ContextCost[] = [];

/** Count, median and largest size of the files in a folder of dist/. */
function fileSizes(dir: string): FileSizes {
  let sizes: number[];
  try {
    sizes = readdirSync(dir).map((f) => statSync(join(dir, f)).size);
  } catch {
    sizes = [];
  }
  sizes.sort((a, b) => a - b);
  return {
    count: sizes.length,
    median: sizes[Math.floor(sizes.length / 2)] ?? 0,
    max: sizes.at(-1) ?? 0,
  };
}

/** What reading in context adds to a build in `dist`. */
function contextCost(n: number, dist: string): ContextCost {
  const map = readFileSync(join(dist, "map/index.html"), "utf8");
  return {
    n,
    essays: fileSizes(join(dist, "previews/essays")),
    subjects: fileSizes(join(dist, "previews/subjects")),
    mapBytes: Buffer.byteLength(map),
    mapNodes: map.match(/class="map-node /g)?.length ?? 0,
  };
}

const rows: { n: number; full: BuildResult; bare: BuildResult; warm?: Measured }[] = [];
const searches: {
  n: number;
  full: [SearchCost, SearchCost];
  bare: [SearchCost, SearchCost];
  words: string[];
}[] = [];
let weights: PageWeight[] = [];
const takeAway: { n: number; buildMs: number; cost: TakeAwayCost }[] = [];
let biggestIndexPage = { n: 0, path: "", bytes: 0 };

// The importer first: it needs no build, and its figures are quick.
const importRows = sizes.filter((n) => n > 6).map((n) => importCost(n));

const browser = await launch();
let port = 4400;
try {
  for (const n of sizes) {
    const files = corpus(n);
    const input = finderInput(files);
    if (input.subjects.length && n > 6) {
      finderRows.push({
        n,
        subjects: input.subjects.length,
        ...timeFinder(input.subjects, input.bodies),
      });
      if (n === 1000) {
        // Ten times the subjects over the same essays: the scan should barely notice.
        const many = Array.from({ length: 10 }, (_, copy) =>
          input.subjects.map((sub) => ({
            slug: `${sub.slug}-${copy}`,
            aliases: sub.aliases.map((a) => (copy ? `${a} ${copy}` : a)),
          })),
        ).flat();
        finderRows.push({ n, subjects: many.length, ...timeFinder(many, input.bodies) });
      }
    }
    const full = await buildSite(n, "full", files);
    const bare = await buildSite(n, "bare", files);
    process.stderr.write(`setting PDFs and EPUBs of ${n} essays on their own… `);
    takeAway.push({
      n,
      buildMs: full.run.ms,
      cost: await takeAwayCost(join(full.project.dir, "dist")),
    });
    process.stderr.write(`${s(takeAway.at(-1)!.cost.pdfMs + takeAway.at(-1)!.cost.epubMs)}\n`);
    rows.push({ n, full, bare, warm: warmRuns ? await warmRebuild(full, files) : undefined });

    // Search cost, and (at the smallest size) page weight, measured in Chromium.
    const words = typicalWords(files, 1 / 3, 2);
    const fullServer = await serve(join(full.project.dir, "dist"), ++port);
    const fullOrigin = `http://127.0.0.1:${port}`;
    const bareServer = await serve(join(bare.project.dir, "dist"), ++port);
    const bareOrigin = `http://127.0.0.1:${port}`;
    try {
      // Alternate full and bare runs and keep the median time of five, so one slow start of
      // the machine does not decide the comparison.
      const pair: [string, string] = [words[0]!, words[1]!];
      const runs: Record<"full" | "bare", [SearchCost, SearchCost][]> = { full: [], bare: [] };
      for (let i = 0; i < 5; i++) {
        runs.full.push(await searchCosts(browser, fullOrigin, "full", pair));
        runs.bare.push(await searchCosts(browser, bareOrigin, "bare", pair));
      }
      searches.push({ n, words, full: median(runs.full), bare: median(runs.bare) });
      if (n === sizes[0]) {
        const essay = Object.keys(files)
          .find((p) => p.startsWith("essays/"))!
          .replace(/^essays\/|\.md$/g, "");
        const tag = /\/tags\/([^/"]+)\//.exec(
          readFileSync(join(full.project.dir, "dist/essays", essay, "index.html"), "utf8"),
        )![1];
        weights = [];
        for (const path of [
          "/",
          `/essays/${essay}/`,
          `/tags/${tag}/`,
          `/search/?q=${encodeURIComponent(words[0]!)}`,
        ]) {
          weights.push(await pageWeight(browser, fullOrigin, path));
        }
      }
      // The largest subject page and the timeline: curated indexes must stay small too.
      const dist = join(full.project.dir, "dist");
      for (const kind of ["subjects", "timeline", "tags", "authors"]) {
        bigPages.push({ n, kind, ...largestPage(dist, kind) });
      }
      contextRows.push(contextCost(n, dist));
      // The largest list page, to show pagination keeps them small.
      for (const path of ["index.html", "essays/index.html"]) {
        const bytes = statSync(join(full.project.dir, "dist", path)).size;
        if (bytes > biggestIndexPage.bytes)
          biggestIndexPage = { n, path: `/${path.replace("index.html", "")}`, bytes };
      }
    } finally {
      fullServer.kill();
      bareServer.kill();
    }
    full.project.remove();
    bare.project.remove();
  }

  let hugeResult: BuildResult | undefined;
  if (huge) {
    hugeResult = await buildSite(huge, "full", corpus(huge));
    hugeResult.project.remove();
  }

  // ---- the report
  console.log(
    `\nBenchmark on ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`,
  );
  console.log("Build (wall time including Pagefind; peak RSS of the whole process tree)");
  console.log(
    "essays".padStart(7),
    "full".padStart(9),
    "ms/essay".padStart(9),
    "RSS".padStart(9),
    "dist".padStart(9),
    "index/essay".padStart(12),
    "| bare".padStart(10),
    "ms/essay".padStart(9),
    "RSS".padStart(9),
    "| full/bare".padStart(11),
  );
  for (const { n, full, bare } of rows) {
    console.log(
      String(n).padStart(7),
      s(full.run.ms).padStart(9),
      (full.run.ms / n).toFixed(1).padStart(9),
      mb(full.run.peakRssBytes).padStart(9),
      mb(full.distBytes).padStart(9),
      kb(full.pagefindBytes / n).padStart(12),
      `| ${s(bare.run.ms)}`.padStart(10),
      (bare.run.ms / n).toFixed(1).padStart(9),
      mb(bare.run.peakRssBytes).padStart(9),
      `| ${(full.run.ms / bare.run.ms).toFixed(2)}×`.padStart(11),
    );
  }
  if (hugeResult) {
    console.log(
      String(huge).padStart(7),
      s(hugeResult.run.ms).padStart(9),
      (hugeResult.run.ms / huge!).toFixed(1).padStart(9),
      mb(hugeResult.run.peakRssBytes).padStart(9),
      mb(hugeResult.distBytes).padStart(9),
      kb(hugeResult.pagefindBytes / huge!).padStart(12),
      "| (full build only: it completes)",
    );
  }
  if (rows.some((r) => r.warm)) {
    console.log("\nWarm rebuild after editing one essay (caches kept) against the bare cold build");
    for (const { n, warm, bare, full } of rows) {
      if (!warm) continue;
      console.log(
        String(n).padStart(7),
        s(warm.ms).padStart(9),
        mb(warm.peakRssBytes).padStart(9),
        `| cold ${s(full.run.ms)}`.padStart(14),
        `| bare ${s(bare.run.ms)}`.padStart(14),
        `| warm/bare ${(warm.ms / bare.run.ms).toFixed(2)}×`,
      );
    }
  }

  console.log(
    "\nSearch (search page opened with ?q=; first: from navigation start, next: from Enter; median of 5)",
  );
  for (const { n, full, bare, words } of searches) {
    console.log(`  ${n} essays, typical words “${words.join("”, “")}”:`);
    for (const [label, costs] of [
      ["full", full],
      ["bare", bare],
    ] as const) {
      for (const [i, c] of costs.entries()) {
        console.log(
          `    ${label} ${i === 0 ? "first" : "next "} “${c.query}”`.padEnd(40),
          `${Math.round(c.ms)} ms`.padStart(8),
          `${c.fetched.length} requests`.padStart(13),
          kb(total(c.fetched, "raw")).padStart(10),
          "raw",
          kb(total(c.fetched, "gzip")).padStart(10),
          "gzip",
        );
      }
    }
  }

  const last = searches.at(-1);
  if (last) {
    // Where the first search's bytes go, full against bare, at the largest size.
    const kinds: [string, RegExp][] = [
      ["engine (pagefind.js, worker, wasm)", /pagefind(-worker)?\.js$|\.pagefind$|entry\.json$/],
      ["index metadata (pf_meta)", /pf_meta$/],
      ["index chunks (pf_index)", /pf_index$/],
      ["result fragments (pf_fragment)", /pf_fragment$/],
      ["filter indexes (pf_filter)", /pf_filter$/],
      ["site knowledge (vocabulary, subjects)", /\/search\/.*\.json$/],
      ["search scripts", /\.js$/],
    ];
    const kindOf = (path: string) => kinds.find(([, re]) => re.test(path))?.[0] ?? "other";
    console.log(`  first search at ${last.n} essays, gzip bytes by kind (full | bare):`);
    for (const [kind] of [...kinds, ["other"] as const]) {
      const of = (costs: [SearchCost, SearchCost]) =>
        total(
          costs[0].fetched.filter((f) => kindOf(f.path) === kind),
          "gzip",
        );
      const [f, b] = [of(last.full), of(last.bare)];
      if (f || b)
        console.log(`    ${kind.padEnd(40)} ${kb(f).padStart(10)} | ${kb(b).padStart(10)}`);
    }
  }

  console.log(`\nPage weight at ${sizes[0]} essays (until the network is idle, nothing clicked)`);
  for (const w of weights) {
    console.log(
      `  ${w.path.slice(0, 42).padEnd(42)} ${w.requests} req · HTML ${kb(w.html.raw)}/${kb(w.html.gzip)} gz · CSS ${kb(w.css.raw)}/${kb(w.css.gzip)} gz · JS ${kb(w.js.raw)}/${kb(w.js.gzip)} gz · other ${kb(w.other.gzip)} gz · other hosts ${w.foreign}`,
    );
  }
  console.log(
    `  largest list page: ${biggestIndexPage.path} at ${biggestIndexPage.n} essays, ${kb(biggestIndexPage.bytes)}`,
  );
  for (const p of bigPages.filter((b) => b.bytes > 0)) {
    console.log(`  largest ${p.kind} page at ${p.n} essays: ${p.path} ${kb(p.bytes)}`);
  }

  console.log(
    "\nTake-away copies (PDFs set in workers with an empty cache, EPUBs zipped; against the full build) and the offline shell",
  );
  for (const { n, buildMs, cost } of takeAway) {
    console.log(
      `  ${String(n).padStart(6)} essays: PDFs ${s(cost.pdfMs)}, EPUBs ${s(cost.epubMs)} = ${((100 * (cost.pdfMs + cost.epubMs)) / buildMs).toFixed(1)}% of the build · PDF median ${kb(cost.pdfBytes.median)}, largest ${kb(cost.pdfBytes.max)} · precache ${cost.precache.files} files ${kb(cost.precache.bytes)} + worker ${kb(cost.precache.workerBytes)}`,
    );
  }

  console.log(
    "\nImporting a WordPress export (read, converted and checked word for word; not written)",
  );
  for (const r of importRows) {
    console.log(
      `  ${String(r.n).padStart(6)} posts: ${s(r.ms)} for ${mb(r.bytes)} of WXR, ${r.essays} essays, ${r.differing} with words that differ`,
    );
  }

  console.log("\nReading in context (preview files fetched on hover; the map page)");
  for (const c of contextRows) {
    console.log(
      `  ${String(c.n).padStart(6)} essays: ${c.essays.count} essay previews, median ${kb(c.essays.median)}, largest ${kb(c.essays.max)} · ${c.subjects.count} subject previews, median ${kb(c.subjects.median)}, largest ${kb(c.subjects.max)} · map ${kb(c.mapBytes)}, ${c.mapNodes} nodes`,
    );
  }

  if (finderRows.length) {
    console.log(
      "\nMention finder alone (matcher built once, each essay scanned once; median of 3)",
    );
    for (const f of finderRows) {
      console.log(
        `  ${String(f.n).padStart(6)} essays · ${String(f.subjects).padStart(5)} subjects (${f.aliases} aliases): ${(f.msPerEssay * 1000).toFixed(0)} µs per essay, ${f.mentions} mentions`,
      );
    }
  }

  console.log("\nBudgets");
  const at = (n: number) => rows.find((r) => r.n === n);
  for (const n of [1000, 10000]) {
    const r = at(n);
    if (r) {
      const ratio = r.full.run.ms / r.bare.run.ms;
      console.log(`  ${check(ratio <= 2)}  cold build ≤ 2× bare at ${n}: ${ratio.toFixed(2)}×`);
      if (r.warm) {
        const warm = r.warm.ms / r.bare.run.ms;
        console.log(
          `  ${check(warm <= 1.2)}  warm rebuild after one edit ≤ 1.2× bare cold at ${n}: ${warm.toFixed(2)}×`,
        );
      }
    }
  }
  const [k1, k10] = [at(1000), at(10000)];
  if (k1 && k10) {
    const growth = k10.full.run.ms / 10000 / (k1.full.run.ms / 1000);
    console.log(
      `  ${check(growth <= 1.1)}  time per essay 10,000 / 1,000 ≤ 1.10: ${growth.toFixed(2)} (linear reads ≈ 1.0)`,
    );
  }
  for (const n of [1000, 10000]) {
    const r = at(n);
    if (!r) continue;
    const ratio = r.full.run.peakRssBytes / r.bare.run.peakRssBytes;
    console.log(
      `  ${check(ratio <= 1)}  peak RSS at ${n} ≤ the bare build's: ${mb(r.full.run.peakRssBytes)} vs ${mb(r.bare.run.peakRssBytes)} (${ratio.toFixed(2)}×)`,
    );
  }
  if (huge) console.log(`  pass  a ${huge}-essay build completes`);
  const [f1, f10] = [1000, 10000].map((n) =>
    finderRows.find((f) => f.n === n && f.subjects === 300),
  );
  if (f1 && f10) {
    const growth = f10.msPerEssay / f1.msPerEssay;
    console.log(
      `  ${check(growth <= 1.1)}  mention finder time per essay 10,000 / 1,000 ≤ 1.10: ${growth.toFixed(2)}`,
    );
  }
  const essayWeight = weights[1];
  if (essayWeight) {
    console.log(
      `  ${check(essayWeight.js.gzip <= 15 * 1024)}  essay page JS ≤ 15 KB gzip: ${kb(essayWeight.js.gzip)}`,
    );
    console.log(
      `  ${check(essayWeight.css.gzip <= 12 * 1024)}  essay page CSS ≤ 12 KB gzip: ${kb(essayWeight.css.gzip)}`,
    );
  }
  console.log(
    `  ${check(weights.every((w) => w.foreign === 0))}  no request to another host on any measured page`,
  );
  if (contextRows.length) {
    const most = (pick: (c: ContextCost) => number) => Math.max(...contextRows.map(pick));
    const last = contextRows.at(-1)!;
    console.log(
      `  ${check(most((c) => c.essays.max) <= 48 * 1024 && most((c) => c.subjects.max) <= 8 * 1024)}  a preview fetches ≤ 48 KB (essay) or ≤ 8 KB (subject): largest ${kb(most((c) => c.essays.max))} and ${kb(most((c) => c.subjects.max))}`,
    );
    console.log(
      `  ${check(last.mapBytes <= 150 * 1024 && last.mapNodes <= 100)}  the map at ${last.n} essays ≤ 150 KB and ≤ 100 nodes: ${kb(last.mapBytes)}, ${last.mapNodes} nodes`,
    );
  }
  const i1 = importRows.find((r) => r.n === 1000);
  if (i1) {
    console.log(
      `  ${check(i1.ms < 60_000 && i1.differing === 0)}  importing 1,000 posts takes < 1 min, every one word for word: ${s(i1.ms)}, ${i1.differing} differ`,
    );
  }
  const t1 = takeAway.find((t) => t.n === 1000);
  if (t1) {
    const share = (t1.cost.pdfMs + t1.cost.epubMs) / t1.buildMs;
    console.log(
      `  ${check(share <= 0.1)}  PDF and EPUB add ≤ 10% to the cold build at 1000: ${(100 * share).toFixed(1)}% (${s(t1.cost.pdfMs)} + ${s(t1.cost.epubMs)} of ${s(t1.buildMs)}; cached PDFs cost a warm build only their reading)`,
    );
  }
  const largestPdf = Math.max(...takeAway.map((t) => t.cost.pdfBytes.max));
  if (takeAway.length) {
    console.log(
      `  ${check(largestPdf < 300 * 1024)}  every essay's PDF < 300 KB: largest ${kb(largestPdf)}`,
    );
    const [first, lastTake] = [takeAway[0]!, takeAway.at(-1)!];
    const grow = (t: TakeAwayCost) => t.precache.bytes + t.precache.workerBytes;
    console.log(
      `  ${check(grow(lastTake.cost) <= 1.05 * grow(first.cost))}  precache and worker do not grow with the essays: ${kb(grow(first.cost))} at ${first.n}, ${kb(grow(lastTake.cost))} at ${lastTake.n}`,
    );
  }
  const s10 = searches.find((x) => x.n === 10000) ?? searches.at(-1);
  if (s10) {
    const bytes = total(s10.full[0].fetched, "gzip");
    const bareBytes = total(s10.bare[0].fetched, "gzip");
    const ratio = s10.full[0].ms / s10.bare[0].ms;
    console.log(
      `  ${check(bytes <= 1.1 * bareBytes)}  first search bytes at ${s10.n} ≤ 1.1× bare: ${(bytes / bareBytes).toFixed(2)}× (${kb(bytes)} vs ${kb(bareBytes)} gzip)`,
    );
    console.log(
      `  ${check(ratio <= 1.2)}  first search time at ${s10.n} ≤ 1.2× bare: ${ratio.toFixed(2)}× (${Math.round(s10.full[0].ms)} vs ${Math.round(s10.bare[0].ms)} ms)`,
    );
  }
} finally {
  await browser.close();
  for (const { full, bare } of rows) {
    rmSync(full.project.dir, { recursive: true, force: true });
    rmSync(bare.project.dir, { recursive: true, force: true });
  }
}
