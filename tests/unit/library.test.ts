import { describe, expect, it } from "vitest";
import {
  buildLibrary,
  ContentError,
  byFamilyName,
  neighbours,
  splitName,
  type AuthorInput,
  type EssayInput,
} from "../../src/lib/library.ts";

const source = {
  publication: "China Policy Institute: Analysis",
  archive: "https://cpianalysis.org/tag/russian-foreign-policy/",
};

function essay(id: string, overrides: Partial<EssayInput> = {}): EssayInput {
  return {
    id,
    filePath: `content/essays/${id}.md`,
    title: `Essay ${id}`,
    authorId: "ann",
    tags: ["Russian foreign policy"],
    summary: "A summary.",
    order: 1,
    source,
    body: "Some words here.",
    ...overrides,
  };
}

function author(id: string, name: string): AuthorInput {
  return { id, filePath: `content/authors/${id}.yaml`, name, bio: `${name} writes.` };
}

const authors = [author("ann", "Ann Archer"), author("bo", "Bo Brand")];

describe("buildLibrary", () => {
  it("orders essays by their position, not by file name", () => {
    const library = buildLibrary(
      [essay("z", { order: 1 }), essay("a", { order: 3 }), essay("m", { order: 2 })],
      authors,
    );
    expect(library.essays.map((e) => e.id)).toEqual(["z", "m", "a"]);
  });

  it("carries authors and tags as { slug, label }", () => {
    const library = buildLibrary([essay("a", { tags: ["Central Asia", "SCO"] })], authors);
    expect(library.essays[0]!.author).toEqual({ slug: "ann", label: "Ann Archer" });
    expect(library.essays[0]!.tags).toEqual([
      { slug: "central-asia", label: "Central Asia" },
      { slug: "sco", label: "SCO" },
    ]);
  });

  it("indexes tags alphabetically and authors by name, with their essays in order", () => {
    const library = buildLibrary(
      [
        essay("a", { order: 2, tags: ["Ukraine", "Alliances"] }),
        essay("b", { order: 1, tags: ["Alliances"], authorId: "bo" }),
      ],
      authors,
    );
    expect(library.tags.map((t) => [t.label, t.essayIds])).toEqual([
      ["Alliances", ["b", "a"]],
      ["Ukraine", ["a"]],
    ]);
    expect(library.authors.map((a) => [a.label, a.essayIds])).toEqual([
      ["Ann Archer", ["a"]],
      ["Bo Brand", ["b"]],
    ]);
  });

  it("counts words and reading time from the body", () => {
    const words = Array.from({ length: 460 }, (_, i) => `w${i}`).join(" ");
    const [built] = buildLibrary([essay("a", { body: `## Head\n\n${words}` })], authors).essays;
    expect(built!.words).toBe(461);
    expect(built!.minutes).toBe(3);
  });

  it.each([
    [
      "an unknown author",
      [essay("lost", { authorId: "nobody" })],
      'content/essays/lost.md: field "author": no author "nobody" in the authors collection (known: ann, bo)',
    ],
    [
      "two essays at one position",
      [essay("a", { order: 4 }), essay("b", { order: 4 })],
      'content/essays/b.md: field "order": 4 is already the position of content/essays/a.md',
    ],
    [
      "one tag spelt two ways",
      [essay("a", { tags: ["Central Asia"] }), essay("b", { order: 2, tags: ["central asia"] })],
      'content/essays/b.md: field "tags": "central asia" and "Central Asia" (in content/essays/a.md) share the URL slug "central-asia"',
    ],
    [
      "a tag listed twice",
      [essay("a", { tags: ["SCO", "SCO"] })],
      'content/essays/a.md: field "tags": "SCO" is listed twice',
    ],
    [
      "a tag without letters",
      [essay("a", { tags: ["***"] })],
      'content/essays/a.md: field "tags": "***" has no letters or digits',
    ],
    [
      "a sentence-case title that rewords the title",
      [essay("a", { title: "Russia and China", titleSentenceCase: "Russia and Japan" })],
      'content/essays/a.md: field "titleSentenceCase": must be the title with only its capital letters changed ("Russia and China")',
    ],
    [
      "a short title of more than four words",
      [essay("a", { title: "One Two Three Four Five", shortTitle: "One Two Three Four Five" })],
      'content/essays/a.md: field "shortTitle": has 5 words; a short title has at most 4',
    ],
    [
      "a short title with a word the title does not have",
      [essay("a", { title: "Russia and China", shortTitle: "Russia and Japan" })],
      'content/essays/a.md: field "shortTitle": "japan" is not a word of the title',
    ],
  ])("fails on %s, naming the file and field", (_, essays, message) => {
    expect(() => buildLibrary(essays, authors)).toThrow(message);
  });

  it("derives the sentence-case title from the essays' own capitals, and the short title", () => {
    const library = buildLibrary(
      [
        essay("a", {
          title: "Chinese Perspectives on Events in Ukraine: Implications",
          body: "What the Chinese press said about events in Ukraine.",
        }),
        // Another essay's text counts too: "American" is capitalised there.
        essay("b", {
          order: 2,
          title: "An American Security Dilemma",
          body: "The American role in the security dilemma.",
        }),
      ],
      authors,
    );
    expect(library.essays.map((e) => e.sentenceTitle)).toEqual([
      "Chinese perspectives on events in Ukraine: Implications",
      "An American security dilemma",
    ]);
    expect(library.essays.map((e) => e.shortTitle)).toEqual([
      "Chinese Perspectives on Events",
      "American Security Dilemma",
    ]);
  });

  it("takes the editor's sentence-case and short titles where given", () => {
    const [e] = buildLibrary(
      [
        essay("a", {
          title: "Notes on the Long March",
          titleSentenceCase: "Notes on the Long March",
          shortTitle: "Long March",
        }),
      ],
      authors,
    ).essays;
    expect([e!.sentenceTitle, e!.shortTitle]).toEqual(["Notes on the Long March", "Long March"]);
  });

  it("reports every problem at once", () => {
    try {
      buildLibrary(
        [essay("a", { authorId: "x" }), essay("b", { authorId: "y", order: 2 })],
        authors,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems.map((p) => p.file)).toEqual([
        "content/essays/a.md",
        "content/essays/b.md",
      ]);
      expect((error as Error).message).toMatch(/^2 content problems:/);
    }
  });
});

