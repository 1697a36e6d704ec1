/**
 * Machine-readable descriptions of an essay: Google Scholar / Zotero meta tags, schema.org
 * JSON-LD and Open Graph. Only what the source states goes in: no date tag without a date.
 */
import type { Author, Essay } from "./library.ts";

/** A `<meta>` tag: `name` (Scholar, Dublin Core) or `property` (Open Graph) with its content. */
export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

/** Formats a date the way Google Scholar asks for (YYYY/MM/DD). */
export function scholarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
}

/** Google Scholar (Highwire Press) tags, which Zotero also reads. */
export function scholarTags(essay: Essay, author: Author, url: string): MetaTag[] {
  const tags: MetaTag[] = [
    { name: "citation_title", content: essay.title.replace(/\s+/gu, " ").trim() },
    {
      name: "citation_author",
      content: `${author.name.family}, ${author.name.given}`.replace(/, $/, ""),
    },
  ];
  if (author.affiliation)
    tags.push({ name: "citation_author_institution", content: author.affiliation });
  tags.push(
    { name: "citation_publisher", content: essay.source.publication },
    { name: "citation_journal_title", content: essay.source.publication },
    { name: "citation_fulltext_html_url", content: url },
    { name: "citation_public_url", content: url },
    { name: "citation_language", content: "en" },
  );
  if (essay.tags.length) {
    tags.push({ name: "citation_keywords", content: essay.tags.map((t) => t.label).join("; ") });
  }
  if (essay.date)
    tags.push({ name: "citation_publication_date", content: scholarDate(essay.date) });
  return tags;
}

/** Open Graph tags for link previews (no image: the site has none to offer). */
export function openGraphTags(essay: Essay, url: string, siteName: string): MetaTag[] {
  const tags: MetaTag[] = [
    { property: "og:type", content: "article" },
    { property: "og:title", content: essay.title.replace(/\s+/gu, " ").trim() },
    { property: "og:description", content: essay.summary },
    { property: "og:url", content: url },
    { property: "og:site_name", content: siteName },
    { property: "og:locale", content: "en_GB" },
    ...essay.tags.map((t) => ({ property: "article:tag", content: t.label })),
  ];
  if (essay.date)
    tags.push({ property: "article:published_time", content: essay.date.toISOString() });
  return tags;
}

/** schema.org ScholarlyArticle for an essay. */
export function essayJsonLd(
  essay: Essay,
  author: Author,
  urls: { essay: string; author: string },
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: essay.title.replace(/\s+/gu, " ").trim(),
    name: essay.title.replace(/\s+/gu, " ").trim(),
    author: {
      "@type": "Person",
      name: author.label,
      familyName: author.name.family,
      givenName: author.name.given,
      url: urls.author,
      ...(author.affiliation
        ? { affiliation: { "@type": "Organization", name: author.affiliation } }
        : {}),
    },
    isPartOf: { "@type": "Blog", name: essay.source.publication },
    isBasedOn: essay.source.archive,
    about: essay.tags.map((t) => ({ "@type": "Thing", name: t.label })),
    keywords: essay.tags.map((t) => t.label),
    url: urls.essay,
    mainEntityOfPage: urls.essay,
    inLanguage: "en",
    wordCount: essay.words,
    description: essay.summary,
  };
  if (essay.date) data.datePublished = essay.date.toISOString().slice(0, 10);
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are escaped so no
 * string inside (a title containing `</script>`, say) can end the block early.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
