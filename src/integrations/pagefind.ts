/**
 * Builds the Pagefind search index as part of `astro build`, through Pagefind's Node API, so the
 * output folder is searchable without a second command. Indexing errors fail the build. Each page
 * is handed to Pagefind as text, with its CJK runs split into words for the index only (see
 * lib/search/cjk.ts); the files in the output are not changed.
 */
import type { AstroIntegration } from "astro";
import { readdir, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { hasSpaceBetweenCjk, segmentCjkHtml } from "../lib/search/cjk.ts";

/** Pages handed to Pagefind at once: enough to keep its indexer busy, few enough to bound memory. */
const CONCURRENCY = 16;

/** The URL Pagefind would give a page file ("essays/x/index.html" → "/essays/x/"). */
function pageUrl(file: string): string {
  const path = file.split(sep).join("/");
  return `/${path.endsWith("index.html") ? path.slice(0, -"index.html".length) : path}`;
}

/** Options for the Pagefind integration. */
export interface PagefindIntegrationOptions {
  /** Folder name of the index inside the build output. */
  bundleDir?: string;
}

/** An Astro integration that indexes the built site with Pagefind in `astro:build:done`. */
export default function pagefindIntegration(
  options: PagefindIntegrationOptions = {},
): AstroIntegration {
  const bundleDir = options.bundleDir ?? "pagefind";
  return {
    name: "research-reader:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join("\n")}`);
        };
        try {
          const created = await pagefind.createIndex({});
          if (!created.index) return fail("createIndex", created.errors);
          const index = created.index;
          const files = (await readdir(outDir, { recursive: true })).filter(
            (f) => f.endsWith(".html") && !f.startsWith(`${bundleDir}${sep}`),
          );
          const errors: string[] = [];
          let next = 0;
          const worker = async () => {
            while (next < files.length) {
              const file = files[next++]!;
              const html = await readFile(join(outDir, file), "utf8");
              if (hasSpaceBetweenCjk(html)) {
                logger.warn(
                  `${file}: a space between Chinese or Japanese characters will not show in search excerpts`,
                );
              }
              const added = await index.addHTMLFile({
                url: pageUrl(file),
                content: segmentCjkHtml(html),
              });
              errors.push(...added.errors.map((e) => `${file}: ${e}`));
            }
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
          if (errors.length) fail("addHTMLFile", errors);
          const written = await created.index.writeFiles({ outputPath: join(outDir, bundleDir) });
          if (written.errors.length) fail("writeFiles", written.errors);
          logger.info(`read ${files.length} HTML files; index written to ${bundleDir}/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
