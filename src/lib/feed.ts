/**
 * The full-text feed's copy of an essay body. Feed readers show an item away from its page and
 * without its scripts and styles, so the body is rewritten as a tree (never with patterns over
 * the HTML text): in-page links (`#p-3`) point at the essay's own URL, the links the mention finder
 * puts around subject names are unwrapped (in a reader they would be site navigation scattered
 * through the text), links with no text (the ¶ anchors, which the page draws with CSS) are
 * dropped, and the page's own attributes (ids, classes, data-*) go, keeping `lang`, `href` and the
 * like. Runs at build time only.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { toText } from "hast-util-to-text";
import { ESSAY_CLASSES } from "./essay-html.ts";

/** The attributes a feed reader can use; everything else is the page's own. */
const KEPT = new Set(["href", "lang", "dir", "title", "cite", "colSpan", "rowSpan", "alt", "src"]);

/** Whether an element is a link a reader would show as an empty link. */
const emptyLink = (el: Element) =>
  el.tagName === "a" &&
  !toText(el).trim() &&
  !el.children.some((c) => c.type === "element" && c.tagName === "img");

const isMention = (el: Element) =>
  el.tagName === "a" &&
  ([el.properties.className].flat() as unknown[]).includes(ESSAY_CLASSES.mention);

function clean(nodes: (RootContent | ElementContent)[], pageUrl: string): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === "comment" || node.type === "doctype") continue;
    if (node.type !== "element") {
      out.push(node as ElementContent);
      continue;
    }
    if (emptyLink(node)) continue;
    const children = clean(node.children, pageUrl);
    if (isMention(node)) {
      out.push(...children);
      continue;
    }
    const properties: Element["properties"] = {};
    for (const [key, value] of Object.entries(node.properties)) {
      if (KEPT.has(key)) properties[key] = value;
    }
    if (typeof properties.href === "string" && properties.href.startsWith("#")) {
      properties.href = `${pageUrl}${properties.href}`;
    }
    out.push({ ...node, properties, children });
  }
  return out;
}

/** An essay body as the feed carries it (see the module comment). */
export function feedBody(html: string, pageUrl: string): string {
  const base = pageUrl.split("#")[0]!;
  const root: Root = fromHtml(html, { fragment: true });
  return toHtml({ type: "root", children: clean(root.children, base) });
}
