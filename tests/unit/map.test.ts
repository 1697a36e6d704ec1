import { describe, expect, it } from "vitest";
import { argumentMap, captionLines, MAP_SIZE, mapTable } from "../../src/lib/map.ts";
import { buildSubjects, indexMentions, type MentionPassage } from "../../src/lib/subjects.ts";

const slugs = Array.from({ length: 12 }, (_, i) => `s${i}`);
const subjects = buildSubjects(
  slugs.map((id) => ({
    id,
    filePath: `content/subjects/${id}.yaml`,
    name: `Subject ${id}`,
    kind: "concept" as const,
    aliases: [id],
  })),
);
const mention = (s: string) => ({ subject: s, text: s, linked: true });
/** Essay i mentions subjects 0..(i % 12), subject k (k + 1) times. */
const essays = Array.from({ length: 30 }, (_, i) => ({
  id: `e${i}`,
  passages: [
    {
      n: 1,
      segments: slugs.slice(0, (i % 12) + 1).flatMap((s, k) => Array(k + 1).fill(mention(s))),
    } satisfies MentionPassage,
  ],
}));
const index = indexMentions(subjects, essays);
const mapEssays = essays.map((e) => ({
  id: e.id,
  label: `Title ${e.id}`,
  author: `Author ${e.id}`,
}));
const kind = () => "Concept";

describe("argumentMap", () => {
  const full = argumentMap(index, mapEssays, kind, { subjects: 100, essays: 100, edges: 1000 });

  it("draws every essay and subject with an edge per essay–subject pair, weighted by mentions", () => {
    expect(full.nodes.filter((n) => n.kind === "essay")).toHaveLength(30);
    expect(full.nodes.filter((n) => n.kind === "subject")).toHaveLength(12);
    const pairs = essays.reduce((n, _, i) => n + (i % 12) + 1, 0);
    expect(full.edges).toHaveLength(pairs);
    expect(full.edges.find((e) => e.essay === "e11" && e.subject === "s3")?.mentions).toBe(4);
    expect(full.total).toEqual({ essays: 30, subjects: 12, edges: pairs });
  });

  it("places every node inside the map, the same way every time", () => {
    for (const n of full.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(MAP_SIZE.width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(MAP_SIZE.height);
    }
    const again = argumentMap(index, mapEssays, kind, { subjects: 100, essays: 100, edges: 1000 });
    expect(again.nodes.map((n) => [n.x, n.y])).toEqual(full.nodes.map((n) => [n.x, n.y]));
  });

  it("at scale draws the subjects most essays discuss and the essays that mention them most", () => {
    const part = argumentMap(index, mapEssays, kind, { subjects: 3, essays: 5, edges: 1000 });
    const shown = part.nodes.filter((n) => n.kind === "subject").map((n) => n.slug);
    expect(shown).toEqual(["s0", "s1", "s2"]); // s0 is in all 30 essays, s2 in 25
    const essayIds = part.nodes.filter((n) => n.kind === "essay").map((n) => n.slug);
    expect(essayIds).toHaveLength(5);
    // The essays with 3 subjects × 6 mentions: those with i % 12 >= 2 (all tie), reading order.
    expect(essayIds).toEqual(["e2", "e3", "e4", "e5", "e6"]);
    expect(part.edges.every((e) => essayIds.includes(e.essay) && shown.includes(e.subject))).toBe(
      true,
    );
    expect(part.total).toEqual({ essays: 30, subjects: 12, edges: 15 });
  });

  it("draws only the heaviest lines, and no node left without one", () => {
    const few = argumentMap(index, mapEssays, kind, { subjects: 100, essays: 100, edges: 10 });
    expect(few.edges).toHaveLength(10);
    const lightest = Math.min(...few.edges.map((e) => e.mentions));
    const dropped = full.edges.filter(
      (e) => !few.edges.some((f) => f.essay === e.essay && f.subject === e.subject),
    );
    expect(dropped.every((e) => e.mentions <= lightest)).toBe(true);
    const joined = new Set(few.edges.flatMap((e) => [`essay:${e.essay}`, `subject:${e.subject}`]));
    expect(few.nodes.every((n) => joined.has(n.key))).toBe(true);
  });

  it("the table lists exactly the map's subjects and edges", () => {
    const rows = mapTable(full);
    expect(rows.map((r) => r.subject.key).sort()).toEqual(
      full.nodes
        .filter((n) => n.kind === "subject")
        .map((n) => n.key)
        .sort(),
    );
    expect(rows.reduce((n, r) => n + r.essays.length, 0)).toBe(full.edges.length);
    for (const r of rows) {
      const counts = r.essays.map((e) => e.mentions);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it("an empty index gives an empty map", () => {
    const empty = argumentMap(indexMentions(subjects, []), [], kind, {
      subjects: 5,
      essays: 5,
      edges: 5,
    });
    expect(empty).toEqual({ nodes: [], edges: [], total: { essays: 0, subjects: 0, edges: 0 } });
  });
});

describe("captionLines", () => {
  it.each<[string, string[]]>([
    ["Vladimir Putin", ["Vladimir Putin"]],
    [
      "Treaty on Good Neighbourliness and Cooperation (2001)",
      ["Treaty on Good", "Neighbourliness and", "Cooperation (2001)"],
    ],
    ["Russia’s Foreign Policy Concept", ["Russia’s Foreign", "Policy Concept"]],
    ["Supercalifragilisticexpialidocious-ness", ["Supercalifragilisticexpialidocious-ness"]],
  ])("%s", (label, lines) => {
    expect(captionLines(label)).toEqual(lines);
    expect(captionLines(label).join(" ")).toBe(label); // the whole label, never cut
  });
});
