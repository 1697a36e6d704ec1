// @ts-check
// The benchmark's bare baseline: the least an Astro + Pagefind site over the same corpus must do
// (Astro's default markdown processor, one page per essay, Pagefind in astro:build:done).
import { defineConfig } from "astro/config";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

export default defineConfig({
  trailingSlash: "always",
  integrations: [
    {
      name: "bare-pagefind",
      hooks: {
        "astro:build:done": async ({ dir }) => {
          const out = fileURLToPath(dir);
          const { index } = await pagefind.createIndex({});
          await index?.addDirectory({ path: out });
          await index?.writeFiles({ outputPath: join(out, "pagefind") });
          await pagefind.close();
        },
      },
    },
  ],
});
