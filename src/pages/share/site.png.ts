import type { APIRoute } from "astro";
import { loadLibrary } from "../../collections.ts";
import { shareImage, siteCard } from "../../lib/share-image.ts";
import { COLLECTION, SITE } from "../../site.ts";

/** The share image of every page but the essays: the site and its collection. */
export const GET: APIRoute = async () => {
  const library = await loadLibrary();
  return new Response(new Uint8Array(await shareImage(siteCard(library, SITE, COLLECTION))), {
    headers: { "Content-Type": "image/png" },
  });
};
