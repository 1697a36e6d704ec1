import type { APIRoute } from "astro";
import { loadLibrary } from "../collections.ts";
import { absoluteUrl, authorPath, essayMarkdownPath, essayPath, tagPath } from "../lib/paths.ts";

/** Every essay as data, for scripts: title, author, tags, URLs, word count, source. */
export const GET: APIRoute = async ({ site, url }) => {
  const library = await loadLibrary();
  const base = site ?? url;
  const essays = library.essays.map((e) => ({
    id: e.id,
    title: e.title,
    author: { ...e.author, url: absoluteUrl(authorPath(e.author.slug), base) },
    tags: e.tags.map((t) => ({ ...t, url: absoluteUrl(tagPath(t.slug), base) })),
    url: absoluteUrl(essayPath(e.id), base),
    markdown: absoluteUrl(essayMarkdownPath(e.id), base),
    words: e.words,
    readingMinutes: e.minutes,
    summary: e.summary,
    date: e.date ? e.date.toISOString().slice(0, 10) : null,
    source: e.source,
  }));
  return new Response(JSON.stringify({ count: essays.length, essays }, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
