import { describe, expect, it } from "vitest";
import { termFromLabel } from "../../src/lib/slug.ts";
import {
  contentWords,
  relatedEssays,
  relatedReason,
  spellings,
  type Related,
  type SimilarityInput,
} from "../../src/lib/similarity.ts";

const doc = (id: string, order: number, tags: string[], text: string): SimilarityInput => ({
  id,
  order,
  tags: tags.map(termFromLabel),
  text,
});

const ALL = "Russian foreign policy";
const fixtures = [
  doc(
    "sco-1",
    1,
    [ALL, "Central Asia", "SCO"],
    "Shanghai Cooperation Organization summit in Tashkent; Uzbekistan and Kazakhstan energy pipelines",
  ),
  doc(
    "sco-2",
    2,
    [ALL, "Central Asia", "SCO"],
    "The Shanghai Cooperation Organization and Kazakhstan: pipelines, energy and security in Tashkent",
  ),
  doc(
    "ukraine",
    3,
    [ALL, "Ukraine crisis"],
    "Crimea annexation, Donbas fighting and sanctions after the Ukraine crisis; Kiev and Moscow",
  ),
  doc(
    "crimea",
    4,
    [ALL, "Ukraine crisis"],
    "Chinese views of Crimea and the annexation; sanctions, Kiev, Moscow and Beijing's neutrality",
  ),
  doc(
    "energy",
    5,
    [ALL, "Energy"],
    "Gas pipelines from Siberia to China, energy deals, Gazprom and Kazakhstan transit",
  ),
  doc(
    "culture",
    6,
    [ALL, "Culture"],
    "Confucius Institutes, Russkii Mir, national identity and cultural statecraft",
  ),
];

describe("relatedEssays", () => {
  const related = relatedEssays(fixtures, { limit: 3 });
  const ids = (id: string) => related.get(id)!.map((r) => r.id);

  it.each([
    ["sco-1", "sco-2"],
    ["sco-2", "sco-1"],
    ["ukraine", "crimea"],
    ["crimea", "ukraine"],
  ])("ranks %s's closest sibling %s first", (id, first) => {
    expect(ids(id)[0]).toBe(first);
  });

  it("relates by wording when no topical tag is shared", () => {
    expect(ids("energy")).toContain("sco-1");
    expect(related.get("energy")!.find((r) => r.id === "sco-1")!.sharedWords).toContain(
      "pipelines",
    );
  });

  it("explains itself with the shared tags, leaving out the tag every essay has", () => {
    const first = related.get("sco-1")![0]!;
    expect(first.sharedTags.map((t) => t.label)).toEqual(["Central Asia", "SCO"]);
  });

  it("never relates an essay to itself, and respects the limit", () => {
    for (const [id, list] of related) {
      expect(list.map((r) => r.id)).not.toContain(id);
      expect(list.length).toBeLessThanOrEqual(3);
    }
  });

  it("gives no related essays when nothing is shared", () => {
    expect(ids("culture")).toEqual([]);
  });

  it("scores between 0 and 1 and is deterministic", () => {
    const again = relatedEssays(fixtures, { limit: 3 });
    for (const [id, list] of related) {
      expect(again.get(id)).toEqual(list);
      for (const r of list) {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1.0000001);
      }
    }
  });
});

describe("contentWords", () => {
  it("drops stop words, short words and anything with digits", () => {
    expect(contentWords("The SCO was set up in 2001 by Russia and China in the 2000s")).toEqual([
      "sco",
      "set",
      "russia",
      "china",
    ]);
  });

  it.each(["especially", "actually", "turn", "along", "means", "past"])(
    "treats %j as a stop word (the stopwords-iso English list)",
    (word) => expect(contentWords(`Russia ${word} China`)).toEqual(["russia", "china"]),
  );
});

describe("spellings", () => {
  it.each([
    ["Washington and Moscow. Washington again", "washington", "Washington"],
    ["Eurasian Economic Union; the Eurasian idea", "eurasian", "Eurasian"],
    ["Sanctions were imposed. The sanctions bite, and sanctions last.", "sanctions", "sanctions"],
    ["Energy. Energy deals", "energy", "Energy"],
  ])("in %j writes %j as %j", (text, folded, form) => {
    expect(spellings(text).get(folded)).toBe(form);
  });
});

describe("related essays with subjects", () => {
  const withSubjects = (
    id: string,
    order: number,
    subjects: [string, number][],
    text: string,
  ): SimilarityInput => ({
    ...doc(id, order, [ALL], text),
    subjects: subjects.map(([label, mentions]) => ({ ...termFromLabel(label), mentions })),
  });
  const docs = [
    withSubjects(
      "a",
      1,
      [
        ["Vladimir Putin", 3],
        ["SCO", 2],
        ["NATO", 1],
      ],
      "Washington and the Eurasian union; Putin",
    ),
    withSubjects(
      "b",
      2,
      [
        ["Vladimir Putin", 5],
        ["SCO", 4],
      ],
      "Washington again, the Eurasian question; Putin",
    ),
    withSubjects("c", 3, [["NATO", 2]], "Crimea and Kiev, nothing else"),
    withSubjects("d", 4, [], "Crimea, Kiev, Donbas"),
  ];
  const related = relatedEssays(docs, { limit: 3 });

  it("relates essays by the subjects they share, most telling first", () => {
    const first = related.get("a")![0]!;
    expect(first.id).toBe("b");
    // Equally rare; Putin is mentioned more often by both.
    expect(first.sharedSubjects.map((t) => t.label)).toEqual(["Vladimir Putin", "SCO"]);
  });

  it("gives shared words as the essays write them, not the names a subject already gives", () => {
    const words = related.get("a")![0]!.sharedWords;
    expect(words).toContain("Washington");
    expect(words).toContain("Eurasian");
    expect(words).not.toContain("putin");
    expect(words).not.toContain("Putin");
  });
});

describe("relatedReason", () => {
  const term = (label: string) => termFromLabel(label);
  const r = (subjects: string[], tags: string[], words: string[]): Related => ({
    id: "x",
    score: 1,
    sharedSubjects: subjects.map(term),
    sharedTags: tags.map(term),
    sharedWords: words,
  });
  it.each([
    [r(["SCO", "Vladimir Putin"], [], []), 90, "Both discuss SCO and Vladimir Putin"],
    [
      r(["SCO"], ["Central Asia"], ["Washington", "Eurasian"]),
      90,
      "Both discuss SCO · Both tagged Central Asia · Shared words: Washington, Eurasian",
    ],
    [
      r(["SCO", "Vladimir Putin", "NATO", "Crimea", "Ukraine"], [], ["Washington"]),
      60,
      "Both discuss SCO, Vladimir Putin, NATO and 2 more subjects",
    ],
    [
      r(["Treaty on Good Neighbourliness and Cooperation (2001)", "SCO"], ["Alliances"], ["pivot"]),
      40,
      "Both discuss Treaty on Good Neighbourliness and Cooperation (2001) and 1 more subject",
    ],
    [r([], [], ["pipelines", "Kazakhstan"]), 90, "Shared words: pipelines, Kazakhstan"],
    [r([], ["Energy"], ["pipelines"]), 20, "Both tagged Energy"],
  ])("says %j in at most %i characters (or the least it can)", (related, max, line) => {
    expect(relatedReason(related, max)).toBe(line);
  });
});
