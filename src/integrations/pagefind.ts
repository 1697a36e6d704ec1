/**
 * Builds the Pagefind search index as part of `astro build`, through Pagefind's Node API, so the
 * output folder is searchable without a second command. Indexing errors fail the build.
 *
 * Pagefind reads the pages from a staging folder that mirrors the output: each page that marks a
 * body for the index (`data-pagefind-body`; Pagefind would read and then drop the others) is
 * hard-linked (no copy, no cost), except pages with Chinese or Japanese text, which are staged
 * with their runs split into words for the index only (lib/search/cjk.ts). The output is never
 * changed.
 * (Handing pages over one by one with `addHTMLFile` costs about 2 ms a page in messages to
 * Pagefind's process; `addDirectory` reads them itself.)
 */
import type { AstroIntegration } from "astro";
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { hasCjk, hasSpaceBetweenCjk, segmentCjkHtml } from "../lib/search/cjk.ts";

/** The attribute that marks the part of a page Pagefind indexes. */
const BODY_ATTRIBUTE = "data-pagefind-body";

/** Pages staged at once. */
const CONCURRENCY = 16;

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
  let stageDir = "";
  return {
    name: "research-reader:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        stageDir = fileURLToPath(
          new URL("node_modules/.cache/research-reader/pagefind-pages/", config.root),
        );
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const fail = (step: string, errors: string[]) => {
          throw new Error(`Pagefind ${step} failed:\n${errors.join("\n")}`);
        };
        const files = (await readdir(outDir, { recursive: true })).filter(
          (f) => f.endsWith(".html") && !f.startsWith(`${bundleDir}${sep}`),
        );
        await rm(stageDir, { recursive: true, force: true });
        await mkdir(stageDir, { recursive: true });
        const folders = new Map<string, Promise<unknown>>();
        const folderFor = (to: string) => {
          const folder = dirname(to);
          let made = folders.get(folder);
          if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
          return made;
        };
        let next = 0;
        let indexed = 0;
        let segmented = 0;
        const stage = async () => {
          while (next < files.length) {
            const file = files[next++]!;
            const from = join(outDir, file);
            const to = join(stageDir, file);
            const html = await readFile(from, "utf8");
            // Only pages that mark their body for the index are indexed (Pagefind drops the rest
            // once any page has data-pagefind-body), so only they are handed over to be read.
            if (!html.includes(BODY_ATTRIBUTE)) continue;
            indexed++;
            await folderFor(to);
            if (hasCjk(html)) {
              if (hasSpaceBetweenCjk(html.replace(/<[^>]*>/gu, ""))) {
                logger.warn(
                  `${file}: a space between Chinese or Japanese characters will not show in search excerpts`,
                );
              }
              await writeFile(to, segmentCjkHtml(html));
              segmented++;
            } else await link(from, to).catch(() => copyFile(from, to));
          }
        };
        try {
          await Promise.all(Array.from({ length: CONCURRENCY }, stage));
          const created = await pagefind.createIndex({});
          if (!created.index) return fail("createIndex", created.errors);
          const added = await created.index.addDirectory({ path: stageDir });
          if (added.errors.length) fail("addDirectory", added.errors);
          const written = await created.index.writeFiles({ outputPath: join(outDir, bundleDir) });
          if (written.errors.length) fail("writeFiles", written.errors);
          if (added.page_count !== indexed) {
            fail("addDirectory", [`${indexed} pages staged but ${added.page_count} read`]);
          }
          logger.info(
            `indexed ${added.page_count} of ${files.length} HTML files (${segmented} with CJK words split for the index); index written to ${bundleDir}/`,
          );
        } finally {
          await pagefind.close();
          await rm(stageDir, { recursive: true, force: true });
        }
      },
    },
  };
}
