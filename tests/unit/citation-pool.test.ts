import { describe, expect, it, vi } from "vitest";
import { citeAll } from "../../src/citation-pool.ts";
import { citeEssays, type CitableEssay } from "../../src/lib/citation.ts";

const essay = (i: number): CitableEssay => ({
  id: `e${i}`,
  title: `Essay number ${i}`,
  sentenceTitle: `Essay number ${i}`,
  shortTitle: `Essay ${i}`,
  author: { family: `Family${i % 37}`, given: "Given" },
  container: "Synthetic Analysis",
  url: `https://r.org/essays/e${i}/`,
  keywords: ["A"],
  language: "en",
  date: i % 50 === 0 ? new Date(Date.UTC(2015, 0, 1 + (i % 28))) : undefined,
});

describe("citeAll", () => {
  it("formats a large collection in worker threads, exactly as in-process", async () => {
    const essays = Array.from({ length: 240 }, (_, i) => essay(i));
    const warn = vi.spyOn(console, "warn");
    const parallel = await citeAll(essays);
    expect(warn).not.toHaveBeenCalled();
    expect(parallel.size).toBe(240);
    const sample = [0, 50, 119, 120, 239].map((i) => essays[i]!);
    const inProcess = citeEssays(sample);
    for (const e of sample) expect(parallel.get(e.id)).toEqual(inProcess.get(e.id));
  }, 60_000);

  it("formats a small collection in-process", async () => {
    const essays = [essay(1), essay(2)];
    expect(await citeAll(essays)).toEqual(citeEssays(essays));
  });
});
