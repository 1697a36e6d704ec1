/**
 * The index of subjects: the people, organisations, places, agreements and concepts the essays
 * discuss, curated by the editor in content/subjects/. This module validates them and builds the
 * mention finder: one regular expression compiled once from every alias (as a trie, so the text
 * is scanned in a single pass however many subjects there are), never one search per subject.
 */
import type { ContentProblem } from "./library.ts";
import type { Term } from "./slug.ts";
import { ESSAY_CLASSES } from "./essay-html.ts";

/** The kinds of subject, in the order the subjects index lists them. */
export const SUBJECT_KINDS = ["person", "organisation", "place", "agreement", "concept"] as const;

/** A kind of subject. */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** How each kind is named in headings. */
export const SUBJECT_KIND_LABELS: Record<SubjectKind, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  organisation: { one: "Organisation", many: "Organisations" },
  place: { one: "Place", many: "Places" },
  agreement: { one: "Agreement", many: "Agreements" },
  concept: { one: "Concept", many: "Concepts" },
};

/** A subject as its file gives it (after schema validation). */
export interface SubjectInput {
  /** The file name without extension: the subject's URL slug. */
  id: string;
  filePath: string;
  name: string;
  kind: SubjectKind;
  /** Every spelling the essays use, as written (the name itself is not implied). */
  aliases: string[];
  /** The editor's one-line description, if any. */
  description?: string | undefined;
}

/** A subject as pages receive it. */
export interface Subject extends Term {
  kind: SubjectKind;
  aliases: string[];
  description?: string | undefined;
  filePath: string;
}

/** What the mention finder needs of a subject. */
export interface SubjectAliases {
  slug: string;
  aliases: string[];
}

/**
 * Problems with the subjects as a whole: a spelling that two subjects would both match (so a
 * mention could not be told apart), an alias listed twice, or one with nothing to match. Each
 * problem names the file and the alias.
 */
export function subjectProblems(inputs: SubjectInput[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owner = new Map<string, { file: string; alias: string }>();
  for (const input of [...inputs].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    input.aliases.forEach((alias, i) => {
      const problem = (message: string) =>
        problems.push({ file: input.filePath, field: `aliases[${i}]`, message });
      if (!/[\p{L}\p{N}]/u.test(alias)) {
        problem(`"${alias}" has no letters or digits to find`);
        return;
      }
      for (const form of aliasForms(alias)) {
        const claimed = owner.get(form);
        if (!claimed) {
          owner.set(form, { file: input.filePath, alias });
        } else if (claimed.file !== input.filePath) {
          problem(
            `"${alias}" is already an alias of ${claimed.file} ("${claimed.alias}"); an alias may name only one subject`,
          );
          return;
        } else if (form === formKey(alias).trim()) {
          problem(
            claimed.alias === alias
              ? `"${alias}" is listed twice`
              : `"${alias}" is already matched by "${claimed.alias}" (an alias in lower case also matches a capital first letter)`,
          );
          return;
        }
      }
    });
  }
  return problems;
}

/** Subjects in index order (by name), validated; throws nothing, see subjectProblems. */
export function buildSubjects(inputs: SubjectInput[]): Subject[] {
  return inputs
    .map((input) => ({
      slug: input.id,
      label: input.name.trim().replace(/\s+/gu, " "),
      kind: input.kind,
      aliases: input.aliases,
      description: input.description,
      filePath: input.filePath,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, "en") || a.slug.localeCompare(b.slug));
}

/** One mention found in a text: which subject, where, and the words as written. */
export interface Mention {
  slug: string;
  start: number;
  end: number;
  text: string;
}

/** Finds every mention of every subject in a text, left to right, longest alias first. */
export interface MentionFinder {
  find: (text: string) => Mention[];
}

// Letters and digits of scripts that separate words with spaces need a word boundary at an
// alias's edge ("SCO" must not match in "disco"); Chinese and Japanese have no spaces to look for.
const SPACED_WORD_CHAR = /[\p{L}\p{N}]/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}\\p{M}_])";
const NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}\\p{M}_])";

const needsBoundary = (char: string) => SPACED_WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);

/** The key a matched text is looked up by: whitespace runs (line breaks, no-break spaces) as one. */
const formKey = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ");

