import type { APIRoute, GetStaticPaths } from "astro";
import { loadLibrary, loadPdfs } from "../../collections.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({ params: { id: essay.id } }));
}) satisfies GetStaticPaths;

/** The essay as a PDF (src/lib/pdf.ts), set once and kept in the build cache. */
export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array((await loadPdfs())(params.id!)), {
    headers: { "Content-Type": "application/pdf" },
  });
