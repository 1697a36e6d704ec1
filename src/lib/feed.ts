/**
 * Helpers for the full-text feed. Feed readers show an item away from its page, so links to a
 * passage or section inside it (`href="#p-3"`) must point at the essay's own URL.
 */

/** Rewrites in-page links (`href="#…"`) in an HTML fragment to absolute links on `pageUrl`. */
export function absoluteFragments(html: string, pageUrl: string): string {
  const base = pageUrl.split("#")[0];
  return html.replace(/(\shref=")#/g, `$1${base}#`);
}

/**
 * Unwraps the links the mention finder puts around subject names (`<a class="mention">NATO</a>`
 * → `NATO`): in a feed reader they would be site navigation scattered through the text.
 */
export function withoutMentionLinks(html: string): string {
  return html.replace(/<a href="[^"]*" class="mention" data-subject="[^"]*">([^<]*)<\/a>/g, "$1");
}
