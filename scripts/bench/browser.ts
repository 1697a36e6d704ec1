/**
 * Browser measurements for the benchmarks, in headless Chromium against a built site served
 * locally: what a search costs (bytes, time to the first rendered result) and what a page weighs
 * (HTML, CSS, JS raw and gzipped, requests).
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromiumLaunchOptions } from "../lib/chromium.mjs";
import { SEARCH_CHUNK } from "../lib/search-files.mjs";
import { ROOT } from "../lib/project-copy.ts";

/** One response a page received. */
export interface Fetched {
  path: string;
  type: string;
  raw: number;
  gzip: number;
}

/** Serves a built folder with scripts/serve.mjs; resolves once it answers. */
export async function serve(dist: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [`${ROOT}scripts/serve.mjs`, dist, String(port)], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`)
        .then((r) => r.status < 500)
        .catch(() => false)
    )
      return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`The server for ${dist} did not start`);
}

/** Debian's Chromium, headless, as the tests launch it. */
export function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/**
 * Records every file a page fetches with its size raw and gzipped (as a static host sends it),
 * each file once: a second fetch of the same file (the search's facet-counting Pagefind instance
 * reads the engine and index files the first one read) comes from the browser's cache.
 */
export function record(page: Page): Fetched[] {
  const log: Fetched[] = [];
  const seen = new Set<string>();
  page.on("response", async (response) => {
    const path = new URL(response.url()).pathname;
    if (seen.has(path)) return;
    seen.add(path);
    try {
      const body = await response.body();
      log.push({
        path,
        type: (response.headers()["content-type"] ?? "").split(";")[0]!,
        raw: body.length,
        gzip: gzipSync(body).length,
      });
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return log;
}

/** Sums a field over responses. */
export const total = (rows: Fetched[], key: "raw" | "gzip") => rows.reduce((n, r) => n + r[key], 0);

/** Which kind of site a measurement is for: ours, or the bare baseline. */
export type SiteKind = "full" | "bare";

const RESULTS: Record<SiteKind, string> = { full: "#search-results > li", bare: "#results > li" };
const INPUT: Record<SiteKind, string> = { full: "#search-query", bare: "#q" };

/** A search measurement: time to the first rendered result and what it downloaded. */
export interface SearchCost {
  query: string;
  ms: number;
  fetched: Fetched[];
}

/**
 * A first search (the search page opened with ?q=, timed from navigation start, counting every
 * request but the page's own HTML, CSS and JS) and a second one typed into the same page (timed
 * from Enter).
 */
export async function searchCosts(
  browser: Browser,
  origin: string,
  kind: SiteKind,
  [first, second]: [string, string],
): Promise<[SearchCost, SearchCost]> {
  const page = await browser.newPage();
  const log = record(page);
  // The page itself notes when a result first appears: Playwright's polling would add its own
  // delay to the measurement.
  await page.addInitScript((selector) => {
    const w = window as unknown as { firstResultAt?: number };
    new MutationObserver(() => {
      if (w.firstResultAt === undefined && document.querySelector(selector)) {
        w.firstResultAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  }, RESULTS[kind]);
  const resultAt = () =>
    page.evaluate(() => (window as unknown as { firstResultAt?: number }).firstResultAt!);

  await page.goto(`${origin}/search/?q=${encodeURIComponent(first)}`);
  await page.locator(RESULTS[kind]).first().waitFor({ timeout: 60_000 });
  const firstMs = await resultAt();
  await page.waitForLoadState("networkidle");
  const isPage = (f: Fetched) =>
    f.path.endsWith("/search/") ||
    (f.path.startsWith("/_astro/") && !SEARCH_CHUNK.test(f.path)) ||
    f.path.endsWith(".svg");
  const firstFetched = log.filter((f) => !isPage(f));

  const before = log.length;
  const box = page.locator(INPUT[kind]);
  // The next query is set without typing (so no search-as-you-type starts) and submitted.
  await page.evaluate(
    ([sel, input, value]) => {
      document.querySelector(sel!)?.parentElement?.replaceChildren();
      (document.querySelector(input!) as HTMLInputElement).value = value!;
      delete (window as unknown as { firstResultAt?: number }).firstResultAt;
    },
    [RESULTS[kind], INPUT[kind], second],
  );
  const start = await page.evaluate(() => performance.now());
  await box.press("Enter");
  await page.locator(RESULTS[kind]).first().waitFor({ timeout: 60_000 });
  const secondMs = (await resultAt()) - start;
  await page.waitForLoadState("networkidle");
  const secondFetched = log.slice(before);
  await page.close();
  return [
    { query: first, ms: firstMs, fetched: firstFetched },
    { query: second, ms: secondMs, fetched: secondFetched },
  ];
}

/** What loading a page costs before the reader does anything. */
export interface PageWeight {
  path: string;
  requests: number;
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  js: { raw: number; gzip: number };
  other: { raw: number; gzip: number };
  foreign: number;
}

/** Loads a page (until the network is idle) and sums what it fetched by kind. */
export async function pageWeight(
  browser: Browser,
  origin: string,
  path: string,
): Promise<PageWeight> {
  const page = await browser.newPage();
  const log = record(page);
  let foreign = 0;
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign++;
  });
  await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  await page.close();
  const kind = (f: Fetched) =>
    f.type.includes("html")
      ? "html"
      : f.type.includes("css")
        ? "css"
        : f.type.includes("javascript")
          ? "js"
          : "other";
  const sum = (k: string) => {
    const rows = log.filter((f) => kind(f) === k);
    return { raw: total(rows, "raw"), gzip: total(rows, "gzip") };
  };
  return {
    path,
    requests: log.length,
    html: sum("html"),
    css: sum("css"),
    js: sum("js"),
    other: sum("other"),
    foreign,
  };
}
