import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { loadBacklinks, loadSubjects } from "../../../collections.ts";
import { subjectPath } from "../../../lib/paths.ts";
import { subjectPreview } from "../../../lib/previews.ts";
import { SUBJECT_KIND_LABELS } from "../../../lib/subjects.ts";

export const getStaticPaths = (async () => {
  const [index, { leading }] = await Promise.all([loadSubjects(), loadBacklinks()]);
  return index.entries.map((entry) => ({
    params: { slug: entry.subject.slug },
    props: { entry, leading: leading.get(entry.subject.slug) ?? [] },
  }));
}) satisfies GetStaticPaths;

/**
 * What a link to the subject previews (lib/previews.ts): one more leading essay than a preview
 * shows, so a page about one of them can leave it out.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const { entry, leading } = props;
  return new Response(
    JSON.stringify(
      subjectPreview(
        entry,
        SUBJECT_KIND_LABELS[entry.subject.kind].one,
        subjectPath(entry.subject.slug),
        leading.map((d) => d.quote),
      ),
    ),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
};
