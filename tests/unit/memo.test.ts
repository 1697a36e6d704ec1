import { describe, expect, it } from "vitest";
import { memo } from "../../src/lib/memo.ts";

describe("memo", () => {
  it("runs nothing until first called, then once", () => {
    let runs = 0;
    const once = memo(() => ++runs);
    expect(runs).toBe(0);
    expect([once(), once(), once()]).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it("shares one promise between callers", async () => {
    let runs = 0;
    const load = memo(async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 5));
      return "library";
    });
    const [a, b] = [load(), load()];
    expect(a).toBe(b);
    expect(await Promise.all([a, b])).toEqual(["library", "library"]);
    expect(runs).toBe(1);
  });

  it("runs again after a computation that threw, so an error is never a cached value", () => {
    let runs = 0;
    const flaky = memo(() => {
      runs += 1;
      if (runs === 1) throw new Error("first time");
      return runs;
    });
    expect(() => flaky()).toThrow("first time");
    expect(flaky()).toBe(2);
    expect(flaky()).toBe(2);
  });
});
