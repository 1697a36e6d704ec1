import { describe, expect, it } from "vitest";
import {
  formatQuery,
  parseQuery,
  positiveTerms,
  queriesWithoutOneClause,
  usesOperators,
} from "../../../src/lib/search/query.ts";

const w = (text: string) => ({ text, phrase: false });
const p = (text: string) => ({ text, phrase: true });

describe("parseQuery", () => {
  it.each([
    ["Putin", { clauses: [[w("Putin")]], excluded: [] }],
    ["Putin Crimea", { clauses: [[w("Putin")], [w("Crimea")]], excluded: [] }],
    ["Putin -Xi", { clauses: [[w("Putin")]], excluded: [w("Xi")] }],
    [
      "Putin OR Medvedev Crimea",
      { clauses: [[w("Putin"), w("Medvedev")], [w("Crimea")]], excluded: [] },
    ],
    [
      '"security dilemma" Taiwan',
      { clauses: [[p("security dilemma")], [w("Taiwan")]], excluded: [] },
    ],
    ['Russia -"security dilemma"', { clauses: [[w("Russia")]], excluded: [p("security dilemma")] }],
    ['"SCO"', { clauses: [[w("SCO")]], excluded: [] }],
    ["Sino-Russian", { clauses: [[w("Sino-Russian")]], excluded: [] }],
    ["or", { clauses: [[w("or")]], excluded: [] }],
    ["OR Putin OR", { clauses: [[w("Putin")]], excluded: [] }],
    ["- Putin", { clauses: [[w("Putin")]], excluded: [] }],
    ['"unclosed phrase', { clauses: [[p("unclosed phrase")]], excluded: [] }],
    ['""', { clauses: [], excluded: [] }],
    ["俄罗斯研究", { clauses: [[w("俄罗斯研究")]], excluded: [] }],
  ])("%j", (query, expected) => expect(parseQuery(query)).toEqual(expected));
});

describe("formatQuery", () => {
  it.each(["Putin", "Putin -Xi", "Putin OR Medvedev Crimea", '"security dilemma" -Taiwan'])(
    "round-trips %j",
    (query) => expect(formatQuery(parseQuery(query))).toBe(query),
  );
});

describe("operators and terms", () => {
  it.each([
    ["Putin Crimea", false],
    ["Putin -Xi", true],
    ["a OR b", true],
    ['"a b"', true],
  ])("%j uses operators: %s", (q, expected) => expect(usesOperators(parseQuery(q))).toBe(expected));

  it("lists each positive term once", () => {
    expect(positiveTerms(parseQuery("Putin OR Xi Putin -Crimea"))).toEqual([w("Putin"), w("Xi")]);
  });

  it("offers queries with one clause less", () => {
    expect(queriesWithoutOneClause(parseQuery("Kozyrev Crimea -Xi"))).toEqual([
      "Crimea -Xi",
      "Kozyrev -Xi",
    ]);
    expect(queriesWithoutOneClause(parseQuery("Crimea"))).toEqual([]);
  });
});
