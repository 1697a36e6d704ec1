/**
 * Chinese and Japanese words for the search index (runs at build, and in the browser for
 * excerpts). Pagefind keeps a run of Han or kana characters on an English page as one word, so
 * "研究" inside "俄罗斯研究" cannot be found. The copy of each page given to the indexer has a space
 * between the words `Intl.Segmenter` finds in each run; the pages themselves are not touched, and
 * excerpts drop the spaces between two such characters again (Chinese and Japanese are written
 * without them), so no reader sees a changed character. Korean separates its words with spaces
 * already and is left as it is.
 */

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc";
const CJK_RUN = new RegExp(`[${CJK}]{2,}`, "gu");
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, "gu");
const ANY_CJK = new RegExp(`[${CJK}]`, "u");

/** Whether a string has a Chinese or Japanese character. */
export const hasCjk = (text: string): boolean => ANY_CJK.test(text);

const segmenters = new Map<string, Intl.Segmenter>();

/** A run of Chinese or Japanese split into its words ("俄罗斯研究" → ["俄罗斯", "研究"]). */
export function cjkWords(run: string): string[] {
  const language = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run) ? "ja" : "zh";
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "word" });
    segmenters.set(language, segmenter);
  }
  return [...segmenter.segment(run)].map((s) => s.segment);
}

/** Text with a space between the words of each Chinese or Japanese run. */
export function segmentCjkText(text: string): string {
  return text.replace(CJK_RUN, (run) => cjkWords(run).join(" "));
}

/** The indexer's copy of a page: CJK runs in its text (never inside tags) split into words. */
export function segmentCjkHtml(html: string): string {
  if (!hasCjk(html)) return html;
  return html
    .split(/(<[^>]*>)/u)
    .map((part) => (part.startsWith("<") ? part : segmentCjkText(part)))
    .join("");
}

/**
 * Whether a page's own text has a space between two Chinese or Japanese characters, which an
 * excerpt would not show (the build warns about such pages).
 */
export function hasSpaceBetweenCjk(text: string): boolean {
  return new RegExp(SPACE_BETWEEN_CJK.source, "u").test(text);
}

/** Indexed text as the page has it: the spaces between Chinese or Japanese words removed. */
export function joinCjkWords(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, "");
}
