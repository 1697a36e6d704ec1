import type { APIRoute, GetStaticPaths } from "astro";
import { loadLibrary } from "../../../collections.ts";
import type { Author, Essay } from "../../../lib/library.ts";
import { shareImage } from "../../../lib/share-image.ts";
import { SITE } from "../../../site.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({
    params: { id: essay.id },
    props: { essay, author: library.authorById.get(essay.author.slug)! },
  }));
}) satisfies GetStaticPaths;

interface Props {
  essay: Essay;
  author: Author;
}

/** An essay's share image: its title, author and publication. */
export const GET: APIRoute<Props> = async ({ props: { essay, author } }) =>
  new Response(
    new Uint8Array(
      await shareImage({
        kind: "essay",
        title: essay.title,
        author: author.label,
        affiliation: author.affiliation,
        publication: essay.source.publication,
        siteName: SITE.name,
      }),
    ),
    { headers: { "Content-Type": "image/png" } },
  );