/**
 * The spellings an alias matches, case-aware: exactly as written, and with a capital first letter
 * when written in lower case ("multipolarity" also finds "Multipolarity" opening a sentence), but
 * never the other way ("NATO" does not find "nato", "Hu" does not find "hu").
 */
export function aliasForms(alias: string): string[] {
  const form = formKey(alias).trim();
  const [first = ""] = form;
  const upper = first.toLocaleUpperCase("en");
  return upper !== first && first.toLocaleLowerCase("en") === first
    ? [form, upper + form.slice(first.length)]
    : [form];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function insert(root: TrieNode, form: string): void {
  let node = root;
  for (const char of form) {
    let next = node.children.get(char);
    if (!next) {
      next = { children: new Map(), end: false };
      node.children.set(char, next);
    }
    node = next;
  }
  node.end = true;
}

/**
 * The trie as a regular expression: shared beginnings are written once, and the end of an alias
 * comes after its longer continuations, so the longest alias wins. The word boundary before an
 * alias sits on its first character; the one after goes outside the whole trie (see below).
 */
function compile(node: TrieNode, atStart: boolean): string {
  const branches: string[] = [];
  for (const [char, child] of node.children) {
    const head = char === " " ? "\\s+" : char.replace(SYNTAX, "\\$&");
    const guard = atStart && needsBoundary(char) ? NOT_AFTER_WORD : "";
    branches.push(guard + head + compile(child, false));
  }
  if (node.end) branches.push("");
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join("|")})`;
}

/**
 * Builds the finder once; finding is then one left-to-right scan of the text. Aliases are split
 * in two tries by how they end: those ending in a letter or digit of a spaced script need a word
 * boundary after them ("SCO" but not "SCOT"), the rest (ending in "." or a Chinese character) do
 * not. The boundary is checked once after each trie rather than after every alias: V8 runs a
 * trie with thousands of lookaheads inside it twenty times slower.
 */
export function createMentionFinder(subjects: SubjectAliases[]): MentionFinder {
  const slugByForm = new Map<string, string>();
  const bounded: TrieNode = { children: new Map(), end: false };
  const open: TrieNode = { children: new Map(), end: false };
  for (const { slug, aliases } of subjects) {
    for (const form of aliases.flatMap(aliasForms)) {
      if (!form || slugByForm.has(form)) continue; // a claimed alias is reported by validation
      slugByForm.set(form, slug);
      insert(needsBoundary([...form].at(-1) ?? "") ? bounded : open, form);
    }
  }
  const parts = [
    bounded.children.size ? `(?:${compile(bounded, true)})${NOT_BEFORE_WORD}` : "",
    open.children.size ? `(?:${compile(open, true)})` : "",
  ].filter(Boolean);
  if (parts.length === 0) return { find: () => [] };
  const scan = new RegExp(parts.join("|"), "gu");
  // Where both tries match at one place ("Bush" and "Bush (Jr.)"), the longer wins.
  const each = parts.length > 1 ? parts.map((part) => new RegExp(part, "uy")) : [];
  return {
    find(text) {
      const mentions: Mention[] = [];
      scan.lastIndex = 0;
      for (let match = scan.exec(text); match; match = scan.exec(text)) {
        const start = match.index;
        let words = match[0];
        for (const re of each) {
          re.lastIndex = start;
          const other = re.exec(text)?.[0];
          if (other && other.length > words.length) words = other;
        }
        scan.lastIndex = start + words.length;
        const slug = slugByForm.get(formKey(words));
        if (slug) mentions.push({ slug, start, end: start + words.length, text: words });
      }
      return mentions;
    },
  };
}

/** A mention as a quoted passage records it: the subject, the words, and whether it is a link. */
export interface MentionSegment {
  subject: string;
  text: string;
  /** The first mention of its subject in the passage: the one the essay links. */
  linked: boolean;
}

/** A piece of a quoted passage: HTML as the essay has it, or a mention. */
export type PassageSegment = string | MentionSegment;

/** A numbered passage of an essay that mentions at least one subject, cut at each mention. */
export interface MentionPassage {
  /** The passage number (its anchor is `#p-N`). */
  n: number;
  segments: PassageSegment[];
}

