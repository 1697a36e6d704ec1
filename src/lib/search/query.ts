/**
 * How the search reads a query (browser and tests): words that must all occur, "quoted phrases",
 * `OR` between alternatives, and `-word` or `-"a phrase"` to leave essays out. Pure: the engine
 * (evaluate.ts) runs the searches.
 */

/** A word or a quoted phrase, as typed (without the quotes). */
export interface Term {
  text: string;
  phrase: boolean;
}

/**
 * A parsed query: essays must match every clause (a clause matches when any of its terms does)
 * and none of the excluded terms.
 */
export interface Query {
  clauses: Term[][];
  excluded: Term[];
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu;

/** Reads a query; stray operators (a lone `-`, `OR` at either end) are ignored, never an error. */
export function parseQuery(raw: string): Query {
  const clauses: Term[][] = [];
  const excluded: Term[] = [];
  let orPending = false;
  for (const match of raw.matchAll(TOKEN)) {
    const [, minus, quoted, bare] = match;
    let term: Term | undefined;
    let exclude = false;
    if (quoted !== undefined) {
      const text = quoted.trim().replace(/\s+/gu, " ");
      if (!text) continue;
      term = { text, phrase: /\s/u.test(text) };
      exclude = minus === "-";
    } else if (bare === "OR") {
      orPending = clauses.length > 0;
      continue;
    } else if (bare) {
      exclude = bare.startsWith("-");
      const text = exclude ? bare.slice(1) : bare;
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      term = { text, phrase: false };
    }
    if (!term) continue;
    if (exclude) {
      excluded.push(term);
      orPending = false;
    } else if (orPending) {
      clauses.at(-1)!.push(term);
      orPending = false;
    } else clauses.push([term]);
  }
  return { clauses, excluded };
}

/** A term as it would be typed: phrases in quotes. */
export const termText = (term: Term): string => (term.phrase ? `"${term.text}"` : term.text);

/** Puts a parsed query back together. */
export function formatQuery({ clauses, excluded }: Query): string {
  return [
    ...clauses.map((clause) => clause.map(termText).join(" OR ")),
    ...excluded.map((t) => `-${termText(t)}`),
  ].join(" ");
}

/** Whether a query uses any operator (a phrase, `OR`, or an exclusion). */
export function usesOperators({ clauses, excluded }: Query): boolean {
  return excluded.length > 0 || clauses.some((c) => c.length > 1 || c.some((t) => t.phrase));
}

/** Every term of a query that must or may occur, in order, once each. */
export function positiveTerms({ clauses }: Query): Term[] {
  const seen = new Set<string>();
  return clauses.flat().filter((t) => {
    const key = termText(t);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Queries with one clause removed, for "try fewer words" after a search with no results. */
export function queriesWithoutOneClause(query: Query): string[] {
  if (query.clauses.length < 2) return [];
  return query.clauses.map((_, i) =>
    formatQuery({ ...query, clauses: query.clauses.filter((__, j) => j !== i) }),
  );
}
