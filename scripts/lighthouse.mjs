#!/usr/bin/env node
// Lighthouse (`@lhci/cli`, Debian's Chromium, Lighthouse's default mobile settings) on the built
// site: home, an essay, a tag page and a search with results, served with the site's real
// headers and compressed as any static host compresses text. Each page is measured RUNS times and
// the median run (by performance score) is reported, as Lighthouse's own guidance on variability
// advises: on a small, busy machine one run's Total Blocking Time swings by 100 ms or more.
// Prints the four category scores per page, every run's performance score, and, under 100, what
// cost the points.
// Run `npm run build` first (the script builds if dist/ is missing).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/chromium.mjs";

const PORT = 4410;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const origin = `http://127.0.0.1:${PORT}`;
const out = ".lighthouseci";

if (!existsSync("dist/index.html")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });

// One page of each kind, found in the build rather than hard-coded.
const essay = readdirSync("dist/essays", { withFileTypes: true }).find(
  (d) =>
    d.isDirectory() &&
    existsSync(join("dist/essays", d.name, "index.html")) &&
    !/^\d+$/.test(d.name),
).name;
const tag = /href="\/tags\/([^/"]+)\/"/.exec(
  readFileSync(join("dist/essays", essay, "index.html"), "utf8"),
)[1];
const pages = {
  home: "/",
  essay: `/essays/${essay}/`,
  tag: `/tags/${tag}/`,
  search: "/search/?q=China",
};

rmSync(out, { recursive: true, force: true });
const chromeFlags = ["--headless=new", ...CHROMIUM_ARGS].join(" ");
const result = spawnSync(
  "lhci",
  [
    "collect",
    "--no-lighthouserc",
    `--chromePath=${chromiumPath() ?? "chromium"}`,
    `--startServerCommand=node scripts/serve.mjs dist ${PORT} --gzip`,
    "--startServerReadyPattern=Serving",
    `--numberOfRuns=${RUNS}`,
    `--settings.chromeFlags=${chromeFlags}`,
    ...Object.values(pages).map((p) => `--url=${origin}${p}`),
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const reports = readdirSync(out)
  .filter((f) => /^lhr-.*\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(out, f), "utf8")));

console.log(
  `\nLighthouse ${reports[0]?.lighthouseVersion} (mobile), Chromium ${reports[0]?.environment?.hostUserAgent?.match(/Chrome\/([\d.]+)/)?.[1]}\n`,
);
console.log(`median of ${RUNS} runs per page\n`);
console.log("page".padEnd(10), ...CATEGORIES.map((c) => c.padStart(15)));
let all100 = true;
for (const [name, path] of Object.entries(pages)) {
  const runs = reports
    .filter((r) => {
      const url = new URL(r.finalDisplayedUrl ?? r.finalUrl);
      return url.pathname + url.search === path;
    })
    .sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const lhr = runs[Math.floor(runs.length / 2)];
  if (!lhr) {
    console.log(name.padEnd(10), "no report");
    all100 = false;
    continue;
  }
  const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
  const perRun = runs.map((r) => Math.round(r.categories.performance.score * 100)).join(", ");
  console.log(
    name.padEnd(10),
    ...scores.map((s) => String(s).padStart(15)),
    `   (performance per run: ${perRun})`,
  );
  for (const c of CATEGORIES) {
    if ((lhr.categories[c]?.score ?? 0) >= 1) continue;
    all100 = false;
    for (const ref of lhr.categories[c].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        console.log(
          `    ${c}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""}`,
        );
      }
    }
  }
}
console.log(all100 ? "\nAll 100." : "\nNot all 100: see the audits above.");
