import type { APIRoute } from "astro";
import { loadSubjects } from "../../collections.ts";
import { searchSubjects } from "../../lib/search/subjects.ts";
import { SUBJECT_KIND_LABELS, type SubjectKind } from "../../lib/subjects.ts";

/** The curated subjects search knows, with their spellings and counts (lib/search/subjects.ts). */
export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(
      searchSubjects(
        (await loadSubjects()).entries,
        (kind) => SUBJECT_KIND_LABELS[kind as SubjectKind].one,
      ),
    ),
    {
      headers: { "Content-Type": "application/json; charset=utf-8" },
    },
  );
