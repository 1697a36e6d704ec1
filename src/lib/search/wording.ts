/**
 * What the search says (browser and tests): the status sentence and the notices, from the
 * engine's outcome. Every sentence says what was searched and what was found, never more.
 */
import { countOf, listOf, quoted } from "../format.ts";
import type { Outcome, TermReport } from "./evaluate.ts";
import { FACETS, type FacetKey } from "./facets.ts";
import { wordSpans } from "./highlight.ts";
import type { Query } from "./query.ts";

/** The chosen facet values, as labels. */
export type FilterLabels = Record<FacetKey, string[]>;

/** ", tagged Ukraine crisis, by Natasha Kuhrt or Gilbert Rozman": what the filters ask. */
export function describeFilters(labels: FilterLabels): string {
  return FACETS.filter((f) => labels[f.key].length)
    .map((f) => ` ${f.phrase} ${listOf(labels[f.key], f.combine === "any" ? "or" : "and")}`)
    .join(",");
}

const found = (t: TermReport) => t.essays > 0;

/** How the query's clauses read: “Putin” and “Crimea” or “Taiwan”. */
function describeClauses(query: Query, terms: readonly TermReport[]): string {
  const byText = new Map(terms.map((t) => [t.term.text, t]));
  const clauses = query.clauses
    .map((clause) =>
      clause
        .filter((t) => byText.get(t.text) && !byText.get(t.text)!.dropped)
        .map((t) => quoted(t.text))
        .join(" or "),
    )
    .filter(Boolean);
  return listOf(clauses);
}

/** The status line: "4 essays match “Putin”, without “Xi”, tagged …". */
export function describeOutcome(outcome: Outcome, labels: FilterLabels): string {
  const n = outcome.matches.length;
  const parts: string[] = [];
  const words = describeClauses(outcome.parsed, outcome.terms);
  if (words) parts.push(` ${n === 1 ? "matches" : "match"} ${words}`);
  const left = outcome.excluded.map((t) => quoted(t.term.text));
  if (left.length) parts.push(` without ${listOf(left, "or")}`);
  const filters = describeFilters(labels);
  const text = `${parts.join(",")}${parts.length && filters ? "," : ""}${filters}`;
  return n === 0 ? `No essays${text}.` : `${countOf(n, "essay")}${text}.`;
}

/**
 * Says which words no essay contains, and what the rest found: "No essay contains “Kozyrov”;
 * 1 essay mentions “Crimea”." Undefined when every word was found.
 */
export function describeMissing(outcome: Outcome, labels: FilterLabels): string | undefined {
  const missing = outcome.terms.filter((t) => t.dropped).map((t) => quoted(t.term.text));
  if (!missing.length) return undefined;
  const filters = describeFilters(labels);
  const where = filters ? `No essay${filters}` : "No essay";
  const first = `${where} contains ${listOf(missing, "or")}`;
  const rest = describeClauses(outcome.parsed, outcome.terms);
  const n = outcome.matches.length;
  if (!rest) return `${first}.`;
  if (!n) return `${first}, and no essay${filters} has ${rest} together.`;
  return `${first}; ${countOf(n, "essay")} ${n === 1 ? "mentions" : "mention"} ${rest}.`;
}

/** Says which excluded words left nothing out, because no essay contains them. */
export function describeUnusedExclusions(outcome: Outcome): string | undefined {
  const idle = outcome.excluded.filter((t) => !found(t)).map((t) => quoted(t.term.text));
  if (!idle.length) return undefined;
  return `No essay contains ${listOf(idle, "or")}, so ${idle.length === 1 ? "it" : "they"} left nothing out.`;
}

/**
 * Says that a subject's spellings were searched together, naming those a search for the term
 * alone would not have found ("Shanghai Cooperation Organization" for "SCO", but not
 * "Vladimir Putin" for "Putin").
 */
export function describeSubjectSearch(term: TermReport): string | undefined {
  const subject = term.subject;
  if (!subject) return undefined;
  const wordsOf = (text: string) => wordSpans(text).map((w) => w.word);
  const own = wordsOf(term.term.text);
  const contains = (words: string[]) =>
    words.some((_, j) => own.every((word, k) => words[j + k] === word));
  const others = subject.aliases.filter((alias) => !contains(wordsOf(alias)));
  if (!others.length) return undefined;
  return `${quoted(term.term.text)} is the subject ${subject.label}: searched with ${others.length === 1 ? "its other spelling" : "its other spellings"} ${listOf(others.map(quoted))}.`;
}

/** Says which other spellings were searched and found essays. */
export function describeSpellings(terms: readonly TermReport[]): string | undefined {
  const spellings = terms.flatMap((t) => t.spellings);
  return spellings.length
    ? `Including other spellings: ${listOf(spellings.map(quoted))}.`
    : undefined;
}

/** The offer of a correction that finds essays: "Did you mean … ? (2 essays)". */
export function describeSuggestion(suggestion: { query: string; essays: number }): {
  before: string;
  query: string;
  after: string;
} {
  return {
    before: "Did you mean ",
    query: suggestion.query,
    after: `? It finds ${countOf(suggestion.essays, "essay")}.`,
  };
}

/** Says a query was corrected because none of its words occurs. */
export function describeCorrection(corrected: { from: string; to: string }, n: number): string {
  return `No essay contains ${quoted(corrected.from)}. Showing ${countOf(n, "essay")} for ${quoted(corrected.to)} instead.`;
}
