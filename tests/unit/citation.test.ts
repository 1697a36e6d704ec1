import { describe, expect, it } from "vitest";
import { Cite } from "@citation-js/core";
import { fillAccessed, formatDate, type CalendarDate } from "../../src/lib/access-date.ts";
import {
  biblatexEntry,
  CITATION_STYLES,
  citationText,
  citationTitle,
  cslItem,
  dateForm,
  exportCitation,
  formatCitations,
  latexEscape,
  passageTemplates,
  protectCase,
  type CitableEssay,
  type CitationStyleKey,
} from "../../src/lib/citation.ts";

const BLOG = "China Policy Institute: Analysis";
const READER = "https://reader.example.org/essays/";
const essay = (over: Partial<CitableEssay> & Pick<CitableEssay, "id" | "title">): CitableEssay => ({
  sentenceTitle: over.title,
  shortTitle: over.title,
  author: { family: "X", given: "Y" },
  container: BLOG,
  url: `${READER}${over.id}/`,
  keywords: [],
  language: "en",
  ...over,
});

// Three of the six essays, as the library describes them (titles exactly as published, with the
// source's no-break space before the last word; sentence case and short titles as derived).
const yuan = essay({
  id: "a-sino-russian-alliance-rationales-and-realities",
  title: "A Sino-Russian Alliance? Rationales and\u00a0Realities",
  sentenceTitle: "A Sino-Russian alliance? Rationales and\u00a0realities",
  shortTitle: "Sino-Russian Alliance?",
  author: { family: "Yuan", given: "Jingdong" },
  keywords: ["Russian foreign policy", "Alliances"],
});
const marsh = essay({
  id: "chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations",
  title: "Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian\u00a0Relations",
  sentenceTitle:
    "Chinese perspectives on events in Ukraine: Implications for Sino-Russian\u00a0relations",
  shortTitle: "Chinese Perspectives on Ukraine",
  author: { family: "Marsh", given: "Christopher" },
});
const hsiung = essay({
  id: "the-deepening-chinese-russia-partnership-an-american-security-dilemma",
  title: "The Deepening Chinese-Russia Partnership: An American Security\u00a0Dilemma.",
  sentenceTitle: "The deepening Chinese-Russia partnership: An American security\u00a0dilemma.",
  shortTitle: "Deepening Chinese-Russia Partnership",
  author: { family: "Hsiung", given: "James C." },
});

/** Every form of every style, access dates filled in with `on`. */
function shown(e: CitableEssay, on: CalendarDate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of formatCitations(e)) {
    const fill = (t: string) => (c.dateForm ? fillAccessed(t, c.dateForm, on) : t);
    out[c.key] = fill(c.reference.text);
    if (c.note) out[`${c.key} note`] = fill(c.note.text);
    if (c.shortNote) out[`${c.key} short note`] = fill(c.shortNote.text);
  }
  return out;
}

const DEC_1: CalendarDate = { year: 2026, month: 12, day: 1 };

