/**
 * An essay as a PDF, set with pdfkit (which embeds only the glyphs a document uses, through
 * fontkit): A4, the title, byline and affiliation, the editor's summary marked as the editor's,
 * the text word for word with its headings and ¶ numbers in the margin (each a link to the
 * passage online and a named destination, so `essay.pdf#p-3` opens at ¶ 3), then the author's
 * bio, the source and the citation in every offered style. Chinese is set in Noto Serif SC.
 * Title, author, subject and keywords go in the PDF's metadata; no creation date is written (the
 * build's date is not the essay's, and it would make identical builds differ). Lines are broken
 * by lib/line-break.ts (never inside a word, so extracted text is the essay's) and justified;
 * words are shaped by fontkit with kerning and ligatures, once per thread for every PDF it sets
 * (shaping is half a PDF's time). Build only.
 */
import PDFDocument from "pdfkit";
import { readFileSync } from "node:fs";
import { authorNote, type Block, type EssayDocument, type Run } from "./essay-document.ts";
import { create, type Font } from "fontkit";
import { fontFiles, splitByFont, woffToSfnt, type FaceName, type FontFile } from "./fonts.ts";
import { breakLines, type Piece } from "./line-break.ts";
import { memo } from "./memo.ts";

/** The page and its text block, in PostScript points. */
const PAGE = { size: "A4", top: 64, bottom: 68, left: 100, right: 84 } as const;
const COLORS = { ink: "#1b1b1b", muted: "#595959", rule: "#c9c4bb" };
const BODY = { size: 10.5, leading: 15.2, after: 7 };

/** Which characters claim a shared glyph first: ASCII, general punctuation, Latin-1, the rest. */
const rank = (c: number) => (c < 0x80 ? 0 : c >= 0x2000 && c <= 0x206f ? 1 : c < 0x100 ? 2 : 3);

/** Fonts opened once per thread and shared by every PDF it sets (fontkit keeps their glyphs). */
const openFonts = memo(() => new Map<string, Font>());
function fontOf(file: FontFile): Font {
  const cache = openFonts();
  let font = cache.get(file.path);
  if (!font) {
    font = create(woffToSfnt(readFileSync(file.path))) as Font;
    // fontkit keeps each glyph with the characters it was first asked for; a glyph first reached
    // through a substitution (a ligature, a case form) would keep none, and pdfkit would write no
    // text for it (pdftotext read "James C Hsiung"). Asking for every mapped character first
    // gives each glyph its own; where characters share a glyph (’ and ʼ), text's common ones
    // (ASCII, then general punctuation, then Latin-1) come first.
    for (const codePoint of [...font.characterSet].sort((a, b) => rank(a) - rank(b) || a - b)) {
      font.glyphForCodePoint(codePoint);
    }
    cache.set(file.path, font);
  }
  return font;
}

type Doc = InstanceType<typeof PDFDocument>;

/** Which face a run is set in, from its style and the block's. */
function faceOf(run: Run, base: FaceName): FaceName {
  if (base.startsWith("sans")) return run.bold ? "sans-bold" : base;
  if (run.bold) return "serif-bold";
  if (run.italic) return base === "serif-italic" ? "serif" : "serif-italic";
  return base;
}

interface TextOptions {
  size: number;
  face: FaceName;
  color?: string;
  /** Distance between baselines, in points (default 1.25 × size). */
  leading?: number;
  align?: "left" | "justify" | "right";
  x?: number;
  /** The top of the first line (default: the current position). */
  y?: number;
  width?: number;
  spacing?: number;
  /** A named destination at the first line (the passage's or heading's element id). */
  destination?: string | undefined;
  /** A link for the whole text. */
  link?: string;
}

/** How one piece of a line is drawn. */
interface Style {
  file: FontFile;
  size: number;
  color: string;
  href: string | undefined;
  spacing: number;
}

/** A shaped run as pdfkit keeps it: glyphs, their positions and advance in 1/1000 em. */
interface Shaped {
  glyphs: unknown[];
  positions: Record<"xAdvance" | "yAdvance" | "xOffset" | "yOffset" | "advanceWidth", number>[];
  advanceWidth: number;
}

/**
 * The OpenType features words are set with: each font's defaults but contextual alternates,
 * localised and composed forms and mark positioning, which Latin text in these faces does not
 * use and which double the cost of shaping; a word with combining marks gets them all.
 */
