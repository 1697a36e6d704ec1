/**
 * A deterministic synthetic corpus for the benchmarks: N essays of about 1,200 words of varied
 * text (words drawn with a Zipf distribution from a large lexicon), 2–6 headings, 3–6 tags from a
 * pool of 40, one of 200 authors, Chinese characters in some, mentions of 300 subjects (a few
 * common, most rare) and a timeline event for one essay in 20 — written as content files for a
 * temporary copy of the project. The same seed always gives the same corpus.
 */

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of the corpus. */
export interface CorpusOptions {
  essays: number;
  seed?: number;
  authors?: number;
  tags?: number;
  wordsPerEssay?: number;
  /** Distinct invented words, besides the common English ones. */
  lexicon?: number;
  /** Subjects in content/subjects/, mentioned in the essays with a Zipf distribution. */
  subjects?: number;
  /** One timeline event for every this many essays (0: no timeline). */
  essaysPerEvent?: number;
}

const KINDS = ["person", "organisation", "place", "agreement", "concept"];

const COMMON = (
  "the of and to in a is that for it as was with be by on not he this are or his from at which " +
  "but have an they you were her she there been one all would their we him has when who will more " +
  "no if out so said what up its about into than them can only other new some could time these two " +
  "may then do first any my now such like our over man me even most made after also did many before " +
  "must through back years where much your way well down should because each just those people how " +
  "too little state good very make world still own see men work long get here between both life " +
  "being under never day same another know while last might us great old year off come since " +
  "against go came right used take three policy power relations security economic political " +
  "regional strategic partnership cooperation interests influence government foreign military " +
  "order international national identity alliance trade energy border region approach global"
).split(" ");

const SYLLABLES = (
  "ka ri mo sa te lu na vi po ze ta ro mi el an or us ix ad em ol ur ya ko be di fu ga he jo " +
  "la me ni pa qu re si to vu wa xe yo zu ar en ir on un ba ce da fe gi hu ju ke lo mu"
).split(" ");

const HAN = "俄罗斯研究封帅中国外交政策安全伙伴关系经济合作战略地区".split("");

/** An invented word from syllables, deterministic for its index. */
function inventedWord(i: number): string {
  let n = i + 7;
  let word = "";
  const parts = 2 + (i % 3);
  for (let p = 0; p < parts; p++) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + p * 13 + 1;
  }
  return word;
}

/** Draws ranks 0..size-1 with a Zipf distribution (rank r has weight 1 / (r + 1)^s). */
function zipf(size: number, rand: () => number, s = 1.07): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / (r + 1) ** s;
    cumulative[r] = total;
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The generated files: paths relative to content/ → text. */
export type CorpusFiles = Record<string, string>;

