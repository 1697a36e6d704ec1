import { describe, expect, it } from "vitest";
import {
  aliasForms,
  buildSubjects,
  coMentioned,
  createMentionFinder,
  indexMentions,
  mentionCounts,
  quoteHtml,
  subjectProblems,
  type MentionPassage,
  type SubjectInput,
} from "../../src/lib/subjects.ts";

const SUBJECTS = [
  {
    slug: "sco",
    aliases: ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"],
  },
  { slug: "nato", aliases: ["NATO"] },
  { slug: "multipolarity", aliases: ["multipolarity", "multipolar"] },
  { slug: "putin", aliases: ["Vladimir Putin", "Putin"] },
  { slug: "hu", aliases: ["Hu Jintao", "HU Jintao", "Hu"] },
  { slug: "feng", aliases: ["Feng Shuai", "封帅"] },
  { slug: "un", aliases: ["United Nations Security Council", "Security Council"] },
  { slug: "gwb", aliases: ["George W. Bush", "Bush"] },
  { slug: "obor", aliases: ["One Road, One Belt", "OBOR"] },
];

const finder = createMentionFinder(SUBJECTS);
/** The mentions as "slug:text" strings. */
const found = (text: string) => finder.find(text).map((m) => `${m.slug}:${m.text}`);

describe("mention finder", () => {
  it.each<[string, string, string[]]>([
    ["an alias", "NATO expanded.", ["nato:NATO"]],
    [
      "every alias of a subject",
      "The SCO, or Shanghai Cooperation Organization.",
      ["sco:SCO", "sco:Shanghai Cooperation Organization"],
    ],
    [
      "the longest alias first",
      "Vladimir Putin met Putin.",
      ["putin:Vladimir Putin", "putin:Putin"],
    ],
    [
      "the longest alias when one alias starts another",
      "the Security Council and the United Nations Security Council",
      ["un:Security Council", "un:United Nations Security Council"],
    ],
    ["an alias ending in punctuation", "George W. Bush said", ["gwb:George W. Bush"]],
    [
      "an alias with punctuation inside",
      "the One Road, One Belt project",
      ["obor:One Road, One Belt"],
    ],
    ["a possessive", "Putin’s and NATO's plans", ["putin:Putin", "nato:NATO"]],
    ["a hyphenated compound", "NATO-led and pro-Putin", ["nato:NATO", "putin:Putin"]],
    ["in brackets and quotes", "(SCO) “NATO”", ["sco:SCO", "nato:NATO"]],
    ["no match inside a longer word", "disco NATOs unmultipolar Hutu Bushes", []],
    [
      "no match of a shorter alias inside a longer word",
      "multipolarity",
      ["multipolarity:multipolarity"],
    ],
    [
      "a lower-case alias with a capital first letter",
      "Multipolarity and multipolar",
      ["multipolarity:Multipolarity", "multipolarity:multipolar"],
    ],
    ["case-aware: capitals are never lowered", "nato sco putin hu", []],
    ["case variants listed as aliases", "HU Jintao and Hu", ["hu:HU Jintao", "hu:Hu"]],
    [
      "a line break or no-break space inside an alias",
      "Shanghai\nCooperation Organisation and Vladimir\u00a0Putin",
      ["sco:Shanghai\nCooperation Organisation", "putin:Vladimir\u00a0Putin"],
    ],
    [
      "Chinese aliases without word spaces",
      "Feng Shuai (封帅)写道封帅",
      ["feng:Feng Shuai", "feng:封帅", "feng:封帅"],
    ],
    ["nothing", "", []],
  ])("%s", (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("gives positions that cut the exact words out of the text", () => {
    const text = "Both Putin and the SCO.";
    for (const m of finder.find(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("finds nothing when there are no subjects", () => {
    expect(createMentionFinder([]).find("NATO")).toEqual([]);
  });

  it.each([
    ["Bush (Jr.) spoke", "Bush (Jr.)"],
    ["Bush spoke", "Bush"],
    ["George W. Bush spoke", "George W. Bush"],
    ["George W. Smith spoke", "George W."],
  ])("takes the longest alias when aliases end differently: %s", (text, words) => {
    const f = createMentionFinder([
      { slug: "a", aliases: ["Bush", "George W. Bush"] },
      { slug: "b", aliases: ["Bush (Jr.)", "George W."] },
    ]);
    expect(f.find(text).map((m) => m.text)).toEqual([words]);
  });

  it("treats regular-expression characters in aliases as text", () => {
    const f = createMentionFinder([{ slug: "x", aliases: ["C++ (lang)", "a.b"] }]);
    expect(f.find("C++ (lang) and a.b, not axb").map((m) => m.text)).toEqual(["C++ (lang)", "a.b"]);
  });

  it("scans once however many subjects there are: 2,000 aliases on 1,000 paragraphs", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      slug: `s${i}`,
      aliases: [`Name${i} Place`],
    }));
    const big = createMentionFinder(many);
    const paragraph = "Words about Name17 Place and Name1999 Place, and nothing else. ".repeat(10);
    const counts = Array.from({ length: 1000 }, () => big.find(paragraph).length);
    expect(new Set(counts)).toEqual(new Set([20]));
  });
});

describe("alias forms", () => {
  it.each([
    ["NATO", ["NATO"]],
    ["multipolarity", ["multipolarity", "Multipolarity"]],
    ["  security   dilemma ", ["security dilemma", "Security dilemma"]],
    ["封帅", ["封帅"]],
    ["9/11", ["9/11"]],
  ])("%s", (alias, forms) => {
    expect(aliasForms(alias)).toEqual(forms);
  });
});

const input = (over: Partial<SubjectInput> & Pick<SubjectInput, "id">): SubjectInput => ({
  filePath: `content/subjects/${over.id}.yaml`,
  name: over.id,
  kind: "concept",
  aliases: [over.id],
  ...over,
});

describe("subject validation", () => {
  it.each<[string, SubjectInput[], string[]]>([
    [
      "distinct aliases pass",
      [input({ id: "a", aliases: ["SCO"] }), input({ id: "b", aliases: ["NATO"] })],
      [],
    ],
    [
      "an alias claimed by two subjects fails, naming both files",
      [input({ id: "a", aliases: ["SCO"] }), input({ id: "b", aliases: ["NATO", "SCO"] })],
      [
        'content/subjects/b.yaml aliases[1]: "SCO" is already an alias of content/subjects/a.yaml ("SCO"); an alias may name only one subject',
      ],
    ],
    [
      "a lower-case alias that would also match another subject's capitalised alias fails",
      [input({ id: "a", aliases: ["Pivot"] }), input({ id: "b", aliases: ["pivot"] })],
      [
        'content/subjects/b.yaml aliases[0]: "pivot" is already an alias of content/subjects/a.yaml ("Pivot"); an alias may name only one subject',
      ],
    ],
    [
      "case variants of one subject's alias pass",
      [input({ id: "a", aliases: ["Hu Jintao", "HU Jintao"] })],
      [],
    ],
    [
      "an alias listed twice fails",
      [input({ id: "a", aliases: ["SCO", "SCO"] })],
      ['content/subjects/a.yaml aliases[1]: "SCO" is listed twice'],
    ],
    [
      "a capitalised copy of a lower-case alias is redundant",
      [input({ id: "a", aliases: ["multipolarity", "Multipolarity"] })],
      [
        'content/subjects/a.yaml aliases[1]: "Multipolarity" is already matched by "multipolarity" (an alias in lower case also matches a capital first letter)',
      ],
    ],
    [
      "an alias with nothing to find fails",
      [input({ id: "a", aliases: ["—"] })],
      ['content/subjects/a.yaml aliases[0]: "—" has no letters or digits to find'],
    ],
  ])("%s", (_, inputs, expected) => {
    expect(subjectProblems(inputs).map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual(
      expected,
    );
  });

  it("orders subjects by name", () => {
    const subjects = buildSubjects([
      input({ id: "z", name: "Zhou" }),
      input({ id: "a", name: "Abe" }),
    ]);
    expect(subjects.map((s) => s.slug)).toEqual(["a", "z"]);
  });
});

const passage = (n: number, ...segments: MentionPassage["segments"]): MentionPassage => ({
  n,
  segments,
});

describe("indexing mentions", () => {
  const subjects = buildSubjects([
    input({ id: "nato", name: "NATO", kind: "organisation" }),
    input({ id: "sco", name: "SCO", kind: "organisation" }),
    input({ id: "putin", name: "Putin", kind: "person" }),
  ]);
  const essays = [
    {
      id: "one",
      passages: [
        passage(1, "<em>x</em> ", { subject: "nato", text: "NATO", linked: true }, " and ", {
          subject: "nato",
          text: "NATO",
          linked: false,
        }),
        passage(4, { subject: "sco", text: "SCO", linked: true }, " with ", {
          subject: "nato",
          text: "NATO",
          linked: true,
        }),
      ],
    },
    {
      id: "two",
      passages: [
        passage(2, { subject: "sco", text: "SCO", linked: true }),
        passage(3, { subject: "gone", text: "X", linked: true }),
      ],
    },
    { id: "three", passages: [] },
  ];
  const index = indexMentions(subjects, essays);

  it("counts mentions, paragraphs and essays per subject", () => {
    const row = (slug: string) => {
      const e = index.bySlug.get(slug)!;
      return [
        e.mentions,
        e.passages,
        e.perspectives.map(
          (p) => `${p.essayId}:${p.passages.map((q) => q.n).join(",")}:${p.mentions}`,
        ),
      ];
    };
    expect(row("nato")).toEqual([3, 2, ["one:1,4:3"]]);
    expect(row("sco")).toEqual([2, 2, ["one:4:1", "two:2:1"]]);
    expect(row("putin")).toEqual([0, 0, []]);
  });

  it("lists each essay's subjects in index order, ignoring subjects that no longer exist", () => {
    const names = (id: string) =>
      index.byEssay.get(id)!.map((s) => `${s.subject.slug}×${s.mentions}`);
    expect(names("one")).toEqual(["nato×3", "sco×1"]);
    expect(names("two")).toEqual(["sco×1"]);
    expect(names("three")).toEqual([]);
  });

  it("finds the subjects discussed in the same paragraphs", () => {
    expect(
      coMentioned(index.bySlug.get("sco")!, index).map((r) => `${r.subject.slug}:${r.passages}`),
    ).toEqual(["nato:1"]);
    expect(coMentioned(index.bySlug.get("putin")!, index)).toEqual([]);
  });

  it("counts mentions in one passage", () => {
    expect([...mentionCounts(essays[0]!.passages[0]!)]).toEqual([["nato", 2]]);
  });
});

describe("quoting a passage", () => {
  const p = passage(
    7,
    "<em>Both</em> ",
    { subject: "sco", text: "SCO", linked: true },
    " & ",
    { subject: "nato", text: "NATO", linked: true },
    " <b>and</b> ",
    { subject: "sco", text: "S<C>O", linked: false },
  );
  const href = (slug: string) => `/subjects/${slug}/`;

  it("marks every mention of the page's subject and keeps the other links", () => {
    expect(quoteHtml(p, "sco", href)).toBe(
      '<em>Both</em> <mark class="mention-mark">SCO</mark> & <a class="mention" href="/subjects/nato/">NATO</a> <b>and</b> <mark class="mention-mark">S&lt;C&gt;O</mark>',
    );
  });

  it("leaves the words exactly as they were", () => {
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">");
    expect(text(quoteHtml(p, "nato", href))).toBe("Both SCO & NATO and S<C>O");
  });
});
