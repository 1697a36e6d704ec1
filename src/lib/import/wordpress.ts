/**
 * Reads a WordPress archive: a WXR export (the XML of Tools → Export) or REST API JSON saved to
 * disk (`/wp-json/wp/v2/posts` pages, with users, tags and categories). Published posts only;
 * drafts, pages, attachments and the rest are counted as skipped. Build-time only.
 */
import { XMLParser } from "fast-xml-parser";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { skip, type SourceArchive, type SourceAuthor, type SourcePost } from "./archive.ts";
import { wordpressToMarkdown } from "./html-markdown.ts";

/** WordPress's default category: not a tag the editor chose. */
const UNCATEGORIZED = /^uncategori[sz]ed$/iu;

/** Plain text of a bit of WordPress HTML (a title, a name): entities decoded, tags dropped. */
export function plainText(html: string): string {
  return toText(unified().use(rehypeParse, { fragment: true }).parse(html))
    .replace(/[ \t\n\r]+/gu, " ")
    .trim();
}

/** The day of a WordPress date ("2016-04-12 09:00:00", "2016-04-12T09:00:00"), if it has one. */
export function wordpressDay(value: unknown): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(String(value ?? ""));
  if (!match || match[1] === "0000" || match[2] === "00" || match[3] === "00") return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function post(
  fields: Omit<SourcePost, "markdown" | "sourceText" | "imageCredit" | "notes">,
  html: string,
): SourcePost {
  const body = wordpressToMarkdown(html);
  return {
    ...fields,
    markdown: body.markdown,
    sourceText: body.sourceText,
    imageCredit: body.captions[0],
    notes: body.notes,
  };
}

const str = (value: unknown): string =>
  value === undefined || value === null
    ? ""
    : typeof value === "object" && "#text" in value
      ? String((value as { "#text": unknown })["#text"])
      : String(value as string | number);
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Reads a WXR export. Throws, naming the problem, when the file is not one. */
export function readWxr(xml: string): SourceArchive {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    isArray: (name) => ["item", "category", "wp:author"].includes(name),
  });
  const doc = parser.parse(xml) as { rss?: { channel?: Record<string, unknown> } };
  const channel = doc.rss?.channel;
  if (!channel || !("wp:wxr_version" in channel))
    throw new Error("not a WordPress export (WXR): no <rss><channel> with <wp:wxr_version>");
  const authors: SourceAuthor[] = list(channel["wp:author"] as Record<string, unknown>[]).map(
    (a) => ({
      key: str(a["wp:author_login"]).trim(),
      name: plainText(str(a["wp:author_display_name"])) || str(a["wp:author_login"]).trim(),
    }),
  );
  const skipped: Record<string, number> = {};
  const posts: SourcePost[] = [];
  list(channel.item as Record<string, unknown>[]).forEach((item, i) => {
    const type = str(item["wp:post_type"]).trim() || "post";
    const status = str(item["wp:status"]).trim() || "publish";
    if (type !== "post") return skip(skipped, type);
    if (status !== "publish") return skip(skipped, `${status} post`);
    const categories = list(item.category as Record<string, unknown>[]).map((c) => ({
      domain: str(c["@domain"]),
      label: plainText(str(c)),
    }));
    const labels = [
      ...categories.filter((c) => c.domain === "post_tag"),
      ...categories.filter((c) => c.domain === "category"),
    ].map((c) => c.label);
    posts.push(
      post(
        {
          origin: `item ${i + 1} (post ${str(item["wp:post_id"]).trim() || "?"})`,
          title: plainText(str(item.title)),
          slug: str(item["wp:post_name"]).trim() || undefined,
          authorKey: str(item["dc:creator"]).trim(),
          date: wordpressDay(item["wp:post_date"]),
          tags: labels.filter((l) => l && !UNCATEGORIZED.test(l)),
          link: str(item.link).trim() || undefined,
        },
        str(item["content:encoded"]),
      ),
    );
  });
  return {
    publication: plainText(str(channel.title)) || undefined,
    archive: str(channel.link).trim() || undefined,
    authors,
    posts,
    skipped,
  };
}

interface RestPost {
  id: number;
  date?: string;
  slug?: string;
  status?: string;
  type?: string;
  link?: string;
  title?: { rendered?: string };
  content?: { rendered?: string };
  author?: number;
  tags?: number[];
  categories?: number[];
}
interface RestTerm {
  id: number;
  name: string;
  taxonomy?: string;
}
interface RestUser {
  id: number;
  name: string;
  description?: string;
}

/** The kind of one saved REST response, from its shape. */
export function restKind(json: unknown): "posts" | "users" | "terms" | "site" | undefined {
  if (Array.isArray(json)) {
    const first = json[0] as Record<string, unknown> | undefined;
    if (!first) return undefined;
    if ("content" in first && "title" in first) return "posts";
    if ("taxonomy" in first) return "terms";
    if ("name" in first && "slug" in first) return "users";
    return undefined;
  }
  if (json && typeof json === "object" && "namespaces" in json) return "site";
  return undefined;
}

/** Reads saved REST API responses (each a parsed JSON file, named for the report). */
export function readRest(files: { name: string; json: unknown }[]): SourceArchive {
  const posts: { file: string; post: RestPost }[] = [];
  const terms = new Map<number, RestTerm>();
  const users = new Map<number, RestUser>();
  let site: { name?: string; url?: string } | undefined;
  for (const { name, json } of files) {
    const kind = restKind(json);
    if (kind === "posts") for (const p of json as RestPost[]) posts.push({ file: name, post: p });
    else if (kind === "terms") for (const t of json as RestTerm[]) terms.set(t.id, t);
    else if (kind === "users") for (const u of json as RestUser[]) users.set(u.id, u);
    else if (kind === "site") site = json as { name?: string; url?: string };
  }
  if (!posts.length) throw new Error("no saved /wp-json/wp/v2/posts response among the files");
  const skipped: Record<string, number> = {};
  const out: SourcePost[] = [];
  const seen = new Set<number>();
  for (const { file, post: p } of posts) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    if ((p.type ?? "post") !== "post") {
      skip(skipped, p.type ?? "post");
      continue;
    }
    if ((p.status ?? "publish") !== "publish") {
      skip(skipped, `${p.status} post`);
      continue;
    }
    const label = (id: number) => terms.get(id)?.name;
    const labels = [...(p.tags ?? []), ...(p.categories ?? [])]
      .map((id) => (label(id) ? plainText(label(id)!) : undefined))
      .filter((l): l is string => Boolean(l) && !UNCATEGORIZED.test(l!));
    const unknown = [...(p.tags ?? []), ...(p.categories ?? [])].filter((id) => !terms.has(id));
    out.push(
      post(
        {
          origin: `${file} (post ${p.id})`,
          title: plainText(p.title?.rendered ?? ""),
          slug: p.slug || undefined,
          authorKey: String(p.author ?? ""),
          date: wordpressDay(p.date),
          tags: labels,
          link: p.link || undefined,
        },
        p.content?.rendered ?? "",
      ),
    );
    if (unknown.length)
      out.at(-1)!.notes.push({
        kind: "dropped",
        what: "tags",
        detail: `term ids ${unknown.join(", ")} are in no saved /tags or /categories response`,
      });
  }
  const authors = [...users.values()].map((u) => ({
    key: String(u.id),
    name: plainText(u.name),
    bio: u.description?.trim() ? u.description.trim() : undefined,
  }));
  return {
    publication: site?.name ? plainText(site.name) : undefined,
    archive: site?.url,
    authors,
    posts: out,
    skipped,
  };
}