/** How many times each subject is mentioned in a passage. */
export function mentionCounts(passage: MentionPassage): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of passage.segments) {
    if (typeof segment !== "string") {
      counts.set(segment.subject, (counts.get(segment.subject) ?? 0) + 1);
    }
  }
  return counts;
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A passage's HTML for the page of subject `focus`: its mentions marked (`<mark>`), the other
 * subjects' linked mentions still linked, the words exactly the essay's.
 */
export function quoteHtml(
  passage: MentionPassage,
  focus: string,
  hrefOf: (slug: string) => string,
): string {
  return passage.segments
    .map((segment) => {
      if (typeof segment === "string") return segment;
      const text = escapeText(segment.text);
      if (segment.subject === focus) return `<mark class="mention-mark">${text}</mark>`;
      if (!segment.linked) return text;
      return `<a class="${ESSAY_CLASSES.mention}" href="${escapeText(hrefOf(segment.subject)).replace(/"/g, "&quot;")}">${text}</a>`;
    })
    .join("");
}

/** What one essay says about a subject: its passages that mention it, in order. */
export interface Perspective {
  essayId: string;
  passages: MentionPassage[];
  /** Mentions of the subject in those passages. */
  mentions: number;
}

/** A subject with everything the essays say about it. */
export interface SubjectEntry {
  subject: Subject;
  /** One per essay that mentions the subject, in reading order. */
  perspectives: Perspective[];
  /** Mentions in all essays. */
  mentions: number;
  /** Passages with at least one mention. */
  passages: number;
}

/** The subjects index: every subject with its perspectives, and each essay's subjects. */
export interface SubjectIndex {
  entries: SubjectEntry[];
  bySlug: Map<string, SubjectEntry>;
  /** For each essay id, the subjects it mentions (index order) and how often. */
  byEssay: Map<string, { subject: Subject; mentions: number }[]>;
}

/**
 * Gathers the passages recorded while rendering (`essays` in reading order) under their subjects.
 * A passage mentioning three subjects is quoted on all three pages.
 */
export function indexMentions(
  subjects: Subject[],
  essays: { id: string; passages: MentionPassage[] }[],
): SubjectIndex {
  const bySlug = new Map<string, SubjectEntry>(
    subjects.map((subject) => [
      subject.slug,
      { subject, perspectives: [], mentions: 0, passages: 0 },
    ]),
  );
  const byEssay = new Map<string, { subject: Subject; mentions: number }[]>();
  for (const essay of essays) {
    const perspectives = new Map<string, Perspective>();
    for (const passage of essay.passages) {
      for (const [slug, count] of mentionCounts(passage)) {
        const entry = bySlug.get(slug);
        if (!entry) continue; // a subject removed since the essay was rendered
        let perspective = perspectives.get(slug);
        if (!perspective) {
          perspective = { essayId: essay.id, passages: [], mentions: 0 };
          perspectives.set(slug, perspective);
          entry.perspectives.push(perspective);
        }
        perspective.passages.push(passage);
        perspective.mentions += count;
        entry.mentions += count;
        entry.passages += 1;
      }
    }
    byEssay.set(
      essay.id,
      subjects
        .filter((s) => perspectives.has(s.slug))
        .map((subject) => ({ subject, mentions: perspectives.get(subject.slug)!.mentions })),
    );
  }
  return { entries: [...bySlug.values()], bySlug, byEssay };
}

/**
 * The subjects most often discussed in the same paragraphs as `entry`'s subject, with how many
 * paragraphs they share, most first (ties by index order).
 */
export function coMentioned(
  entry: SubjectEntry,
  index: Pick<SubjectIndex, "bySlug">,
  limit = 8,
): { subject: Subject; passages: number }[] {
  const shared = new Map<string, number>();
  for (const perspective of entry.perspectives) {
    for (const passage of perspective.passages) {
      for (const slug of mentionCounts(passage).keys()) {
        if (slug !== entry.subject.slug) shared.set(slug, (shared.get(slug) ?? 0) + 1);
      }
    }
  }
  return [...shared]
    .flatMap(([slug, passages]) => {
      const other = index.bySlug.get(slug);
      return other ? [{ subject: other.subject, passages }] : [];
    })
    .sort((a, b) => b.passages - a.passages || a.subject.label.localeCompare(b.subject.label, "en"))
    .slice(0, limit);
}
