import { describe, expect, it } from "vitest";
import {
  nextThemeChoice,
  parseThemeChoice,
  THEME_INIT_SCRIPT,
  themeLabel,
} from "../../src/lib/theme.ts";

describe("theme choice", () => {
  it.each([
    ["light", "light"],
    ["dark", "dark"],
    [null, "system"],
    ["blue", "system"],
  ])("reads %j as %s", (stored, choice) => expect(parseThemeChoice(stored)).toBe(choice));

  it("cycles system → light → dark → system", () => {
    expect([nextThemeChoice("system"), nextThemeChoice("light"), nextThemeChoice("dark")]).toEqual([
      "light",
      "dark",
      "system",
    ]);
  });

  it("labels the toggle", () => {
    expect(themeLabel("system")).toBe("Theme: follows the system");
    expect(themeLabel("dark")).toBe("Theme: dark");
  });
});

describe("the inline theme script", () => {
  const run = (stored: string | null, throws = false) => {
    const root = { dataset: {} as Record<string, string> };
    const storage = {
      getItem: () => {
        if (throws) throw new Error("blocked");
        return stored;
      },
    };
    new Function("localStorage", "document", THEME_INIT_SCRIPT)(storage, { documentElement: root });
    return root.dataset.theme;
  };

  it.each([
    ["dark", "dark"],
    ["light", "light"],
    [null, undefined],
    ["<script>", undefined],
  ])("applies a stored %j as %j", (stored, theme) => expect(run(stored)).toBe(theme));

  it("survives storage that throws", () => expect(run(null, true)).toBeUndefined());
});