describe("an undated blog post, style by style", () => {
  const Y = `${READER}${yuan.id}/`;
  const M = `${READER}${marsh.id}/`;
  const H = `${READER}${hsiung.id}/`;
  it.each<[string, CitableEssay, string, string]>([
    // APA 7: blog post, sentence case (6.17), no retrieval date for a post that does not change (9.16).
    [
      "Yuan",
      yuan,
      "apa",
      `Yuan, J. (n.d.). A Sino-Russian alliance? Rationales and realities. ${BLOG}. ${Y}`,
    ],
    [
      "Marsh",
      marsh,
      "apa",
      `Marsh, C. (n.d.). Chinese perspectives on events in Ukraine: Implications for Sino-Russian relations. ${BLOG}. ${M}`,
    ],
    [
      "Hsiung",
      hsiung,
      "apa",
      `Hsiung, J. C. (n.d.). The deepening Chinese-Russia partnership: An American security dilemma. ${BLOG}. ${H}`,
    ],
    // MLA 9: an access date closes the entry when the work has none of its own.
    [
      "Yuan",
      yuan,
      "mla",
      `Yuan, Jingdong. “A Sino-Russian Alliance? Rationales and Realities.” ${BLOG}, ${Y}. Accessed 1 Dec. 2026.`,
    ],
    [
      "Marsh",
      marsh,
      "mla",
      `Marsh, Christopher. “Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations.” ${BLOG}, ${M}. Accessed 1 Dec. 2026.`,
    ],
    [
      "Hsiung",
      hsiung,
      "mla",
      `Hsiung, James C. “The Deepening Chinese-Russia Partnership: An American Security Dilemma.” ${BLOG}, ${H}. Accessed 1 Dec. 2026.`,
    ],
    // Chicago 17: full first note, short note (short title), bibliography; access date for undated.
    [
      "Yuan",
      yuan,
      "chicago note",
      `Jingdong Yuan, “A Sino-Russian Alliance? Rationales and Realities,” ${BLOG} (blog), accessed December 1, 2026, ${Y}.`,
    ],
    ["Yuan", yuan, "chicago short note", "Yuan, “Sino-Russian Alliance?”"],
    [
      "Yuan",
      yuan,
      "chicago",
      `Yuan, Jingdong. “A Sino-Russian Alliance? Rationales and Realities.” ${BLOG} (blog). Accessed December 1, 2026. ${Y}.`,
    ],
    [
      "Marsh",
      marsh,
      "chicago note",
      `Christopher Marsh, “Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations,” ${BLOG} (blog), accessed December 1, 2026, ${M}.`,
    ],
    ["Marsh", marsh, "chicago short note", "Marsh, “Chinese Perspectives on Ukraine.”"],
    [
      "Marsh",
      marsh,
      "chicago",
      `Marsh, Christopher. “Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations.” ${BLOG} (blog). Accessed December 1, 2026. ${M}.`,
    ],
    [
      "Hsiung",
      hsiung,
      "chicago note",
      `James C. Hsiung, “The Deepening Chinese-Russia Partnership: An American Security Dilemma,” ${BLOG} (blog), accessed December 1, 2026, ${H}.`,
    ],
    ["Hsiung", hsiung, "chicago short note", "Hsiung, “Deepening Chinese-Russia Partnership.”"],
    [
      "Hsiung",
      hsiung,
      "chicago",
      `Hsiung, James C. “The Deepening Chinese-Russia Partnership: An American Security Dilemma.” ${BLOG} (blog). Accessed December 1, 2026. ${H}.`,
    ],
    // Cite Them Right: "(no date)", and "(Accessed: …)", which it requires; the title's own
    // full stop does not meet the style's comma.
    [
      "Yuan",
      yuan,
      "harvard",
      `Yuan, J. (no date) ‘A Sino-Russian Alliance? Rationales and Realities’, ${BLOG}. Available at: ${Y} (Accessed: 1 December 2026).`,
    ],
    [
      "Marsh",
      marsh,
      "harvard",
      `Marsh, C. (no date) ‘Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations’, ${BLOG}. Available at: ${M} (Accessed: 1 December 2026).`,
    ],
    [
      "Hsiung",
      hsiung,
      "harvard",
      `Hsiung, J.C. (no date) ‘The Deepening Chinese-Russia Partnership: An American Security Dilemma’, ${BLOG}. Available at: ${H} (Accessed: 1 December 2026).`,
    ],
  ])("%s, %s: %s", (_, e, form, text) => {
    expect(shown(e, DEC_1)[form]).toBe(text);
  });

  it("never doubles a title's own final punctuation with the style's", () => {
    for (const text of Object.values(shown(hsiung, DEC_1))) {
      expect(text).not.toMatch(/\.[’”]?[.,]|\?[’”]?\./);
    }
  });

  it("prints no date it does not have", () => {
    for (const e of [yuan, marsh, hsiung]) {
      for (const text of Object.values(shown(e, DEC_1))) {
        expect(text.replace(/2026/g, "")).not.toMatch(/\b(19|20)\d\d\b/);
      }
    }
  });
});

