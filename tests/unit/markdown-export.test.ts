import { describe, expect, it } from "vitest";
import type { Essay } from "../../src/lib/library.ts";
import { essayMarkdown, yamlString } from "../../src/lib/markdown-export.ts";

const essay: Essay = {
  id: "x",
  filePath: "content/essays/x.md",
  title: 'A "quoted": title\u00a0here',
  author: { slug: "ann", label: "Ann Archer" },
  tags: [{ slug: "central-asia", label: "Central Asia" }],
  summary: "S.",
  sentenceTitle: 'A "quoted": Title\u00a0here',
  shortTitle: "A Quoted",
  order: 1,
  source: { publication: "Pub: Analysis", archive: "https://example.org/a/" },
  words: 3,
  minutes: 1,
};

describe("essayMarkdown", () => {
  it("puts a YAML header before the untouched body", () => {
    const md = essayMarkdown(
      essay,
      "\nFirst *para*.\n\n## Head\n\nSecond.\n\n",
      "https://r.org/essays/x/",
    );
    expect(md).toBe(
      [
        "---",
        'title: "A \\"quoted\\": title\u00a0here"',
        'author: "Ann Archer"',
        'publication: "Pub: Analysis"',
        'archive: "https://example.org/a/"',
        'url: "https://r.org/essays/x/"',
        "tags:",
        '  - "Central Asia"',
        "words: 3",
        "---",
        "",
        "First *para*.",
        "",
        "## Head",
        "",
        "Second.",
        "",
      ].join("\n"),
    );
  });

  it("adds a date only when there is one", () => {
    expect(essayMarkdown({ ...essay, date: new Date(Date.UTC(2015, 0, 2)) }, "b", "u")).toContain(
      "date: 2015-01-02\n",
    );
    expect(essayMarkdown(essay, "b", "u")).not.toContain("date:");
  });

  it("quotes YAML strings safely", () => expect(yamlString('a\n"b"')).toBe('"a\\n\\"b\\""'));
});
