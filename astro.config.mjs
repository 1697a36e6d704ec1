// @ts-check
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import pagefind from "./src/integrations/pagefind.ts";
import rehypeLangSpans from "./src/markdown/rehype-lang-spans.ts";
import rehypeParagraphNumbers from "./src/markdown/rehype-paragraph-numbers.ts";
import rehypeSectionAnchors from "./src/markdown/rehype-section-anchors.ts";
import { sanitizePlugins } from "./src/markdown/sanitize.ts";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Where the site is deployed: canonical URLs, citations, feed and sitemap use it. Set SITE_URL
  // when deploying; the default is where `npm start` serves the site.
  site: process.env.SITE_URL ?? "http://localhost:4321",
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
      rehypePlugins: [
        ...sanitizePlugins,
        rehypeLangSpans,
        rehypeSectionAnchors,
        rehypeParagraphNumbers,
      ],
    }),
  },
  integrations: [
    // Every page but the 404 page goes in the sitemap.
    sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) }),
    pagefind(),
  ],
  vite: { plugins: [tailwindcss()] },
});
