import { describe, expect, it, vi } from "vitest";
import { citeAll, drawAll, limiter } from "../../src/worker-pool.ts";
import { citeEssays, type CitableEssay } from "../../src/lib/citation.ts";
import { shareImages, type EssayCard } from "../../src/lib/share-image.ts";

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
    sample.forEach((e, i) => expect(parallel.get(e.id)).toEqual(inProcess[i]));
  }, 60_000);

  it("formats a small collection in-process", async () => {
    const essays = [essay(1), essay(2)];
    const byId = await citeAll(essays);
    expect([...byId.keys()]).toEqual(["e1", "e2"]);
    expect([...byId.values()]).toEqual(citeEssays(essays));
  });
});

describe("drawAll", () => {
  it("draws share images in worker threads, in the cards' order, as in-process", async () => {
    const cards = Array.from({ length: 200 }, (_, i): EssayCard => ({
      kind: "essay",
      title: `Essay ${i % 3}`,
      author: `Author ${i % 3}`,
      publication: "P",
      siteName: "S",
    }));
    const warn = vi.spyOn(console, "warn");
    const images = await drawAll(cards);
    expect(warn).not.toHaveBeenCalled();
    expect(images).toHaveLength(200);
    const inProcess = await shareImages(cards.slice(0, 3));
    for (let i = 0; i < 200; i++)
      expect(Buffer.from(images[i]!).equals(inProcess[i % 3]!)).toBe(true);
  }, 60_000);
});

describe("limiter", () => {
  it.each([
    [1, 4],
    [2, 5],
    [3, 2],
  ])(
    "with a limit of %i runs %i tasks, never more at once, each result to its caller",
    async (limit, count) => {
      const run = limiter(limit);
      let running = 0;
      let most = 0;
      const started: number[] = [];
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          run(async () => {
            started.push(i);
            most = Math.max(most, ++running);
            await new Promise((r) => setTimeout(r, 5 + ((i * 7) % 3)));
            running--;
            return i * 10;
          }),
        ),
      );
      expect(results).toEqual(Array.from({ length: count }, (_, i) => i * 10));
      expect(most).toBe(Math.min(limit, count));
      // Tasks start in the order they were asked for.
      expect(started).toEqual(Array.from({ length: count }, (_, i) => i));
    },
  );

  it("lets the next task start when one fails", async () => {
    const run = limiter(1);
    const failed = run(() => Promise.reject(new Error("no")));
    const next = run(async () => "ran");
    await expect(failed).rejects.toThrow("no");
    await expect(next).resolves.toBe("ran");
  });
});