const FEATURES = {
  ccmp: false,
  locl: false,
  rlig: false,
  mark: false,
  mkmk: false,
  calt: false,
  clig: false,
  rclt: false,
  curs: false,
};

/** Shaped words by font file, shared by every PDF a thread sets and by pdfkit (see useFont). */
const shapes = memo(() => new Map<string, Record<string, Shaped>>());
const shapesOf = (file: FontFile) => {
  let dict = shapes().get(file.path);
  if (!dict) shapes().set(file.path, (dict = Object.create(null) as Record<string, Shaped>));
  return dict;
};

/** A word (or a space) shaped once per thread, as pdfkit's own layout would keep it. */
function shape(file: FontFile, text: string): Shaped {
  const dict = shapesOf(file);
  let shaped = dict[text];
  if (!shaped) {
    const font = fontOf(file);
    const scale = 1000 / font.unitsPerEm;
    const run = font.layout(text, /[\u0300-\u036f]/.test(text) ? undefined : (FEATURES as never));
    const positions = run.positions.map((p, i) => ({
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: run.glyphs[i]!.advanceWidth * scale,
    }));
    shaped = {
      glyphs: run.glyphs,
      positions,
      advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0),
    };
    dict[text] = shaped;
  }
  return shaped;
}

/** The pieces pdfkit shapes a text in: each word with the space after it. */
const chunks = (text: string) => text.split(/(?<=[ \t])/);

/**
 * Makes sure every piece pdfkit will shape for `text` is in the shared cache, made from words
 * and spaces already shaped, so drawing a line shapes nothing again.
 */
function prepare(file: FontFile, text: string): void {
  const dict = shapesOf(file);
  for (const chunk of chunks(text)) {
    if (dict[chunk] || chunk.length < 2 || !/[ \t]$/.test(chunk)) continue;
    const word = shape(file, chunk.slice(0, -1));
    const space = shape(file, chunk.slice(-1));
    dict[chunk] = {
      glyphs: [...word.glyphs, ...space.glyphs],
      positions: [...word.positions, ...space.positions],
      advanceWidth: word.advanceWidth + space.advanceWidth,
    };
  }
}

/** A text's width in points, in a style. */
function measure(text: string, style: Style): number {
  let units = 0;
  for (const chunk of chunks(text)) units += shape(style.file, chunk).advanceWidth;
  return (units / 1000) * style.size + style.spacing * Math.max(0, [...text].length - 1);
}

/**
 * Selects a style's font in a document, handing pdfkit the thread's shaped words (pdfkit keeps
 * its own per document and font, and would shape every word again for each essay).
 */
function useFont(doc: Doc, style: Style): void {
  doc.registerFont(style.file.path, fontOf(style.file) as never);
  doc.font(style.file.path, style.size).fillColor(style.color);
  const embedded = (doc as unknown as { _font?: { layoutCache?: object } })._font;
  if (embedded?.layoutCache) embedded.layoutCache = shapesOf(style.file);
}

/**
 * Sets styled runs as one paragraph from the current position, each character in the font file
 * that holds it (Latin, Greek and Cyrillic in Source Serif or Sans, Chinese in Noto Serif SC),
 * breaking lines with lib/line-break.ts and pages where a line would pass the bottom margin.
 */
