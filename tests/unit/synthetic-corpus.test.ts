import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCorpus, random, typicalWord } from "../../scripts/bench/corpus.ts";
import { createMentionFinder, subjectProblems, type SubjectInput } from "../../src/lib/subjects.ts";

describe("random", () => {
  it("is deterministic for a seed and spread over [0, 1)", () => {
    const a = random(1);
    const b = random(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe("generateCorpus", () => {
  const files = generateCorpus({ essays: 30, authors: 10, tags: 12 });
  const essays = Object.entries(files).filter(([p]) => p.startsWith("essays/"));

  it("writes N essays and the authors", () => {
    expect(essays).toHaveLength(30);
    expect(Object.keys(files).filter((p) => p.startsWith("authors/"))).toHaveLength(10);
  });

  it("is the same corpus for the same seed", () => {
    expect(generateCorpus({ essays: 30, authors: 10, tags: 12 })).toEqual(files);
    expect(generateCorpus({ essays: 30, authors: 10, tags: 12, seed: 2 })).not.toEqual(files);
  });

  it("gives essays about 1,200 words, 2–6 headings and 3–6 tags", () => {
    for (const [path, text] of essays) {
      const [, front, body] = text.split(/^---$/m);
      const words = body!.split(/\s+/).filter(Boolean).length;
      expect(words, path).toBeGreaterThan(1150);
      expect(words, path).toBeLessThan(1500);
      const headings = body!.match(/^## /gm)?.length ?? 0;
      expect(headings, path).toBeGreaterThanOrEqual(2);
      expect(headings, path).toBeLessThanOrEqual(6);
      const tags = front!.match(/^ {2}- /gm)?.length ?? 0;
      expect(tags).toBeGreaterThanOrEqual(3);
      expect(tags).toBeLessThanOrEqual(6);
    }
  });

  it("gives every essay the whole pool when it has fewer than three tags", () => {
    const small = generateCorpus({ essays: 5, authors: 1, tags: 2, subjects: 3 });
    for (const [path, text] of Object.entries(small).filter(([p]) => p.startsWith("essays/"))) {
      expect(text.match(/^ {2}- /gm), path).toHaveLength(2);
    }
  });

  it("puts Chinese characters in some essays", () => {
    expect(essays.filter(([, t]) => /\p{Script=Han}/u.test(t)).length).toBeGreaterThan(0);
  });

  it("finds a typical word, in about a third of the essays", () => {
    const w = typicalWord(files);
    const share = essays.filter(([, t]) => t.toLowerCase().includes(w)).length / essays.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
  });

  it("writes subjects with distinct aliases, mentioned in the essays, a few often and most rarely", () => {
    const subjects: SubjectInput[] = Object.entries(files)
      .filter(([p]) => p.startsWith("subjects/"))
      .map(([p, text]) => ({
        id: p.slice("subjects/".length, -".yaml".length),
        filePath: `content/${p}`,
        ...(parse(text) as Omit<SubjectInput, "id" | "filePath">),
      }));
    expect(subjects).toHaveLength(300);
    expect(subjectProblems(subjects)).toEqual([]);
    const finder = createMentionFinder(subjects.map((s) => ({ slug: s.id, aliases: s.aliases })));
    const mentioned = new Map<string, number>();
    for (const [, text] of essays) {
      for (const m of finder.find(text)) mentioned.set(m.slug, (mentioned.get(m.slug) ?? 0) + 1);
    }
    const counts = [...mentioned.values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts[0]).toBeGreaterThan(5 * counts.at(-1)!);
  });

  it("writes timeline events that cite an essay's first paragraph", () => {
    const events = parse(files["timeline/events.yaml"]!) as {
      id: string;
      sources: { essay: string }[];
    }[];
    expect(events).toHaveLength(2); // one per 20 essays
    for (const event of events) {
      expect(files[`essays/${event.sources[0]!.essay}.md`], event.id).toBeDefined();
    }
  });
});
