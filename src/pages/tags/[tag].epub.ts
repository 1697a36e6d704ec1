import type { APIRoute, GetStaticPaths } from "astro";
import { loadDocuments, loadEdition, loadLibrary } from "../../collections.ts";
import { collectionEpub } from "../../lib/epub.ts";
import type { Tag } from "../../lib/library.ts";
import { absoluteUrl, tagEpubPath } from "../../lib/paths.ts";
import { countOf } from "../../lib/format.ts";
import { SITE } from "../../site.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.tags.map((tag) => ({ params: { tag: tag.slug }, props: { tag } }));
}) satisfies GetStaticPaths;

/** A tag's essays, in reading order, as one EPUB 3 publication. */
export const GET: APIRoute<{ tag: Tag }> = async ({ props, site, url }) => {
  const documents = await loadDocuments();
  const { tag } = props;
  const epub = collectionEpub(
    {
      title: `${tag.label}: ${countOf(tag.essayIds.length, "essay")}`,
      identifier: absoluteUrl(tagEpubPath(tag.slug), site ?? url),
      description: `The essays tagged “${tag.label}” in ${SITE.name}.`,
      language: SITE.lang,
      essays: tag.essayIds.map((id) => documents.get(id)!),
    },
    loadEdition(),
  );
  return new Response(new Uint8Array(epub), {
    headers: { "Content-Type": "application/epub+zip" },
  });
};
