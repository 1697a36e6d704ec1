import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { loadCitations, loadEssayFacts, loadLibrary } from "../../../collections.ts";
import { essayPath } from "../../../lib/paths.ts";
import { essayPreview } from "../../../lib/previews.ts";

export const getStaticPaths = (async () => {
  const library = await loadLibrary();
  return library.essays.map((essay) => ({
    params: { id: essay.id },
    props: { essay, author: library.authorById.get(essay.author.slug)! },
  }));
}) satisfies GetStaticPaths;

/** What a link to the essay, or to one of its ¶, previews (lib/previews.ts). */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const { essay, author } = props;
  const [facts, citations] = await Promise.all([loadEssayFacts(), loadCitations()]);
  const references = citations.get(essay.id)!.styles.map((style) => ({
    key: style.key,
    label: style.label,
    text: style.reference.text,
    dateForm: style.dateForm,
  }));
  return new Response(
    JSON.stringify(
      essayPreview(essay, author, essayPath(essay.id), facts.get(essay.id)!.texts, references),
    ),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
};
