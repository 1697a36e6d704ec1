/**
 * The sanitising step of the essay pipeline. Essays are other people's writing pasted from the
 * web: raw HTML in them is parsed (rehype-raw) and then filtered against GitHub's schema, so no
 * script, event handler, frame, style or `javascript:` URL can reach a page.
 */
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import type { RehypePlugins } from "@astrojs/markdown-remark";

/**
 * GitHub's schema plus what essays legitimately use (`lang`/`dir` on inline text, `<abbr title>`),
 * minus form controls (GitHub keeps checkboxes for task lists; essays have none).
 */
export const essaySanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== "input"), "abbr"],
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
    "*": [...(defaultSchema.attributes?.["*"] ?? []), "lang", "dir"],
    abbr: ["title"],
  },
};

/** The rehype plugins that make essay HTML safe; they run before every other rehype plugin. */
export const sanitizePlugins: RehypePlugins = [rehypeRaw, [rehypeSanitize, essaySanitizeSchema]];
