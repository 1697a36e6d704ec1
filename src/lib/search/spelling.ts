/**
 * Forgiving queries: spelling corrections against the site's vocabulary ("Did you mean …?") and
 * British/American spelling variants ("defence" finds "defense"). Pure functions; the search
 * scripts load the vocabulary and run the searches.
 */
import { foldWord, type VocabularyChunk } from "./vocabulary.ts";

/**
 * Edit distance allowing insertions, deletions, substitutions and swaps of adjacent letters
 * (optimal string alignment). Stops early and returns `max + 1` once the distance must exceed max.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits a word of this length may be corrected by: none for short words. */
export function allowedEdits(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 5) return 1;
  return 2;
}

// Endings that make another form of the same word, so "alliances" counts as known when the
// essays only say "alliance" (the search engine stems words the same way).
const ENDINGS = [
  "",
  "s",
  "es",
  "e",
  "ed",
  "d",
  "ing",
  "er",
  "ers",
  "ly",
  "al",
  "ally",
  "ion",
  "ions",
  "ity",
  "ities",
  "y",
  "ies",
  "ied",
  "ment",
  "ments",
  "ness",
  "ism",
  "ist",
  "ists",
  "ive",
  "ation",
  "ations",
];

/**
 * Whether the essays contain a word, or another form of it (same stem, different ending), or —
 * for the query's last word, which also matches as a prefix — a word that starts with it.
 * Words the vocabulary does not cover (short words, digits, other scripts) count as known.
 */
export function isKnownWord(
  word: string,
  chunk: VocabularyChunk,
  { asPrefix = false } = {},
): boolean {
  const folded = foldWord(word);
  if (folded.length <= 2 || !/^\p{Script=Latin}+$/u.test(folded)) return true;
  if (chunk[folded] !== undefined) return true;
  if (asPrefix && Object.keys(chunk).some((k) => k.startsWith(folded))) return true;
  for (const form of [folded, ...spellingVariants(folded)]) {
    for (const ending of ENDINGS) {
      if (!form.endsWith(ending)) continue;
      const base = form.slice(0, form.length - ending.length);
      if (base.length < 3) continue;
      if (ENDINGS.some((other) => chunk[base + other] !== undefined)) return true;
    }
  }
  return false;
}

/**
 * The best correction of a word from a vocabulary chunk, or undefined when the word is known (see
 * isKnownWord) or nothing is close enough. Closer words win, then more common ones.
 */
export function suggestWord(
  word: string,
  chunk: VocabularyChunk,
  { asPrefix = false } = {},
): string | undefined {
  if (isKnownWord(word, chunk, { asPrefix })) return undefined;
  const folded = foldWord(word);
  const known = Object.keys(chunk);
  const max = allowedEdits(folded);
  if (max === 0) return undefined;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(folded, candidate, max);
    if (distance > max) continue;
    const count = chunk[candidate]!;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && count > best.count) ||
      (distance === best.distance && count === best.count && candidate < best.word)
    ) {
      best = { word: candidate, distance, count };
    }
  }
  return best?.word;
}

// Whole-word pairs that no suffix rule covers safely.
const WORD_PAIRS: [string, string][] = [
  ["centre", "center"],
  ["theatre", "theater"],
  ["fibre", "fiber"],
  ["calibre", "caliber"],
  ["spectre", "specter"],
  ["sombre", "somber"],
  ["litre", "liter"],
  ["metre", "meter"],
  ["meagre", "meager"],
  ["lustre", "luster"],
  ["programme", "program"],
  ["judgement", "judgment"],
  ["acknowledgement", "acknowledgment"],
  ["ageing", "aging"],
  ["grey", "gray"],
  ["sceptic", "skeptic"],
  ["sceptical", "skeptical"],
  ["scepticism", "skepticism"],
  ["manoeuvre", "maneuver"],
  ["plough", "plow"],
  ["cheque", "check"],
  ["tyre", "tire"],
  ["aluminium", "aluminum"],
];

