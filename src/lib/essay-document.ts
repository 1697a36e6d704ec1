/**
 * An essay as a document to take away (PDF, EPUB): its front matter, the editor's matter marked
 * as the editor's, and its body as blocks of styled text runs read from the HTML the markdown
 * pipeline rendered, so the text is the page's text word for word, with the same ¶ numbers and
 * anchors. Site furniture (the ¶ self-links, section anchors, subject-mention links) is dropped;
 * the text it wraps is kept. Pure data: the PDF and EPUB writers lay it out. Build only.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { ESSAY_CLASSES } from "./essay-html.ts";
import { SKIP, visit } from "unist-util-visit";

/** A run of text in one style. */
export interface Run {
  text: string;
  /** The BCP 47 language of the run, where it differs from the essay's (e.g. "zh"). */
  lang?: string | undefined;
  italic?: boolean | undefined;
  bold?: boolean | undefined;
  /** An absolute link target. */
  href?: string | undefined;
}

/** A block of the essay's body, in reading order. */
export type Block =
  | { kind: "heading"; level: number; id: string; runs: Run[] }
  | {
      kind: "passage";
      /** The passage's number (¶ N) and element id, as on the essay page. */
      n: number;
      id: string;
      runs: Run[];
      /** Set when the passage is a list item: its marker ("•" or "3."). */
      marker?: string | undefined;
      /** Set when the passage is inside a block quotation. */
      quote?: boolean | undefined;
    }
  | {
      kind: "note";
      /** The footnote's number, in the order its references appear. */
      label: string;
      id: string;
      runs: Run[];
    };

/** Everything a take-away copy of an essay shows. */
export interface EssayDocument {
  id: string;
  title: string;
  author: { name: string; affiliation?: string | undefined; bio?: string | undefined };
  publication: string;
  archive: string;
  /** Where the essay lives online (absolute). */
  url: string;
  /** The source's date, as the essay page writes it, if the source gives one. */
  dateLabel?: string | undefined;
  /** ISO date (YYYY-MM-DD), if the source gives one. */
  date?: string | undefined;
  /** The editor's summary (not part of the essay's text). */
  summary?: string;
  tags: string[];
  language: string;
  blocks: Block[];
  /** The essay's citation in each offered style, with the style's italics. */
  citations: { label: string; runs: Run[] }[];
}

const classes = (el: Element): string[] => {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

/** Classes of links the site adds around or inside the text; the text they wrap is kept. */
const FURNITURE = new Set<string>([ESSAY_CLASSES.passageAnchor, ESSAY_CLASSES.sectionAnchor]);

/** Collapses the source's soft line breaks to spaces; other characters stay as they are. */
const softBreaks = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, " ");

/** Merges neighbouring runs of the same style, so writers see as few runs as possible. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out.at(-1);
    if (
      last &&
      last.lang === run.lang &&
      last.italic === run.italic &&
      last.bold === run.bold &&
      last.href === run.href
    ) {
      last.text += run.text;
    } else out.push({ ...run });
  }
  return out;
}

/** The styled runs of an element's content. */
function runsOf(nodes: ElementContent[], style: Omit<Run, "text">, base: string): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    if (node.type === "text") out.push({ ...style, text: softBreaks(node.value) });
    else if (node.type === "element") {
      const tag = node.tagName;
      if (tag === "a" && classes(node).some((c) => FURNITURE.has(c))) continue;
      if (tag === "br") {
        out.push({ ...style, text: " " });
        continue;
      }
      const next = { ...style };
      if (tag === "em" || tag === "i" || tag === "cite") next.italic = true;
      if (tag === "strong" || tag === "b") next.bold = true;
      const lang = node.properties.lang;
      if (typeof lang === "string") next.lang = lang;
      if (tag === "a" && !classes(node).includes(ESSAY_CLASSES.mention)) {
        const href = node.properties.href;
        if (typeof href === "string") next.href = new URL(href, base).href;
      }
      out.push(...runsOf(node.children, next, base));
    }
  }
  return out;
}

/** Trims the outer white space of a block's runs. */
function trimRuns(runs: Run[]): Run[] {
  const out = merge(runs);
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, "");
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, "");
  return out.filter((r) => r.text);
}

/**
 * The body's blocks, read from the essay's rendered HTML. `base` is the essay's absolute URL,
 * against which its relative links resolve. Fails on a passage without a number, which would
 * mean the pipeline changed under this reader.
 */
