/**
 * Turns a human label ("Sino-Russian relations", "Kiselëv", "俄罗斯研究") into a URL slug.
 *
 * Letters and digits of any script survive; diacritics fold ("ë" → "e") so a slug never depends on
 * how a label was typed; every other run of characters (spaces, no-break spaces, dashes,
 * punctuation) becomes one hyphen.
 */
export function slugify(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** A taxonomy term as it travels through the site: the URL slug and the label readers see. */
export interface Term {
  slug: string;
  label: string;
}

/** Builds a term from its label; throws when the label has nothing a slug can be made of. */
export function termFromLabel(label: string): Term {
  const trimmed = label.trim().replace(/\s+/gu, " ");
  const slug = slugify(trimmed);
  if (!slug) throw new Error(`"${label}" has no letters or digits to build a URL slug from`);
  return { slug, label: trimmed };
}
