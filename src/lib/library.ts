/**
 * The library model: plain essays, authors and tags built from validated collection entries,
 * plus the cross-entry checks a per-file schema cannot make (unknown authors, clashing tags,
 * duplicate positions). Pure TypeScript, so every rule is unit-tested without Astro.
 */
import { countWords, markdownToText, readingMinutes } from "./reading.ts";
import { termFromLabel, type Term } from "./slug.ts";
import {
  caseEvidence,
  emptyEvidence,
  sentenceCase,
  sentenceCaseProblem,
  shortTitle,
  shortTitleProblem,
  titleWords,
} from "./title-case.ts";

/** Authors as a library orders them: by family name, then given name (as written), then id. */
export function byFamilyName(a: Pick<Author, "name" | "slug">, b: Pick<Author, "name" | "slug">) {
  const compare = (x: string, y: string) => x.localeCompare(y, "en", { sensitivity: "base" });
  return (
    compare(a.name.family, b.name.family) ||
    compare(a.name.given, b.name.given) ||
    a.slug.localeCompare(b.slug)
  );
}

/** Splits a display name into family and given names: the last word is the family name. */
export function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/u);
  return { family: words.at(-1) ?? "", given: words.slice(0, -1).join(" ") };
}

/** Where an essay's text was first published. */
export interface Source {
  publication: string;
  archive: string;
}

/** An author entry as the content layer hands it over. */
export interface AuthorInput {
  id: string;
  filePath: string;
  name: string;
  affiliation?: string | undefined;
  bio?: string | undefined;
  familyName?: string | undefined;
  givenName?: string | undefined;
  corrections?: Correction[] | undefined;
}

/** An editorial correction to the source text, recorded where it is made. */
export interface Correction {
  field: string;
  original: string;
  corrected: string;
  note: string;
}

/** An essay entry as the content layer hands it over. */
export interface EssayInput {
  id: string;
  filePath: string;
  title: string;
  authorId: string;
  tags: string[];
  summary?: string;
  order: number;
  date?: Date | undefined;
  source: Source;
  imageCredit?: string | undefined;
  /** The editor's correction of the derived sentence-case title (APA), if any. */
  titleSentenceCase?: string | undefined;
  /** The editor's short title for short notes (Chicago), if the derived one will not do. */
  shortTitle?: string | undefined;
  body: string;
}

/** An essay as every page receives it. */
export interface Essay {
  id: string;
  filePath: string;
  title: string;
  author: Term;
  tags: Term[];
  summary?: string;
  order: number;
  date?: Date | undefined;
  source: Source;
  imageCredit?: string | undefined;
  /** The title in sentence case, proper nouns kept: derived from the essays, or the editor's. */
  sentenceTitle: string;
  /** The short title (at most four words): Chicago's rule, or the editor's. */
  shortTitle: string;
  words: number;
  minutes: number;
}

/** An author with the essays they wrote, in reading order. */
export interface Author extends Term {
  affiliation?: string | undefined;
  bio?: string | undefined;
  /** Family and given names, for citations. */
  name: { family: string; given: string };
  corrections: Correction[];
  essayIds: string[];
}

/** A tag with the essays that carry it, in reading order. */
export interface Tag extends Term {
  essayIds: string[];
}

/** Everything the pages need, with lookups by id and slug. */
export interface Library {
  essays: Essay[];
  authors: Author[];
  tags: Tag[];
  essayById: Map<string, Essay>;
  authorById: Map<string, Author>;
  tagBySlug: Map<string, Tag>;
  /** Each essay's position in reading order. */
  positionById: Map<string, number>;
  /** The distinct sources of the texts, for the provenance note. */
  sources: Source[];
}