export function essayBlocks(html: string, base: string): Block[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const blocks: Block[] = [];
  const walk = (
    nodes: Root["children"] | ElementContent[],
    context: { quote?: boolean; parent?: Element },
  ) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      if (node.properties.dataFootnotes !== undefined) {
        footnotes(node);
        continue;
      }
      const heading = /^h([1-6])$/.exec(node.tagName);
      if (heading) {
        blocks.push({
          kind: "heading",
          level: Number(heading[1]),
          id: String(node.properties.id ?? ""),
          runs: trimRuns(runsOf(node.children, {}, base)),
        });
      } else if (classes(node).includes(ESSAY_CLASSES.passage)) {
        const n = Number(node.properties.dataPara);
        if (!Number.isInteger(n) || n < 1) {
          throw new Error(`A passage without a number in the essay at ${base}`);
        }
        blocks.push({
          kind: "passage",
          n,
          id: String(node.properties.id),
          runs: trimRuns(runsOf(node.children, {}, base)),
          marker: node.tagName === "li" ? listMarker(node, context.parent) : undefined,
          quote: context.quote ? true : undefined,
        });
      } else {
        walk(node.children, {
          quote: context.quote || node.tagName === "blockquote",
          parent: node,
        });
      }
    }
  };
  /** GFM's footnotes section: its heading, then each note without its back-link. */
  const footnotes = (section: Element) => {
    const items: Element[] = [];
    visit(section, "element", (node: Element, index, parent) => {
      if (node.properties.dataFootnoteBackref !== undefined && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName === "li") items.push(node);
      return undefined;
    });
    for (const child of section.children) {
      if (child.type === "element" && /^h[1-6]$/.test(child.tagName))
        blocks.push({
          kind: "heading",
          level: 2,
          id: String(child.properties.id ?? ""),
          runs: trimRuns(runsOf(child.children, {}, base)),
        });
    }
    items.forEach((item, i) =>
      blocks.push({
        kind: "note",
        label: String(i + 1),
        id: String(item.properties.id ?? ""),
        runs: trimRuns(runsOf(item.children, {}, base)),
      }),
    );
  };
  walk(tree.children, {});
  return blocks;
}

/** A list item's marker: a bullet, or its number in an ordered list. */
function listMarker(item: Element, parent: Element | undefined): string {
  if (parent?.tagName !== "ol") return "•";
  const start = Number(parent.properties.start ?? 1);
  const items = parent.children.filter((c) => c.type === "element" && c.tagName === "li");
  return `${start + items.indexOf(item)}.`;
}

/** The styled runs of a fragment of inline HTML (a formatted citation). */
export function htmlRuns(html: string, base: string): Run[] {
  const tree: Root = fromHtml(html, { fragment: true });
  return trimRuns(runsOf(tree.children as ElementContent[], {}, base).map(collapse));
}

/** Collapses runs of white space (citeproc's HTML is indented) to one space; no-break spaces stay. */
const collapse = (run: Run): Run => ({ ...run, text: run.text.replace(/[ \t\r\n]+/g, " ") });

/** What the library knows of an essay and its author, as `essayDocument` needs it. */
export interface DocumentSource {
  essay: {
    id: string;
    title: string;
    summary?: string;
    tags: { label: string }[];
    date?: Date | undefined;
    source: { publication: string; archive: string };
  };
  author: { label: string; affiliation?: string | undefined; bio?: string | undefined };
  /** The essay's rendered body (the markdown pipeline's HTML). */
  html: string;
  /** The essay page's absolute URL. */
  url: string;
  language: string;
  /** Each style's reference as HTML (citeproc's, with a "[date of access]" placeholder). */
  citations: { label: string; html: string }[];
}

/** The date as the essay page writes it ("1 December 2026"), in UTC. */
export const longDate = (date: Date): string =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);

/** Everything a take-away copy of an essay shows, from the library's essay and its HTML. */
export function essayDocument(source: DocumentSource): EssayDocument {
  const { essay, author } = source;
  return {
    id: essay.id,
    title: essay.title,
    author: { name: author.label, affiliation: author.affiliation, bio: author.bio },
    publication: essay.source.publication,
    archive: essay.source.archive,
    url: source.url,
    date: essay.date?.toISOString().slice(0, 10),
    dateLabel: essay.date ? longDate(essay.date) : undefined,
    summary: essay.summary,
    tags: essay.tags.map((t) => t.label),
    language: source.language,
    blocks: essayBlocks(source.html, source.url),
    citations: source.citations.map((c) => ({
      label: c.label,
      runs: htmlRuns(c.html, source.url),
    })),
  };
}

/** What a take-away copy says about the author: the biography, or (none imported) name and affiliation. */
export function authorNote(author: {
  name: string;
  affiliation?: string | undefined;
  bio?: string | undefined;
}): string {
  return author.bio ?? `${author.name}${author.affiliation ? `, ${author.affiliation}` : ""}.`;
}
