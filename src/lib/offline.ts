/**
 * What a reader can keep offline, as sets of files: one essay, a tag's or an author's essays, or
 * the whole collection (with every list page), each with the search index so that search works
 * offline over what is kept. Written at build time as small JSON files under `offline/`, which
 * the "Keep offline" controls read to show a set's size and the service worker reads to keep
 * it (src/sw/service-worker.ts). The shared search files are one set of their own, so a set
 * lists only its pages. Pure, given the built files; build only.
 */
import { countOf } from "./format.ts";

/** An essay page as the search index knows it. */
export interface IndexedPage {
  /** The page's URL path ("/essays/x/"). */
  url: string;
  /** The Pagefind fragment that shows it in results ("/pagefind/fragment/en_1.pf_fragment"). */
  fragment: string;
  /** Its tags and its author, as Pagefind's filters hold them (labels). */
  tags: string[];
  authorSlug: string | undefined;
}

/** A set of files to keep, and how many bytes they are. */
export interface OfflineSet {
  /** What the set is, for the control ("6 essays"). */
  label: string;
  /** How many essays it holds. */
  essays: number;
  /** URL paths to keep. */
  urls: string[];
  bytes: number;
}

/** The sizes the controls show first, in `offline/summary.json`. */
export interface OfflineSummary {
  search: { bytes: number };
  all: { label: string; essays: number; bytes: number };
}

/** Where a set's description is published. */
export const offlineSetPath = (base: string, kind: string, slug?: string): string =>
  `${base}offline/${slug === undefined ? kind : `${kind}/${encodeURIComponent(slug)}`}.json`;

/**
 * The files every kept set needs for search: Pagefind's index without its fragments (each kept
 * essay brings its own), its stock UIs and highlighter (the site has its own), or the search
 * engines of languages the index does not have (`wasm`: the languages in pagefind-entry.json);
 * and the search page with its own data (`search/*.json`: spellings, subjects).
 */
export function searchFiles(files: string[], bundle: string, wasm: string[]): string[] {
  const index = files
    .filter((f) => f.startsWith(`${bundle}/`))
    .filter((f) => !f.startsWith(`${bundle}/fragment/`))
    .filter((f) => !/-ui\.(js|css)$|pagefind-highlight\.js$/.test(f))
    .filter((f) => {
      const engine = /\/wasm\.([^/]+)\.pagefind$/.exec(f);
      return !engine || wasm.includes(engine[1]!);
    });
  const page = files.filter((f) => f.startsWith("search/") && /\.(json|html)$/.test(f));
  return [...index, ...page].sort();
}

/** The built assets (`_astro/…`) a page names in its HTML: its scripts and stylesheets. */
export function pageAssets(html: string, base: string): string[] {
  const prefix = `${base}_astro/`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const refs = html.matchAll(new RegExp(`(?:src|href)="(${prefix}[^"]+)"`, "g"));
  return [...new Set([...refs].map((m) => m[1]!))];
}

/** The modules a built script imports, by URL path: at once (`from "./x.js"`) and on demand. */
export function moduleImports(js: string, url: string): { now: string[]; later: string[] } {
  const resolve = (spec: string) => new URL(spec, `http://x${url}`).pathname;
  const now = [...js.matchAll(/(?:from|import)\s*[`"'](\.\/[^`"']+\.js)[`"']/g)];
  const later = [...js.matchAll(/import\(\s*[`"'](\.\/[^`"']+\.js)[`"']\s*\)/g)];
  return { now: now.map((m) => resolve(m[1]!)), later: later.map((m) => resolve(m[1]!)) };
}

/**
 * Every asset a page needs: what it names and, for scripts, what they import, at once only or
 * (`later`) with what they load on demand too.
 */
export function assetClosure(
  entries: string[],
  importsOf: (url: string) => { now: string[]; later: string[] },
  later: boolean,
): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    if (!url.endsWith(".js")) return;
    const { now, later: onDemand } = importsOf(url);
    for (const next of later ? [...now, ...onDemand] : now) visit(next);
  };
  entries.forEach(visit);
  return [...seen].sort();
}

/** Inputs of `offlineSets`: the built site as lists of URL paths, and each file's size. */
export interface BuiltSite {
  base: string;
  pages: IndexedPage[];
  /** Every HTML page that is not an essay (lists, tags, authors, subjects, search…), as URL paths. */
  listPages: string[];
  /** The search files (URL paths). */
  search: string[];
  sizeOf: (url: string) => number;
  slugOfTag: (label: string) => string;
  /** The scripts and styles a page needs (with what they load on demand), by the page's URL. */
  assetsOf: (url: string) => string[];
}

/**
 * Every set: `search`, `all` (every essay and list page), each essay, each tag and each author
 * (their pages, first page onward, and essays), by file name under `offline/`.
 */
export function offlineSets(site: BuiltSite): Map<string, OfflineSet> {
  const set = (label: string, essays: number, urls: string[]): OfflineSet => {
    // Each page comes with the scripts and styles it needs, so it works offline as online.
    const unique = [...new Set(urls.flatMap((u) => [u, ...site.assetsOf(u)]))];
    return {
      label,
      essays,
      urls: unique,
      bytes: unique.reduce((sum, u) => sum + site.sizeOf(u), 0),
    };
  };
  const essayUrls = (p: IndexedPage) => [p.url, p.fragment];
  const under = (prefix: string) => site.listPages.filter((u) => u.startsWith(prefix));
  const sets = new Map<string, OfflineSet>();
  sets.set("search", set("the search index", 0, site.search));
  sets.set(
    "all",
    set(`all ${countOf(site.pages.length, "essay")}`, site.pages.length, [
      ...site.listPages,
      ...site.pages.flatMap(essayUrls),
    ]),
  );
  for (const page of site.pages) {
    const id = page.url.replace(/\/$/, "").split("/").at(-1)!;
    sets.set(`essays/${id}`, set("this essay", 1, essayUrls(page)));
  }
  const group = (key: (p: IndexedPage) => string[]) => {
    const groups = new Map<string, IndexedPage[]>();
    for (const page of site.pages) {
      for (const k of key(page)) groups.set(k, [...(groups.get(k) ?? []), page]);
    }
    return groups;
  };
  for (const [slug, pages] of group((p) => p.tags.map(site.slugOfTag))) {
    sets.set(
      `tags/${slug}`,
      set(countOf(pages.length, "essay"), pages.length, [
        ...under(`${site.base}tags/${slug}/`),
        ...pages.flatMap(essayUrls),
      ]),
    );
  }
  for (const [slug, pages] of group((p) => (p.authorSlug ? [p.authorSlug] : []))) {
    sets.set(
      `authors/${slug}`,
      set(countOf(pages.length, "essay"), pages.length, [
        ...under(`${site.base}authors/${slug}/`),
        ...pages.flatMap(essayUrls),
      ]),
    );
  }
  return sets;
}
