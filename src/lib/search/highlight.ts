/**
 * Where highlight terms occur in a block of text (browser and tests): whole words only, compared
 * without case or accents, phrases as consecutive words, and Chinese or Japanese terms as runs of
 * characters (those scripts do not space their words). The essay page maps these spans to text
 * nodes and marks them.
 */
import { hasCjk } from "./cjk.ts";
import { foldWord } from "./vocabulary.ts";

/** A span of a text: [start, end) in UTF-16 units. */
export type Span = [number, number];

const fold = (word: string) => foldWord(word).replace(/[’‘`]/gu, "'");

/** The words of a text with their spans; a word is a run of letters, digits, marks and inner apostrophes or hyphens. */
export function wordSpans(text: string): { word: string; span: Span }[] {
  const out: { word: string; span: Span }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:[’'\-‐][\p{L}\p{N}\p{M}]+)*/gu)) {
    out.push({ word: fold(m[0]), span: [m.index, m.index + m[0].length] });
  }
  return out;
}

/**
 * Every occurrence of any term in a text, in order, never overlapping (a longer term wins where
 * two start at the same word).
 */
export function findTerms(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  const words = wordSpans(text);
  const wordTerms = terms
    .filter((t) => !hasCjk(t))
    .map((t) => wordSpans(t).map((w) => w.word))
    .filter((w) => w.length)
    .sort((a, b) => b.length - a.length);
  for (let i = 0; i < words.length; i++) {
    const hit = wordTerms.find((term) => term.every((w, j) => words[i + j]?.word === w));
    if (!hit) continue;
    spans.push([words[i]!.span[0], words[i + hit.length - 1]!.span[1]]);
    i += hit.length - 1;
  }
  for (const term of terms.filter(hasCjk)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      spans.push([at, at + term.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: Span[] = [];
  for (const span of spans) if (!kept.length || span[0] >= kept.at(-1)![1]) kept.push(span);
  return kept;
}
