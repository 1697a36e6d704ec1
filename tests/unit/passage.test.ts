import { describe, expect, it } from "vitest";
import { passageCitation, tidyQuote } from "../../src/lib/passage.ts";

describe("passageCitation", () => {
  const base = {
    paragraph: 5,
    short: "(Kuhrt, n.d., para. {¶})",
    note:
      "Natasha Kuhrt, “Russia and China: Competing or Complementary Priorities?,” China Policy " +
      "Institute: Analysis (blog), para. {¶}, accessed {accessed}, https://reader.example.org/essays/x/#p-{¶}.",
  };

  it("quotes the passage and cites it short and in full, linking to the paragraph", () => {
    expect(
      passageCitation({
        ...base,
        quote: "  Yet many see\n the Russian approach  ",
        accessed: "December 1, 2026",
      }),
    ).toBe(
      "“Yet many see the Russian approach” (Kuhrt, n.d., para. 5)\n\n" +
        "Natasha Kuhrt, “Russia and China: Competing or Complementary Priorities?,” China Policy " +
        "Institute: Analysis (blog), para. 5, accessed December 1, 2026, https://reader.example.org/essays/x/#p-5.",
    );
  });

  it("fills every placeholder", () => {
    const text = passageCitation({
      ...base,
      paragraph: 12,
      quote: "q",
      short: "{¶}–{¶}",
      note: "{accessed} {accessed}",
      accessed: "today",
    });
    expect(text).toContain("12–12");
    expect(text).toContain("today today");
    expect(text).not.toMatch(/\{¶\}|\{accessed\}/);
  });
});

describe("tidyQuote", () => {
  it("collapses whitespace, no-break spaces included", () => {
    expect(tidyQuote("a\u00a0 b\n\tc ")).toBe("a b c");
  });
});
