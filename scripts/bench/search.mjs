#!/usr/bin/env node
// Benchmark (not a test): what a reader's first and next search cost on the built site, in
// headless Chromium — the bytes search downloads (index, engine, vocabulary; raw and gzipped, as
// a static host would send them) and the time to the first rendered result (for the search page
// opened with ?q=, from navigation start; otherwise from the keystroke). Run `npm run build` first, then
// `npm run bench:search` (optionally: `-- <dist folder> <query> <second query>`).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromiumLaunchOptions } from "../lib/chromium.mjs";
import { SEARCH_CHUNK } from "../lib/search-files.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const queries = [process.argv[3] ?? "China", process.argv[4] ?? "Crimea"];
const port = 4391;
if (!existsSync(`${dist}/index.html`)) {
  console.error(`No built site in ${dist}; run \`npm run build\` first.`);
  process.exit(1);
}

const server = spawn(process.execPath, ["scripts/serve.mjs", dist, String(port)], {
  stdio: "ignore",
});
await new Promise((r) => setTimeout(r, 600));
const browser = await chromium.launch(chromiumLaunchOptions());

/** Records every response a page receives: path, raw bytes and gzipped bytes. */
function recorder(page) {
  const log = [];
  page.on("response", async (response) => {
    try {
      const body = await response.body();
      log.push({
        path: new URL(response.url()).pathname,
        raw: body.length,
        gzip: gzipSync(body).length,
      });
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  return log;
}

const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Whether a request belongs to search (index, engine, vocabulary) rather than to the page. */
const isSearch = (path) =>
  path.includes("/pagefind/") ||
  path.includes("/search/vocabulary/") ||
  path.endsWith("/search/subjects.json") ||
  SEARCH_CHUNK.test(path);

async function measure(label, url, firstSearch, nextSearch) {
  const page = await browser.newPage();
  const log = recorder(page);
  const rows = [];
  const ms = await firstSearch(page, `http://127.0.0.1:${port}${url}`, queries[0]);
  await page.waitForLoadState("networkidle");
  rows.push({
    label: `${label}: first search “${queries[0]}”`,
    ms,
    fetched: log.filter((r) => isSearch(r.path)),
  });
  const before = log.length;
  const ms2 = await nextSearch(page, queries[1]);
  await page.waitForLoadState("networkidle");
  rows.push({
    label: `${label}: next search “${queries[1]}”`,
    ms: ms2,
    fetched: log.slice(before).filter((r) => isSearch(r.path)),
  });
  await page.close();
  return rows;
}

/** Opens the search page with the query in its URL; times navigation start → first result. */
async function searchPageCold(page, url, query) {
  await page.goto(`${url}?q=${encodeURIComponent(query)}`);
  await page.locator("#search-results > li").first().waitFor();
  return page.evaluate(() => performance.now());
}

/** Types a new query into the search page and times Enter → first result rendered. */
async function searchPageNext(page, query) {
  const box = page.locator("#search-query");
  await page.evaluate(() => document.querySelector("#search-results")?.replaceChildren());
  await box.fill(query);
  const start = await page.evaluate(() => performance.now());
  await box.press("Enter");
  await page.locator("#search-results > li").first().waitFor();
  return (await page.evaluate(() => performance.now())) - start;
}

/** Types into the header search of a loaded page and times the first result in the popup. */
async function headerSearch(page, query) {
  const box = page.locator("#site-search");
  await box.fill("");
  await page.evaluate(() => document.querySelector("#site-search-listbox")?.replaceChildren());
  const start = await page.evaluate(() => performance.now());
  await box.fill(query);
  await page.locator("#site-search-listbox [role=option]").first().waitFor();
  return (await page.evaluate(() => performance.now())) - start;
}

async function headerSearchCold(page, url, query) {
  await page.goto(url, { waitUntil: "networkidle" });
  return headerSearch(page, query);
}

const rows = [
  ...(await measure("search page (?q= in URL)", "/search/", searchPageCold, searchPageNext)),
  ...(await measure("header box, essay page", "/essays/", headerSearchCold, headerSearch)),
];

console.log(`\nSearch cost on ${dist} (Chromium headless, local server, no network latency)\n`);
for (const row of rows) {
  console.log(
    `${row.label.padEnd(48)} ${String(Math.round(row.ms)).padStart(5)} ms to first result · ` +
      `${row.fetched.length} requests · ${kb(sum(row.fetched, "raw"))} raw · ${kb(sum(row.fetched, "gzip"))} gzip`,
  );
  for (const f of row.fetched) {
    console.log(`    ${f.path.padEnd(60)} ${kb(f.raw).padStart(9)} ${kb(f.gzip).padStart(9)} gz`);
  }
}
await browser.close();
server.kill();
