import { describe, expect, it } from "vitest";
import { evaluate, prefetchKnowledge, type Knowledge } from "../../../src/lib/search/evaluate.ts";
import type { PagefindApi, PagefindResult } from "../../../src/lib/search/index-api.ts";
import {
  describeMissing,
  describeOutcome,
  describeSubjectSearch,
} from "../../../src/lib/search/wording.ts";
import { buildVocabulary, chunkKey, chunkVocabulary } from "../../../src/lib/search/vocabulary.ts";
import type { SearchSubject } from "../../../src/lib/search/subjects.ts";

/** Six tiny essays. */
const ESSAYS: Record<string, string> = {
  hsiung: "Putin and Xi met. The Shanghai Cooperation Organization and the SCO grew. Crimea",
  marsh: "Putin and Crimea and Xinhua reported Ukraine sanctions",
  rozman: "Putin Shanghai Cooperation Organization balancing",
  kuhrt: "Kozyrev notes Putin and the SCO scope",
  lo: "Medvedev spoke defense",
  wang: "nothing else here",
};

const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
const stem = (w: string) => w.replace(/(ing|ed|s)$/u, "");

/**
 * A stand-in for Pagefind: unquoted terms match every word as a prefix (all words must occur),
 * quoted terms match words or phrases exactly (by a crude stem) and report the first position.
 */
const fake: Pick<PagefindApi, "search"> & { calls: string[] } = {
  calls: [],
  async search(term) {
    this.calls.push(term ?? "(null)");
    const results: PagefindResult[] = [];
    for (const [id, text] of Object.entries(ESSAYS)) {
      const words = text.split(" ").map(bare);
      const data = async () => ({
        url: `/${id}/`,
        excerpt: "",
        content: text,
        meta: {},
        filters: { author: [id] },
      });
      if (term === null) {
        results.push({ id, score: 0, data });
        continue;
      }
      if (term.startsWith('"')) {
        const parts = term.slice(1, -1).split(" ").map(bare);
        const at = words.findIndex((_, i) =>
          parts.every((p, j) => stem(words[i + j] ?? "") === stem(p)),
        );
        if (at >= 0) results.push({ id, score: 1, words: [at], data } as PagefindResult);
        continue;
      }
      const parts = term.split(" ").map(bare);
      const positions = parts.map((p) =>
        words.flatMap((w, i) => (w.startsWith(p) || stem(w) === stem(p) ? [i] : [])),
      );
      if (positions.every((p) => p.length)) {
        results.push({
          id,
          score: positions.flat().length,
          words: positions.flat(),
          data,
        } as PagefindResult);
      }
    }
    return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
  },
};

const chunks = chunkVocabulary(buildVocabulary(Object.values(ESSAYS)));
const SCO: SearchSubject = {
  slug: "sco",
  label: "Shanghai Cooperation Organisation",
  kind: "Organisation",
  aliases: ["Shanghai Cooperation Organisation", "SCO", "Shanghai Cooperation Organization"],
  essays: 3,
  mentions: 4,
};
const knowledge: Knowledge = {
  chunk: async (key) => chunks.get(key) ?? {},
  subjects: async () => [SCO],
};
const NO_LABELS = { tag: [], subject: [], author: [] };

const run = (query: string) => evaluate(fake, knowledge, query);
const ids = async (query: string) => (await run(query)).matches.map((m) => m.id).sort();