/** Generates the corpus as content files (essays/*.md, authors/*.yaml). */
export function generateCorpus(options: CorpusOptions): CorpusFiles {
  const {
    essays,
    seed = 20261129,
    authors = 200,
    tags = 40,
    wordsPerEssay = 1200,
    lexicon = 20000,
    subjects = 300,
    essaysPerEvent = 20,
  } = options;
  const rand = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = [...COMMON, ...Array.from({ length: lexicon }, (_, i) => inventedWord(i))];
  const word = zipf(words.length, rand);
  const nextWord = () => words[word()]!;

  const sentence = (n = between(8, 24)) => {
    const parts = Array.from({ length: n }, nextWord);
    return `${capitalise(parts.join(" "))}${rand() < 0.1 ? "?" : "."}`;
  };

  const files: CorpusFiles = {};
  const authorIds: string[] = [];
  for (let a = 0; a < authors; a++) {
    const given = capitalise(inventedWord(a * 7 + 3));
    const family = capitalise(inventedWord(a * 11 + 5000));
    const id = `${given}-${family}-${a}`.toLowerCase();
    authorIds.push(id);
    files[`authors/${id}.yaml`] =
      `name: ${given} ${family}\naffiliation: "${capitalise(inventedWord(a + 9000))} Institute"\n` +
      `bio: "${given} ${family} writes on ${nextWord()} and ${nextWord()}. ${sentence(12)}"\n`;
  }
  // Subjects: two invented capitalised words, and for one in three an acronym as well.
  const subjectNames = Array.from(
    { length: subjects },
    (_, s) =>
      `${capitalise(inventedWord(s * 13 + 30000))} ${capitalise(inventedWord(s * 17 + 40000))}`,
  );
  subjectNames.forEach((name, s) => {
    const acronym = `${name.replace(/[^A-Z]/g, "")}X${s}`;
    files[`subjects/subject-${s}.yaml`] =
      `name: "${name}"\nkind: ${KINDS[s % KINDS.length]}\naliases:\n  - "${name}"\n` +
      (s % 3 === 0 ? `  - "${acronym}"\n` : "") +
      `description: "A synthetic subject."\n`;
  });
  const subjectRank = subjects ? zipf(subjects, rand, 1.0) : () => 0;
  const mention = () => {
    const s = subjectRank();
    return s % 3 === 0 && rand() < 0.4
      ? `${subjectNames[s]!.replace(/[^A-Z]/g, "")}X${s}`
      : subjectNames[s]!;
  };
  const events: string[] = [];

  const tagPool = Array.from(
    { length: tags },
    (_, t) => `${capitalise(inventedWord(t * 5 + 12000))} ${inventedWord(t * 3 + 15000)}`,
  );

  for (let e = 0; e < essays; e++) {
    const title = capitalise(Array.from({ length: between(4, 11) }, nextWord).join(" "));
    const essayTags = new Set<string>();
    const tagCount = Math.min(between(3, 6), tagPool.length);
    while (essayTags.size < tagCount) essayTags.add(pick(tagPool));
    const headings = between(2, 6);
    const paragraphs: string[] = [];
    let count = 0;
    let sinceHeading = 0;
    while (count < wordsPerEssay) {
      if (sinceHeading >= 3 && paragraphs.filter((p) => p.startsWith("## ")).length < headings) {
        paragraphs.push(
          `## ${capitalise(Array.from({ length: between(2, 6) }, nextWord).join(" "))}`,
        );
        sinceHeading = 0;
      }
      const sentences = Array.from({ length: between(3, 7) }, () => sentence());
      // About one paragraph in three names a subject or two.
      if (subjects && rand() < 0.35) {
        const names = Array.from({ length: between(1, 2) }, mention).join(" and ");
        sentences.splice(
          between(0, sentences.length),
          0,
          `${names} ${sentence(between(6, 14)).toLowerCase()}`,
        );
      }
      const text = sentences.join(" ");
      const withHan =
        e % 10 === 3 && paragraphs.length === 2
          ? `${text} (${Array.from({ length: between(2, 5) }, () => pick(HAN)).join("")})`
          : text;
      paragraphs.push(withHan);
      count += withHan.split(/\s+/).length;
      sinceHeading++;
    }
    const id = `${String(e + 1).padStart(6, "0")}-${title
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .slice(0, 40)
      .replace(/-+$/, "")}`;
    if (essaysPerEvent && e % essaysPerEvent === 0) {
      const year = 1950 + (e % 70);
      const month = String(1 + (e % 12)).padStart(2, "0");
      events.push(
        `- id: event-${e}\n  date: "${e % 3 ? year : `${year}-${month}`}"\n  label: "${capitalise(sentence(8)).replace(/"/g, "")}"\n` +
          `  sources:\n    - { essay: ${id}, paragraph: 1 }\n`,
      );
    }
    files[`essays/${id}.md`] = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `author: ${authorIds[Math.floor(rand() * authorIds.length)]}`,
      "tags:",
      ...[...essayTags].map((t) => `  - ${t}`),
      `summary: ${JSON.stringify(sentence(20))}`,
      `order: ${e + 1}`,
      "source:",
      '  publication: "Synthetic Analysis"',
      "  archive: https://example.org/archive/",
      "---",
      "",
      paragraphs.join("\n\n"),
      "",
    ].join("\n");
  }
  if (events.length) files["timeline/events.yaml"] = events.join("\n");
  return files;
}

/** Words found in the number of essays closest to `share` of them ("typical" queries), best first. */
export function typicalWords(files: CorpusFiles, share = 1 / 3, count = 2): string[] {
  const essays = Object.entries(files).filter(([path]) => path.startsWith("essays/"));
  const df = new Map<string, number>();
  for (const [, text] of essays) {
    const body = text.slice(text.indexOf("\n---\n", 4) + 5);
    for (const w of new Set(body.toLowerCase().match(/[a-z]{5,}/g) ?? []))
      df.set(w, (df.get(w) ?? 0) + 1);
  }
  const target = essays.length * share;
  return [...df]
    .sort(([a, x], [b, y]) => Math.abs(x - target) - Math.abs(y - target) || (a < b ? -1 : 1))
    .slice(0, count)
    .map(([w]) => w);
}

/** The word found in the number of essays closest to `share` of them (a "typical" query). */
export function typicalWord(files: CorpusFiles, share = 1 / 3): string {
  return typicalWords(files, share, 1)[0] ?? "";
}
