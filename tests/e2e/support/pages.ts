/**
 * The pages the browser tests visit: every page in the built sitemap, plus the 404 page and a
 * search with results.
 */
import { expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../../../dist", import.meta.url));

/** Every page path the sitemap lists (e.g. "/essays/x/"). */
export function sitemapPaths(): string[] {
  const xml = readdirSync(DIST)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(join(DIST, f), "utf8"))
    .join("");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** Every page a reader can reach, including a search with results, the 404 and offline pages. */
export function allPages(): string[] {
  return [...sitemapPaths(), "/search/?q=China", "/no-such-page/", "/offline/"];
}

/** One page of each kind. */
export const PAGE_TYPES = {
  home: "/",
  essays: "/essays/",
  essay: "/essays/the-deepening-chinese-russia-partnership-an-american-security-dilemma/",
  tags: "/tags/",
  tag: "/tags/russian-foreign-policy/",
  authors: "/authors/",
  author: "/authors/natasha-kuhrt/",
  search: "/search/?q=China&tag=alliances",
  subjects: "/subjects/",
  subject: "/subjects/vladimir-putin/",
  timeline: "/timeline/",
  map: "/map/",
  notFound: "/no-such-page/",
} as const;

/** Waits until the search page has shown every result of its current page (none still loading). */
export async function resultsSettled(page: Page): Promise<void> {
  await expect(page.locator("#search-results")).toHaveAttribute("aria-busy", "false");
}
