import type { APIRoute, GetStaticPaths } from "astro";
import { essaySource, loadLibrary } from "../../collections.ts";
import { essayMarkdown } from "../../lib/markdown-export.ts";
import { absoluteUrl, essayPath } from "../../lib/paths.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({ params: { id: essay.id }, props: { essay } }));
}) satisfies GetStaticPaths;

/** The essay as plain Markdown: a short header, then the source text exactly as stored. */
export const GET: APIRoute = async ({ props, site, url }) =>
  new Response(
    essayMarkdown(
      props.essay,
      await essaySource(props.essay.id),
      absoluteUrl(essayPath(props.essay.id), site ?? url),
    ),
    { headers: { "Content-Type": "text/markdown; charset=utf-8" } },
  );
