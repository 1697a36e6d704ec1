// @ts-check
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { createHash } from "node:crypto";
import pagefind from "./src/integrations/pagefind.ts";
import securityHeaders from "./src/integrations/security-headers.ts";
import serviceWorker from "./src/integrations/service-worker.ts";
import { searchBootScript } from "./src/lib/search/boot.ts";
import { FIRST_PAINT_SCRIPT } from "./src/lib/first-paint.ts";
import rehypeEssayRecord from "./src/markdown/rehype-essay-record.ts";
import rehypeBaseLinks from "./src/markdown/rehype-base-links.ts";
import rehypeLangSpans from "./src/markdown/rehype-lang-spans.ts";
import rehypeParagraphNumbers from "./src/markdown/rehype-paragraph-numbers.ts";
import rehypeSectionAnchors from "./src/markdown/rehype-section-anchors.ts";
import rehypeSubjectMentions from "./src/markdown/rehype-subject-mentions.ts";
import { sanitizePlugins } from "./src/markdown/sanitize.ts";
import { readSubjectAliases } from "./src/markdown/subject-aliases.ts";
import { pipelineKey } from "./src/markdown/pipeline-key.ts";

// Where the site is deployed: canonical URLs, citations, feed and sitemap use it. Set SITE_URL
// (and BASE_PATH, e.g. /reader/, to serve it below the host's root) when deploying; the default
// is where `npm start` serves the site.
const site = process.env.SITE_URL ?? "http://localhost:4321";
const base = process.env.BASE_PATH ?? "/";

// The two inline scripts (the stored theme and the `js` class, before the first paint; the search page's
// early start of Pagefind) are allowed by their hashes.
const sha256 = (/** @type {string} */ code) =>
  /** @type {`sha256-${string}`} */ (
    `sha256-${createHash("sha256").update(code).digest("base64")}`
  );
const inlineScriptHashes = [FIRST_PAINT_SCRIPT, searchBootScript(base)].map(sha256);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // Two files that would publish the same URL (e.g. content/essays/A.md and a.md) fail the build.
  prerenderConflictBehavior: "error",
  build: { format: "directory" },
  security: {
    csp: {
      algorithm: "SHA-256",
      // frame-ancestors only works as a real header: it is added to dist/_headers, not <meta>.
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval', never 'unsafe-eval'.
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: inlineScriptHashes,
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // No code blocks in essays; Shiki's inline styles would only fight the CSP.
    syntaxHighlight: false,
    processor: unified({
      // The texts are reproduced word for word: no smart quotes or dashes may be introduced.
      smartypants: false,
      // Sanitising runs first, so our own plugins work on (and add to) safe HTML only. Mentions
      // are found in the numbered passages; the base path goes on every link, theirs included.
      rehypePlugins: [
        ...sanitizePlugins,
        rehypeLangSpans,
        rehypeSectionAnchors,
        rehypeParagraphNumbers,
        // The aliases are part of the config, so editing a subject re-renders the essays.
        [rehypeSubjectMentions, { subjects: readSubjectAliases() }],
        [rehypeBaseLinks, { base }],
        // Last: what the finished body holds, for the checks and pages that need it. The key of
        // the plugins' code is part of the config, so changing a plugin re-renders the essays.
        [rehypeEssayRecord, { pipeline: pipelineKey() }],
      ],
    }),
  },
  integrations: [
    // Every page but the 404 and offline pages goes in the sitemap.
    sitemap({ filter: (page) => !/\/(404|offline)\/?$/.test(new URL(page).pathname) }),
    pagefind(),
    // After Pagefind: the offline sets list the index's files.
    serviceWorker(),
    securityHeaders(),
  ],
  vite: { plugins: [tailwindcss()] },
});
