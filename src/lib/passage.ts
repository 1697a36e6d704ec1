/**
 * "Cite this passage": the quoted text of a paragraph (or of the reader's selection within it),
 * followed by the short in-text citation and the note, both formatted by the CSL styles at build
 * time with a placeholder where the paragraph number goes, and a link to the paragraph itself.
 */

/** The placeholder a passage citation template carries where the paragraph number goes. */
export const PARAGRAPH_PLACEHOLDER = "{¶}";

/** What a passage citation is made of. */
export interface PassageInput {
  /** The quoted text: the whole paragraph or the selection within it. */
  quote: string;
  /** The paragraph number (¶). */
  paragraph: number;
  /** The essay's canonical URL (without a #fragment). */
  url: string;
  /** The short in-text citation with the placeholder, e.g. "(Kuhrt, n.d., para. {¶})". */
  short: string;
  /** The note with the placeholder, e.g. "Kuhrt, “Title,” para. {¶}." */
  note: string;
}

/** Straightens a quotation: collapses whitespace and trims it. */
export function tidyQuote(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * The text copied by "Cite this passage":
 *
 *     “Quoted text” (Kuhrt, n.d., para. 5)
 *
 *     Kuhrt, “Russia and China: …,” para. 5. https://…/essays/…/#p-5
 */
export function passageCitation(input: PassageInput): string {
  const n = String(input.paragraph);
  const fill = (template: string) => template.split(PARAGRAPH_PLACEHOLDER).join(n);
  const quote = tidyQuote(input.quote);
  return `“${quote}” ${fill(input.short)}\n\n${fill(input.note)} ${input.url}#p-${n}`;
}
