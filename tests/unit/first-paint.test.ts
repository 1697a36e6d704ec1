import { describe, expect, it } from "vitest";
import { FIRST_PAINT_SCRIPT, JS_CLASS, OFFLINE_CLASS } from "../../src/lib/first-paint.ts";

describe("the first-paint script", () => {
  const run = (stored: string | null, navigator: object = {}) => {
    const classes = new Set<string>();
    const root = {
      dataset: {} as Record<string, string>,
      classList: { add: (c: string) => classes.add(c) },
    };
    const storage = { getItem: () => stored };
    new Function("localStorage", "document", "navigator", FIRST_PAINT_SCRIPT)(
      storage,
      { documentElement: root },
      navigator,
    );
    return { classes: [...classes], theme: root.dataset.theme };
  };

  it.each([
    ["dark", "dark"],
    [null, undefined],
  ])("marks <html> as scripted and applies a stored theme %j", (stored, theme) => {
    expect(run(stored)).toEqual({ classes: [JS_CLASS], theme });
  });

  it("marks <html> where the browser has service workers, for the Keep offline controls", () => {
    expect(run(null, { serviceWorker: {} }).classes).toEqual([JS_CLASS, OFFLINE_CLASS]);
  });
});
