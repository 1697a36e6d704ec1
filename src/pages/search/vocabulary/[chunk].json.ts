import type { APIRoute, GetStaticPaths } from "astro";
import { loadVocabularyChunks } from "../../../collections.ts";

export const getStaticPaths = (async () => {
  const chunks = await loadVocabularyChunks();
  return [...chunks].map(([chunk, words]) => ({ params: { chunk }, props: { words } }));
}) satisfies GetStaticPaths;

/** One chunk of the site's vocabulary: `{ word: documentCount }` for words starting with `chunk`. */
export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.words), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
