/**
 * The reader's own highlights and notes as W3C Web Annotations: each one targets an essay's URL
 * with two selectors, the passage (a FragmentSelector naming `p-N`) and the words themselves (a
 * TextQuoteSelector: exact text, with a prefix and suffix to tell repeated words apart), its colour
 * as the target's `styleClass`, the note as a commenting TextualBody, and the passage's subjects
 * as tagging bodies. Re-attaching finds the quote again in the passage the ¶ number names, or
 * anywhere in the essay if edits moved it; exporting, importing and the Markdown of "My notes"
 * are here too. Pure; runs in the browser (the notes never leave it).
 */
import { paragraphId } from "./paths.ts";

/** The colours a highlight can have, as CSS highlight names and as the reader sees them. */
export const HIGHLIGHT_COLOURS = [
  { key: "yellow", label: "Yellow" },
  { key: "green", label: "Green" },
  { key: "blue", label: "Blue" },
  { key: "pink", label: "Pink" },
] as const;

/** A highlight's colour. */
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number]["key"];

/** The event a paragraph's "Highlight" tool sends (essay-page.ts): highlight it, or the selection. */
export const HIGHLIGHT_PASSAGE_EVENT = "highlight-passage";

/** The W3C Web Annotation JSON-LD context. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** How many characters of context a quote keeps on each side. */
export const QUOTE_CONTEXT = 32;

