import { describe, expect, it } from "vitest";
import {
  caseEvidence,
  emptyEvidence,
  sentenceCase,
  sentenceCaseProblem,
  shortTitle,
  shortTitleProblem,
  titleWords,
} from "../../src/lib/title-case.ts";

describe("case evidence", () => {
  const evidence = caseEvidence(
    [
      "## A Heading In Title Case Proves Nothing",
      "The alliance between Beijing and Moscow is no Alliance of equals. Their Sino-Russian",
      "relations deepened. Relations with the United States did not. “Realities” matter; the realities",
      "of NATO and the U.S. remain.",
    ].join("\n"),
  );
  const count = (word: string) => [
    evidence.capitalised.get(word) ?? 0,
    evidence.lower.get(word) ?? 0,
  ];

  it.each([
    ["beijing", [1, 0]],
    ["alliance", [1, 1]],
    ["sino-russian", [1, 0]],
    ["sino", [1, 0]],
    ["russian", [1, 0]],
    // At a sentence's start, after a quotation mark or in a heading, a capital proves nothing.
    ["relations", [0, 1]],
    ["realities", [0, 1]],
    ["heading", [0, 0]],
  ])("%s: capitalised, lower-case", (word, expected) => expect(count(word)).toEqual(expected));

  it("counts only the words asked for, into every record given", () => {
    const a = emptyEvidence();
    const b = emptyEvidence();
    caseEvidence("From Beijing to Moscow and Beijing", new Set(["beijing"]), [a, b]);
    expect([...a.capitalised]).toEqual([["beijing", 2]]);
    expect([...b.capitalised]).toEqual([["beijing", 2]]);
    expect(a.lower.size).toBe(0);
  });

  it("names a title's words and their hyphenated parts", () => {
    expect(titleWords("A Sino-Russian Alliance?")).toEqual([
      "a",
      "a",
      "sino-russian",
      "sino",
      "russian",
      "alliance",
      "alliance",
    ]);
  });
});

describe("sentence case (APA 7, 6.17)", () => {
  // The proper nouns as the essays themselves write them, mid-sentence.
  const collection = caseEvidence(
    "in Ukraine and in China, Chinese and Russian and American views of Sino-Russian ties, " +
      "the Chinese-Russia partnership, perspectives on events, security dilemmas, a dilemma, " +
      "a cultural statecraft, realities and rationales, its limits, the US and NATO and Xi’s visit " +
      "to Crimea",
  );

  it.each([
    // The issue's own examples, then the other essays of the collection.
    [
      "A Sino-Russian Alliance? Rationales and Realities",
      "A Sino-Russian alliance? Rationales and realities",
    ],
    [
      "Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations",
      "Chinese perspectives on events in Ukraine: Implications for Sino-Russian relations",
    ],
    [
      "The Deepening Chinese-Russia Partnership: An American Security Dilemma.",
      "The deepening Chinese-Russia partnership: An American security dilemma.",
    ],
    [
      "Russia and China: Competing or complementary priorities?",
      "Russia and China: Competing or complementary priorities?",
    ],
    [
      "Cultural Statecraft in the Russian and Chinese Contexts",
      "Cultural statecraft in the Russian and Chinese contexts",
    ],
    [
      "Russian Dissatisfaction with China and Its Limits",
      "Russian dissatisfaction with China and its limits",
    ],
    // Acronyms and inner capitals stay; "I" stays; a dash starts a subtitle; U.S. does not.
    ["NATO Expands — What the US Wants", "NATO expands — What the US wants"],
    ["The U.S. View of Xi’s Visit", "The U.S. view of Xi’s visit"],
    ["What I Saw in Crimea", "What I saw in Crimea"],
    // Spacing is kept exactly, no-break spaces included.
    ["Rationales and\u00a0Realities", "Rationales and\u00a0realities"],
  ])("%s", (title, expected) => {
    expect(sentenceCase(title, [emptyEvidence(), collection])).toBe(expected);
  });

  it("lets the essay's own text outvote the collection's", () => {
    const own = caseEvidence("the Union decided; the Union met");
    const all = caseEvidence("a union of two, the union of three, a union");
    expect(sentenceCase("The Union Acts", [own, all])).toBe("The Union acts");
    expect(sentenceCase("The Union Acts", [emptyEvidence(), all])).toBe("The union acts");
  });

  it("takes a word no text shows for a common word", () => {
    expect(sentenceCase("Unheard Words Here", [emptyEvidence()])).toBe("Unheard words here");
  });
});

describe("short titles (Chicago 17: at most four words, in order)", () => {
  it.each([
    ["A Sino-Russian Alliance? Rationales and Realities", "Sino-Russian Alliance?"],
    [
      "The Deepening Chinese-Russia Partnership: An American Security Dilemma.",
      "Deepening Chinese-Russia Partnership",
    ],
    ["Russia and China: Competing or complementary priorities?", "Russia and China"],
    ["Cultural Statecraft in the Russian and Chinese Contexts", "Cultural Statecraft"],
    ["Russian Dissatisfaction with China and Its Limits", "Russian Dissatisfaction with China"],
    ["Chinese Perspectives on Events in Ukraine: Implications", "Chinese Perspectives on Events"],
    // Chicago's own example: the main title of four words or fewer.
    ["Music Criticism Has Degenerated into Lifestyle Reporting", "Music Criticism Has Degenerated"],
    ["Upheaval in Charleston: Earthquake and Murder", "Upheaval in Charleston"],
    ["The Title", "Title"],
    ["Short", "Short"],
  ])("%s → %s", (title, short) => expect(shortTitle(title)).toBe(short));
});

describe("the editor's corrections", () => {
  const title =
    "Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian\u00a0Relations";

  it.each<[string, string | undefined]>([
    [
      "Chinese perspectives on events in Ukraine: implications for Sino-Russian relations",
      undefined,
    ],
    ["Chinese perspectives on events in Ukraine: implications for Russian relations", "must be"],
    ["Chinese perspectives on Ukraine", "must be"],
  ])("sentence case %s", (sentence, problem) => {
    const found = sentenceCaseProblem(title, sentence);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });

  it.each<[string, string | undefined]>([
    ["Chinese Perspectives on Ukraine", undefined],
    ["Perspectives on Ukraine", undefined],
    ["Chinese Perspectives on Events in Ukraine", "has 6 words"],
    ["Ukraine Perspectives", "not a word of the title, in the title's order"],
    ["Russian Perspectives", "not a word of the title"],
    ["", "at least one word"],
  ])("short title %s", (short, problem) => {
    const found = shortTitleProblem(title, short);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });
});