describe("evaluate", () => {
  it.each([
    ["Putin", ["hsiung", "kuhrt", "marsh", "rozman"]],
    ["Putin Crimea", ["hsiung", "marsh"]],
    ["Xi", ["hsiung"]],
    ["Putin -Xi", ["kuhrt", "marsh", "rozman"]],
    ["Putin -Crimea -Kozyrev", ["rozman"]],
    ["Medvedev OR Kozyrev", ["kuhrt", "lo"]],
    // A phrase that is a subject's spelling finds every spelling of it.
    ['"Shanghai Cooperation Organization"', ["hsiung", "kuhrt", "rozman"]],
    ['"Organization and"', ["hsiung"]],
    ["SCO", ["hsiung", "kuhrt", "rozman"]],
    ["Shanghai Cooperation Organisation", ["hsiung", "kuhrt", "rozman"]],
    ["sanction", ["marsh"]],
    ["defence", ["lo"]],
    ["balanc", ["rozman"]],
    ["-Putin", ["lo", "wang"]],
  ])("%j finds %j", async (query, expected) => expect(await ids(query)).toEqual(expected));

  it("says which word no essay contains, and answers with the rest", async () => {
    const outcome = await run("Kozyrov Crimea");
    expect(outcome.matches.map((m) => m.id).sort()).toEqual(["hsiung", "marsh"]);
    expect(describeMissing(outcome, NO_LABELS)).toBe(
      "No essay contains “Kozyrov”; 2 essays mention “Crimea”.",
    );
    // "Kozyrev Crimea" finds nothing, so it is not offered.
    expect(outcome.suggestion).toBeUndefined();
    expect(outcome.corrected).toBeUndefined();
  });

  it("offers a correction only when it finds essays, with how many", async () => {
    const outcome = await run("Kozyrov Putin");
    expect(outcome.suggestion).toEqual({ query: "Kozyrev Putin", essays: 1 });
  });

  it("corrects a query none of whose words occurs", async () => {
    const outcome = await run("Kozyrov");
    expect(outcome.corrected).toEqual({ from: "Kozyrov", to: "Kozyrev" });
    expect(outcome.matches.map((m) => m.id)).toEqual(["kuhrt"]);
  });

  it("finds nothing, honestly, when no word occurs and nothing is close", async () => {
    const outcome = await run("zzzqqq");
    expect(outcome.matches).toEqual([]);
    expect(describeOutcome(outcome, NO_LABELS)).toBe("No essays.");
    expect(describeMissing(outcome, NO_LABELS)).toBe("No essay contains “zzzqqq”.");
  });

  it("names the subject a query is, and searches its spellings", async () => {
    const outcome = await run("SCO");
    expect(outcome.subject?.slug).toBe("sco");
    const atoms = outcome.matches.flatMap((m) => m.hits.map((h) => h.atom.text));
    expect(new Set(atoms)).toEqual(new Set(["SCO", "Shanghai Cooperation Organization"]));
  });

  it("names only the spellings a plain search would have missed", async () => {
    const [sco] = (await run("SCO Putin")).terms;
    expect(describeSubjectSearch(sco!)).toBe(
      "“SCO” is the subject Shanghai Cooperation Organisation: searched with its other spellings “Shanghai Cooperation Organisation” and “Shanghai Cooperation Organization”.",
    );
    const organisation = { ...sco!, term: { text: "Organisation", phrase: false } };
    expect(describeSubjectSearch(organisation)).toContain("its other spellings “SCO” and");
    const named = { ...sco!, term: { text: "Shanghai Cooperation Organisation", phrase: true } };
    expect(describeSubjectSearch(named)).toBe(
      "“Shanghai Cooperation Organisation” is the subject Shanghai Cooperation Organisation: searched with its other spellings “SCO” and “Shanghai Cooperation Organization”.",
    );
  });

  it("describes what matched", async () => {
    expect(describeOutcome(await run("Putin -Xi"), NO_LABELS)).toBe(
      "3 essays match “Putin”, without “Xi”.",
    );
    expect(
      describeOutcome(await run("Medvedev OR Kozyrev Putin"), { ...NO_LABELS, tag: ["Russia"] }),
    ).toBe("1 essay matches “Medvedev” or “Kozyrev” and “Putin”, tagged Russia.");
  });

  it("uses the vocabulary chunks it needs", () => {
    expect(chunkKey("Kozyrov")).toBe("ko");
    expect(chunks.get("ko")).toHaveProperty("kozyrev");
  });
});

describe("prefetchKnowledge", () => {
  /** A knowledge that records what was asked of it. */
  const recording = () => {
    const asked: string[] = [];
    const k: Knowledge = {
      chunk: async (key) => (asked.push(key), {}),
      subjects: async () => (asked.push("(subjects)"), []),
    };
    return { asked, k };
  };
  it.each([
    // Each word's chunk, and the chunks of its other spellings (defence / defense).
    ["Putin", ["(subjects)", chunkKey("Putin")]],
    ["defence", ["(subjects)", chunkKey("defence"), chunkKey("defense")]],
    // Excluded words too; phrases and Chinese runs are not looked up in the vocabulary.
    ["Putin -Xi", ["(subjects)", chunkKey("Putin"), chunkKey("Xi")]],
    ['"security dilemma"', ["(subjects)"]],
    ["研究", ["(subjects)"]],
    ["", ["(subjects)"]],
  ])("%s → %j", (query, expected) => {
    const { asked, k } = recording();
    prefetchKnowledge(k, query);
    expect([...new Set(asked)].sort()).toEqual([...new Set(expected)].sort());
  });

  it("asks for the word alone as soon as the search starts, before the vocabulary answers", async () => {
    const calls: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow: Knowledge = {
      chunk: async (key) => (await held, chunks.get(key) ?? {}),
      subjects: async () => [SCO],
    };
    const api: Pick<PagefindApi, "search"> = {
      search: (term, options) => (calls.push(term ?? "(null)"), fake.search(term, options)),
    };
    const pending = evaluate(api, slow, "Putin");
    await Promise.resolve();
    expect(calls).toEqual(["Putin", '"Putin"']);
    release();
    expect((await pending).matches).toHaveLength(4);
  });
});
