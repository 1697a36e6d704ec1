/**
 * "Cite this passage": the quoted text of a paragraph (or of the reader's selection within it),
 * followed by the short in-text citation and the full note, both formatted by the CSL styles at
 * build time with placeholders where the paragraph number and the reader's access date go (the
 * note links to the paragraph itself). Runs in the browser.
 */
import { ACCESSED_PLACEHOLDER } from "./access-date.ts";

/** The placeholder a passage citation template carries where the paragraph number goes. */
export const PARAGRAPH_PLACEHOLDER = "{¶}";

/** What a passage citation is made of. */
export interface PassageInput {
  /** The quoted text: the whole paragraph or the selection within it. */
  quote: string;
  /** The paragraph number (¶). */
  paragraph: number;
  /** The short in-text citation with the placeholder, e.g. "(Kuhrt, n.d., para. {¶})". */
  short: string;
  /** The full note with the placeholders, ending with the paragraph's own URL. */
  note: string;
  /** The reader's access date, as the note's style writes it (when the note has one). */
  accessed?: string | undefined;
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
 *     Natasha Kuhrt, “Russia and China: …,” China Policy Institute: Analysis (blog), para. 5,
 *     accessed December 1, 2026, https://…/essays/…/#p-5.
 */
export function passageCitation(input: PassageInput): string {
  const n = String(input.paragraph);
  const fill = (template: string) =>
    template
      .split(PARAGRAPH_PLACEHOLDER)
      .join(n)
      .split(ACCESSED_PLACEHOLDER)
      .join(input.accessed ?? ACCESSED_PLACEHOLDER);
  return `“${tidyQuote(input.quote)}” ${fill(input.short)}\n\n${fill(input.note)}`;
}
