import { describe, expect, it } from "vitest";
import {
  ANNOTATION_CONTEXT,
  describeQuote,
  fromAnnotation,
  locateQuote,
  mergeHighlights,
  notesMarkdown,
  readImport,
  toAnnotation,
  toCollection,
  type Highlight,
} from "../../src/lib/annotations.ts";

const SITE = "https://reader.example/essays/";
const isEssay = (source: string) => source.startsWith(SITE);

const highlight = (over: Partial<Highlight> = {}): Highlight => ({
  id: "urn:uuid:1",
  source: `${SITE}yuan/`,
  n: 2,
  quote: {
    type: "TextQuoteSelector",
    exact: "Peace Mission",
    prefix: "the bi-annual ",
    suffix: " joint military",
  },
  colour: "green",
  note: "Check the 2005 exercise.",
  subjects: [
    { href: "https://reader.example/subjects/sco/", label: "Shanghai Cooperation Organisation" },
  ],
  created: "2026-12-01T10:00:00.000Z",
  modified: "2026-12-01T10:00:00.000Z",
  ...over,
});

/** Where `words` start in `text`, as the span of their first three characters. */
const at = (text: string, words: string) => ({
  start: text.indexOf(words),
  end: text.indexOf(words) + 3,
});

describe("describeQuote and locateQuote", () => {
  const text = "the SCO met; later the SCO grew, and the SCO met again.";

  it("finds the words again where they were chosen, among repeats", () => {
    for (const [start] of [...text.matchAll(/SCO/g)].map((m) => [m.index!])) {
      const quote = describeQuote(text, start!, start! + 3);
      expect(locateQuote(text, quote)).toEqual({ start, end: start! + 3 });
    }
  });

  it("keeps at most 32 characters of context on each side", () => {
    const long = `${"a".repeat(50)}X${"b".repeat(50)}`;
    const q = describeQuote(long, 50, 51);
    expect(q).toEqual({
      type: "TextQuoteSelector",
      exact: "X",
      prefix: "a".repeat(32),
      suffix: "b".repeat(32),
    });
  });

  it.each<[string, string, { start: number; end: number } | undefined]>([
    [
      "words added before it",
      "New opening words. the SCO met; later the SCO grew",
      at("New opening words. the SCO met; later the SCO grew", "SCO grew"),
    ],
    [
      "its surroundings changed, the words not",
      "Entirely other. later the SCO grew",
      at("Entirely other. later the SCO grew", "SCO grew"),
    ],
    ["the words gone", "the organisation met; later it grew", undefined],
    ["a different case", "the sco met", undefined],
  ])("after an edit: %s", (_, edited, expected) => {
    const second = text.indexOf("SCO grew");
    const quote = describeQuote(text, second, second + 3); // the second "SCO"
    expect(locateQuote(edited, quote)).toEqual(expected);
  });

  it("never matches an empty quote", () => {
    expect(
      locateQuote("abc", { type: "TextQuoteSelector", exact: "", prefix: "", suffix: "" }),
    ).toBeUndefined();
  });
});