describe("authors by family name", () => {
  it("orders the library's authors by family name, then given name, names shown as written", () => {
    const authors = [
      author("yuan", "Jingdong Yuan"),
      author("kuhrt", "Natasha Kuhrt"),
      author("hsiung", "James C. Hsiung"),
      author("rozman", "Gilbert Rozman"),
      author("wilson", "Jeanne L. Wilson"),
      author("marsh", "Christopher Marsh"),
      author("avan", "Ann van Archer"),
      { ...author("bvan", "Bea van Archer"), familyName: "van Archer", givenName: "Bea" },
    ];
    const library = buildLibrary(
      authors.map((a, i) => essay(`e${i}`, { authorId: a.id, order: i + 1 })),
      authors,
    );
    expect(library.authors.map((a) => a.label)).toEqual([
      "Ann van Archer", // family name "Archer" unless the file says otherwise
      "James C. Hsiung",
      "Natasha Kuhrt",
      "Christopher Marsh",
      "Gilbert Rozman",
      "Bea van Archer", // "van Archer", as its file gives it
      "Jeanne L. Wilson",
      "Jingdong Yuan",
    ]);
    expect([...library.authors].sort(byFamilyName)).toEqual(library.authors);
  });
});

describe("splitName", () => {
  it.each([
    ["Natasha Kuhrt", { family: "Kuhrt", given: "Natasha" }],
    ["Jeanne L. Wilson", { family: "Wilson", given: "Jeanne L." }],
    ["James C. Hsiung", { family: "Hsiung", given: "James C." }],
    ["Plato", { family: "Plato", given: "" }],
  ])("%s", (name, parts) => expect(splitName(name)).toEqual(parts));

  it("yields to names given in the author file", () => {
    const library = buildLibrary(
      [essay("a")],
      [{ ...author("ann", "Ann van Archer"), familyName: "van Archer", givenName: "Ann" }],
    );
    expect(library.authors[0]!.name).toEqual({ family: "van Archer", given: "Ann" });
  });
});

describe("neighbours and sources", () => {
  const library = buildLibrary(
    [essay("a", { order: 1 }), essay("b", { order: 2 }), essay("c", { order: 3 })],
    authors,
  );
  const ids = (id: string) => {
    const n = neighbours(library, library.essayById.get(id)!);
    return [n.previous?.id, n.next?.id];
  };

  it.each([
    ["a", [undefined, "b"]],
    ["b", ["a", "c"]],
    ["c", ["b", undefined]],
  ])("%s sits between %j", (id, expected) => {
    expect(ids(id)).toEqual(expected);
  });

  it("lists each source once", () => {
    expect(library.sources).toEqual([source]);
  });
});
