/**
 * What machines read about the site's pages: Google Scholar / Zotero tags on essays, schema.org
 * JSON-LD, and Open Graph and Twitter tags (with a share image) on every page. Only what the
 * source states goes in: no date tag without a date, and the editor's summary labelled as the
 * editor's wherever it leaves the site. Every essay is described as one thing, a blog post in
 * its blog, wherever it is described (these tags, the JSON-LD, CSL-JSON, RIS, biblatex). Runs at
 * build time only.
 */
import type { Author, Essay } from "./library.ts";

/** A `<meta>` tag: `name` (Scholar, Dublin Core) or `property` (Open Graph) with its content. */
export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

const tidy = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Formats a date the way Google Scholar asks for (YYYY/MM/DD). */
export function scholarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
}

/** The editor's summary as it leaves the site: marked as the editor's, not the author's abstract. */
export function editorsSummary(summary: string): string;
export function editorsSummary(summary: string | undefined): string | undefined;
export function editorsSummary(summary: string | undefined): string | undefined {
  return summary === undefined ? undefined : `Editor’s summary: ${tidy(summary)}`;
}

/**
 * An essay page's description: the editor's summary, or (an imported essay no editor has
 * summarised yet) what the page is, in facts the essay's record states.
 */
export function essayDescription(
  essay: { title: string; summary?: string | undefined; source: { publication: string } },
  author: { label: string },
): string {
  return (
    editorsSummary(essay.summary) ??
    `“${tidy(essay.title)}”, an essay by ${author.label} first published in ${essay.source.publication}.`
  );
}

/**
 * Google Scholar's tags (its inclusion guidelines: title, authors, and the publication date when
 * there is one), which Zotero's Embedded Metadata translator also reads. Deliberately absent:
 * `citation_journal_title`, which Scholar defines for journal papers (and which makes Zotero
 * save a Journal Article), and `citation_publisher`, which a blog post has no field for.
 * `citation_pdf_url` names the essay's PDF, which Zotero attaches to the item it saves.
 */
export function scholarTags(essay: Essay, author: Author, url: string, pdfUrl?: string): MetaTag[] {
  const tags: MetaTag[] = [
    { name: "citation_title", content: tidy(essay.title) },
    {
      name: "citation_author",
      content: `${author.name.family}, ${author.name.given}`.replace(/, $/, ""),
    },
  ];
  if (author.affiliation)
    tags.push({ name: "citation_author_institution", content: author.affiliation });
  if (essay.date)
    tags.push({ name: "citation_publication_date", content: scholarDate(essay.date) });
  tags.push(
    { name: "citation_fulltext_html_url", content: url },
    { name: "citation_public_url", content: url },
    { name: "citation_language", content: "en" },
  );
  // Zotero saves the PDF this names with the item, as its "Full Text PDF".
  if (pdfUrl) tags.push({ name: "citation_pdf_url", content: pdfUrl });
  if (essay.tags.length) {
    tags.push({ name: "citation_keywords", content: essay.tags.map((t) => t.label).join("; ") });
  }
  return tags;
}

/**
 * What tells Zotero the rest: that the page is a blog post, the blog's name and the short title.
 * Zotero's Embedded Metadata translator guesses Journal Article for any page with
 * `citation_title` unless a type is stated; it reads meta tags in the vocabularies it knows as
 * statements about the page: `z.itemType` (Zotero's own export vocabulary) for the type,
 * `prism.publicationName` (PRISM, which Scholar also reads) for the blog, and `bibo.shortTitle`.
 */
export function referenceManagerTags(essay: Essay): MetaTag[] {
  return [
    { name: "z.itemType", content: "blogPost" },
    { name: "prism.publicationName", content: essay.source.publication },
    { name: "bibo.shortTitle", content: tidy(essay.shortTitle) },
  ];
}

/** A page's share image: where it is, its size and what it shows. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** What a page says about itself when it is shared. */
export interface ShareCard {
  type: "website" | "article";
  title: string;
  description: string;
  /** The page's canonical URL, when the site has one. */
  url?: string | undefined;
  siteName: string;
  image: ShareImage;
  /** For essays: their tags, and their date if the source gives one. */
  article?: { tags: string[]; published?: Date | undefined } | undefined;
}

/** Open Graph and Twitter card tags for any page. */
export function shareTags(card: ShareCard): MetaTag[] {
  const tags: MetaTag[] = [
    { property: "og:type", content: card.type },
    { property: "og:title", content: tidy(card.title) },
    { property: "og:description", content: tidy(card.description) },
    ...(card.url ? [{ property: "og:url", content: card.url }] : []),
    { property: "og:site_name", content: card.siteName },
    { property: "og:locale", content: "en_GB" },
    { property: "og:image", content: card.image.url },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(card.image.width) },
    { property: "og:image:height", content: String(card.image.height) },
    { property: "og:image:alt", content: card.image.alt },
    ...(card.article?.tags ?? []).map((tag) => ({ property: "article:tag", content: tag })),
  ];
  if (card.article?.published) {
    tags.push({
      property: "article:published_time",
      content: card.article.published.toISOString(),
    });
  }
  tags.push(
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: tidy(card.title) },
    { name: "twitter:description", content: tidy(card.description) },
    { name: "twitter:image", content: card.image.url },
    { name: "twitter:image:alt", content: card.image.alt },
  );
  return tags;
}

/** schema.org BlogPosting for an essay, in its Blog. */
export function essayJsonLd(
  essay: Essay,
  author: Author,
  urls: { essay: string; author: string; image: string },
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: tidy(essay.title),
    name: tidy(essay.title),
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
    image: urls.image,
    inLanguage: "en",
    wordCount: essay.words,
  };
  const description = editorsSummary(essay.summary);
  if (description) data.description = description;
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
