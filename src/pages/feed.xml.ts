import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { essayHtml, loadLibrary } from "../collections.ts";
import { feedBody } from "../lib/feed.ts";
import { editorsSummary } from "../lib/metadata.ts";
import { absoluteUrl, assetPath, essayPath, feedPath } from "../lib/paths.ts";
import { SITE } from "../site.ts";

/** How many essays the feed carries: the first in reading order (a feed is not an archive). */
export const FEED_LIMIT = 50;

/**
 * The full-text RSS 2.0 feed: the first essays in reading order, each whole, with the editor's
 * summary (marked as such) as its description. It names its own address (`atom:link rel="self"`,
 * as the RSS Advisory Board recommends) and an XSLT stylesheet, so a browser that opens it shows
 * a readable page rather than raw XML.
 */
export const GET: APIRoute = async ({ site, url }) => {
  const library = await loadLibrary();
  const base = site ?? url;
  const self = absoluteUrl(feedPath(), base);
  const items = await Promise.all(
    library.essays.slice(0, FEED_LIMIT).map(async (essay) => {
      const link = absoluteUrl(essayPath(essay.id), base);
      return {
        title: essay.title.replace(/\s+/g, " "),
        link,
        ...(essay.summary ? { description: editorsSummary(essay.summary) } : {}),
        content: feedBody(await essayHtml(essay.id), link),
        categories: essay.tags.map((t) => t.label),
        ...(essay.date ? { pubDate: essay.date } : {}),
        customData: `<dc:creator>${escapeXml(essay.author.label)}</dc:creator>`,
      };
    }),
  );
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: base,
    stylesheet: assetPath("feed.xsl"),
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData: `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items,
  });
};

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
