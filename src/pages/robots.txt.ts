import type { APIRoute } from "astro";
import { absoluteUrl, assetPath } from "../lib/paths.ts";

/** robots.txt: everything may be crawled; the sitemap says where the pages are. */
export const GET: APIRoute = ({ site, url }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(assetPath("sitemap-index.xml"), site ?? url)}\n`,
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
