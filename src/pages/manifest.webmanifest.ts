import type { APIRoute } from "astro";
import { assetPath } from "../lib/paths.ts";
import { APP_ICON_SIZES, SITE } from "../site.ts";

/** The web app manifest: the reader installs as an app that opens offline. */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(
      {
        name: SITE.name,
        short_name: SITE.name,
        description: SITE.description,
        lang: SITE.lang,
        start_url: assetPath(""),
        scope: assetPath(""),
        display: "standalone",
        background_color: "#fbfaf7",
        theme_color: "#8f1d1d",
        icons: APP_ICON_SIZES.map((size) => ({
          src: assetPath(`icons/${size}.png`),
          sizes: `${size}x${size}`,
          type: "image/png",
          purpose: "any",
        })),
      },
      null,
      2,
    )}\n`,
    { headers: { "Content-Type": "application/manifest+json; charset=utf-8" } },
  );
