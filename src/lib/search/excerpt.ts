/**
 * Excerpts and the words to highlight, from what a search matched (browser and tests). Pagefind
 * reports each match as a word position in a page's indexed text; the excerpt is the window of
 * that text with the most matches, and the highlight terms are the words found there, exactly as
 * the essay writes them ("sanctions" for a search for "sanctioned"), so the essay page marks what
 * the search matched and nothing else.
 */
import { hasCjk, joinCjkWords } from "./cjk.ts";
import { isFormOf } from "./spelling.ts";

/** A piece of an excerpt: text, marked or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** The words of indexed text, as Pagefind counts positions. */
export const indexedWords = (content: string): string[] => content.split(/\s+/u);

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A word without the punctuation around it ("(SCO," → "SCO"). */
export const bareWord = (word: string): string => word.replace(EDGE_PUNCTUATION, "");

/**
 * The window of `length` words (within `range`, a span of word positions) holding the most
 * matches, earliest first; the start of the range when nothing matched there.
 */
export function excerptWindow(
  locations: readonly number[],
  length: number,
  range: [number, number],
): [number, number] {
  const [from, to] = range;
  const inside = [...new Set(locations)].filter((l) => l >= from && l < to).sort((a, b) => a - b);
  let best = from;
  let bestCount = 0;
  for (const location of inside) {
    const start = Math.max(from, Math.min(location - Math.floor(length / 3), to - length));
    const count = inside.filter((l) => l >= start && l < start + length).length;
    if (count > bestCount) [best, bestCount] = [start, count];
  }
  return [best, Math.min(to, best + length)];
}

/** Joins words back into text: no space between two Chinese or Japanese words (see cjk.ts). */
function joiner(previous: string, next: string): string {
  return hasCjk(previous.slice(-1)) && hasCjk(next.charAt(0)) ? "" : " ";
}

/**
 * An excerpt of indexed text: the best window of `length` words, matched words marked, with "…"
 * where the text goes on.
 */
export function buildExcerpt(
  content: string,
  locations: readonly number[],
  { length = 30, range }: { length?: number; range?: [number, number] } = {},
): ExcerptPart[] {
  const words = indexedWords(content);
  const [from, to] = range ?? [0, words.length];
  const [start, end] = excerptWindow(locations, length, [from, Math.min(to, words.length)]);
  const marked = new Set(locations);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push("… ", false);
  for (let i = start; i < end; i++) {
    const word = words[i]!;
    // Neighbouring matched words ("Shanghai Cooperation Organization") are marked as one.
    const previous = words[i - 1] ?? "";
    const together =
      marked.has(i - 1) &&
      marked.has(i) &&
      previous.endsWith(bareWord(previous)) &&
      word.startsWith(bareWord(word));
    if (i > start) push(joiner(previous, word), together);
    if (marked.has(i)) {
      // Mark the word, not the punctuation around it.
      const core = bareWord(word);
      const at = core ? word.indexOf(core) : 0;
      push(word.slice(0, at), false);
      push(core || word, true);
      push(word.slice(at + core.length), false);
    } else push(word, false);
  }
  if (end < words.length) push(" …", false);
  return parts;
}

/**
 * The words and phrases to highlight on a page: each matched word as written, and for phrase
 * matches each run of consecutive matched positions as one phrase.
 */
export function highlightForms(
  content: string,
  matches: readonly { locations: readonly number[]; phrase: boolean }[],
): string[] {
  const words = indexedWords(content);
  const forms = new Set<string>();
  for (const { locations, phrase } of matches) {
    const sorted = [...new Set(locations)].sort((a, b) => a - b);
    if (!phrase) {
      for (const l of sorted) if (words[l]) forms.add(bareWord(words[l]));
      continue;
    }
    let run: string[] = [];
    sorted.forEach((l, i) => {
      if (i > 0 && l !== sorted[i - 1]! + 1) {
        forms.add(joinCjkWords(run.map(bareWord).join(" ")));
        run = [];
      }
      if (words[l]) run.push(words[l]);
    });
    if (run.length) forms.add(joinCjkWords(run.map(bareWord).join(" ")));
  }
  forms.delete("");
  return [...forms];
}

