import type { APIRoute, GetStaticPaths } from "astro";
import { loadLibrary } from "../../../collections.ts";
import { citableEssay, exportCitation } from "../../../lib/citation.ts";
import type { Author, Essay } from "../../../lib/library.ts";
import { absoluteUrl, CITATION_FORMATS, essayPath } from "../../../lib/paths.ts";

const TYPES = {
  bib: "application/x-bibtex; charset=utf-8",
  ris: "application/x-research-info-systems; charset=utf-8",
  json: "application/vnd.citationstyles.csl+json; charset=utf-8",
} as const;

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.flatMap((essay) =>
    (Object.entries(CITATION_FORMATS) as [keyof typeof CITATION_FORMATS, keyof typeof TYPES][]).map(
      ([kind, format]) => ({
        params: { id: essay.id, format },
        props: { essay, author: library.authorById.get(essay.author.slug)!, kind },
      }),
    ),
  );
}) satisfies GetStaticPaths;

interface Props {
  essay: Essay;
  author: Author;
  kind: keyof typeof CITATION_FORMATS;
}

/** An essay's citation as BibTeX, RIS or CSL-JSON, for reference managers. */
export const GET: APIRoute<Props> = ({ props, params, site, url }) => {
  const { essay, author, kind } = props;
  const files = exportCitation(
    citableEssay(essay, author, absoluteUrl(essayPath(essay.id), site ?? url)),
  );
  return new Response(files[kind], {
    headers: { "Content-Type": TYPES[params.format as keyof typeof TYPES] },
  });
};
