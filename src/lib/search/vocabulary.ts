/**
 * The site's own vocabulary, built at build time from the essays, for "did you mean" corrections.
 * It is split into small chunks by the first two letters of each word, so checking a query word
 * downloads one small file, whatever the size of the collection.
 */

/** Lower-cases a word and drops diacritics, as Pagefind compares them by default. */
export function foldWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// Letters of alphabetic scripts (not Han/kana/Hangul, which are not corrected letter by letter)
// and digits.
const WORD = /[\p{L}\p{N}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The correctable words of a text, folded; possessives and hyphenated parts split apart. */
export function wordsOf(text: string): string[] {
  return (foldWord(text).match(WORD) ?? []).filter(
    (w) => w.length >= 2 && /\p{L}/u.test(w) && !UNSPACED.test(w),
  );
}

/** Word → number of documents it occurs in. */
export type Vocabulary = Map<string, number>;

/** Builds the vocabulary of a set of documents (document frequency per word). */
export function buildVocabulary(documents: string[]): Vocabulary {
  const vocabulary: Vocabulary = new Map();
  for (const doc of documents) {
    for (const word of new Set(wordsOf(doc))) {
      vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    }
  }
  return vocabulary;
}

/**
 * The chunk a word belongs to: its first two characters, each a–z or 0–9, anything else as "_"
 * (so "crimea" → "cr", "élite" → "el", "2001" → "20", "ßtrasse" → "_t").
 */
export function chunkKey(word: string): string {
  return [...foldWord(word).slice(0, 2).padEnd(2, "_")]
    .map((c) => (/[a-z0-9]/.test(c) ? c : "_"))
    .join("");
}

/** A chunk as served to the browser: words in alphabetical order with their document counts. */
export type VocabularyChunk = Record<string, number>;

/** Splits a vocabulary into chunks by first two letters, each sorted alphabetically. */
export function chunkVocabulary(vocabulary: Vocabulary): Map<string, VocabularyChunk> {
  const chunks = new Map<string, [string, number][]>();
  for (const [word, count] of vocabulary) {
    const key = chunkKey(word);
    const list = chunks.get(key) ?? [];
    list.push([word, count]);
    chunks.set(key, list);
  }
  return new Map(
    [...chunks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => [
        key,
        Object.fromEntries(list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      ]),
  );
}
