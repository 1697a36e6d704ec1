/**
 * The forms of an essay's title that citations need besides the title as published: the
 * sentence-case title APA asks for (proper nouns kept) and the short title Chicago's short notes
 * use (at most four words). Both are derived by default and the editor may correct either in the
 * essay's frontmatter; a correction may change only case (or, for the short title, leave words
 * out), never the wording. Runs at build time only.
 */

/** How often a word is written capitalised, and in lower case, where neither is forced. */
export interface CaseEvidence {
  /** Lower-cased word → times it is capitalised in mid-sentence. */
  capitalised: Map<string, number>;
  /** Lower-cased word → times it is written in lower case. */
  lower: Map<string, number>;
}

// A word: letters (any script) and digits, with inner apostrophes and periods ("U.S.", "Xi’s").
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.?/gu;
// What ends a sentence, or starts one anew, before a word: then its capital proves nothing.
const SENTENCE_START = /(?:^|[.!?:;—–([“"‘'•]|\n)\s*$/u;

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** An empty record of evidence, to add texts to. */
export function emptyEvidence(): CaseEvidence {
  return { capitalised: new Map(), lower: new Map() };
}

/** The lower-cased words of a title (and the parts of its hyphenated words): what evidence is sought for. */
export function titleWords(title: string): string[] {
  return [...(title.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [])].flatMap((w) => [
    w.toLowerCase(),
    ...w.toLowerCase().split("-"),
  ]);
}

/**
 * Counts, for the words of a text, how often each is capitalised where no sentence starts and
 * how often it is in lower case: a word the text capitalises in mid-sentence more often than not
 * is a proper noun or adjective ("Ukraine", "Sino-Russian"). Headings are left out (they are in
 * title case). The parts of a hyphenated word count as words too ("Chinese-Russia"). With `only`,
 * just those (lower-cased) words are counted; each record in `into` receives the counts.
 */
export function caseEvidence(
  markdown: string,
  only?: ReadonlySet<string>,
  into: CaseEvidence[] = [emptyEvidence()],
): CaseEvidence {
  const text = markdown
    .split("\n")
    .filter((line) => !/^[ \t]{0,3}#{1,6}[ \t]/.test(line))
    .join("\n");
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    const before = text.slice(Math.max(0, match.index - 4), match.index);
    const forced = SENTENCE_START.test(before) || match.index === 0;
    for (const part of new Set([word, ...word.split("-")])) {
      const key = part.toLowerCase();
      if (only && !only.has(key)) continue;
      if (!/\p{L}/u.test(part)) continue;
      for (const evidence of into) {
        if (part === key) bump(evidence.lower, key);
        else if (!forced) bump(evidence.capitalised, key);
      }
    }
  }
  return into[0]!;
}

/**
 * Whether a word keeps its capitals in sentence case: acronyms, "I", and the proper nouns the
 * evidence shows. The first record that has seen the word decides (the essay's own text, then the
 * whole collection's); a word no text shows in mid-sentence is taken for a common word.
 */
function keepsCapitals(word: string, evidence: readonly CaseEvidence[]): boolean {
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (!letters || letters === letters.toLowerCase()) return false;
  // Capitals after the first letter: an acronym or a name written that way (NATO, U.S., McCain).
  if (/\p{Lu}/u.test(letters.slice(1))) return true;
  if (letters === "I") return true;
  const key = word.toLowerCase();
  for (const record of evidence) {
    const capitalised = record.capitalised.get(key) ?? 0;
    const lower = record.lower.get(key) ?? 0;
    if (capitalised + lower > 0) return capitalised > lower;
  }
  return false;
}

const lowerFirst = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

/**
 * The title in sentence case: the first word of the title and of a subtitle (after a colon, a
 * dash or end punctuation) capitalised, proper nouns and acronyms kept, everything else in lower
 * case. Spacing and punctuation are unchanged.
 */
export function sentenceCase(title: string, evidence: readonly CaseEvidence[]): string {
  let start = true;
  return title.replace(/[^\s]+/gu, (token) => {
    const first = start;
    // A subtitle starts after ":" / "?" / "!" / "." / a dash ending this token, or a lone dash.
    start = /[:?!.—–]$/u.test(token) && !/\p{Lu}\.$/u.test(token);
    const parts = token.split("-");
    return parts
      .map((part, i) => {
        const core = part.match(WORD)?.[0];
        if (!core) return part;
        if (first && i === 0) return part;
        return keepsCapitals(core, evidence) ? part : part.replace(core, lowerFirst(core));
      })
      .join("-");
  });
}

const ARTICLE = /^(?:a|an|the)$/i;
const FUNCTION_WORD =
  /^(?:a|an|and|as|at|by|for|from|in|into|its|of|on|or|the|to|with|without|versus|vs\.?)$/i;

/** The most words a short title may have (Chicago: a short title "should not exceed four words"). */
export const SHORT_TITLE_WORDS = 4;

/**
 * A short title by Chicago's rule: the main title (before a subtitle), without a leading article,
 * if it has at most four words; otherwise its first four words, without trailing function words.
 * A main title's own question or exclamation mark stays; a final full stop goes.
 */
export function shortTitle(title: string): string {
  const main = title
    .replace(/\s+/gu, " ")
    .trim()
    .split(/(?<=[?!])\s|:\s|\s[—–]\s/u)[0]!;
  let words = main.replace(/\.$/u, "").split(" ");
  if (words.length > 1 && ARTICLE.test(words[0]!)) words = words.slice(1);
  if (words.length > SHORT_TITLE_WORDS) {
    words = words.slice(0, SHORT_TITLE_WORDS);
    while (words.length > 1 && FUNCTION_WORD.test(words.at(-1)!)) words.pop();
  }
  return words.join(" ");
}

/** A title's words for comparison: lower case, without the punctuation around them. */
function comparableWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

/**
 * What is wrong with an editor's sentence-case title, if anything: it must be the title itself,
 * letter for letter, with only the case of letters changed.
 */
export function sentenceCaseProblem(title: string, sentence: string): string | undefined {
  const norm = (s: string) => s.replace(/\s+/gu, " ").trim();
  if (norm(title).toLowerCase() === norm(sentence).toLowerCase()) return undefined;
  return `must be the title with only its capital letters changed ("${norm(title)}")`;
}

/**
 * What is wrong with an editor's short title, if anything: at most four words, each a word of
 * the title, in the title's order.
 */
export function shortTitleProblem(title: string, short: string): string | undefined {
  const words = comparableWords(short);
  if (words.length === 0) return "must have at least one word";
  if (words.length > SHORT_TITLE_WORDS) {
    return `has ${words.length} words; a short title has at most ${SHORT_TITLE_WORDS}`;
  }
  const titleWords = comparableWords(title);
  let at = 0;
  for (const word of words) {
    const found = titleWords.indexOf(word, at);
    if (found < 0) return `"${word}" is not a word of the title, in the title's order`;
    at = found + 1;
  }
  return undefined;
}
