import type { APIRoute } from "astro";
import { loadDocuments, loadEdition, loadLibrary } from "../collections.ts";
import { collectionEpub } from "../lib/epub.ts";
import { absoluteUrl, collectionEpubPath } from "../lib/paths.ts";
import { COLLECTION, SITE } from "../site.ts";

/** Every essay in reading order as one EPUB 3 publication, with the authors' bios. */
export const GET: APIRoute = async ({ site, url }) => {
  const [library, documents] = await Promise.all([loadLibrary(), loadDocuments()]);
  const epub = collectionEpub(
    {
      title: COLLECTION.heading,
      identifier: absoluteUrl(collectionEpubPath(), site ?? url),
      description: SITE.description,
      language: SITE.lang,
      essays: library.essays.map((essay) => documents.get(essay.id)!),
    },
    loadEdition(),
  );
  return new Response(new Uint8Array(epub), {
    headers: { "Content-Type": "application/epub+zip" },
  });
};