/** A content problem: the file it is in, the field, and what is wrong. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** Thrown when the content cannot be built into a library; lists every problem, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(
      `${problems.length} content problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  - ${p.file}: field "${p.field}": ${p.message}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}

const byReadingOrder = (a: { order: number; id: string }, b: { order: number; id: string }) =>
  a.order - b.order || a.id.localeCompare(b.id);

/** Builds the library, or throws a ContentError naming every file and field at fault. */
export function buildLibrary(essayInputs: EssayInput[], authorInputs: AuthorInput[]): Library {
  const problems: ContentProblem[] = [];
  const authorInputById = new Map(authorInputs.map((a) => [a.id, a]));
  const knownAuthors = [...authorInputById.keys()].sort().join(", ");

  const tagLabelBySlug = new Map<string, { label: string; file: string }>();
  const fileByOrder = new Map<number, string>();
  const essays: Essay[] = [];

  // Which title words are proper nouns, as the essays write them: each essay's own text first,
  // then the whole collection's (one pass over each body, counting only words of titles).
  const wanted = new Set(essayInputs.flatMap((e) => titleWords(e.title)));
  const collection = emptyEvidence();
  const ownEvidence = new Map(
    essayInputs.map((e) => [e.id, caseEvidence(e.body, wanted, [emptyEvidence(), collection])]),
  );

  for (const input of [...essayInputs].sort(byReadingOrder)) {
    const problem = (field: string, message: string) =>
      problems.push({ file: input.filePath, field, message });

    const authorInput = authorInputById.get(input.authorId);
    if (!authorInput) {
      problem(
        "author",
        `no author "${input.authorId}" in the authors collection (known: ${knownAuthors || "none"})`,
      );
    }

    const clash = fileByOrder.get(input.order);
    if (clash) problem("order", `${input.order} is already the position of ${clash}`);
    else fileByOrder.set(input.order, input.filePath);

    const tags: Term[] = [];
    for (const label of input.tags) {
      let term: Term;
      try {
        term = termFromLabel(label);
      } catch (error) {
        problem("tags", (error as Error).message);
        continue;
      }
      if (tags.some((t) => t.slug === term.slug)) {
        problem("tags", `"${label}" is listed twice`);
        continue;
      }
      const seen = tagLabelBySlug.get(term.slug);
      if (seen && seen.label !== term.label) {
        problem(
          "tags",
          `"${term.label}" and "${seen.label}" (in ${seen.file}) share the URL slug "${term.slug}"; spell the tag the same way everywhere`,
        );
        continue;
      }
      if (!seen) tagLabelBySlug.set(term.slug, { label: term.label, file: input.filePath });
      tags.push(term);
    }

    if (!input.body.trim()) problem("body", "the essay has no text after its frontmatter");

    const sentenceProblem =
      input.titleSentenceCase && sentenceCaseProblem(input.title, input.titleSentenceCase);
    if (sentenceProblem) problem("titleSentenceCase", sentenceProblem);
    const shortProblem = input.shortTitle && shortTitleProblem(input.title, input.shortTitle);
    if (shortProblem) problem("shortTitle", shortProblem);

    const words = countWords(markdownToText(input.body));
    essays.push({
      id: input.id,
      filePath: input.filePath,
      title: input.title,
      author: { slug: input.authorId, label: authorInput?.name ?? input.authorId },
      tags,
      summary: input.summary,
      order: input.order,
      date: input.date,
      source: input.source,
      imageCredit: input.imageCredit,
      sentenceTitle:
        input.titleSentenceCase ??
        sentenceCase(input.title, [ownEvidence.get(input.id)!, collection]),
      shortTitle: input.shortTitle ?? shortTitle(input.title),
      words,
      minutes: readingMinutes(words),
    });
  }

  if (problems.length) throw new ContentError(problems);

  const authors: Author[] = [...authorInputs]
    .map((a) => ({
      slug: a.id,
      label: a.name,
      affiliation: a.affiliation,
      bio: a.bio,
      name: {
        family: a.familyName ?? splitName(a.name).family,
        given: a.givenName ?? splitName(a.name).given,
      },
      corrections: a.corrections ?? [],
      essayIds: essays.filter((e) => e.author.slug === a.id).map((e) => e.id),
    }))
    .sort(byFamilyName);

  const tagBySlug = new Map<string, Tag>();
  for (const essay of essays) {
    for (const term of essay.tags) {
      const tag = tagBySlug.get(term.slug) ?? { ...term, essayIds: [] };
      tag.essayIds.push(essay.id);
      tagBySlug.set(term.slug, tag);
    }
  }
  const tags = [...tagBySlug.values()].sort((a, b) =>
    a.label.localeCompare(b.label, "en", { sensitivity: "base" }),
  );

  const sources = new Map<string, Source>();
  for (const e of essays) sources.set(`${e.source.publication}\n${e.source.archive}`, e.source);

  return {
    essays,
    authors,
    tags,
    essayById: new Map(essays.map((e) => [e.id, e])),
    authorById: new Map(authors.map((a) => [a.slug, a])),
    tagBySlug,
    positionById: new Map(essays.map((e, i) => [e.id, i])),
    sources: [...sources.values()],
  };
}

/** The essays before and after `essay` in reading order, for previous/next links. */
export function neighbours(library: Library, essay: Essay): { previous?: Essay; next?: Essay } {
  const index = library.positionById.get(essay.id) ?? -1;
  return {
    previous: index > 0 ? library.essays[index - 1] : undefined,
    next: index >= 0 && index < library.essays.length - 1 ? library.essays[index + 1] : undefined,
  };
}
