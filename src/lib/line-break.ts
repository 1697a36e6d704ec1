/**
 * Breaks styled text into lines of a given width, for the PDF writer. Lines break at spaces and
 * between Chinese, Japanese and Korean characters, never inside a word: text extractors
 * (poppler's pdftotext, a PDF viewer's copy) take a line that ends in "-" for a hyphenated word
 * and drop the hyphen, so "Sino-Russian" broken after "Sino-" would be read back as
 * "SinoRussian", and a line break after a dash ("culture—" / "literature") reads back as a
 * space the text does not have. No-break spaces never break. A word too long for a line (a URL) is split
 * after "/" or, failing that, wherever it must. Pure: the caller measures. Build only.
 */

/** A piece of text in one font and style; `style` is whatever the caller needs to draw it. */
export interface Piece<S> {
  text: string;
  style: S;
}

/** A line: its pieces (spaces included), natural width and number of breakable spaces. */
export interface Line<S> {
  pieces: Piece<S>[];
  width: number;
  spaces: number;
}

const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/**
 * Splits a piece into atoms: words, single spaces and single CJK characters. A line may break before any atom but a word's continuation.
 */
export function atoms<S>(piece: Piece<S>): Piece<S>[] {
  const out: Piece<S>[] = [];
  let word = "";
  const flush = () => {
    if (word) out.push({ text: word, style: piece.style });
    word = "";
  };
  for (const char of piece.text) {
    if (char === " ") {
      flush();
      out.push({ text: " ", style: piece.style });
    } else if (CJK.test(char)) {
      flush();
      out.push({ text: char, style: piece.style });
    } else {
      word += char;
    }
  }
  flush();
  return out;
}

/** Whether a line may break between these atoms. */
function breakable(before: string | undefined, after: string): boolean {
  if (before === undefined) return false;
  if (before === " " || after === " ") return true;
  return CJK.test(after) || CJK.test(before.slice(-1));
}

/** Splits a word too wide for a line into parts that fit, after "/" where possible. */
function splitWord<S>(
  atom: Piece<S>,
  width: number,
  measure: (text: string, style: S) => number,
): Piece<S>[] {
  const parts: Piece<S>[] = [];
  let rest = atom.text;
  while (rest && measure(rest, atom.style) > width) {
    const chars = [...rest];
    let fit = 1;
    while (fit < chars.length && measure(chars.slice(0, fit + 1).join(""), atom.style) <= width) {
      fit++;
    }
    const head = chars.slice(0, fit).join("");
    const slash = head.lastIndexOf("/");
    const cut = slash > 0 && slash < head.length - 1 ? slash + 1 : head.length;
    parts.push({ text: rest.slice(0, cut), style: atom.style });
    rest = rest.slice(cut);
  }
  if (rest) parts.push({ text: rest, style: atom.style });
  return parts;
}

/**
 * Breaks pieces into lines no wider than `width` (greedy, as word processors do); spaces at a
 * break are dropped. `measure` gives a text's width in its style.
 */
export function breakLines<S>(
  pieces: Piece<S>[],
  width: number,
  measure: (text: string, style: S) => number,
): Line<S>[] {
  const all = pieces.flatMap(atoms);
  // Words too wide for any line are split first.
  const items = all.flatMap((a) =>
    a.text !== " " && measure(a.text, a.style) > width ? splitWord(a, width, measure) : [a],
  );
  const lines: Line<S>[] = [];
  let line: Piece<S>[] = [];
  let lineWidth = 0;
  // Where the current line may break: the index in `line` of the first atom after the break.
  let lastBreak = -1;
  const close = (upTo: number) => {
    const kept = line.slice(0, upTo);
    while (kept.at(-1)?.text === " ") kept.pop();
    const rest = line.slice(upTo);
    while (rest[0]?.text === " ") rest.shift();
    lines.push({
      pieces: kept,
      width: kept.reduce((sum, p) => sum + measure(p.text, p.style), 0),
      spaces: kept.filter((p) => p.text === " ").length,
    });
    line = rest;
    lineWidth = rest.reduce((sum, p) => sum + measure(p.text, p.style), 0);
    lastBreak = -1;
    for (let i = 1; i < rest.length; i++)
      if (breakable(rest[i - 1]!.text, rest[i]!.text)) lastBreak = i;
  };
  for (const item of items) {
    const w = measure(item.text, item.style);
    if (breakable(line.at(-1)?.text, item.text)) lastBreak = line.length;
    if (lineWidth + w > width && item.text !== " " && line.length > 0) {
      close(lastBreak > 0 ? lastBreak : line.length);
      // What moved down may still not leave room (the parts of a split URL): break before it.
      if (lineWidth + w > width && line.length > 0) close(line.length);
      if (breakable(line.at(-1)?.text, item.text)) lastBreak = line.length;
    }
    if (line.length === 0 && item.text === " ") continue;
    line.push(item);
    lineWidth += w;
  }
  if (line.length) close(line.length);
  return lines.map((l) => ({ ...l, pieces: mergePieces(l.pieces) }));
}

/** Joins neighbouring pieces of the same style (fewer drawing calls). */
function mergePieces<S>(pieces: Piece<S>[]): Piece<S>[] {
  const out: Piece<S>[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.style === p.style) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
