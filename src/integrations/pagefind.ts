/**
 * Builds the Pagefind search index as part of `astro build`, through Pagefind's Node API, so the
 * output folder is searchable without a second command. Indexing errors fail the build.
 */
import type { AstroIntegration } from "astro";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

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
          const added = await created.index.addDirectory({ path: outDir });
          if (added.errors.length) fail("addDirectory", added.errors);
          const written = await created.index.writeFiles({ outputPath: join(outDir, bundleDir) });
          if (written.errors.length) fail("writeFiles", written.errors);
          logger.info(`read ${added.page_count} HTML files; index written to ${bundleDir}/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
