import type { APIRoute } from "astro";
import { loadVocabularyChunks } from "../../../collections.ts";

/** The keys of the vocabulary chunks that exist, so the browser never asks for a missing one. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify([...(await loadVocabularyChunks()).keys()]), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
