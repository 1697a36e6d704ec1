import { describe, expect, it } from "vitest";
import {
  backlinks,
  leadingBySubject,
  leadingEssays,
  type EssayFacts,
} from "../../src/lib/backlinks.ts";
import { buildSubjects, indexMentions, type MentionPassage } from "../../src/lib/subjects.ts";

const subjects = buildSubjects(
  ["sco", "putin", "nato", "japan"].map((id) => ({
    id,
    filePath: `content/subjects/${id}.yaml`,
    name: id.toUpperCase(),
    kind: "organisation" as const,
    aliases: [id],
  })),
);

/** A passage mentioning each of `slugs` once, with plain text around. */
const passage = (n: number, ...slugs: string[]): MentionPassage => ({
  n,
  segments: slugs.flatMap((s) => [" and ", { subject: s, text: s, linked: true }]),
});

const texts: Record<string, string[]> = {};
const essay = (id: string, passages: MentionPassage[]) => {
  texts[id] = passages.map((p) =>
    p.segments.map((s) => (typeof s === "string" ? s : s.text)).join(""),
  );
  // texts are by number: passage N at N - 1
  const byN: string[] = [];
  passages.forEach((p, i) => (byN[p.n - 1] = texts[id]![i]!));
  texts[id] = byN;
  return { id, passages };
};

const essays = [
  essay("a", [passage(1, "sco", "putin"), passage(3, "sco")]),
  essay("b", [passage(2, "sco", "sco", "sco"), passage(5, "putin")]),
  essay("c", [passage(4, "putin"), passage(6, "putin"), passage(7, "nato")]),
  essay("d", [passage(1, "sco")]),
];
const index = indexMentions(subjects, essays);
const factsOf = (id: string): EssayFacts => ({
  title: `Essay ${id}`,
  author: `Author ${id}`,
  passage: (n) => texts[id]![n - 1],
});

describe("leadingEssays", () => {
  it("ranks essays by mentions of the subject, ties in reading order, and quotes the first passage", () => {
    const sco = index.bySlug.get("sco")!;
    const leading = leadingEssays(sco, factsOf, 3);
    expect(leading.map((d) => [d.essayId, d.mentions, d.passages])).toEqual([
      ["b", 3, [2]],
      ["a", 2, [1, 3]],
      ["d", 1, [1]],
    ]);
    expect(leading[0]!.quote).toMatchObject({
      essayId: "b",
      n: 2,
      href: "/essays/b/#p-2",
      essay: "Essay b",
      author: "Author b",
      mention: "sco",
    });
  });
});

describe("backlinks", () => {
  const leading = leadingBySubject(index, factsOf, 3);
  const all = backlinks(index, leading, { subjects: 5, essaysPerSubject: 2 });

  it("groups the other essays' passages by the essay's own subjects, most mentioned first", () => {
    const groups = all.get("a")!;
    expect(groups.map((g) => g.subject.slug)).toEqual(["sco", "putin"]);
    expect(groups[0]!.essays.map((d) => d.essayId)).toEqual(["b", "d"]); // never "a" itself
    expect(groups[0]!.otherEssays).toBe(2);
    expect(groups[1]!.essays.map((d) => d.essayId)).toEqual(["c", "b"]);
  });

  it("leaves out subjects no other essay discusses", () => {
    expect(all.get("c")!.map((g) => g.subject.slug)).toEqual(["putin"]); // nato is c's alone
  });

  it("shows at most the limits", () => {
    const few = backlinks(index, leading, { subjects: 1, essaysPerSubject: 1 });
    expect(few.get("a")!.map((g) => [g.subject.slug, g.essays.length])).toEqual([["sco", 1]]);
  });

  it("every quotation is a piece of the passage it links to", () => {
    for (const groups of all.values()) {
      for (const d of groups.flatMap((g) => g.essays)) {
        const { before, mention, after } = d.quote;
        expect(texts[d.essayId]![d.quote.n - 1]).toContain(`${before}${mention}${after}`);
      }
    }
  });
});