/** The words of a highlight, with what stands around them. */
export interface TextQuote {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** A W3C Web Annotation as this site writes it. */
export interface WebAnnotation {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting";
  created: string;
  modified: string;
  body: AnnotationBody[];
  target: {
    type: "SpecificResource";
    source: string;
    styleClass: string;
    selector: [
      { type: "FragmentSelector"; conformsTo: "http://tools.ietf.org/rfc/rfc3986"; value: string },
      TextQuote,
    ];
  };
}

/** A note (commenting) or a subject of the passage (tagging, its page as id). */
export type AnnotationBody =
  | { type: "TextualBody"; purpose: "commenting"; value: string; format: "text/plain" }
  | { type: "TextualBody"; purpose: "tagging"; value: string; id: string };

/** A highlight as the pages use it: the annotation's facts, flat. */
export interface Highlight {
  id: string;
  /** The essay's absolute URL (the annotation's target source). */
  source: string;
  /** The passage the quote was last found in. */
  n: number;
  quote: TextQuote;
  colour: HighlightColour;
  note: string;
  /** The passage's subjects when it was highlighted: their pages and names. */
  subjects: { href: string; label: string }[];
  created: string;
  modified: string;
}

/** Where a quote stands in a text: character offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** The quote for text[start, end): the exact words, and up to QUOTE_CONTEXT characters each side. */
export function describeQuote(text: string, start: number, end: number): TextQuote {
  return {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

/** How many characters `a` ends with that `b` ends with. */
function commonEnd(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** How many characters `a` starts with that `b` starts with. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Where `quote` stands in `text`: of every place its exact words occur, the one whose
 * surroundings agree most with its prefix and suffix (the first on a tie); undefined if the words
 * are not there at all. Case and spacing count as written.
 */
export function locateQuote(text: string, quote: TextQuote): TextSpan | undefined {
  if (!quote.exact) return undefined;
  let best: { span: TextSpan; score: number } | undefined;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score =
      commonEnd(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonStart(text.slice(end, end + quote.suffix.length), quote.suffix);
    if (!best || score > best.score) best = { span: { start: at, end }, score };
  }
  return best?.span;
}

/** A new random id for an annotation (a URN, as the model allows for unpublished ones). */
export const newAnnotationId = (random: () => string = () => crypto.randomUUID()): string =>
  `urn:uuid:${random()}`;

/** The W3C annotation for a highlight. */
export function toAnnotation(h: Highlight): WebAnnotation {
  const body: AnnotationBody[] = [
    ...(h.note.trim()
      ? [
          {
            type: "TextualBody" as const,
            purpose: "commenting" as const,
            value: h.note,
            format: "text/plain" as const,
          },
        ]
      : []),
    ...h.subjects.map((s) => ({
      type: "TextualBody" as const,
      purpose: "tagging" as const,
      value: s.label,
      id: s.href,
    })),
  ];
  return {
    "@context": ANNOTATION_CONTEXT,
    id: h.id,
    type: "Annotation",
    motivation: h.note.trim() ? "commenting" : "highlighting",
    created: h.created,
    modified: h.modified,
    body,
    target: {
      type: "SpecificResource",
      source: h.source,
      styleClass: `highlight-${h.colour}`,
      selector: [
        {
          type: "FragmentSelector",
          conformsTo: "http://tools.ietf.org/rfc/rfc3986",
          value: paragraphId(h.n),
        },
        {
          type: "TextQuoteSelector",
          exact: h.quote.exact,
          prefix: h.quote.prefix,
          suffix: h.quote.suffix,
        },
      ],
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const COLOURS = new Set<string>(HIGHLIGHT_COLOURS.map((c) => c.key));

/**
 * A highlight read back from a W3C annotation (this site's, or another tool's with a
 * TextQuoteSelector on one of this site's essays), or the reason it cannot be.
 * `isEssay` says whether a target source is an essay of this site.
 */
export function fromAnnotation(
  value: unknown,
  isEssay: (source: string) => boolean,
): Highlight | { problem: string } {
  if (!isObject(value) || value.type !== "Annotation") return { problem: "not an Annotation" };
  const id = typeof value.id === "string" && value.id ? value.id : undefined;
  if (!id) return { problem: "an annotation without an id" };
  const target = asArray(value.target)[0];
  if (!isObject(target) || typeof target.source !== "string")
    return { problem: `${id}: no target source` };
  if (!isEssay(target.source)) return { problem: `${id}: not about an essay on this site` };
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => s.type === "TextQuoteSelector");
  if (!quote || typeof quote.exact !== "string" || !quote.exact)
    return { problem: `${id}: no TextQuoteSelector` };
  const fragment = selectors.find((s) => s.type === "FragmentSelector");
  const n = Number(/^p-(\d+)$/.exec(String(fragment?.value ?? ""))?.[1] ?? 0);
  const colour = /^highlight-(\w+)$/.exec(String(target.styleClass ?? ""))?.[1] ?? "yellow";
  const bodies = asArray(value.body).filter(isObject);
  const note = bodies
    .filter(
      (b) => b.purpose === "commenting" || (b.purpose === undefined && b.type === "TextualBody"),
    )
    .map((b) => String(b.value ?? ""))
    .join("\n\n");
  const subjects = bodies
    .filter((b) => b.purpose === "tagging" && typeof b.value === "string")
    .map((b) => ({ href: typeof b.id === "string" ? b.id : "", label: String(b.value) }));
  const created = typeof value.created === "string" ? value.created : new Date(0).toISOString();
  return {
    id,
    source: target.source,
    n,
    quote: {
      type: "TextQuoteSelector",
      exact: quote.exact,
      prefix: typeof quote.prefix === "string" ? quote.prefix : "",
      suffix: typeof quote.suffix === "string" ? quote.suffix : "",
    },
    colour: (COLOURS.has(colour) ? colour : "yellow") as HighlightColour,
    note,
    subjects,
    created,
    modified: typeof value.modified === "string" ? value.modified : created,
  };
}

/** Every highlight as one W3C AnnotationCollection, its one page holding them all. */
export function toCollection(highlights: Highlight[], label: string): object {
  return {
    "@context": ANNOTATION_CONTEXT,
    type: "AnnotationCollection",
    label,
    total: highlights.length,
    first: {
      type: "AnnotationPage",
      startIndex: 0,
      items: highlights.map(toAnnotation),
    },
  };
}

/**
 * The highlights in an import: an AnnotationCollection (its first page, embedded), an
 * AnnotationPage, a list of annotations or one annotation; with what could not be read.
 */
export function readImport(
  json: unknown,
  isEssay: (source: string) => boolean,
): { highlights: Highlight[]; problems: string[] } {
  let items: unknown[];
  if (Array.isArray(json)) items = json;
  else if (isObject(json) && json.type === "AnnotationCollection") {
    const first = json.first;
    items = isObject(first) ? asArray(first.items) : [];
  } else if (isObject(json) && json.type === "AnnotationPage") items = asArray(json.items);
  else items = [json];
  const highlights: Highlight[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const read = fromAnnotation(item, isEssay);
    if ("problem" in read) problems.push(read.problem);
    else highlights.push(read);
  }
  return { highlights, problems };
}

/**
 * Highlights `incoming` merged into `existing` by id: a new id is added, a known one replaced if
 * the incoming copy was modified later. Returns the merged list and how many were added/updated.
 */
export function mergeHighlights(
  existing: Highlight[],
  incoming: Highlight[],
): { highlights: Highlight[]; added: number; updated: number; unchanged: number } {
  const byId = new Map(existing.map((h) => [h.id, h]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const h of incoming) {
    const known = byId.get(h.id);
    if (!known) {
      added++;
      byId.set(h.id, h);
    } else if (h.modified > known.modified) {
      updated++;
      byId.set(h.id, h);
    } else unchanged++;
  }
  return { highlights: [...byId.values()], added, updated, unchanged };
}

/** What the Markdown export says of one essay: its title, citation, and its highlights. */
export interface NotesGroup {
  heading: string;
  /** The essay's citation in the reader's chosen style, access date filled in. */
  citation?: string | undefined;
  highlights: (Highlight & { href: string })[];
}

/** A highlight's quote as a Markdown block quote line, with its ¶ link and its note beneath. */
function markdownOf(h: Highlight & { href: string }): string {
  const quote = h.quote.exact.replace(/\s+/g, " ").trim();
  const lines = [`> ${quote}`, ``, `[¶ ${h.n}](${h.href})`];
  if (h.note.trim()) lines.push("", ...h.note.trim().split("\n"));
  return lines.join("\n");
}

/** "My notes" as Markdown: each group a heading, its citation, then each quote with its ¶ link. */
export function notesMarkdown(title: string, groups: NotesGroup[], intro: string): string {
  const out = [`# ${title}`, "", intro];
  for (const g of groups) {
    out.push("", `## ${g.heading}`);
    if (g.citation) out.push("", g.citation);
    for (const h of g.highlights) out.push("", markdownOf(h));
  }
  return `${out.join("\n")}\n`;
}
