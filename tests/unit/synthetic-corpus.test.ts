import { describe, expect, it } from "vitest";
import { generateCorpus, random, typicalWord } from "../../scripts/bench/corpus.ts";

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

  it("puts Chinese characters in some essays", () => {
    expect(essays.filter(([, t]) => /\p{Script=Han}/u.test(t)).length).toBeGreaterThan(0);
  });

  it("finds a typical word, in about a third of the essays", () => {
    const w = typicalWord(files);
    const share = essays.filter(([, t]) => t.toLowerCase().includes(w)).length / essays.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
  });
});
