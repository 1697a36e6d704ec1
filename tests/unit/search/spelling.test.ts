import { describe, expect, it } from "vitest";
import {
  allowedEdits,
  editDistance,
  isKnownWord,
  matchCase,
  isFormOf,
  spellingVariants,
  suggestWord,
} from "../../../src/lib/search/spelling.ts";

describe("editDistance", () => {
  it.each([
    ["crimea", "crimea", 0],
    ["crimae", "crimea", 1], // swapped letters count once
    ["crimia", "crimea", 1],
    ["crmea", "crimea", 1],
    ["crimeaa", "crimea", 1],
    ["kozyrv", "kozyrev", 1],
    ["rozmn", "rozman", 1],
    ["multipolarty", "multipolarity", 1],
    ["shanghia", "shanghai", 1],
    ["abc", "xyz", 3],
    ["", "abc", 3],
  ])("%s → %s is %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it("stops early past the maximum", () => {
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("suggestWord", () => {
  const chunk = { crimea: 3, crimean: 2, crimeans: 1, criticism: 1, cultural: 2, culture: 3 };
  it.each([
    ["crimae", "crimea"],
    ["Crimia", "crimea"],
    ["culturall", "cultural"],
    ["crimea", undefined], // known
    ["crim", undefined], // too short to correct
    ["qqqqqqqq", undefined], // nothing close
  ])("%s → %s", (word, suggestion) => expect(suggestWord(word, chunk)).toBe(suggestion));

  it("prefers closer words, then more common ones", () => {
    expect(suggestWord("cultre", chunk)).toBe("culture");
  });

  it("leaves the start of a known word alone when it is the last (prefix) word", () => {
    expect(suggestWord("critici", chunk, { asPrefix: true })).toBeUndefined();
    expect(suggestWord("critici", chunk)).toBe("criticism");
  });

  it("allows more edits for longer words", () => {
    expect([3, 4, 5, 6, 12].map((n) => allowedEdits("x".repeat(n)))).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("matchCase", () => {
  it.each([
    ["Crimae", "crimea", "Crimea"],
    ["taiwn", "taiwan", "taiwan"],
    ["NATOO", "nato", "NATO"],
    ["i", "in", "in"],
  ])("%s → %s → %s", (original, suggestion, out) =>
    expect(matchCase(original, suggestion)).toBe(out),
  );
});

describe("isKnownWord", () => {
  const chunk = {
    alliance: 3,
    balancing: 1,
    balancers: 1,
    crimea: 3,
    security: 4,
    civilisation: 1,
  };
  it.each([
    ["alliance", false, true],
    ["Alliances", false, true], // another form of a known word
    ["balance", false, true], // shares the stem of "balancing"
    ["balancer", false, true],
    ["securities", false, true],
    ["civilization", false, true], // the other spelling of a known word
    ["crimae", false, false],
    ["crim", false, false],
    ["crim", true, true], // the last word matches as a prefix
    ["allied", false, false], // "alli-" is too short a stem to count
    ["of", false, true], // too short to judge
    ["2001", false, true], // not letters
    ["俄罗斯研究", false, true], // another script
  ])("%s (as prefix: %s) → %s", (word, asPrefix, known) =>
    expect(isKnownWord(word, chunk, { asPrefix })).toBe(known),
  );
});

describe("spellingVariants", () => {
  it.each([
    ["defence", ["defense"]],
    ["defense", ["defence"]],
    ["offences", ["offenses"]],
    ["organisation", ["organization"]],
    ["Organization", ["organisation"]],
    ["civilisational", ["civilizational"]],
    ["criticised", ["criticized"]],
    ["behaviour", ["behavior"]],
    ["neighbours", ["neighbors"]],
    ["harbor", ["harbour"]],
    ["centre", ["center"]],
    ["centers", ["centres"]],
    ["analyse", ["analyze"]],
    ["catalogue", ["catalog"]],
    ["travelled", ["traveled"]],
    ["modeling", ["modelling"]],
    ["programme", ["program"]],
    ["Kiselëv", []],
    ["four", []],
    ["rise", []],
    ["feeling", []],
    ["China", []],
  ])("%s → %j", (word, variants) => expect(spellingVariants(word)).toEqual(variants));
});

describe("isFormOf", () => {
  it.each([
    ["sanctions", "sanctioned", true],
    ["Putin’s", "Putin", true],
    ["Xi", "xi", true],
    ["Xinhua", "Xi", false],
    ["scope", "SCO", false],
    ["Moscow", "SCO", false],
    ["policies", "policy", true],
    ["Crimean", "Crimea", false],
    ["balancing", "balance", true],
  ])("%s is a form of %s: %s", (written, word, expected) =>
    expect(isFormOf(written, word)).toBe(expected),
  );
});
