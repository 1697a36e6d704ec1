import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { rasterise } from "../../lib/share-image.ts";
import { APP_ICON_SIZES } from "../../site.ts";

export const getStaticPaths = (() =>
  APP_ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

/** The web app's icon at one size: the favicon, rasterised by resvg. */
export const GET: APIRoute = async ({ params }) => {
  const svg = readFileSync("public/favicon.svg", "utf8");
  const png = await rasterise(svg, Number(params.size));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
