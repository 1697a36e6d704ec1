import { describe, expect, it } from "vitest";
import {
  buildVocabulary,
  chunkKey,
  chunkVocabulary,
  foldWord,
  wordsOf,
} from "../../../src/lib/search/vocabulary.ts";

describe("foldWord", () => {
  it.each([
    ["Kiselëv", "kiselev"],
    ["vis-à-vis", "vis-a-vis"],
    ["COMMUNIQUÉ", "communique"],
    ["Russia", "russia"],
  ])("%s → %s", (word, folded) => expect(foldWord(word)).toBe(folded));
});

describe("wordsOf", () => {
  it.each([
    ["Russia’s pivot", ["russia", "pivot"]],
    ["the U.S. pivot", ["the", "pivot"]],
    ["Eluosi yanjiu (俄罗斯研究, Russian Studies)", ["eluosi", "yanjiu", "russian", "studies"]],
    ["Marxism-Leninism in 2013", ["marxism", "leninism", "in"]],
    ["a b cd", ["cd"]],
  ])("%s", (text, words) => expect(wordsOf(text)).toEqual(words));
});

describe("buildVocabulary", () => {
  it("counts the documents each word occurs in", () => {
    const vocabulary = buildVocabulary(["Crimea and Crimea", "Crimea, Taiwan", "Taiwan"]);
    expect(Object.fromEntries(vocabulary)).toEqual({ crimea: 2, and: 1, taiwan: 2 });
  });
});

describe("chunks", () => {
  it.each([
    ["crimea", "cr"],
    ["Élite", "el"],
    ["2001", "20"],
    ["ßtrasse", "_t"],
    ["x", "x_"],
  ])("%s goes in chunk %s", (word, key) => expect(chunkKey(word)).toBe(key));

  it("splits by first two letters and sorts each chunk", () => {
    const chunks = chunkVocabulary(
      new Map([
        ["taiwan", 2],
        ["crimean", 1],
        ["crimea", 3],
        ["china", 6],
      ]),
    );
    expect([...chunks.keys()]).toEqual(["ch", "cr", "ta"]);
    expect(Object.keys(chunks.get("cr")!)).toEqual(["crimea", "crimean"]);
  });
});