function writeRuns(doc: Doc, runs: Run[], options: TextOptions): void {
  const files = fontFiles();
  const styles = new Map<string, Style>();
  const pieces: Piece<Style>[] = runs.flatMap((run) =>
    splitByFont(run.text, files[faceOf(run, options.face)]).map((piece) => {
      const href = run.href ?? options.link;
      const key = `${piece.file.path}|${href ?? ""}`;
      let style = styles.get(key);
      if (!style) {
        style = {
          file: piece.file,
          size: options.size,
          color: options.color ?? COLORS.ink,
          href,
          spacing: options.spacing ?? 0,
        };
        styles.set(key, style);
      }
      return { text: piece.text, style };
    }),
  );
  if (pieces.length === 0) return;
  const x = options.x ?? PAGE.left;
  const width = options.width ?? doc.page.width - PAGE.left - PAGE.right;
  const leading = options.leading ?? options.size * 1.25;
  const lines = breakLines(pieces, width, measure);
  const ascent = options.size * 0.92;
  let top = options.y ?? doc.y;
  lines.forEach((line, i) => {
    if (top + leading > doc.page.height - PAGE.bottom && top > PAGE.top) {
      doc.addPage();
      top = PAGE.top;
    }
    const last = i === lines.length - 1;
    const slack = width - line.width;
    const wordSpacing =
      options.align === "justify" && !last && line.spaces > 0 ? slack / line.spaces : 0;
    let at = x + (options.align === "right" ? slack : 0);
    line.pieces.forEach((piece, j) => {
      const style = piece.style;
      useFont(doc, style);
      prepare(style.file, piece.text);
      // The line's top, with the baseline a fixed distance below it whatever the font (pdfkit
      // takes a number as the baseline's offset): the link's box then covers the line.
      doc.text(piece.text, at, top, {
        lineBreak: false,
        baseline: -ascent,
        wordSpacing,
        characterSpacing: style.spacing,
        link: style.href ?? null,
        underline: Boolean(style.href) && !options.link,
        ...(i === 0 && j === 0 && options.destination ? { destination: options.destination } : {}),
      });
      at += measure(piece.text, style) + wordSpacing * (piece.text.split(" ").length - 1);
    });
    top += leading;
  });
  doc.x = PAGE.left;
  doc.y = top;
}

/** Plain text as one run. */
const plain = (text: string): Run[] => [{ text }];

/** Starts a new page if fewer than `points` remain above the bottom margin. */
function keep(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - PAGE.bottom) doc.addPage();
}

/** A small-capitals style label (the site's "kicker"). */
function kicker(doc: Doc, text: string, gapAfter = 4): void {
  keep(doc, 40);
  writeRuns(doc, plain(text.toUpperCase()), {
    size: 7.5,
    face: "sans-bold",
    color: COLORS.muted,
    // No letter-spacing: text extractors read spaced capitals as "E D I T O R".
  });
  doc.moveDown(gapAfter / 10);
}

/** A thin rule across the text block. */
function rule(doc: Doc, gap = 12): void {
  doc.moveDown(gap / 12);
  const y = doc.y;
  doc
    .moveTo(PAGE.left, y)
    .lineTo(doc.page.width - PAGE.right, y)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.y = y + gap;
}

/** The body: headings (with outline entries) and passages with their margin numbers. */
function writeBody(doc: Doc, blocks: Block[], url: string): void {
  for (const block of blocks) {
    if (block.kind === "heading") {
      keep(doc, 60);
      doc.moveDown(0.6);
      doc.outline.addItem(block.runs.map((r) => r.text).join(""));
      writeRuns(doc, block.runs, {
        size: block.level <= 2 ? 12.5 : 11,
        face: "sans-bold",
        leading: block.level <= 2 ? 16 : 14.5,
        destination: block.id || undefined,
      });
      doc.moveDown(0.45);
      continue;
    }
    if (block.kind === "note") {
      keep(doc, 13);
      writeRuns(doc, [...plain(`${block.label}. `), ...block.runs], {
        size: 9,
        face: "serif",
        leading: 12.5,
      });
      doc.moveDown(0.3);
      continue;
    }
    keep(doc, BODY.leading);
    const y = doc.y;
    const indent = block.marker || block.quote ? 16 : 0;
    writeRuns(doc, plain(`¶ ${block.n}`), {
      size: 7,
      face: "sans",
      color: COLORS.muted,
      x: PAGE.left - 52,
      y: y + (BODY.size - 7) * 0.92,
      width: 40,
      align: "right",
      link: `${url}#${block.id}`,
    });
    if (block.marker) {
      writeRuns(doc, plain(block.marker), { size: BODY.size, face: "serif", x: PAGE.left, y });
    }
    writeRuns(doc, block.runs, {
      size: block.quote ? BODY.size - 0.5 : BODY.size,
      face: "serif",
      leading: BODY.leading,
      align: "justify",
      x: PAGE.left + indent,
      y,
      width: doc.page.width - PAGE.left - PAGE.right - indent * (block.quote ? 2 : 1),
      destination: block.id,
    });
    doc.x = PAGE.left;
    doc.moveDown(BODY.after / BODY.size);
  }
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Replaces pdfkit's XMP metadata writer, which needs a creation date and writes the title and
 * author unescaped (an "&" in a title would make the XMP unreadable), with one that writes the
 * same fields escaped and no date.
 */
function withXmp(doc: Doc, essay: EssayDocument): void {
  const target = doc as unknown as { _addInfo(): void; appendXML(xml: string): void };
  target._addInfo = () => {
    target.appendXML(`
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreatorTool>Research Reader</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(essay.title)}</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>${xml(essay.author.name)}</rdf:li></rdf:Seq></dc:creator>
${essay.summary ? `  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(essay.summary)}</rdf:li></rdf:Alt></dc:description>\n` : ""}  <dc:language><rdf:Bag><rdf:li>${xml(essay.language)}</rdf:li></rdf:Bag></dc:language>
  <dc:source>${xml(essay.url)}</dc:source>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>PDFKit</pdf:Producer>
  <pdf:Keywords>${xml(essay.tags.join(", "))}</pdf:Keywords>
</rdf:Description>`);
  };
}

