/**
 * Word counts and reading times, computed from an essay's markdown source at build time.
 */

/** Average silent-reading speed for non-fiction prose in English, in words per minute. */
export const WORDS_PER_MINUTE = 230;

// Han, Hiragana, Katakana and Hangul are written without spaces; each character counts as a word,
// the usual convention for reading-time estimates in those scripts.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Strips the markdown syntax that is not read aloud: headings, list bullets, emphasis, link targets. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "")
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "");
}

/** Counts words: runs of letters or digits, plus each character of an unspaced script. */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0;
  const spaced = text
    .replace(UNSPACED_SCRIPT, " ")
    .match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return unspaced + (spaced?.length ?? 0);
}

/** Minutes to read a number of words, rounded up, never less than one. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.ceil(words / wordsPerMinute));
}

/** Formats a word count and reading time the way lists and bylines show them. */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
