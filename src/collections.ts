/**
 * The only module that reads the content collections. It turns entries into the plain library
 * model (src/lib/library.ts) once per build and hands that to every page; content problems that
 * Astro would only log (unknown authors) or never notice (clashing tags) fail the build here.
 */
import { getCollection, getEntry, render } from "astro:content";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { checkBodyReferences, strayContentFiles } from "./lib/content-checks.ts";
import { buildLibrary, ContentError, type ContentProblem, type Library } from "./lib/library.ts";
import { markdownToText } from "./lib/reading.ts";
import { citeAll, drawAll, printAll } from "./worker-pool.ts";
import { essayDocument, type EssayDocument } from "./lib/essay-document.ts";
import { editionDate, type Edition } from "./lib/epub.ts";
import { citableEssay, type EssayCitations } from "./lib/citation.ts";
import { absoluteUrl, essayPath, sitePaths } from "./lib/paths.ts";
import { essayCard, siteCard } from "./lib/share-image.ts";
import { BACKLINK_LIMITS, COLLECTION, LEADING_ESSAYS, RELATED_LIMIT, SITE } from "./site.ts";
import {
  backlinks,
  leadingBySubject,
  type BacklinkGroup,
  type Discussant,
  type EssayFacts,
} from "./lib/backlinks.ts";
import { memo } from "./lib/memo.ts";
import { relatedEssays, type Related } from "./lib/similarity.ts";
import { buildVocabulary, chunkVocabulary, type VocabularyChunk } from "./lib/search/vocabulary.ts";
import {
  buildSubjects,
  indexMentions,
  subjectProblems,
  type SubjectIndex,
} from "./lib/subjects.ts";
import { buildTimeline, type TimelineEvent } from "./lib/timeline.ts";
import { essayRecord } from "./markdown/essay-record.ts";
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

/** The whole library: essays in reading order, authors, tags. Built once and shared by all pages. */
export const loadLibrary: () => Promise<Library> = memo(() => readLibrary());

/** The folder the collections read (the glob loaders' bases live under it). */
const CONTENT_DIR = "content";