describe("the manuals' own published examples, formatted from their data", () => {
  const dated = (
    over: Partial<CitableEssay> & Pick<CitableEssay, "id" | "title">,
    date: [number, number, number],
  ) => essay({ ...over, date: new Date(Date.UTC(date[0], date[1] - 1, date[2])) });
  it.each<[string, CitableEssay, string, string]>([
    [
      "APA 7, blog post (Klymkowsky)",
      dated(
        {
          id: "k",
          title: "Can We Talk Scientifically About Free Will?",
          sentenceTitle: "Can we talk scientifically about free will?",
          author: { family: "Klymkowsky", given: "Michael" },
          container: "Sci-Ed",
          url: "https://blogs.plos.org/scied/2018/09/15/can-we-talk-scientifically-about-free-will/",
        },
        [2018, 9, 15],
      ),
      "apa",
      "Klymkowsky, M. (2018, September 15). Can we talk scientifically about free will? Sci-Ed. https://blogs.plos.org/scied/2018/09/15/can-we-talk-scientifically-about-free-will/",
    ],
    [
      "MLA 9, blog post (Hollmichel)",
      dated(
        {
          id: "h",
          title: "The Reading Brain: Differences between Digital and Print",
          author: { family: "Hollmichel", given: "Stefanie" },
          container: "So Many Books",
          url: "somanybooksblog.com/2013/04/25/the-reading-brain-differences-between-digital-and-print/",
        },
        [2013, 4, 25],
      ),
      "mla",
      "Hollmichel, Stefanie. “The Reading Brain: Differences between Digital and Print.” So Many Books, 25 Apr. 2013, somanybooksblog.com/2013/04/25/the-reading-brain-differences-between-digital-and-print/.",
    ],
    ...(["chicago note", "chicago short note", "chicago"] as const).map(
      (form) =>
        [
          `Chicago 17, blog post (Gioia), ${form}`,
          dated(
            {
              id: "g",
              title: "Music Criticism Has Degenerated into Lifestyle Reporting",
              shortTitle: "Music Criticism",
              author: { family: "Gioia", given: "Ted" },
              container: "The Honest Broker",
              url: "http://www.honest-broker.com/2014/03/music-criticism-has-degenerated-into.html",
            },
            [2014, 3, 18],
          ),
          form,
          {
            "chicago note":
              "Ted Gioia, “Music Criticism Has Degenerated into Lifestyle Reporting,” The Honest Broker (blog), March 18, 2014, http://www.honest-broker.com/2014/03/music-criticism-has-degenerated-into.html.",
            "chicago short note": "Gioia, “Music Criticism.”",
            chicago:
              "Gioia, Ted. “Music Criticism Has Degenerated into Lifestyle Reporting.” The Honest Broker (blog), March 18, 2014. http://www.honest-broker.com/2014/03/music-criticism-has-degenerated-into.html.",
          }[form],
        ] as [string, CitableEssay, string, string],
    ),
    [
      "Cite Them Right format, blog post (Torres, as citation guides give it)",
      dated(
        {
          id: "t",
          title: "Why We Should Think Twice About Colonizing Space",
          author: { family: "Torres", given: "Phil" },
          container: "Nautilus",
          url: "http://nautil.us/blog/why-we-should-think-twice-about-colonizing-space",
        },
        [2019, 2, 18],
      ),
      "harvard",
      "Torres, P. (2019) ‘Why We Should Think Twice About Colonizing Space’, Nautilus, 18 February. Available at: http://nautil.us/blog/why-we-should-think-twice-about-colonizing-space (Accessed: 3 December 2019).",
    ],
  ])("%s", (_, e, form, text) => {
    expect(shown(e, { year: 2019, month: 12, day: 3 })[form]).toBe(text);
  });

  it("gives dated posts an access date only where the style always wants one", () => {
    const dated = formatCitations({ ...yuan, date: new Date(Date.UTC(2015, 10, 3)) });
    const byKey = Object.fromEntries(dated.map((c) => [c.key, c])) as Record<
      CitationStyleKey,
      (typeof dated)[number]
    >;
    expect(byKey.apa.reference.text).toMatch(/^Yuan, J\. \(2015, November 3\)\./);
    expect(byKey.mla.dateForm).toBeUndefined();
    expect(byKey.chicago.dateForm).toBeUndefined();
    expect(byKey.harvard.reference.text).toContain("(Accessed: {accessed})");
  });
});

describe("access dates, in each style's own form", () => {
  it.each<[CitationStyleKey, CalendarDate, string]>([
    ["mla", { year: 2026, month: 12, day: 1 }, "1 Dec. 2026"],
    ["mla", { year: 2026, month: 9, day: 5 }, "5 Sept. 2026"],
    ["mla", { year: 2026, month: 5, day: 31 }, "31 May 2026"],
    ["chicago", { year: 2026, month: 12, day: 1 }, "December 1, 2026"],
    ["harvard", { year: 2026, month: 12, day: 1 }, "1 December 2026"],
  ])("%s writes %j as %s", (key, date, text) => {
    const style = CITATION_STYLES.find((s) => s.key === key)!;
    expect(formatDate(dateForm(style), date)).toBe(text);
  });

  it("leaves a placeholder in the text and a slot in the HTML, never a guessed date", () => {
    const [, mla] = formatCitations(yuan);
    expect(mla!.reference.text).toMatch(/Accessed \{accessed\}\.$/);
    expect(mla!.reference.html).toContain(
      '<span class="accessed" data-accessed>[date of access]</span>',
    );
  });
});

