/**
 * Previews of where a link leads, shown without leaving the page: what the small JSON files made
 * at build time hold (an essay's passages; a subject's kind, description, counts and first
 * passages), which links have a preview, and quotations cut around a mention, always an exact
 * piece of the essay's text with "…" where it was cut. Build (the files) and browser (the card).
 */
import type { DateForm } from "./access-date.ts";

/** A passage quoted around one mention: the words before it, the mention, the words after. */
export interface MentionQuote {
  before: string;
  mention: string;
  after: string;
  /** The quotation starts after the passage's start (shown with a leading "…"). */
  cutBefore: boolean;
  /** The quotation stops before the passage's end (shown with a trailing "…"). */
  cutAfter: boolean;
}

/** A passage of another essay quoted for a subject, with where it is. */
export interface SubjectQuote extends MentionQuote {
  essayId: string;
  /** The essay's title and author, as the essay page gives them. */
  essay: string;
  author: string;
  /** The passage's number and its link (`/essays/<id>/#p-N`). */
  n: number;
  href: string;
}

/** `previews/essays/<id>.json`: an essay as a ¶ link or a link to the essay previews it. */
export interface EssayPreview {
  title: string;
  author: string;
  affiliation?: string | undefined;
  href: string;
  /** The editor's summary (shown as the editor's), when the editor has written one. */
  summary?: string | undefined;
  /** Each numbered passage's text, word for word: passage N is `passages[N - 1]`. */
  passages: string[];
  /**
   * The essay's reference in each citation style, with ACCESSED_PLACEHOLDER where the reader's
   * access date goes (and how the style writes it), for "My notes" to export.
   */
  citations: { key: string; label: string; text: string; dateForm?: DateForm | undefined }[];
}

/** `previews/subjects/<slug>.json`: a subject as a link to it previews it. */
export interface SubjectPreview {
  label: string;
  /** The kind, as headings name it ("Person"). */
  kind: string;
  /** The editor's one-line description, if any. */
  description?: string | undefined;
  href: string;
  mentions: number;
  passages: number;
  essays: number;
  /** The first passage about it in each of the essays that mention it most. */
  quotes: SubjectQuote[];
}

/** What a link previews: a subject, an essay, or one passage of an essay. */
export type PreviewTarget =
  { kind: "subject"; slug: string } | { kind: "essay"; id: string; n?: number | undefined };

/**
 * What the link to `url` previews on a site served under `base` (e.g. "/" or "/reader/"), if
 * anything: `/subjects/<slug>/`, `/essays/<id>/` and `/essays/<id>/#p-N`. Lists, pages of a list
 * and other pages have none.
 */
export function previewTarget(url: URL, base: string): PreviewTarget | undefined {
  if (!url.pathname.startsWith(base)) return undefined;
  const rest = url.pathname.slice(base.length);
  const match = /^(essays|subjects)\/([^/]+)\/$/.exec(rest);
  if (!match) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]!);
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(slug)) return undefined; // a page of the list, not an essay or a subject
  if (match[1] === "subjects") return url.hash ? undefined : { kind: "subject", slug };
  const passage = /^#p-(\d+)$/.exec(url.hash);
  if (url.hash && !passage) return undefined; // a section or another anchor
  return { kind: "essay", id: slug, n: passage ? Number(passage[1]) : undefined };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Scripts written without spaces between words: a mention there needs no word boundary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Where `words` first stand in `text` as whole words (not "SCO" inside "Moscow"), and how long
 * they are there; undefined if nowhere. The mention finder matched them with runs of white space
 * as one space, and so does this.
 */
export function findWords(
  text: string,
  words: string,
): { index: number; length: number } | undefined {
  if (!words.trim()) return undefined;
  const pattern = words
    .trim()
    .split(/\s+/u)
    .map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"))
    .join("\\s+");
  const re = new RegExp(pattern, "gu");
  const joins = (edge: string, inner: string) =>
    WORD_CHAR.test(edge) && WORD_CHAR.test(inner) && !UNSPACED.test(inner);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text[m.index - 1] ?? "";
    const after = text[m.index + m[0].length] ?? "";
    if (!joins(before, m[0][0]!) && !joins(after, m[0].at(-1)!)) {
      return { index: m.index, length: m[0].length };
    }
    re.lastIndex = m.index + 1;
  }
  return undefined;
}

/** Up to `count` words of `text` from its end (the words nearest what follows). */
function lastWords(text: string, count: number): { text: string; cut: boolean } {
  const parts = text.split(/(?<=\s)(?=\S)/u);
  if (parts.length <= count) return { text, cut: false };
  return { text: parts.slice(-count).join(""), cut: true };
}

/** Up to `count` words of `text` from its start. */
function firstWords(text: string, count: number): { text: string; cut: boolean } {
  const parts = text.split(/(?<=\S)(?=\s)/u);
  if (parts.length <= count) return { text, cut: false };
  return { text: parts.slice(0, count).join(""), cut: true };
}

/**
 * `text` quoted around the first whole-word occurrence of `mention`, with about `around` words on
 * each side, cut only between words. Without the mention in the text, its opening words.
 */
export function quoteAround(text: string, mention: string, around = 14): MentionQuote {
  const found = findWords(text, mention);
  if (!found) {
    const head = firstWords(text, around * 2);
    return { before: head.text, mention: "", after: "", cutBefore: false, cutAfter: head.cut };
  }
  const before = lastWords(text.slice(0, found.index), around);
  const after = firstWords(text.slice(found.index + found.length), around);
  return {
    before: before.text,
    mention: text.slice(found.index, found.index + found.length),
    after: after.text,
    cutBefore: before.cut,
    cutAfter: after.cut,
  };
}

/** A quotation as one line of text: "…before mention after…". */
export function quoteText(quote: MentionQuote): string {
  return `${quote.cutBefore ? "…" : ""}${quote.before}${quote.mention}${quote.after}${quote.cutAfter ? "…" : ""}`;
}

/**
 * An essay's preview file: its title, author, the editor's summary, every passage's text and its
 * references.
 */
export function essayPreview(
  essay: { id: string; title: string; summary?: string | undefined },
  author: { label: string; affiliation?: string | undefined },
  href: string,
  passages: string[],
  citations: EssayPreview["citations"] = [],
): EssayPreview {
  return {
    title: essay.title,
    author: author.label,
    affiliation: author.affiliation,
    href,
    summary: essay.summary,
    passages: Array.from(passages, (text) => text ?? ""),
    citations,
  };
}

/** A subject's preview file, from its index entry and its leading essays' quotations. */
export function subjectPreview(
  entry: {
    subject: { label: string; description?: string | undefined };
    mentions: number;
    passages: number;
    perspectives: unknown[];
  },
  kind: string,
  href: string,
  quotes: SubjectQuote[],
): SubjectPreview {
  return {
    label: entry.subject.label,
    kind,
    description: entry.subject.description,
    href,
    mentions: entry.mentions,
    passages: entry.passages,
    essays: entry.perspectives.length,
    quotes,
  };
}
