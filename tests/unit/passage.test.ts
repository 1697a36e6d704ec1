import { describe, expect, it } from "vitest";
import { passageCitation, tidyQuote } from "../../src/lib/passage.ts";

describe("passageCitation", () => {
  const base = {
    paragraph: 5,
    url: "https://reader.example.org/essays/x/",
    short: "(Kuhrt, n.d., para. {¶})",
    note: "Kuhrt, “Russia and China: Competing or Complementary Priorities?,” para. {¶}.",
  };

  it("quotes the passage, cites it short and in full, and links to it", () => {
    expect(passageCitation({ ...base, quote: "  Yet many see\n the Russian approach  " })).toBe(
      "“Yet many see the Russian approach” (Kuhrt, n.d., para. 5)\n\n" +
        "Kuhrt, “Russia and China: Competing or Complementary Priorities?,” para. 5. https://reader.example.org/essays/x/#p-5",
    );
  });

  it("fills every placeholder", () => {
    const text = passageCitation({
      ...base,
      paragraph: 12,
      quote: "q",
      short: "{¶}–{¶}",
      note: "",
    });
    expect(text).toContain("12–12");
    expect(text).not.toContain("{¶}");
  });
});

describe("tidyQuote", () => {
  it("collapses whitespace, no-break spaces included", () => {
    expect(tidyQuote("a\u00a0 b\n\tc ")).toBe("a b c");
  });
});