/** A page's sections, by the position where each starts (its heading). */
export interface Section {
  id: string;
  title: string;
  start: number;
  end: number;
}

/** Sections from Pagefind's anchors: each heading with an id, up to the next one. */
export function sectionsOf(
  anchors: readonly { element: string; id: string; text?: string; location: number }[],
  wordCount: number,
): Section[] {
  const headings = anchors
    .filter((a) => /^h[2-6]$/u.test(a.element) && a.id)
    .sort((a, b) => a.location - b.location);
  return headings.map((a, i) => ({
    id: a.id,
    title: (a.text ?? "").trim(),
    start: a.location,
    end: headings[i + 1]?.location ?? wordCount,
  }));
}

/** Where a search matched in a page (see evaluate.ts `Hit`). */
export interface MatchHit {
  atom: { text: string; phrase: boolean; mode: "exact" | "prefix" };
  words: readonly number[];
  candidates: readonly number[];
}

/**
 * The positions an atom really matched: its sure positions, the candidates whose word is a form
 * of it, and for a phrase every run of words that are forms of its words in order.
 */
export function matchedPositions(words: readonly string[], hit: MatchHit): number[] {
  const out = new Set(hit.words);
  if (hit.atom.mode === "prefix") return [...out];
  if (!hit.atom.phrase) {
    for (const l of hit.candidates)
      if (words[l] && isFormOf(bareWord(words[l]), hit.atom.text)) out.add(l);
    return [...out].sort((a, b) => a - b);
  }
  const parts = hit.atom.text.split(/\s+/u);
  const sure = new Set<number>();
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, j) => isFormOf(bareWord(words[i + j]!), p))) {
      parts.forEach((_, j) => sure.add(i + j));
    }
  }
  return sure.size ? [...sure].sort((a, b) => a - b) : [...out];
}

/** A result as the results list shows it. */
export interface PresentedMatch {
  excerpt: ExcerptPart[];
  /** Up to `maxSections` sections with matches, most matches first. */
  sections: { title: string; url: string; excerpt: ExcerptPart[]; highlights: string[] }[];
  /** The words and phrases the essay page should mark. */
  highlights: string[];
}

/**
 * Everything a result shows, from its indexed text and where each search matched in it
 * (`hits`): the excerpt, the matching sections, the words to highlight.
 */
export function presentMatch(
  data: {
    url: string;
    content?: string | undefined;
    anchors?: { element: string; id: string; text?: string; location: number }[] | undefined;
  },
  hits: readonly MatchHit[],
  { length = 30, maxSections = 3 } = {},
): PresentedMatch {
  const content = data.content ?? "";
  const all = indexedWords(content);
  const matches = hits.map((h) => ({ locations: matchedPositions(all, h), phrase: h.atom.phrase }));
  const locations = matches.flatMap((m) => m.locations);
  const words = all.length;
  const sections = sectionsOf(data.anchors ?? [], words)
    .map((section) => ({
      section,
      inside: locations.filter((l) => l >= section.start && l < section.end),
    }))
    .filter((s) => s.inside.length > 0)
    .sort((a, b) => b.inside.length - a.inside.length || a.section.start - b.section.start)
    .slice(0, maxSections)
    .map(({ section }) => {
      const within = (l: number) => l >= section.start && l < section.end;
      return {
        title: section.title,
        url: `${data.url}#${section.id}`,
        excerpt: buildExcerpt(content, locations, { length, range: [section.start, section.end] }),
        highlights: highlightForms(
          content,
          matches.map((m) => ({ ...m, locations: m.locations.filter(within) })),
        ),
      };
    });
  const excerpt = buildExcerpt(content, locations, { length });
  const same = (a: ExcerptPart[]) => JSON.stringify(a) === JSON.stringify(excerpt);
  return {
    excerpt,
    // A section whose excerpt is the result's own is linked without saying it twice.
    sections: sections.map((s) => (same(s.excerpt) ? { ...s, excerpt: [] } : s)),
    highlights: highlightForms(content, matches),
  };
}
