import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BYTES_CODEC,
  cachedMany,
  codeKey,
  contentKey,
  JSON_CODEC,
  type CacheKind,
} from "../../src/lib/build-cache.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "build-cache-"));
  process.env.RESEARCH_READER_CACHE = dir;
});
afterEach(() => {
  delete process.env.RESEARCH_READER_CACHE;
  rmSync(dir, { recursive: true, force: true });
});

const kind = (code = "v1"): CacheKind<unknown> => ({ name: "squares", codec: JSON_CODEC, code });

/** A computation that records what it was asked to compute. */
function squares() {
  const asked: number[][] = [];
  return {
    asked,
    compute: (items: number[]) => {
      asked.push(items);
      return items.map((n) => ({ n, square: n * n }));
    },
  };
}

describe("cachedMany", () => {
  it("computes only what it has not computed before, and returns results in order", async () => {
    const first = squares();
    const a = await cachedMany(kind(), [3, 1, 2], (n) => n, first.compute);
    expect(a.results).toEqual([9, 1, 4].map((square, i) => ({ n: [3, 1, 2][i], square })));
    expect(a.figures).toEqual({ hits: 0, computed: 3 });
    const second = squares();
    const b = await cachedMany(kind(), [2, 5, 3], (n) => n, second.compute);
    expect(second.asked).toEqual([[5]]);
    expect(b.results.map((r) => (r as { square: number }).square)).toEqual([4, 25, 9]);
    expect(b.figures).toEqual({ hits: 2, computed: 1 });
  });

  it("computes again when the code changes", async () => {
    await cachedMany(kind("v1"), [1, 2], (n) => n, squares().compute);
    const again = squares();
    await cachedMany(kind("v2"), [1, 2], (n) => n, again.compute);
    expect(again.asked).toEqual([[1, 2]]);
  });

  it("computes again an entry it cannot read", async () => {
    await cachedMany(kind(), [7], (n) => n, squares().compute);
    const [file] = readdirSync(join(dir, "squares"));
    writeFileSync(join(dir, "squares", file!), "{not json");
    const again = squares();
    const { results } = await cachedMany(kind(), [7], (n) => n, again.compute);
    expect(again.asked).toEqual([[7]]);
    expect(results).toEqual([{ n: 7, square: 49 }]);
  });

  it("still answers when the cache cannot be written", async () => {
    // A folder that cannot be made, even by root: its parent is a file.
    writeFileSync(join(dir, "a-file"), "");
    process.env.RESEARCH_READER_CACHE = join(dir, "a-file", "cache");
    const { results } = await cachedMany(kind(), [4], (n) => n, squares().compute);
    expect(results).toEqual([{ n: 4, square: 16 }]);
  });

  it("keeps bytes as bytes", async () => {
    const bytes: CacheKind<Uint8Array> = { name: "png", codec: BYTES_CODEC, code: "v1" };
    const png = new Uint8Array([137, 80, 78, 71]);
    await cachedMany(
      bytes,
      ["a"],
      (x) => x,
      () => [png],
    );
    const { results, figures } = await cachedMany(
      bytes,
      ["a"],
      (x) => x,
      () => {
        throw new Error("should come from the cache");
      },
    );
    expect(figures.hits).toBe(1);
    expect([...results[0]!]).toEqual([...png]);
  });
});

describe("keys", () => {
  it("differ with the content, and are stable", () => {
    expect(contentKey({ a: 1 })).toBe(contentKey({ a: 1 }));
    expect(contentKey({ a: 1 })).not.toBe(contentKey({ a: 2 }));
  });

  it("hash the code's files and its packages' versions", () => {
    const one = codeKey(["src/lib/format.ts"], ["yaml"]);
    expect(one).toBe(codeKey(["src/lib/format.ts"], ["yaml"]));
    expect(one).not.toBe(codeKey(["src/lib/slug.ts"], ["yaml"]));
    expect(one).not.toBe(codeKey(["src/lib/format.ts"], ["satori"]));
  });
});
