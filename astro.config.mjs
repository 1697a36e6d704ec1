// @ts-check
import { unified } from "@astrojs/markdown-remark";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import pagefind from "./src/integrations/pagefind.ts";
import rehypeLangSpans from "./src/markdown/rehype-lang-spans.ts";
import { sanitizePlugins } from "./src/markdown/sanitize.ts";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Where the site is deployed (for absolute URLs); set SITE_URL when deploying.
  site: process.env.SITE_URL,
  base: process.env.BASE_PATH ?? "/",
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    // No code blocks in essays; Shiki's inline styles would only fight a strict CSP.
    syntaxHighlight: false,
    processor: unified({
      // The texts are reproduced word for word: no smart quotes or dashes may be introduced.
      smartypants: false,
      // Sanitising runs first, so our own plugins work on (and add to) safe HTML only.
      rehypePlugins: [...sanitizePlugins, rehypeLangSpans],
    }),
  },
  integrations: [pagefind()],
  vite: { plugins: [tailwindcss()] },
});
