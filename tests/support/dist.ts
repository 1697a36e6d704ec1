/**
 * Reading the built site in build tests: every HTML page, parsed once, with its URL path.
 */
import * as cheerio from "cheerio";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The build output the tests read. */
export const DIST = join(ROOT, "dist");

/** A built HTML page: its URL path ("/essays/x/") and parsed document. */
export interface BuiltPage {
  file: string;
  path: string;
  $: cheerio.CheerioAPI;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** The URL path a built HTML file is served at. */
export function urlPathOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

let pages: BuiltPage[] | undefined;

/** Every HTML page of the build, parsed (cached for the test run). */
export function builtPages(dist = DIST): BuiltPage[] {
  pages ??= listFiles(dist)
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({
      file,
      path: urlPathOf(file),
      $: cheerio.load(readFileSync(join(dist, file), "utf8")),
    }));
  return pages;
}

/** One built page by URL path; throws when it does not exist. */
export function builtPage(path: string): BuiltPage {
  const page = builtPages().find((p) => p.path === path);
  if (!page) throw new Error(`No built page at ${path}`);
  return page;
}

/** Collapses every run of whitespace (no-break spaces included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, " ").trim();
}
