/**
 * WordPress post HTML to the project's Markdown, word for word, through the unified stack the
 * site already renders with (rehype-parse → rehype-remark → remark-stringify, GFM for tables and
 * footnotes). Everything the reader cannot show is reported, never silently lost: shortcodes,
 * images (a caption becomes the essay's `imageCredit`), embeds and scripts. Build-time only.
 */
import type { Element, Root as HastRoot } from "hast";
import { toText } from "hast-util-to-text";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";
import rehypeParse from "rehype-parse";
import { defaultHandlers } from "hast-util-to-mdast";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { excerptOf, type ImportNote } from "./archive.ts";

/** WordPress shortcodes the importer recognises (core and Jetpack's usual ones). */
const SHORTCODES = [
  "caption",
  "wp_caption",
  "embed",
  "gallery",
  "audio",
  "video",
  "playlist",
  "youtube",
  "vimeo",
  "tweet",
  "twitter",
  "instagram",
  "soundcloud",
  "googlemaps",
  "slideshare",
  "scribd",
  "contact-form",
  "contact-form-7",
  "polldaddy",
  "archives",
];
const NAMES = SHORTCODES.join("|");
const PAIRED = new RegExp(`\\[(${NAMES})(\\s[^\\]]*)?\\]([\\s\\S]*?)\\[\\/\\1\\]`, "giu");
const SINGLE = new RegExp(`\\[\\/?(${NAMES})(\\s[^\\]]*)?\\/?\\]`, "giu");

/** Elements whose content the reader never shows (the sanitiser drops them): reported. */
const DROPPED = new Set([
  "iframe",
  "script",
  "style",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "video",
  "audio",
  "canvas",
  "svg",
  "noscript",
  "img",
  "picture",
  "map",
]);
const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|dl|section|aside|iframe|script|style)\b/iu;

/** The result of converting one post body. */
export interface ConvertedBody {
  markdown: string;
  /** The body's text as the source shows it (minus what moved into metadata). */
  sourceText: string;
  /** Captions of the post's images, verbatim: the first becomes `imageCredit`. */
  captions: string[];
  notes: ImportNote[];
}

const parseFragment = (html: string) =>
  unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;

/**
 * WordPress's own paragraphing (`wpautop`) for classic-editor posts, which are stored without
 * `<p>` tags: each blank-line-separated run that is not already a block becomes a paragraph, and a
 * single line break inside it a `<br>`. Block-editor posts (`<!-- wp:… -->`) are left as stored.
 */
