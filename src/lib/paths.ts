/**
 * The one module that builds site URLs. Every internal link goes through here so that the
 * trailing-slash convention and the deployment base path (`base` in astro.config.mjs) hold
 * everywhere.
 */

import { PAGE_SIZE, SUBJECT_PAGE_SIZE } from "./pagination.ts";

/** The deployment base path, always ending in "/" (Vite provides it at build and test time). */
const BASE: string = normaliseBase(import.meta.env?.BASE_URL ?? "/");

/** Ensures a base path starts and ends with exactly one slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** Joins path segments under the base path, percent-encoding each and ending in a slash. */
export function sitePath(...segments: string[]): string {
  const encoded = segments.filter((s) => s !== "").map((s) => encodeURIComponent(s));
  return encoded.length ? `${BASE}${encoded.join("/")}/` : BASE;
}

/** The home page. */
export const homePath = (): string => sitePath();
/** The index of every essay. */
export const essaysPath = (): string => sitePath("essays");
/** One essay, by its content id. */
export const essayPath = (id: string): string => sitePath("essays", id);

/** The id of passage `n` of an essay, its anchor on the page: `p-12`. */
export const paragraphId = (n: number | string): string => `p-${n}`;

/** A link to passage `n` from its own page: `#p-12`. */
export const passageHash = (n: number | string): string => `#${paragraphId(n)}`;

/** The path of passage `n` of an essay: `/essays/<id>/#p-12`. */
export const passagePath = (id: string, n: number | string): string =>
  `${essayPath(id)}${passageHash(n)}`;
/** The index of every tag. */
export const tagsPath = (): string => sitePath("tags");
/** One tag's page, by its slug. */
export const tagPath = (slug: string): string => sitePath("tags", slug);
/** The index of every author. */
export const authorsPath = (): string => sitePath("authors");
/** One author's page, by its content id. */
export const authorPath = (id: string): string => sitePath("authors", id);

/** The index of every subject (people, organisations, places, agreements, concepts). */
export const subjectsPath = (): string => sitePath("subjects");
/** One subject's page: what each essay says about it. */
export const subjectPath = (slug: string): string => sitePath("subjects", slug);
/** The timeline of events the essays state. */
export const timelinePath = (): string => sitePath("timeline");
/** One event on the timeline. */
export const timelineEventPath = (id: string): string =>
  `${timelinePath()}#${encodeURIComponent(id)}`;

/** Page `n` of a paginated list whose first page is `firstPage` (`/tags/x/` → `/tags/x/2/`). */
export function pagedPath(firstPage: string, n: number): string {
  return n <= 1 ? firstPage : `${firstPage}${n}/`;
}

/** The search page, optionally with a query already filled in. */
export function searchPath(query?: string): string {
  const path = sitePath("search");
  const q = query?.trim();
  return q ? `${path}?q=${encodeURIComponent(q)}` : path;
}

/** The plain Markdown source of an essay (its `rel="alternate" type="text/markdown"`). */
export const essayMarkdownPath = (id: string): string =>
  `${BASE}essays/${encodeURIComponent(id)}.md`;

/** An essay as a PDF. */
export const essayPdfPath = (id: string): string => `${BASE}essays/${encodeURIComponent(id)}.pdf`;

/** An essay as an EPUB. */
export const essayEpubPath = (id: string): string => `${BASE}essays/${encodeURIComponent(id)}.epub`;

/** The whole collection as one EPUB. */
export const collectionEpubPath = (): string => `${BASE}essays.epub`;

/** A tag's essays as one EPUB. */
export const tagEpubPath = (slug: string): string => `${BASE}tags/${encodeURIComponent(slug)}.epub`;

/** The reference formats an essay's citation can be downloaded in, with their file extensions. */
export const CITATION_FORMATS = { bibtex: "bib", ris: "ris", csl: "json" } as const;

/** An essay's citation file in a reference-manager format. */
export function citationPath(id: string, format: keyof typeof CITATION_FORMATS): string {
  return `${sitePath("essays", id)}citation.${CITATION_FORMATS[format]}`;
}

/** An essay's share image (Open Graph, Twitter cards), or, without an id, the site's. */
export function shareImagePath(essayId?: string): string {
  return essayId === undefined
    ? `${BASE}share/site.png`
    : `${BASE}share/essays/${encodeURIComponent(essayId)}.png`;
}

/** What a link to an essay or to one of its passages previews: the essay's text, by ¶ (JSON). */
export const essayPreviewPath = (id: string): string =>
  `${BASE}previews/essays/${encodeURIComponent(id)}.json`;

/** What a link to a subject previews: its kind, description, counts and first passages (JSON). */
export const subjectPreviewPath = (slug: string): string =>
  `${BASE}previews/subjects/${encodeURIComponent(slug)}.json`;

/** The map of the argument: essays and subjects as a graph, with the same as a table. */
export const mapPath = (): string => sitePath("map");

/** The reader's own highlights and notes, kept in their browser. */
export const notesPath = (): string => sitePath("notes");

/** The full-text RSS feed. */
export const feedPath = (): string => `${BASE}feed.xml`;

/** The JSON index of all essays, for scripts. */
export const essaysIndexJsonPath = (): string => `${BASE}essays.json`;

/** An absolute URL for a site path (which already carries the base path). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** A file under the base path that is not a page (e.g. "pagefind/pagefind.js"). */
export function assetPath(file: string): string {
  return `${BASE}${file.replace(/^\/+/, "")}`;
}

/** Everything the library publishes, by kind, for link checks: essay pages and all paths. */
export function sitePaths(library: {
  essays: { id: string }[];
  tags: { slug: string; essayIds?: string[] }[];
  authors: { slug: string; essayIds?: string[] }[];
  subjects?: { slug: string; essayIds: string[] }[];
}): { essays: Map<string, string>; all: Set<string> } {
  const essays = new Map(library.essays.map((e) => [e.id, essayPath(e.id)]));
  const all = new Set<string>([
    homePath(),
    essaysPath(),
    tagsPath(),
    authorsPath(),
    searchPath(),
    feedPath(),
    essaysIndexJsonPath(),
    ...essays.values(),
    ...listPages(essaysPath(), library.essays.length),
    collectionEpubPath(),
    ...library.essays.flatMap((e) => [
      essayMarkdownPath(e.id),
      essayPdfPath(e.id),
      essayEpubPath(e.id),
      essayPreviewPath(e.id),
      ...Object.keys(CITATION_FORMATS).map((f) =>
        citationPath(e.id, f as keyof typeof CITATION_FORMATS),
      ),
    ]),
    ...library.tags.flatMap((t) => listPages(tagPath(t.slug), t.essayIds?.length ?? 0)),
    ...library.tags.map((t) => tagEpubPath(t.slug)),
    ...library.authors.flatMap((a) => listPages(authorPath(a.slug), a.essayIds?.length ?? 0)),
    ...(library.subjects
      ? [
          subjectsPath(),
          timelinePath(),
          mapPath(),
          notesPath(),
          ...library.subjects.map((s) => subjectPreviewPath(s.slug)),
          ...library.subjects.flatMap((s) =>
            listPages(subjectPath(s.slug), s.essayIds.length, SUBJECT_PAGE_SIZE),
          ),
        ]
      : []),
  ]);
  return { essays, all };
}

/** Every page of a list of `count` essays (at least its first page). */
function listPages(firstPage: string, count: number, pageSize = PAGE_SIZE): string[] {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: pages }, (_, i) => pagedPath(firstPage, i + 1));
}
