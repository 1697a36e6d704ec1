import { describe, expect, it } from "vitest";
import { termFromLabel } from "../../src/lib/slug.ts";
import { contentWords, relatedEssays, type SimilarityInput } from "../../src/lib/similarity.ts";

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
  it("drops stopwords, short words and numbers", () => {
    expect(contentWords("The SCO was set up in 2001 by Russia and China")).toEqual([
      "sco",
      "set",
      "russia",
      "china",
    ]);
  });
});
