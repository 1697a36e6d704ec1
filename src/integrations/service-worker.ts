/**
 * Makes the built site work offline, in `astro:build:done` after Pagefind has indexed it:
 *
 * 1. writes what a reader can keep offline (lib/offline.ts) under `offline/`: the search index's
 *    files, every essay, tag, author and the whole collection, each with its size in bytes;
 * 2. bundles the service worker (src/sw/service-worker.ts, on Workbox's modules) with esbuild
 *    and has Workbox's `injectManifest` list the files it precaches: only the site's shell, the
 *    stylesheet and scripts every page loads at once (which the first page has just downloaded),
 *    the icons, the web app manifest and the offline page; it does not grow with the number of
 *    essays. Pages, search files, other scripts and essays are cached as a reader uses them, or
 *    all at once, with the scripts their pages need, when they keep them.
 */
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { injectManifest } from "workbox-build";
import {
  assetClosure,
  moduleImports,
  offlineSets,
  pageAssets,
  searchFiles,
  type IndexedPage,
  type OfflineSummary,
} from "../lib/offline.ts";
import { SERVICE_WORKER_FILE } from "../lib/offline-protocol.ts";
import { META } from "../lib/search/facets.ts";
import { slugify } from "../lib/slug.ts";

/**
 * What the service worker precaches besides the scripts and styles every page loads (globs
 * under the build output): the icons, the manifest and the offline page.
 */
export const PRECACHE = [
  "favicon.svg",
  "icons/*.png",
  "manifest.webmanifest",
  "offline/index.html",
];

const unzip = promisify(gunzip);

/** Reads a Pagefind fragment (gzip, "pagefind_dcd" then JSON). */
async function readFragment(file: string): Promise<{
  url: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}> {
  const bytes = await unzip(await readFile(file));
  const text = bytes.toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{"))) as never;
}

/** The search engines (WebAssembly, one per language) the index uses. */
async function indexLanguages(bundleDir: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm?: string }>;
  };
  return Object.entries(entry.languages).map(([language, l]) => l.wasm ?? language);
}

/** An Astro integration that writes the offline sets and the service worker. */
export default function serviceWorker(options: { bundleDir?: string } = {}): AstroIntegration {
  const bundle = options.bundleDir ?? "pagefind";
  let base = "/";
  let root = "";
  return {
    name: "research-reader:service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join("/"));
        const sizes = new Map<string, number>();
        await Promise.all(
          files.map(async (f) => sizes.set(`${base}${f}`, (await stat(join(outDir, f))).size)),
        );
        const urlOf = (file: string) =>
          `${base}${file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file}`;
        const sizeOf = (url: string) => sizes.get(url) ?? sizes.get(`${url}index.html`) ?? 0;

        const fragmentFiles = files.filter((f) => f.startsWith(`${bundle}/fragment/`));
        const pages: IndexedPage[] = await Promise.all(
          fragmentFiles.map(async (f) => {
            const fragment = await readFragment(join(outDir, f));
            return {
              url: fragment.url,
              fragment: `${base}${f}`,
              tags: fragment.filters.tag ?? [],
              authorSlug: fragment.meta[META.authorSlug],
            };
          }),
        );
        pages.sort((a, b) => a.url.localeCompare(b.url));
        const essayUrls = new Set(pages.map((p) => p.url));
        const listPages = files
          .filter((f) => f.endsWith(".html") && f !== "404.html")
          .map(urlOf)
          .filter((u) => !essayUrls.has(u))
          .sort();
        // What each page needs to run: its scripts (with their imports) and styles.
        const imports = new Map<string, { now: string[]; later: string[] }>();
        const importsOf = (url: string) => {
          let found = imports.get(url);
          if (!found) {
            const file = join(outDir, url.slice(base.length));
            found = existsSync(file)
              ? moduleImports(readFileSync(file, "utf8"), url)
              : { now: [], later: [] };
            imports.set(url, found);
          }
          return found;
        };
        const htmlFiles = files.filter((f) => f.endsWith(".html"));
        const refs = new Map<string, string[]>();
        await Promise.all(
          htmlFiles.map(async (f) =>
            refs.set(urlOf(f), pageAssets(await readFile(join(outDir, f), "utf8"), base)),
          ),
        );
        const assetsOf = (url: string) => assetClosure(refs.get(url) ?? [], importsOf, true);
        // The precache: what every page loads at once, which the first page a reader opens has
        // just downloaded (so precaching it costs nothing more), and the offline page's own.
        const everyPage = [...refs.values()]
          .map((r) => new Set(assetClosure(r, importsOf, false)))
          .reduce((a, b) => new Set([...a].filter((u) => b.has(u))));
        const shell = [...everyPage].map((u) => u.slice(base.length)).sort();

        const sets = offlineSets({
          assetsOf,
          base,
          pages,
          listPages,
          search: searchFiles(files, bundle, await indexLanguages(join(outDir, bundle))).map(urlOf),
          sizeOf,
          slugOfTag: slugify,
        });
        // What the controls show before anything is kept: the search index's size and the whole
        // collection's, in one small file (the collection's own list grows with the essays).
        const all = sets.get("all")!;
        const summary: OfflineSummary = {
          search: { bytes: sets.get("search")!.bytes },
          all: { label: all.label, essays: all.essays, bytes: all.bytes },
        };
        await mkdir(join(outDir, "offline"), { recursive: true });
        await writeFile(join(outDir, "offline", "summary.json"), JSON.stringify(summary));
        await Promise.all(
          [...sets].map(async ([name, set]) => {
            const file = join(outDir, "offline", `${name}.json`);
            await mkdir(dirname(file), { recursive: true });
            await writeFile(file, JSON.stringify(set));
          }),
        );

        const swDest = join(outDir, SERVICE_WORKER_FILE);
        await build({
          entryPoints: [join(root, "src/sw/service-worker.ts")],
          outfile: swDest,
          bundle: true,
          format: "iife",
          minify: true,
          target: "es2022",
          legalComments: "none",
          define: {
            "process.env.NODE_ENV": JSON.stringify("production"),
            __BASE__: JSON.stringify(base),
            // Changes with any change to what can be kept: the worker then refreshes it.
            __VERSION__: JSON.stringify(
              createHash("sha256")
                .update(JSON.stringify([...sets]))
                .digest("hex")
                .slice(0, 16),
            ),
          },
          logLevel: "warning",
        });
        const { count, size, warnings } = await injectManifest({
          swSrc: swDest,
          swDest,
          globDirectory: outDir,
          globPatterns: [...PRECACHE, ...shell],
          // Astro's file names carry a content hash: no revision needed, none added.
          dontCacheBustURLsMatching: /^_astro\//,
          modifyURLPrefix: { "": base },
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `service worker: precaches ${count} files (${(size / 1024).toFixed(0)} KB); ${sets.size} offline sets`,
        );
      },
    },
  };
}
