/**
 * Checks on the content that no schema can make: files the collections would silently skip, and
 * what an essay's rendered body links to (pages and #anchors that must exist, no remote images,
 * since the site makes no requests to other hosts).
 */
import type { ContentProblem } from "./library.ts";

/** The files each collection reads, relative to the content folder. */
export const COLLECTION_FILES: { collection: string; pattern: RegExp; describe: string }[] = [
  { collection: "essays", pattern: /^essays\/.+\.md$/, describe: "content/essays/**/*.md" },
  {
    collection: "authors",
    pattern: /^authors\/.+\.ya?ml$/,
    describe: "content/authors/**/*.{yaml,yml}",
  },
  {
    collection: "subjects",
    pattern: /^subjects\/[^/]+\.ya?ml$/,
    describe: "content/subjects/*.{yaml,yml}",
  },
  {
    collection: "timeline",
    pattern: /^timeline\/events\.yaml$/,
    describe: "content/timeline/events.yaml",
  },
];

/** Files that may sit in content/ without belonging to a collection. */
const ALLOWED = [/^README\.md$/i, /(^|\/)\./];

/** The files in content/ that no collection reads: each would be silently left out. */
export function strayContentFiles(files: string[]): ContentProblem[] {
  return files
    .filter(
      (f) => !ALLOWED.some((re) => re.test(f)) && !COLLECTION_FILES.some((c) => c.pattern.test(f)),
    )
    .map((f) => ({
      file: `content/${f}`,
      field: "(file)",
      message: `no collection reads this file, so it would be left out; the collections read ${COLLECTION_FILES.map((c) => c.describe).join(", ")}`,
    }));
}

/** A link or embedded resource in an essay body. */
export interface BodyReference {
  tag: string;
  attribute: "href" | "src";
  url: string;
}

/** What the site has, to check an essay's internal links against. */
export interface SiteMapForLinks {
  /** Every page and file path of the site (with the base path). */
  paths: Set<string>;
  /** The ids on each essay page. */
  idsByPath: Map<string, Set<string>>;
}

/**
 * Problems with an essay's references (as the markdown pipeline recorded them): internal links to pages or #anchors that do not exist,
 * and any remote image or embedded resource (the site never loads anything from another host).
 */
export function checkBodyReferences(
  file: string,
  pagePath: string,
  references: BodyReference[],
  site: SiteMapForLinks,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (message: string) => problems.push({ file, field: "body", message });
  for (const ref of references) {
    const url = new URL(ref.url, `http://site${pagePath}`);
    const external = url.host !== "site";
    if (ref.attribute === "src" || ref.tag === "img") {
      if (external)
        problem(
          `<${ref.tag}> loads ${ref.url} from another host; the site makes no external requests, so store the file in the site or remove it`,
        );
      continue;
    }
    if (external || !/^https?:$/.test(url.protocol)) continue;
    const path = url.pathname;
    if (!site.paths.has(path)) {
      problem(`links to ${ref.url}, but there is no page at ${path}`);
      continue;
    }
    const id = decodeURIComponent(url.hash.slice(1));
    const ids = site.idsByPath.get(path);
    if (id && ids && !ids.has(id)) problem(`links to ${ref.url}, but ${path} has no #${id}`);
  }
  return problems;
}