// Stems that take -our in British and -or in American spelling (behaviour/behavior …).
const OUR_STEMS = [
  "behavi",
  "neighb",
  "fav",
  "lab",
  "hon",
  "col",
  "harb",
  "hum",
  "rum",
  "vig",
  "endeav",
  "arm",
  "sav",
  "flav",
  "glam",
  "cand",
  "clam",
  "od",
  "rig",
  "splend",
  "tum",
  "val",
  "vap",
  "ferv",
  "parl",
  "ard",
];

// Stems that take -ence in British and -ense in American spelling (defence/defense …).
const ENCE_STEMS = ["defen", "offen", "licen", "preten"];

const OUR_RULE = new RegExp(
  `^(${OUR_STEMS.join("|")})(our|or)(s|ed|ing|ite|ites|able|ably|ful|less|ism|ist|ists|ly|hood|hoods)?$`,
);
const ENCE_RULE = new RegExp(`^(${ENCE_STEMS.join("|")})(ce|se)(s|less|lessness)?$`);
// -isation/-ization and kin; the stem must be long enough that "rise" or "wise" never match.
const ISE_RULE = /^(\p{L}{3,})(is|iz)(ation|ations|ational|ationally|e|es|ed|er|ers|ing)$/u;
const YSE_RULE = /^(anal|paral|catal|electrol|hydrol|dial)(ys|yz)(e|es|ed|er|ers|ing)$/;
const OGUE_RULE = /^(catal|dial|anal|monol|prol|epil|travel|homol)(ogue|og)(s)?$/;
// Doubled l before a suffix (travelled/traveled): a consonant before "el", a stem of 3+ letters.
const LL_RULE = /^(\p{L}{2,}[^aeiou\W])e(ll|l)(ed|ing|er|ers|or|ors)$/u;

/** The other spellings of a word (British ↔ American), not including the word itself. */
export function spellingVariants(word: string): string[] {
  const w = foldWord(word);
  const out = new Set<string>();
  for (const [british, american] of WORD_PAIRS) {
    for (const suffix of ["", "s"]) {
      if (w === british + suffix) out.add(american + suffix);
      if (w === american + suffix) out.add(british + suffix);
    }
  }
  let m: RegExpExecArray | null;
  if ((m = OUR_RULE.exec(w))) out.add(`${m[1]}${m[2] === "our" ? "or" : "our"}${m[3] ?? ""}`);
  if ((m = ENCE_RULE.exec(w))) out.add(`${m[1]}${m[2] === "ce" ? "se" : "ce"}${m[3] ?? ""}`);
  if ((m = ISE_RULE.exec(w))) out.add(`${m[1]}${m[2] === "is" ? "iz" : "is"}${m[3]}`);
  if ((m = YSE_RULE.exec(w))) out.add(`${m[1]}${m[2] === "ys" ? "yz" : "ys"}${m[3]}`);
  if ((m = OGUE_RULE.exec(w))) out.add(`${m[1]}${m[2] === "ogue" ? "og" : "ogue"}${m[3] ?? ""}`);
  if ((m = LL_RULE.exec(w))) out.add(`${m[1]}e${m[2] === "ll" ? "l" : "ll"}${m[3]}`);
  out.delete(w);
  return [...out];
}

/** Gives a suggested word the capitalisation of the word it replaces ("Crimae" → "Crimea"). */
export function matchCase(original: string, suggestion: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return suggestion.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}

/**
 * Whether a word as written is a form of a search word: the same word, its possessive, or the
 * same stem with another ending ("sanctions" for "sanctioned"); never a longer word ("Xinhua" is
 * not a form of "Xi").
 */
export function isFormOf(written: string, word: string): boolean {
  const a = foldWord(written).replace(/['’]s$/u, "");
  const b = foldWord(word).replace(/['’]s$/u, "");
  if (a === b) return true;
  for (const ending of ENDINGS) {
    if (!ending || !a.endsWith(ending)) continue;
    const base = a.slice(0, a.length - ending.length);
    if (base.length >= 3 && ENDINGS.some((other) => b === base + other)) return true;
  }
  return ENDINGS.some((ending) => {
    if (!ending || !b.endsWith(ending)) return false;
    const base = b.slice(0, b.length - ending.length);
    return base.length >= 3 && a === base;
  });
}