export function autop(html: string): string {
  if (/<!--\s*wp:/u.test(html)) return html;
  return html
    .split(/\n[ \t]*\n/u)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/gu, "<br>\n")}</p>`))
    .join("\n");
}

/** Takes shortcodes out of the HTML: captions are kept as text, the rest reported. */
function shortcodes(html: string, notes: ImportNote[], captions: string[]): string {
  const paired = html.replace(PAIRED, (whole, name: string, _attrs, inner: string) => {
    if (/^(?:wp_)?caption$/iu.test(name)) {
      const tree = parseFragment(inner);
      const images: string[] = [];
      visit(tree, "element", (node: Element, index, parent) => {
        if (node.tagName !== "img" || !parent || index === undefined) return;
        images.push(String(node.properties.src ?? ""));
        parent.children.splice(index, 1);
        return [SKIP, index];
      });
      const caption = toText(tree).replace(/\s+/gu, " ").trim();
      if (caption) captions.push(caption);
      notes.push({
        kind: "moved",
        what: `[${name}] image`,
        detail: `${images.join(", ") || "(no image)"}; caption “${excerptOf(caption)}” kept as the image credit`,
      });
      return "";
    }
    notes.push({ kind: "dropped", what: `[${name}] shortcode`, detail: excerptOf(whole) });
    return `<span data-dropped>${inner}</span>`;
  });
  return paired.replace(SINGLE, (whole, name: string) => {
    notes.push({ kind: "dropped", what: `[${name}] shortcode`, detail: excerptOf(whole) });
    return "";
  });
}

const idOf = (href: unknown) =>
  typeof href === "string" && href.startsWith("#") ? decodeURIComponent(href.slice(1)) : "";

/**
 * Reports and removes what the reader cannot show, and turns WordPress footnotes (core's
 * `wp-block-footnotes` list and `sup.fn` references, or any `<sup><a href="#id">` whose target is
 * an item of a list) into a form rehype-remark maps onto GFM footnotes.
 */
function prepare(tree: HastRoot, notes: ImportNote[]): Map<string, string> {
  const items = new Map<string, Element>();
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "li" && typeof node.properties.id === "string")
      items.set(node.properties.id, node);
  });
  const labels = new Map<string, string>();
  // Comments (WordPress's `<!-- wp:paragraph -->` block delimiters among them) are not text.
  visit(tree, "comment", (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  visit(tree, "element", (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (DROPPED.has(node.tagName)) {
      const src = node.properties.src ?? node.properties.data;
      const alt = node.properties.alt;
      const text = toText(node).trim();
      notes.push({
        kind: "dropped",
        what: node.tagName === "img" ? "image" : `<${node.tagName}>`,
        detail: excerptOf(
          [src ? String(src) : "", alt ? `alt “${String(alt)}”` : "", text]
            .filter(Boolean)
            .join(" ") || "(empty)",
        ),
      });
      if (node.tagName === "script" || node.tagName === "style" || node.tagName === "img") {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      // Its text stays in the source's words, so the word check names what was lost.
      return SKIP;
    }
    if (node.tagName === "sup") {
      const link = node.children.find(
        (c): c is Element => c.type === "element" && c.tagName === "a",
      );
      const target = idOf(link?.properties.href);
      if (target && items.has(target)) {
        const label = labels.get(target) ?? String(labels.size + 1);
        labels.set(target, label);
        node.properties.dataFootnote = target;
      }
    }
    return undefined;
  });
  // A footnote's back-link ("↩︎") is furniture: it goes before anything is compared.
  for (const [id, li] of items) {
    if (!labels.has(id)) continue;
    visit(li, "element", (node: Element, index, parent) => {
      if (node.tagName === "a" && idOf(node.properties.href) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
    li.properties.dataFootnoteDefinition = labels.get(id)!;
  }
  return labels;
}

type Handle = (state: HandlerState, node: Element) => MdastNodes | MdastNodes[] | undefined;
interface HandlerState {
  all(node: Element): MdastNodes[];
  toFlow(nodes: MdastNodes[]): MdastNodes[];
}

const handlers: Record<string, Handle> = {
  sup(state, node) {
    const target = node.properties.dataFootnote;
    if (typeof target !== "string") return state.all(node);
    return { type: "footnoteReference", identifier: target, label: target } as MdastNodes;
  },
  ol(state, node) {
    const defs = node.children.filter(
      (c): c is Element =>
        c.type === "element" && c.properties.dataFootnoteDefinition !== undefined,
    );
    if (!defs.length) return (defaultHandlers.ol as unknown as Handle)(state, node);
    return defs.map(
      (li) =>
        ({
          type: "footnoteDefinition",
          identifier: String(li.properties.id),
          label: String(li.properties.id),
          children: state.toFlow(state.all(li)),
        }) as MdastNodes,
    );
  },
};

/** Text of Markdown, the way a reader sees it: footnote references by their numbers. */
export function markdownText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const labels = new Map<string, string>();
  const parts: string[] = [];
  const walk = (node: MdastNodes) => {
    if (node.type === "footnoteReference") {
      const n = labels.get(node.identifier) ?? String(labels.size + 1);
      labels.set(node.identifier, n);
      parts.push(n);
      return;
    }
    if (node.type === "break") parts.push("\n");
    if ("value" in node && node.type !== "html") parts.push(node.value);
    if ("children" in node) {
      for (const child of node.children) walk(child as MdastNodes);
      if (node.type !== "root" && !isPhrasing(node)) parts.push("\n");
    }
  };
  walk(tree);
  return parts.join("");
}

const PHRASING = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);
const isPhrasing = (node: MdastNodes) => PHRASING.has(node.type);

/** Converts one WordPress post body to Markdown, with what it could not carry over. */
export function wordpressToMarkdown(html: string): ConvertedBody {
  const notes: ImportNote[] = [];
  const captions: string[] = [];
  const withoutCodes = autop(shortcodes(html, notes, captions));
  const tree = parseFragment(withoutCodes);
  prepare(tree, notes);
  const sourceText = toText(tree, { whitespace: "normal" });
  // What was reported as dropped leaves the body now; the word check then names its words.
  visit(tree, "element", (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.properties.dataDropped !== undefined || DROPPED.has(node.tagName)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const mdast = unified()
    .use(rehypeRemark, { handlers: handlers as never })
    .runSync(structuredClone(tree) as never) as MdastRoot;
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", fences: true, rule: "-" })
    .stringify(mdast)
    .trim();
  return { markdown: tidyEscapes(markdown), sourceText, captions, notes };
}

/** The words of a text, split at spaces and line breaks only (a no-break space is kept). */
export function wordsOf(text: string): string[] {
  return text.split(/[ \t\n\r\f]+/u).filter(Boolean);
}

const treeOf = (markdown: string) =>
  JSON.stringify(
    unified().use(remarkParse).use(remarkGfm).parse(markdown),
    (key, value: unknown) => (key === "position" ? undefined : value),
  );

/**
 * Drops the backslashes remark-stringify adds by caution ("\[it was done with]") from each block
 * where the block reads the same without them, so imported text looks as an editor writes it.
 */
export function tidyEscapes(markdown: string): string {
  return markdown
    .split(/\n{2,}/u)
    .map((block) => {
      if (!/\\[[\]*_#+\-.!()]/u.test(block)) return block;
      const plain = block.replace(/\\([[\]*_#+\-.!()])/gu, "$1");
      return treeOf(plain) === treeOf(block) ? plain : block;
    })
    .join("\n\n");
}
