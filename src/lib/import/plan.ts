/**
 * Turns a read archive into the files to write (essays and authors the content schema accepts)
 * and a report: per essay what was imported, moved, dropped or skipped, and the words that differ
 * between the source's text and the imported Markdown's. Pure: the caller reads and writes files.
 * Build-time only.
 */
import { diffArrays } from "diff";
import { stringify } from "yaml";
import { slugify } from "../slug.ts";
import { excerptOf, type ImportNote, type SourceArchive, type SourcePost } from "./archive.ts";
import { markdownText, wordsOf } from "./html-markdown.ts";

/** The schema's limit on tags per essay. */
const MAX_TAGS = 8;
/** The tag an essay the source leaves untagged is filed under (WordPress's own name for it). */
const UNTAGGED = "Uncategorized";

/** What is already in `content/`. */
export interface Existing {
  /** Essay ids (file names without `.md`). */
  essays: Set<string>;
  /** Author ids and names. */
  authors: Map<string, string>;
  /** The highest reading-order position in use (0 for none). */
  maxOrder: number;
}

/** How to import. */
export interface PlanOptions {
  /** Overwrite essays and authors that exist. */
  force?: boolean;
  /** The publication's name, when the source does not give one. */
  publication?: string | undefined;
  /** The archive's address, when the source does not give one (a scraped page). */
  archive?: string | undefined;
}

/** One file to write, relative to the content folder. */
export interface PlannedFile {
  path: string;
  content: string;
}

/** The report's entry for one post. */
export interface EssayReport {
  origin: string;
  title: string;
  /** The essay id written, or undefined when it was not written. */
  id?: string | undefined;
  status: "imported" | "replaced" | "kept existing";
  author: { id: string; name: string; created: boolean };
  notes: ImportNote[];
  /** Words in the source's text missing from the Markdown's, and words added, in order. */
  differences: { removed: string[]; added: string[] };
}

/** Everything an import does. */
export interface ImportPlan {
  files: PlannedFile[];
  essays: EssayReport[];
  authorsCreated: string[];
  skipped: Record<string, number>;
}

/** The words that differ between two texts, as removed and added runs. */
export function wordDifferences(source: string, imported: string) {
  const a = wordsOf(source);
  const b = wordsOf(imported);
  if (a.length === b.length && a.every((w, i) => w === b[i])) return { removed: [], added: [] };
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffArrays(a, b)) {
    if (part.removed) removed.push(part.value.join(" "));
    else if (part.added) added.push(part.value.join(" "));
  }
  return { removed, added };
}