describe("passage templates", () => {
  it("cite the paragraph in text and in a full note that links to it", () => {
    const { short, full, dateForm: form } = passageTemplates(yuan);
    expect(short).toBe("(Yuan, n.d., para. {¶})");
    expect(full).toBe(
      `Jingdong Yuan, “A Sino-Russian Alliance? Rationales and Realities,” ${BLOG} (blog), para. {¶}, accessed {accessed}, ${READER}${yuan.id}/#p-{¶}.`,
    );
    expect(form?.pattern).toBe("{m} {d}, {y}");
  });
});

describe("titles", () => {
  it.each([
    [
      "The Deepening Chinese-Russia Partnership: An American Security\u00a0Dilemma.",
      "The Deepening Chinese-Russia Partnership: An American Security Dilemma",
    ],
    [
      "Russia and China: Competing or complementary priorities?",
      "Russia and China: Competing or complementary priorities?",
    ],
    ["Policy toward the U.S.", "Policy toward the U.S."],
    ["Wait…", "Wait…"],
  ])("%s → %s", (title, out) => expect(citationTitle(title)).toBe(out));
});

describe("exports", () => {
  const { bibtex, ris, csl } = exportCitation(yuan);

  it("writes biblatex @online, the blog's name where biblatex and Zotero read it", () => {
    expect(bibtex).toBe(
      [
        `@online{${yuan.id},`,
        "  author = {Yuan, Jingdong},",
        "  title = {A {Sino-Russian} Alliance? {Rationales} and Realities},",
        "  shorttitle = {{Sino-Russian} Alliance?},",
        `  journaltitle = {${BLOG}},`,
        `  organization = {${BLOG}},`,
        `  url = {${READER}${yuan.id}/},`,
        "  langid = {english},",
        "  keywords = {Russian foreign policy, Alliances},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps the exact title, its own final full stop included", () => {
    expect(biblatexEntry(hsiung)).toContain(
      "title = {The Deepening {Chinese-Russia} Partnership: {An} {American} Security Dilemma.},",
    );
  });

  it("escapes LaTeX's special characters and keeps every other one", () => {
    expect(latexEscape("R&D: 50% of $x_1 #2 {a} ~ ^ \\ 俄罗斯研究 ’")).toBe(
      "R\\&D: 50\\% of \\$x\\_1 \\#2 \\{a\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} 俄罗斯研究 ’",
    );
    expect(protectCase("A & B: NATO’s US", "A & b: NATO’s US")).toBe("A \\& B: {NATO’s} {US}");
  });

  it("writes RIS as a blog post, one tag per line, with the whole ID and every keyword", () => {
    expect(ris).toBe(
      [
        "TY  - BLOG",
        "AU  - Yuan, Jingdong",
        `ID  - ${yuan.id}`,
        "KW  - Russian foreign policy",
        "KW  - Alliances",
        "LA  - en",
        "ST  - Sino-Russian Alliance?",
        `T2  - ${BLOG}`,
        "TI  - A Sino-Russian Alliance? Rationales and Realities",
        `UR  - ${READER}${yuan.id}/`,
        "ER  - ",
        "",
      ].join("\n"),
    );
  });

  it("writes CSL-JSON as a blog post with its short title and no date", () => {
    const [item] = JSON.parse(csl);
    expect(item).toEqual({
      id: yuan.id,
      type: "post-weblog",
      title: "A Sino-Russian Alliance? Rationales and Realities",
      "title-short": "Sino-Russian Alliance?",
      author: [{ family: "Yuan", given: "Jingdong" }],
      "container-title": BLOG,
      URL: `${READER}${yuan.id}/`,
      language: "en",
      keyword: "Russian foreign policy, Alliances",
    });
  });

  it("dates what is dated", () => {
    const dated = { ...yuan, date: new Date(Date.UTC(2015, 10, 3)) };
    expect(biblatexEntry(dated)).toContain("date = {2015-11-03},");
    expect(exportCitation(dated).ris).toMatch(/^(DA|PY) {2}- 2015/m);
    expect(cslItem(dated).issued).toEqual({ "date-parts": [[2015, 11, 3]] });
  });
});

describe("citationText", () => {
  it.each([yuan, hsiung].flatMap((e) => CITATION_STYLES.map((s) => [e.id, s.key, s, e] as const)))(
    "%s in %s is what the style's own text output gives",
    (_, __, style, e) => {
      formatCitations(e); // registers the styles
      const cite = new Cite(cslItem(e));
      const options = { template: `site-${style.csl}`, lang: style.lang };
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