/** Every file under content/, relative to it, with forward slashes. */
function contentFiles(): string[] {
  return readdirSync(CONTENT_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(CONTENT_DIR, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

async function readLibrary(): Promise<Library> {
  const [essayEntries, authorEntries, subjectEntries] = await Promise.all([
    getCollection("essays"),
    getCollection("authors"),
    getCollection("subjects"),
  ]);
  // Collect every problem before failing, so one build names them all.
  const problems: ContentProblem[] = strayContentFiles(contentFiles());
  let library: Library | undefined;
  try {
    library = makeLibrary(essayEntries, authorEntries);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  if (library) {
    // Essays link their mentions to subject pages: those must exist too.
    const subjects = subjectEntries.map((e) => ({ slug: e.id, essayIds: [] }));
    const paths = sitePaths({ ...library, subjects });
    const records = new Map(
      essayEntries.map((e) => [e.id, essayRecord(e.rendered?.metadata, e.filePath ?? e.id)]),
    );
    const idsByPath = new Map(
      library.essays.map((e) => [paths.essays.get(e.id)!, new Set(records.get(e.id)!.ids)]),
    );
    for (const essay of library.essays) {
      problems.push(
        ...checkBodyReferences(
          essay.filePath,
          paths.essays.get(essay.id)!,
          records.get(essay.id)!.references,
          { paths: paths.all, idsByPath },
        ),
      );
    }
  }
  if (problems.length || !library) throw new ContentError(problems);
  return library;
}

// Citations and share images take longest to prepare: start them (in worker threads) as soon as
// the library is read, so they are made while the first pages render.
void loadLibrary()
  .then(() => Promise.all([loadCitations(), loadShareImages()]))
  .catch(() => undefined);

function makeLibrary(
  essayEntries: Awaited<ReturnType<typeof getCollection<"essays">>>,
  authorEntries: Awaited<ReturnType<typeof getCollection<"authors">>>,
): Library {
  return buildLibrary(
    essayEntries.map((entry) => ({
      id: entry.id,
      filePath: entry.filePath ?? `content/essays/${entry.id}.md`,
      title: entry.data.title,
      authorId: entry.data.author.id,
      tags: entry.data.tags,
      summary: entry.data.summary,
      order: entry.data.order,
      date: entry.data.date,
      source: entry.data.source,
      imageCredit: entry.data.imageCredit,
      titleSentenceCase: entry.data.titleSentenceCase,
      shortTitle: entry.data.shortTitle,
      body: entry.body ?? "",
    })),
    authorEntries.map((entry) => ({
      id: entry.id,
      filePath: entry.filePath ?? `content/authors/${entry.id}`,
      name: entry.data.name,
      affiliation: entry.data.affiliation,
      bio: entry.data.bio,
      familyName: entry.data.familyName,
      givenName: entry.data.givenName,
      corrections: entry.data.corrections,
    })),
  );
}

/** Every essay's citations (four styles and the passage templates), formatted once per build. */
export const loadCitations: () => Promise<Map<string, EssayCitations>> = memo(async () => {
  const library = await loadLibrary();
  const site = import.meta.env.SITE ?? "http://localhost:4321";
  return citeAll(
    library.essays.map((essay) =>
      citableEssay(
        essay,
        library.authorById.get(essay.author.slug)!,
        absoluteUrl(essayPath(essay.id), site),
      ),
    ),
  );
});

/** Every essay's share image (PNG: title, author, publication), drawn once per build. */
export const loadShareImages: () => Promise<Map<string, Uint8Array>> = memo(async () => {
  const library = await loadLibrary();
  const cards = library.essays.map((essay) =>
    essayCard(essay, library.authorById.get(essay.author.slug)!, SITE.name),
  );
  const images = await drawAll(cards);
  return new Map(library.essays.map((essay, i) => [essay.id, images[i]!]));
});

/** The site's own share image (every page but the essays), drawn once and cached like the rest. */
export async function loadSiteShareImage(): Promise<Uint8Array> {
  const library = await loadLibrary();
  const [image] = await drawAll([siteCard(library, SITE, COLLECTION)]);
  return image!;
}

/**
 * Every essay as a document to take away (PDF, EPUB), by id: the library's essay and author, its
 * rendered body, and its citation in each style with a place for the reader's access date.
 */
export const loadDocuments: () => Promise<Map<string, EssayDocument>> = memo(async () => {
  const [entries, library, citations] = await Promise.all([
    getCollection("essays"),
    loadLibrary(),
    loadCitations(),
  ]);
  const html = new Map(entries.map((e) => [e.id, e.rendered?.html]));
  const site = import.meta.env.SITE ?? "http://localhost:4321";
  return new Map(
    library.essays.map((essay) => {
      const body = html.get(essay.id);
      if (body === undefined) throw new Error(`No rendered body for essay "${essay.id}"`);
      const document = essayDocument({
        essay,
        author: library.authorById.get(essay.author.slug)!,
        html: body,
        url: absoluteUrl(essayPath(essay.id), site),
        language: SITE.lang,
        citations: citations.get(essay.id)!.styles.map((style) => ({
          label: style.label,
          html: style.reference.html,
        })),
      });
      return [essay.id, document];
    }),
  );
});

/** What every EPUB states besides its content: when it was last modified, and by whom. */
export const loadEdition: () => Edition = memo(() => ({
  modified: editionDate(process.env.SOURCE_DATE_EPOCH, new Date()),
  publisher: SITE.name,
}));

/** Every essay's PDF, by id: set once per build (or read from the build cache) and read on demand. */
export const loadPdfs: () => Promise<(id: string) => Uint8Array> = memo(async () => {
  const documents = [...(await loadDocuments()).values()];
  const read = await printAll(documents);
  const index = new Map(documents.map((d, i) => [d.id, i]));
  return (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`No PDF for essay "${id}"`);
    return read(i);
  };
});

/** Each essay's title, author and passage texts (word for word, from its document), by id. */
export const loadEssayFacts: () => Promise<Map<string, EssayFacts & { texts: string[] }>> = memo(
  async () => {
    const documents = await loadDocuments();
    return new Map(
      [...documents.values()].map((doc) => {
        const texts: string[] = [];
        for (const block of doc.blocks) {
          if (block.kind === "passage") texts[block.n - 1] = block.runs.map((r) => r.text).join("");
        }
        const facts = {
          title: doc.title,
          author: doc.author.name,
          texts,
          passage: (n: number) => texts[n - 1],
        };
        return [doc.id, facts];
      }),
    );
  },
);

/**
 * Backlinks, ranked once per build: each subject's leading essays (for its page and its preview)
 * and each essay's "Also on these subjects".
 */
export const loadBacklinks: () => Promise<{
  leading: Map<string, Discussant[]>;
  byEssay: Map<string, BacklinkGroup[]>;
}> = memo(async () => {
  const [subjects, facts] = await Promise.all([loadSubjects(), loadEssayFacts()]);
  const factsOf = (id: string) => facts.get(id)!;
  const ranked = Math.max(LEADING_ESSAYS, BACKLINK_LIMITS.essaysPerSubject) + 1;
  const leading = leadingBySubject(subjects, factsOf, ranked);
  return { leading, byEssay: backlinks(subjects, leading, BACKLINK_LIMITS) };
});

/** The RELATED_LIMIT related essays of every essay (shared subjects, tags, wording), once per build. */
export const loadRelated: () => Promise<Map<string, Related[]>> = memo(async () => {
  const [entries, library, subjects] = await Promise.all([
    getCollection("essays"),
    loadLibrary(),
    loadSubjects(),
  ]);
  const bodies = new Map(entries.map((e) => [e.id, e.body ?? ""]));
  return relatedEssays(
    library.essays.map((essay) => ({
      id: essay.id,
      order: essay.order,
      tags: essay.tags,
      subjects: (subjects.byEssay.get(essay.id) ?? []).map(({ subject, mentions }) => ({
        slug: subject.slug,
        label: subject.label,
        mentions,
      })),
      text: `${essay.title}\n${markdownToText(bodies.get(essay.id) ?? "")}`,
    })),
    { limit: RELATED_LIMIT },
  );
});

/** An essay's markdown source exactly as written (for the plain Markdown alternate). */
export async function essaySource(id: string): Promise<string> {
  const entry = await getEntry("essays", id);
  if (!entry) throw new Error(`No essay with id "${id}" in content/essays/`);
  return entry.body ?? "";
}

/** An essay's body as HTML, rendered by the configured pipeline (for the full-text feed). */
export async function essayHtml(id: string): Promise<string> {
  const entry = await getEntry("essays", id);
  if (!entry?.rendered) throw new Error(`No rendered body for essay "${id}"`);
  return entry.rendered.html;
}

/**
 * Renders an essay's markdown body through the unified pipeline configured in astro.config.mjs;
 * its section headings come from the essay record.
 */
export async function renderEssay(id: string) {
  const entry = await getEntry("essays", id);
  if (!entry) throw new Error(`No essay with id "${id}" in content/essays/`);
  const { Content } = await render(entry);
  const { headings } = essayRecord(entry.rendered?.metadata, entry.filePath ?? id);
  return { Content, headings };
}

/**
 * The words of every essay (body, title, author), split into chunks by first letter, for the
 * search page's spelling corrections.
 */
export async function loadVocabularyChunks(): Promise<Map<string, VocabularyChunk>> {
  const [entries, library] = await Promise.all([getCollection("essays"), loadLibrary()]);
  return chunkVocabulary(
    buildVocabulary(
      entries.map((entry) => {
        const essay = library.essayById.get(entry.id);
        return [essay?.title, essay?.author.label, markdownToText(entry.body ?? "")].join("\n");
      }),
    ),
  );
}

/**
 * The subjects of content/subjects/ with every passage that mentions them (recorded by the mention
 * finder while the essays were rendered), validated: an alias two subjects claim fails the build.
 */
export const loadSubjects: () => Promise<SubjectIndex> = memo(async () => {
  const [entries, essayEntries, library] = await Promise.all([
    getCollection("subjects"),
    getCollection("essays"),
    loadLibrary(),
  ]);
  const inputs = entries.map((entry) => ({
    id: entry.id,
    filePath: entry.filePath ?? `content/subjects/${entry.id}.yaml`,
    name: entry.data.name,
    kind: entry.data.kind,
    aliases: entry.data.aliases,
    description: entry.data.description,
  }));
  const problems = subjectProblems(inputs);
  for (const input of inputs) {
    // The mention finder knows subjects by file name, so the file name must be the slug.
    const stem = input.filePath
      .split("/")
      .at(-1)
      ?.replace(/\.ya?ml$/, "");
    if (stem !== input.id) {
      problems.push({
        file: input.filePath,
        field: "(file name)",
        message: `a subject's file name is its URL: use lowercase letters, digits and hyphens ("${input.id}.yaml")`,
      });
    }
  }
  if (problems.length) throw new ContentError(problems);
  const recorded = new Map(
    essayEntries.map((e) => [e.id, essayRecord(e.rendered?.metadata, e.filePath ?? e.id).mentions]),
  );
  return indexMentions(
    buildSubjects(inputs),
    library.essays.map((essay) => ({ id: essay.id, passages: recorded.get(essay.id) ?? [] })),
  );
});

/** The timeline data file; the file loader only logs a file it cannot parse, so it is re-read. */
const TIMELINE_FILE = "content/timeline/events.yaml";

/**
 * The events of content/timeline/events.yaml in date order, each checked against the essays: an
 * unknown essay or a ¶ the essay does not have fails the build, naming the file and the event.
 */
export const loadTimeline: () => Promise<TimelineEvent[]> = memo(async () => {
  const [entries, essayEntries] = await Promise.all([
    getCollection("timeline"),
    getCollection("essays"),
  ]);
  if (entries.length === 0 && existsSync(TIMELINE_FILE)) {
    // Either an empty list or YAML the loader could not read: say which, with the parser's words.
    try {
      parseYaml(readFileSync(TIMELINE_FILE, "utf8"));
    } catch (error) {
      throw new ContentError([
        {
          file: TIMELINE_FILE,
          field: "(file)",
          message: `not valid YAML: ${(error as Error).message}`,
        },
      ]);
    }
  }
  const referenced = new Set(entries.flatMap((e) => e.data.sources.map((s) => s.essay)));
  const passages = new Map(
    essayEntries.map((e) => [
      e.id,
      referenced.has(e.id) ? essayRecord(e.rendered?.metadata, e.filePath ?? e.id).passages : 0,
    ]),
  );
  const { events, problems } = buildTimeline(
    entries.map((entry) => ({
      id: entry.id,
      filePath: entry.filePath ?? TIMELINE_FILE,
      date: entry.data.date,
      label: entry.data.label,
      sources: entry.data.sources,
    })),
    passages,
  );
  if (problems.length) throw new ContentError(problems);
  return events;
});