describe("W3C Web Annotation", () => {
  it("writes the passage as a FragmentSelector and the words as a TextQuoteSelector", () => {
    const a = toAnnotation(highlight());
    expect(a).toEqual({
      "@context": ANNOTATION_CONTEXT,
      id: "urn:uuid:1",
      type: "Annotation",
      motivation: "commenting",
      created: "2026-12-01T10:00:00.000Z",
      modified: "2026-12-01T10:00:00.000Z",
      body: [
        {
          type: "TextualBody",
          purpose: "commenting",
          value: "Check the 2005 exercise.",
          format: "text/plain",
        },
        {
          type: "TextualBody",
          purpose: "tagging",
          value: "Shanghai Cooperation Organisation",
          id: "https://reader.example/subjects/sco/",
        },
      ],
      target: {
        type: "SpecificResource",
        source: `${SITE}yuan/`,
        styleClass: "highlight-green",
        selector: [
          {
            type: "FragmentSelector",
            conformsTo: "http://tools.ietf.org/rfc/rfc3986",
            value: "p-2",
          },
          {
            type: "TextQuoteSelector",
            exact: "Peace Mission",
            prefix: "the bi-annual ",
            suffix: " joint military",
          },
        ],
      },
    });
    expect(toAnnotation(highlight({ note: " " })).motivation).toBe("highlighting");
  });

  it("reads back what it wrote", () => {
    const h = highlight();
    expect(fromAnnotation(JSON.parse(JSON.stringify(toAnnotation(h))), isEssay)).toEqual(h);
  });

  it("reads another tool's annotation of one of our essays (Hypothesis-style, one target, no colour)", () => {
    const read = fromAnnotation(
      {
        "@context": ANNOTATION_CONTEXT,
        id: "https://hypothes.is/a/abc",
        type: "Annotation",
        body: { type: "TextualBody", value: "Interesting" },
        target: {
          source: `${SITE}marsh/`,
          selector: [{ type: "TextQuoteSelector", exact: "Crimea" }],
        },
      },
      isEssay,
    );
    expect(read).toMatchObject({
      n: 0,
      colour: "yellow",
      note: "Interesting",
      quote: { exact: "Crimea", prefix: "" },
    });
  });

  it.each<[string, unknown, string]>([
    ["not an annotation", { type: "Note" }, "not an Annotation"],
    [
      "no id",
      { type: "Annotation", target: { source: `${SITE}x/` } },
      "an annotation without an id",
    ],
    [
      "another site",
      { type: "Annotation", id: "a", target: { source: "https://other.example/x" } },
      "a: not about an essay on this site",
    ],
    [
      "no quote",
      {
        type: "Annotation",
        id: "b",
        target: { source: `${SITE}x/`, selector: { type: "FragmentSelector", value: "p-1" } },
      },
      "b: no TextQuoteSelector",
    ],
  ])("says why it cannot read %s", (_, json, problem) => {
    expect(fromAnnotation(json, isEssay)).toEqual({ problem });
  });

  it("imports a collection, a page, a list or one annotation", () => {
    const one = toAnnotation(highlight());
    const collection = toCollection([highlight()], "My notes");
    for (const json of [collection, (collection as { first: object }).first, [one], one]) {
      expect(readImport(JSON.parse(JSON.stringify(json)), isEssay).highlights).toHaveLength(1);
    }
    expect(readImport([one, { type: "Note" }], isEssay).problems).toEqual(["not an Annotation"]);
  });

  it("merges an import by id, keeping the later edit", () => {
    const old = highlight({ modified: "2026-12-01T10:00:00.000Z", note: "old" });
    const newer = highlight({ modified: "2026-12-02T10:00:00.000Z", note: "new" });
    const other = highlight({ id: "urn:uuid:2" });
    const merged = mergeHighlights([old], [newer, other]);
    expect(merged).toMatchObject({ added: 1, updated: 1, unchanged: 0 });
    expect(merged.highlights.map((h) => h.note)).toEqual(["new", "Check the 2005 exercise."]);
    expect(mergeHighlights([newer], [old])).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });
});

describe("notesMarkdown", () => {
  it("gives each essay a heading and its citation, each quote its ¶ link and note", () => {
    const md = notesMarkdown(
      "My notes",
      [
        {
          heading: "A Sino-Russian Alliance? Rationales and Realities",
          citation: "Yuan, J. (n.d.). A Sino-Russian alliance? Rationales and realities. …",
          highlights: [{ ...highlight(), href: `${SITE}yuan/#p-2` }],
        },
      ],
      "Exported on 2 December 2026.",
    );
    expect(md).toBe(
      [
        "# My notes",
        "",
        "Exported on 2 December 2026.",
        "",
        "## A Sino-Russian Alliance? Rationales and Realities",
        "",
        "Yuan, J. (n.d.). A Sino-Russian alliance? Rationales and realities. …",
        "",
        "> Peace Mission",
        "",
        `[¶ 2](${SITE}yuan/#p-2)`,
        "",
        "Check the 2005 exercise.",
        "",
      ].join("\n"),
    );
  });
});