/** Finds the closing biography in a WordPress body: a last paragraph naming the author. */
function closingBio(
  post: SourcePost,
  name: string,
): { markdown: string; text?: string; bio?: string; credit?: string } {
  const blocks = post.markdown.split(/\n{2,}/u);
  const last = blocks.at(-1) ?? "";
  const family = name.split(/\s+/u).at(-1) ?? name;
  const text = markdownText(last).trim();
  const head = text.slice(0, 120);
  const names = head.includes(name) || head.includes(family) || /Image credit:/u.test(text);
  if (blocks.length < 2 || /^[#>\-[|]/u.test(last) || !names) return { markdown: post.markdown };
  const credit = /[ \t\u00a0]*Image credit:[ \t\u00a0]*(.+?)\.?$/su.exec(text);
  const bio = (credit ? text.slice(0, credit.index) : text).trim();
  return {
    markdown: blocks.slice(0, -1).join("\n\n"),
    text,
    bio,
    ...(credit ? { credit: credit[1]!.trim() } : {}),
  };
}

const yamlText = (data: unknown) => stringify(data, { lineWidth: 0 });

/** Plans an import into content that already holds `existing`. */
export function planImport(
  archive: SourceArchive,
  existing: Existing,
  options: PlanOptions = {},
): ImportPlan {
  const publication = options.publication ?? archive.publication;
  if (!publication) throw new Error('the source names no publication: pass --publication "Name"');
  const files: PlannedFile[] = [];
  const essays: EssayReport[] = [];
  const authorsCreated: string[] = [];
  const authorIds = new Map<string, string>(); // source key → id
  const byName = new Map(
    [...existing.authors].map(([id, name]) => [name.normalize("NFC").toLowerCase(), id]),
  );
  const usedIds = new Set(existing.essays);
  const written = new Set<string>();
  const sourceAuthors = new Map(archive.authors.map((a) => [a.key, a]));
  const bios = new Map<string, string>();
  const names = new Map<string, string>();
  let order = existing.maxOrder;

  const authorFor = (post: SourcePost, notes: ImportNote[]) => {
    const source = sourceAuthors.get(post.authorKey) ?? {
      key: post.authorKey,
      name: post.authorKey,
    };
    const name = source.name || post.authorKey || "Unknown";
    const known = authorIds.get(source.key) ?? byName.get(name.normalize("NFC").toLowerCase());
    if (known) {
      authorIds.set(source.key, known);
      return { id: known, name, created: !existing.authors.has(known) };
    }
    let id = slugify(name) || "author";
    if (existing.authors.has(id) || [...authorIds.values()].includes(id)) {
      const base = id;
      for (let n = 2; existing.authors.has(id) || [...authorIds.values()].includes(id); n++)
        id = `${base}-${n}`;
      notes.push({
        kind: "changed",
        what: "author id",
        detail: `“${base}” is another author’s: ${name} is “${id}”`,
      });
    }
    authorIds.set(source.key, id);
    authorsCreated.push(id);
    names.set(id, name);
    if (source.bio) bios.set(id, source.bio);
    return { id, name, created: true };
  };

  for (const post of archive.posts) {
    const notes = [...post.notes];
    const author = authorFor(post, notes);
    let { markdown } = post;
    let moved = "";
    let imageCredit = post.imageCredit;
    // A WordPress post carries its author's biography as its last paragraph (the scraped page's
    // reader has already set it apart).
    if (!post.notes.some((n) => n.what === "closing paragraph")) {
      const closing = closingBio(post, author.name);
      if (closing.bio) {
        markdown = closing.markdown;
        moved = closing.text ?? "";
        if (author.created && !bios.has(author.id)) bios.set(author.id, closing.bio);
        if (closing.credit && !imageCredit) imageCredit = closing.credit;
        notes.push({
          kind: "moved",
          what: "closing paragraph",
          detail: `taken as ${author.name}’s biography${closing.credit ? " and the image credit" : ""}: “${excerptOf(closing.bio, 60)}”`,
        });
      }
    }
    let tags = [...new Set(post.tags)];
    if (!tags.length) {
      tags = [UNTAGGED];
      notes.push({
        kind: "changed",
        what: "tags",
        detail: `the source gives none: filed under “${UNTAGGED}”`,
      });
    }
    if (tags.length > MAX_TAGS) {
      notes.push({
        kind: "dropped",
        what: "tags",
        detail: `at most ${MAX_TAGS} per essay; not kept: ${tags.slice(MAX_TAGS).join(", ")}`,
      });
      tags = tags.slice(0, MAX_TAGS);
    }
    const archiveUrl = post.link ?? options.archive ?? archive.archive;
    if (!archiveUrl)
      throw new Error(`${post.origin}: the source gives no address: pass --archive <url>`);
    let id = slugify(post.slug ? decodeURIComponent(post.slug) : post.title) || "essay";
    if (written.has(id)) {
      const base = id;
      for (let n = 2; written.has(id) || usedIds.has(id); n++) id = `${base}-${n}`;
      notes.push({
        kind: "changed",
        what: "slug",
        detail: `“${base}” clashes with another imported essay: written as “${id}”`,
      });
    }
    const exists = existing.essays.has(id);
    const differences = wordDifferences(post.sourceText, `${markdownText(markdown)}\n${moved}`);
    if (exists && !options.force) {
      essays.push({
        origin: post.origin,
        title: post.title,
        status: "kept existing",
        author,
        notes: [
          ...notes,
          {
            kind: "skipped",
            what: "essay",
            detail: `content/essays/${id}.md exists: not overwritten (use --force)`,
          },
        ],
        differences,
      });
      continue;
    }
    written.add(id);
    const data = {
      title: post.title,
      author: author.id,
      tags,
      order: ++order,
      ...(post.date ? { date: post.date } : {}),
      source: { publication, archive: archiveUrl },
      ...(imageCredit ? { imageCredit } : {}),
    };
    files.push({ path: `essays/${id}.md`, content: `---\n${yamlText(data)}---\n${markdown}\n` });
    essays.push({
      origin: post.origin,
      title: post.title,
      id,
      status: exists ? "replaced" : "imported",
      author,
      notes,
      differences,
    });
  }
  for (const id of authorsCreated) {
    const bio = bios.get(id);
    files.push({
      path: `authors/${id}.yaml`,
      content: yamlText({ name: names.get(id)!, ...(bio ? { bio } : {}) }),
    });
  }
  return { files, essays, authorsCreated, skipped: archive.skipped };
}

/** The report as Markdown: totals, then each essay with its notes and any differing words. */
export function formatReport(plan: ImportPlan): string {
  const imported = plan.essays.filter((e) => e.id).length;
  const differing = plan.essays.filter(
    (e) => e.differences.removed.length || e.differences.added.length,
  );
  const skipped = Object.entries(plan.skipped).map(
    ([why, n]) => `${n} ${why}${n === 1 ? "" : "s"}`,
  );
  const lines = [
    "# Import report",
    "",
    `- Essays imported: ${imported} of ${plan.essays.length} posts read`,
    `- Authors created: ${plan.authorsCreated.length ? plan.authorsCreated.join(", ") : "none"}`,
    `- Skipped before conversion: ${skipped.length ? skipped.join(", ") : "nothing"}`,
    `- Essays whose words differ from the source: ${differing.length}`,
    "",
  ];
  for (const e of plan.essays) {
    lines.push(
      `## ${e.title}`,
      "",
      `- From: ${e.origin}`,
      `- ${e.status}${e.id ? ` as essays/${e.id}.md` : ""}, by ${e.author.name} (${e.author.created ? "new author" : "existing author"} ${e.author.id})`,
    );
    for (const n of e.notes) lines.push(`- ${n.kind}: ${n.what}: ${n.detail}`);
    if (e.differences.removed.length || e.differences.added.length) {
      for (const w of e.differences.removed)
        lines.push(`- words not carried over: “${excerptOf(w)}”`);
      for (const w of e.differences.added) lines.push(`- words added: “${excerptOf(w)}”`);
    } else lines.push("- text: word for word");
    lines.push("");
  }
  return lines.join("\n");
}
