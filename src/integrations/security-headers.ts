/**
 * Writes `_headers` (Netlify/Cloudflare format) after the build: the Content-Security-Policy Astro
 * put in each page's <meta>, merged across pages, plus frame-ancestors and the other security
 * headers, so a host can send them as real HTTP headers (which the search worker obeys), and the
 * Content-Type of each kind of non-HTML file (Markdown, BibTeX, RIS, JSON, the feed).
 */
import type { AstroIntegration } from "astro";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatHeadersFile, mergeCsp, parseCsp, siteHeaderRules } from "../lib/headers.ts";

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** An Astro integration that writes dist/_headers in `astro:build:done`. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: "research-reader:security-headers",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) =>
          f.endsWith(".html"),
        );
        const policies = pages.map((page) => {
          const match = META_CSP.exec(readFileSync(join(out, page), "utf8"));
          if (!match) throw new Error(`${page} has no Content-Security-Policy <meta>`);
          return parseCsp(match[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
        });
        writeFileSync(
          join(out, "_headers"),
          formatHeadersFile(siteHeaderRules(mergeCsp(policies))),
        );
        logger.info(`wrote _headers (CSP merged from ${pages.length} pages)`);
      },
    },
  };
}
