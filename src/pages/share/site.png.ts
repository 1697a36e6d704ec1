import type { APIRoute } from "astro";
import { loadSiteShareImage } from "../../collections.ts";

/** The share image of every page but the essays: the site and its collection. */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await loadSiteShareImage()), {
    headers: { "Content-Type": "image/png" },
  });
