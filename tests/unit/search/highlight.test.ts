import { describe, expect, it } from "vitest";
import { findTerms } from "../../../src/lib/search/highlight.ts";

const marked = (text: string, terms: string[]) =>
  findTerms(text, terms).map(([a, b]) => text.slice(a, b));

describe("findTerms", () => {
  it.each([
    ["the SCO met in Moscow", ["SCO"], ["SCO"]],
    ["anxieties of Xi and the anxious", ["Xi"], ["Xi"]],
    ["Putin’s turn, and Putin", ["Putin’s", "Putin"], ["Putin’s", "Putin"]],
    ["sanctions, sanctioned", ["sanctions"], ["sanctions"]],
    ["the (SCO), the sco.", ["SCO"], ["SCO", "sco"]],
    [
      "the Shanghai Cooperation Organization and Shanghai alone",
      ["Shanghai Cooperation Organization"],
      ["Shanghai Cooperation Organization"],
    ],
    ["Kiselëv and Kiselev", ["Kiselev"], ["Kiselëv", "Kiselev"]],
    ["journal (俄罗斯研究, Russian", ["研究"], ["研究"]],
    ["Sino-Russian ties", ["Sino-Russian"], ["Sino-Russian"]],
    ["Sino-Russian ties", ["Sino"], []],
  ])("%j with %j", (text, terms, expected) => expect(marked(text, terms)).toEqual(expected));

  it("prefers the longer term where two start together, and never overlaps", () => {
    expect(marked("Vladimir Putin said", ["Putin", "Vladimir Putin"])).toEqual(["Vladimir Putin"]);
  });
});
