/**
 * The sanitising step of the essay pipeline. Essays are other people's writing pasted from the
 * web: raw HTML in them is parsed (rehype-raw) and then filtered against GitHub's schema, so no
 * script, event handler, frame, style or `javascript:` URL can reach a page.
 */
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import type { RehypePlugins } from "@astrojs/markdown-remark";
import type { Root } from "hast";
import type { VFile } from "vfile";

/**
 * GitHub's schema plus what essays legitimately use (`lang`/`dir` on inline text, `<abbr title>`),
 * minus form controls (GitHub keeps checkboxes for task lists; essays have none). Element ids are
 * kept only when remark-rehype made them (footnotes, already prefixed `user-content-`): GitHub
 * prefixes them a second time and mends the links with script, which a static page cannot do.
 */
export const essaySanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== "input"), "abbr"],
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== "id"),
  // Dropped with everything inside them (the rest of the unknown elements keep their text).
  strip: [
    ...(defaultSchema.strip ?? []),
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "svg",
    "math",
    "textarea",
    "title",
  ],
  attributes: {
    ...defaultSchema.attributes,
    "*": [
      ...(defaultSchema.attributes?.["*"] ?? []).filter((name) => name !== "id"),
      ["id", /^user-content-/u],
      "lang",
      "dir",
    ],
    abbr: ["title"],
  },
};

/** Whether a tree holds raw HTML (written inline in the markdown) that must be parsed first. */
export function hasRawHtml(node: { type: string; children?: unknown[] }): boolean {
  return node.type === "raw" || (node.children ?? []).some((c) => hasRawHtml(c as typeof node));
}

/**
 * rehype-raw, but only for essays that contain raw HTML: re-parsing the whole tree through parse5
 * is the costliest step of the pipeline, and most essays are plain markdown.
 */
export function rehypeRawWhenPresent() {
  const parse = rehypeRaw();
  return (tree: Root, file: VFile) => (hasRawHtml(tree) ? parse(tree, file) : tree);
}

/** The rehype plugins that make essay HTML safe; they run before every other rehype plugin. */
export const sanitizePlugins: RehypePlugins = [
  rehypeRawWhenPresent,
  [rehypeSanitize, essaySanitizeSchema],
];
