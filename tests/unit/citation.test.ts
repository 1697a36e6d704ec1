import { describe, expect, it } from "vitest";
import { Cite } from "@citation-js/core";
import {
  CITATION_STYLES,
  citationText,
  cslItem,
  exportCitation,
  formatCitations,
  passageTemplates,
  type CitableEssay,
} from "../../src/lib/citation.ts";

const kuhrt: CitableEssay = {
  id: "russia-and-china-competing-or-complementary-priorities",
  title: "Russia and China: Competing or complementary\u00a0priorities?",
  author: { family: "Kuhrt", given: "Natasha" },
  container: "China Policy Institute: Analysis",
  url: "https://reader.example.org/essays/russia-and-china-competing-or-complementary-priorities/",
  keywords: ["Russian foreign policy", "Central Asia"],
  language: "en",
};
const URL = kuhrt.url;

describe("formatCitations (no date in the source)", () => {
  const byKey = Object.fromEntries(formatCitations(kuhrt).map((c) => [c.key, c]));

  it.each([
    [
      "apa",
      `Kuhrt, N. (n.d.). Russia and China: Competing or complementary priorities? China Policy Institute: Analysis. ${URL}`,
    ],
    [
      "mla",
      `Kuhrt, Natasha. “Russia and China: Competing or Complementary Priorities?” China Policy Institute: Analysis, ${URL}.`,
    ],
    [
      "chicago",
      `Kuhrt, Natasha. “Russia and China: Competing or Complementary Priorities?” China Policy Institute: Analysis (blog), n.d. ${URL}.`,
    ],
    [
      "harvard",
      `Kuhrt, N. (no date) ‘Russia and China: Competing or complementary priorities?’, China Policy Institute: Analysis. Available at: ${URL}.`,
    ],
  ])("%s reference", (key, text) => {
    expect(byKey[key]!.reference.text).toBe(text);
  });

  it("gives Chicago its (short) note form too", () => {
    expect(byKey.chicago!.note!.text).toBe(
      "Kuhrt, “Russia and China: Competing or Complementary Priorities?”",
    );
  });

  it("keeps the container in italics in HTML", () => {
    expect(byKey.apa!.reference.html).toContain("<i>China Policy Institute: Analysis</i>");
    expect(byKey.apa!.reference.html).not.toContain("csl-entry");
  });

  it("never invents a date", () => {
    for (const c of Object.values(byKey)) expect(c.reference.text).not.toMatch(/\b(19|20)\d\d\b/);
  });
});

describe("a dated essay", () => {
  it("prints the date the source gives", () => {
    const [apa] = formatCitations({ ...kuhrt, date: new Date(Date.UTC(2015, 10, 3)) });
    expect(apa!.reference.text).toMatch(/^Kuhrt, N\. \(2015, November 3\)\./);
  });
});

describe("passage templates", () => {
  it("puts a placeholder where the paragraph number goes", () => {
    const { short, full } = passageTemplates(kuhrt);
    expect(short).toBe("(Kuhrt, n.d., para. {¶})");
    expect(full).toBe(
      "Kuhrt, “Russia and China: Competing or Complementary Priorities?,” para. {¶}.",
    );
  });
});

describe("exports", () => {
  const { bibtex, ris, csl } = exportCitation(kuhrt);
  it("writes BibTeX with author, title, publisher and URL", () => {
    expect(bibtex).toMatch(/^@misc\{Kuhrt/);
    expect(bibtex).toContain("author = {Kuhrt, Natasha}");
    expect(bibtex).toContain("publisher = {China Policy Institute: Analysis}");
    expect(bibtex).toContain(`url = {${URL}}`);
  });

  it("writes RIS one tag per line, long URLs unbroken", () => {
    expect(ris).toContain(`UR  - ${URL}\n`);
    expect(ris).toMatch(/^KW {2}- Russian foreign policy$/m);
    expect(ris).toMatch(/^KW {2}- Central Asia$/m);
    for (const line of ris.trim().split("\n")) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
  });

  it("writes RIS as a blog entry", () => {
    expect(ris).toMatch(/^TY {2}- BLOG$/m);
    expect(ris).toMatch(/^AU {2}- Kuhrt, Natasha$/m);
    expect(ris).toMatch(/^T2 {2}- China Policy Institute: Analysis$/m);
    expect(ris).toMatch(/^ER {2}- ?$/m);
    expect(ris).not.toMatch(/^(PY|DA) /m);
  });

  it("writes CSL-JSON without a date", () => {
    const [item] = JSON.parse(csl);
    expect(item).toMatchObject({
      type: "post-weblog",
      title: "Russia and China: Competing or complementary priorities?",
    });
    expect(item.issued).toBeUndefined();
  });
});

describe("items", () => {
  it("normalises spaces in the title", () => {
    expect(cslItem(kuhrt).title).toBe("Russia and China: Competing or complementary priorities?");
  });
});

describe("citableEssay", () => {
  it("describes an essay for citation from the library's data", async () => {
    const { citableEssay } = await import("../../src/lib/citation.ts");
    expect(
      citableEssay(
        {
          id: "x",
          title: "T",
          source: { publication: "Pub", archive: "https://a.org/" },
          date: undefined,
          tags: [{ slug: "a", label: "A" }],
        },
        { name: { family: "F", given: "G" } },
        "https://r.org/essays/x/",
      ),
    ).toEqual({
      id: "x",
      title: "T",
      author: { family: "F", given: "G" },
      container: "Pub",
      url: "https://r.org/essays/x/",
      date: undefined,
      keywords: ["A"],
      language: "en",
    });
  });
});

describe("citationText", () => {
  const essays: CitableEssay[] = [
    kuhrt,
    {
      ...kuhrt,
      id: "w",
      title: "Cultural Statecraft in the Russian & Chinese <Contexts>",
      author: { family: "Wilson", given: "Jeanne L." },
    },
    {
      ...kuhrt,
      id: "d",
      title: "Dated",
      date: new Date(Date.UTC(2016, 0, 9)),
      author: { family: "Hsiung", given: "James C." },
    },
  ];

  it.each(essays.flatMap((e) => CITATION_STYLES.map((s) => [e.id, s.csl, s.lang, e] as const)))(
    "%s in %s is what the style's own text output gives",
    (_, csl, lang, essay) => {
      formatCitations(essay); // registers the styles
      const cite = new Cite(cslItem(essay));
      const options = { template: `site-${csl}`, lang };
      const text = cite
        .format("bibliography", { ...options, format: "text" })
        .replace(/\s+/g, " ")
        .trim();
      const html = cite.format("bibliography", { ...options, format: "html" });
      expect(citationText(html)).toBe(text);
    },
  );

  it("decodes entities", () => {
    expect(citationText("<i>A &#38; B</i> &lt;x&gt; &amp; &#x2014;")).toBe("A & B <x> & —");
  });
});
