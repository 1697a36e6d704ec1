import type { APIRoute, GetStaticPaths } from "astro";
import { loadLibrary, loadShareImages } from "../../../collections.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({ params: { id: essay.id } }));
}) satisfies GetStaticPaths;

/** An essay's share image: its title, author and publication. */
export const GET: APIRoute = async ({ params }) => {
  const image = (await loadShareImages()).get(params.id!);
  if (!image) throw new Error(`No share image for essay "${params.id}"`);
  return new Response(new Uint8Array(image), { headers: { "Content-Type": "image/png" } });
};
