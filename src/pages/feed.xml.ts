import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { essayHtml, loadLibrary } from "../collections.ts";
import { absoluteFragments, withoutMentionLinks } from "../lib/feed.ts";
import { absoluteUrl, essayPath } from "../lib/paths.ts";
import { SITE } from "../site.ts";

/** How many essays the feed carries: the first in reading order (a feed is not an archive). */
export const FEED_LIMIT = 50;

/** The full-text RSS feed: the first essays in reading order, each whole. */
export const GET: APIRoute = async ({ site, url }) => {
  const library = await loadLibrary();
  const base = site ?? url;
  const items = await Promise.all(
    library.essays.slice(0, FEED_LIMIT).map(async (essay) => {
      const link = absoluteUrl(essayPath(essay.id), base);
      return {
        title: essay.title.replace(/\s+/g, " "),
        link,
        description: essay.summary,
        content: absoluteFragments(withoutMentionLinks(await essayHtml(essay.id)), link),
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
    xmlns: { dc: "http://purl.org/dc/elements/1.1/" },
    customData: "<language>en</language>",
    trailingSlash: true,
    items,
  });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
