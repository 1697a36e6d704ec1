/**
 * EPUB 3 publications of essays: one essay, or many (the whole collection, one tag) with a table
 * of contents, the authors' bios and each essay's ¶ anchors (`chapter.xhtml#p-3`, the ids the
 * essay page uses). Written as the EPUB 3.3 specification asks (OCF zip with the `mimetype` entry
 * first and stored, a package document, an XHTML navigation document) and checked with W3C
 * EPUBCheck by a build test. The text is the essay's word for word; the editor's summary is
 * marked as the editor's. Each essay's chapter is deflated once per build and reused by every
 * publication that holds it (lib/zip.ts). Build only.
 */
import { authorNote, type Block, type EssayDocument, type Run } from "./essay-document.ts";
import { memo } from "./memo.ts";
import { zipArchive, zipEntry, type ZipEntry } from "./zip.ts";

/** What a publication of several essays is called and where it lives. */
export interface Collection {
  title: string;
  /** A stable identifier: the publication's absolute URL. */
  identifier: string;
  description: string;
  language: string;
  essays: EssayDocument[];
}

/** Escapes text for XHTML content and attribute values. */
export const xml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A run as XHTML: emphasis, language and links kept. */
function runXhtml(run: Run): string {
  let html = xml(run.text);
  if (run.lang) html = `<span lang="${xml(run.lang)}" xml:lang="${xml(run.lang)}">${html}</span>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.href) html = `<a href="${xml(run.href)}">${html}</a>`;
  return html;
}

const runsXhtml = (runs: Run[]) => runs.map(runXhtml).join("");

/** The body's blocks as XHTML, list items grouped into lists and quotations into blockquotes. */
function blocksXhtml(blocks: Block[], url: string): string {
  const out: string[] = [];
  let open: "ul" | "ol" | "blockquote" | undefined;
  const close = () => {
    if (open) out.push(`</${open}>`);
    open = undefined;
  };
  for (const block of blocks) {
    if (block.kind === "heading") {
      close();
      const level = Math.min(6, block.level + 1);
      const id = block.id ? ` id="${xml(block.id)}"` : "";
      out.push(`<h${level}${id}>${runsXhtml(block.runs)}</h${level}>`);
      continue;
    }
    if (block.kind === "note") {
      close();
      out.push(`<p class="note">${xml(block.label)}. ${runsXhtml(block.runs)}</p>`);
      continue;
    }
    const number = `<a class="pn" href="${xml(`${url}#${block.id}`)}">¶ ${block.n}</a> `;
    const want = block.marker
      ? /\d/.test(block.marker)
        ? "ol"
        : "ul"
      : block.quote
        ? "blockquote"
        : undefined;
    if (want !== open) {
      close();
      if (want)
        out.push(want === "ol" ? `<ol start="${parseInt(block.marker!, 10)}">` : `<${want}>`);
      open = want;
    }
    const tag = block.marker ? "li" : "p";
    out.push(`<${tag} id="${xml(block.id)}">${number}${runsXhtml(block.runs)}</${tag}>`);
  }
  close();
  return out.join("\n");
}

/** An XHTML content document. */
function xhtml(title: string, language: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${xml(language)}" xml:lang="${xml(language)}">
<head>
<meta charset="UTF-8"/>
<title>${xml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** One essay as a chapter: title, byline, the editor's summary, text, bio, source, citations. */
export function essayChapter(essay: EssayDocument): string {
  const byline = `By <strong>${xml(essay.author.name)}</strong>${essay.author.affiliation ? `, ${xml(essay.author.affiliation)}` : ""}`;
  const source = `First published in <cite>${xml(essay.publication)}</cite>; text reproduced word for word from the archive page <a href="${xml(essay.archive)}">${xml(essay.archive)}</a>. ${essay.dateLabel ? `Dated ${xml(essay.dateLabel)} in the source.` : "The source gives no date."}`;
  const body = `<section epub:type="chapter" aria-labelledby="essay-title">
<p class="kicker">${xml(essay.publication)}</p>
<h1 id="essay-title">${xml(essay.title)}</h1>
<p class="byline">${byline}</p>
<p class="meta">Online at <a href="${xml(essay.url)}">${xml(essay.url)}</a></p>
${
  essay.summary
    ? `<aside class="summary" aria-label="Editor’s summary">
<p class="kicker">Editor’s summary (not part of the essay)</p>
<p>${xml(essay.summary)}</p>
</aside>
`
    : ""
}${blocksXhtml(essay.blocks, essay.url)}
<section class="back" aria-labelledby="about-author">
<h2 id="about-author">About the author</h2>
<p>${xml(authorNote(essay.author))}</p>
<h2 id="essay-source">Source</h2>
<p>${source}</p>
<h2 id="cite-essay">Cite this essay</h2>
${essay.citations.map((c) => `<p class="cite"><span class="style">${xml(c.label)}</span><br/>${runsXhtml(c.runs)}</p>`).join("\n")}
<p class="meta">Cite passages by their ¶ numbers; each links to the passage online.</p>
</section>
</section>`;
  return xhtml(essay.title, essay.language, body);
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0.4em 0; }
h2, h3 { font-family: sans-serif; font-size: 1.1em; margin: 1.4em 0 0.5em; }
p { margin: 0 0 0.8em; text-align: justify; }
.kicker { font-family: sans-serif; font-size: 0.75em; letter-spacing: 0.08em; text-transform: uppercase; color: #555; margin: 0 0 0.3em; }
.byline { font-family: sans-serif; }
.meta { font-family: sans-serif; font-size: 0.8em; color: #555; text-align: left; }
.summary { border-top: 1px solid #bbb; border-bottom: 1px solid #bbb; margin: 1em 0 1.5em; padding: 0.5em 0; font-style: italic; }
.summary .kicker { font-style: normal; }
a.pn { font-family: sans-serif; font-size: 0.7em; color: #666; text-decoration: none; }
.back { border-top: 1px solid #bbb; margin-top: 2em; font-size: 0.92em; }
.cite .style { font-family: sans-serif; font-size: 0.8em; font-weight: bold; }
nav ol { list-style: none; padding-left: 1em; }
`;

/** The chapter file of an essay inside a publication. */
const chapterFile = (i: number) => `essay-${String(i + 1).padStart(5, "0")}.xhtml`;

interface Package {
  identifier: string;
  title: string;
  language: string;
  creators: string[];
  description?: string | undefined;
  publisher: string;
  sources: string[];
  subjects: string[];
  modified: Date;
  essays: EssayDocument[];
  /** Extra XHTML documents after the essays (the authors' page), by file name. */
  extra: { file: string; title: string; xhtml: string }[];
}

/** The package document (OPF). */
function opf(pkg: Package): string {
  const modified = pkg.modified.toISOString().replace(/\.\d{3}Z$/, "Z");
  const items = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="style" href="style.css" media-type="text/css"/>`,
    ...pkg.essays.map(
      (_, i) =>
        `<item id="e${i + 1}" href="${chapterFile(i)}" media-type="application/xhtml+xml"/>`,
    ),
    ...pkg.extra.map(
      (x, i) => `<item id="x${i + 1}" href="${x.file}" media-type="application/xhtml+xml"/>`,
    ),
  ];
  const spine = [
    ...pkg.essays.map((_, i) => `<itemref idref="e${i + 1}"/>`),
    ...pkg.extra.map((_, i) => `<itemref idref="x${i + 1}"/>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${xml(pkg.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">${xml(pkg.identifier)}</dc:identifier>
<dc:title>${xml(pkg.title)}</dc:title>
<dc:language>${xml(pkg.language)}</dc:language>
${pkg.creators.map((c) => `<dc:creator>${xml(c)}</dc:creator>`).join("\n")}
<dc:publisher>${xml(pkg.publisher)}</dc:publisher>
${pkg.description ? `<dc:description>${xml(pkg.description)}</dc:description>` : ""}
${pkg.sources.map((s) => `<dc:source>${xml(s)}</dc:source>`).join("\n")}
${pkg.subjects.map((s) => `<dc:subject>${xml(s)}</dc:subject>`).join("\n")}
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
${items.join("\n")}
</manifest>
<spine>
${spine.join("\n")}
</spine>
</package>
`;
}

/** The navigation document: each essay and its sections, then the extra pages. */
function nav(pkg: Package): string {
  const essayEntries = pkg.essays.map((essay, i) => {
    const file = chapterFile(i);
    const sections = essay.blocks.filter((b) => b.kind === "heading" && b.id);
    const inner = sections.length
      ? `<ol>${sections
          .map((h) => `<li><a href="${file}#${xml(h.id)}">${runsXhtml(h.runs)}</a></li>`)
          .join("")}</ol>`
      : "";
    const label = pkg.essays.length > 1 ? `${essay.title} (${essay.author.name})` : essay.title;
    return `<li><a href="${file}">${xml(label)}</a>${inner}</li>`;
  });
  const extras = pkg.extra.map((x) => `<li><a href="${x.file}">${xml(x.title)}</a></li>`);
  const landmarks = `<nav epub:type="landmarks" hidden="hidden"><h2>Landmarks</h2><ol><li><a epub:type="bodymatter" href="${chapterFile(0)}">${xml(pkg.essays[0]!.title)}</a></li></ol></nav>`;
  return xhtml(
    "Contents",
    pkg.language,
    `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>${[...essayEntries, ...extras].join("\n")}</ol></nav>\n${landmarks}`,
  );
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** The files every publication has, deflated once. */
const fixedEntries = memo(() => ({
  mimetype: zipEntry("mimetype", "application/epub+zip", { store: true }),
  container: zipEntry("META-INF/container.xml", CONTAINER),
  style: zipEntry("EPUB/style.css", STYLE),
}));

/** Each essay's chapter, deflated once for all the publications that hold it. */
const chapters = new WeakMap<EssayDocument, ZipEntry>();
function chapterEntry(essay: EssayDocument, file: string): ZipEntry {
  let entry = chapters.get(essay);
  if (!entry) chapters.set(essay, (entry = zipEntry(file, essayChapter(essay))));
  return { ...entry, name: `EPUB/${file}` };
}

/** Zips a package as an OCF container: `mimetype` first and stored, the rest deflated. */
function ocf(pkg: Package): Uint8Array {
  const fixed = fixedEntries();
  const entries = [
    fixed.mimetype,
    fixed.container,
    zipEntry("EPUB/package.opf", opf(pkg)),
    zipEntry("EPUB/nav.xhtml", nav(pkg)),
    fixed.style,
    ...pkg.essays.map((essay, i) => chapterEntry(essay, chapterFile(i))),
    ...pkg.extra.map((x) => zipEntry(`EPUB/${x.file}`, x.xhtml)),
  ];
  // Zip times are two-second, from 1980: the modified date, so the bytes are reproducible.
  return zipArchive(entries, pkg.modified);
}

/** What every publication states besides its content. */
export interface Edition {
  /** The last-modified time EPUB requires (`dcterms:modified`). */
  modified: Date;
  /** Who publishes this edition (the site). */
  publisher: string;
}

/** One essay as an EPUB. */
export function essayEpub(essay: EssayDocument, { modified, publisher }: Edition): Uint8Array {
  return ocf({
    identifier: essay.url,
    title: essay.title,
    language: essay.language,
    creators: [essay.author.name],
    description: essay.summary ? `${essay.summary} (Summary by the editor.)` : undefined,
    publisher,
    sources: [essay.archive],
    subjects: essay.tags,
    modified,
    essays: [essay],
    extra: [],
  });
}

/** Several essays as one EPUB, in the given order, with a page of the authors' bios. */
export function collectionEpub(
  collection: Collection,
  { modified, publisher }: Edition,
): Uint8Array {
  if (collection.essays.length === 0) throw new Error(`No essays in "${collection.title}"`);
  const authors = [
    ...new Map(collection.essays.map((e) => [e.author.name, e.author])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const authorsPage = xhtml(
    "About the authors",
    collection.language,
    `<section epub:type="appendix" aria-labelledby="authors"><h1 id="authors">About the authors</h1>\n${authors
      .map(
        (a) =>
          `<h2>${xml(a.name)}${a.affiliation ? `, ${xml(a.affiliation)}` : ""}</h2>\n<p>${xml(authorNote(a))}</p>`,
      )
      .join("\n")}</section>`,
  );
  return ocf({
    identifier: collection.identifier,
    title: collection.title,
    language: collection.language,
    creators: authors.map((a) => a.name),
    description: collection.description,
    publisher,
    sources: [...new Set(collection.essays.map((e) => e.archive))],
    subjects: [...new Set(collection.essays.flatMap((e) => e.tags))],
    modified,
    essays: collection.essays,
    extra: [{ file: "authors.xhtml", title: "About the authors", xhtml: authorsPage }],
  });
}

/**
 * The last-modified time an edition states: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention) when set, else the start of the build's day in UTC, so that two builds of the same
 * content on one day are byte for byte the same and none claims a time it was not made.
 */
export function editionDate(sourceDateEpoch: string | undefined, now: Date): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch.trim() !== "") {
    const seconds = Number(sourceDateEpoch);
    if (!Number.isInteger(seconds) || seconds < 315532800) {
      throw new Error(
        `SOURCE_DATE_EPOCH must be whole seconds since 1970, from 1980 on (zip dates start there): "${sourceDateEpoch}"`,
      );
    }
    return new Date(seconds * 1000);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