/** The essay as a PDF file. */
export function essayPdf(essay: EssayDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    pdfVersion: "1.7",
    // No Helvetica: every text is set in an embedded font.
    font: null as unknown as string,
    lang: essay.language,
    displayTitle: true,
    // The file ID is derived from the metadata; a fixed date here keeps it (and the file)
    // the same from build to build, and the date itself is removed below.
    info: {
      Title: essay.title,
      Author: essay.author.name,
      Subject: essay.summary ? `${essay.publication}. ${essay.summary}` : essay.publication,
      Keywords: essay.tags.join(", "),
      Creator: "Research Reader",
      CreationDate: new Date(0),
    },
  });
  delete (doc.info as { CreationDate?: Date }).CreationDate;
  withXmp(doc, essay);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });

  kicker(doc, essay.publication, 6);
  writeRuns(doc, plain(essay.title), { size: 20, face: "serif-bold", leading: 25 });
  doc.moveDown(0.5);
  writeRuns(
    doc,
    [
      { text: `By ${essay.author.name}`, bold: true },
      ...(essay.author.affiliation ? [{ text: `, ${essay.author.affiliation}` }] : []),
    ],
    { size: 10.5, face: "sans" },
  );
  doc.moveDown(0.3);
  writeRuns(
    doc,
    [
      { text: essay.dateLabel ? `${essay.dateLabel} · Online at ` : "Online at " },
      { text: essay.url, href: essay.url },
    ],
    { size: 8.5, face: "sans", color: COLORS.muted },
  );
  rule(doc, 14);

  if (essay.summary) {
    kicker(doc, "Editor’s summary (not part of the essay)");
    writeRuns(doc, plain(essay.summary), {
      size: 9.5,
      face: "serif-italic",
      color: COLORS.muted,
      leading: 13.5,
    });
    rule(doc, 16);
  }

  writeBody(doc, essay.blocks, essay.url);

  rule(doc, 14);
  kicker(doc, "About the author");
  writeRuns(doc, plain(authorNote(essay.author)), { size: 9.5, face: "serif", leading: 13.5 });
  doc.moveDown(0.9);
  kicker(doc, "Source");
  writeRuns(
    doc,
    [
      { text: "First published in " },
      { text: essay.publication, italic: true },
      { text: "; text reproduced word for word from the archive page " },
      { text: essay.archive, href: essay.archive },
      {
        text: `. ${essay.dateLabel ? `Dated ${essay.dateLabel} in the source.` : "The source gives no date."}`,
      },
    ],
    { size: 9, face: "serif", leading: 12.8 },
  );
  doc.moveDown(0.9);
  kicker(doc, "Cite this essay");
  for (const citation of essay.citations) {
    keep(doc, 36);
    writeRuns(doc, plain(citation.label), { size: 8, face: "sans-bold", color: COLORS.muted });
    doc.moveDown(0.15);
    writeRuns(doc, citation.runs, { size: 9, face: "serif", leading: 12.8 });
    doc.moveDown(0.55);
  }
  writeRuns(
    doc,
    [
      { text: "Made from " },
      { text: essay.url, href: essay.url },
      { text: "; each ¶ number links to its passage there. Cite passages by ¶ number." },
    ],
    { size: 8, face: "sans", color: COLORS.muted },
  );
  doc.end();
  return done;
}

/** Sets many essays as PDFs, in their order (run in worker threads for large collections). */
export async function essayPdfs(essays: EssayDocument[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const essay of essays) out.push(await essayPdf(essay));
  return out;
}
