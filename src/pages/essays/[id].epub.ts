import type { APIRoute, GetStaticPaths } from "astro";
import { loadDocuments, loadEdition, loadLibrary } from "../../collections.ts";
import { essayEpub } from "../../lib/epub.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({ params: { id: essay.id } }));
}) satisfies GetStaticPaths;

/** The essay as an EPUB 3 publication (src/lib/epub.ts). */
export const GET: APIRoute = async ({ params }) => {
  const document = (await loadDocuments()).get(params.id!);
  if (!document) throw new Error(`No document for essay "${params.id}"`);
  return new Response(new Uint8Array(essayEpub(document, loadEdition())), {
    headers: { "Content-Type": "application/epub+zip" },
  });
};
