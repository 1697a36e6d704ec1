/**
 * rehype plugin: marks runs of Chinese, Japanese or Korean characters in running text with a
 * `lang` attribute (`<span lang="zh">俄罗斯研究</span>`), so screen readers switch voice, browsers
 * pick fonts that have the glyphs, and the text stays searchable as its own word. The text itself
 * is untouched.
 */
import type { Element, ElementContent, Root, RootContent, Text } from "hast";

/** Which script maps to which language tag. */
export interface LangSpansOptions {
  scripts?: { pattern: RegExp; lang: string }[];
}

/** Han → zh (the essays cite Chinese sources), kana → ja, Hangul → ko. */
export const DEFAULT_SCRIPTS: NonNullable<LangSpansOptions["scripts"]> = [
  { pattern: /\p{Script=Han}+(?:[\p{Script=Han}\u3000-\u303f]*\p{Script=Han})?/gu, lang: "zh" },
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu, lang: "ja" },
  { pattern: /\p{Script=Hangul}+/gu, lang: "ko" },
];

/** Elements whose text must not be wrapped (code) or already says what language it is in. */
const SKIP = new Set(["code", "pre", "script", "style", "kbd", "samp"]);

/** Splits one text node into text and `<span lang>` nodes; returns undefined when nothing matches. */
export function splitByScript(
  value: string,
  scripts = DEFAULT_SCRIPTS,
): (Text | Element)[] | undefined {
  const matches = scripts
    .flatMap(({ pattern, lang }) =>
      [...value.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        lang,
      })),
    )
    .sort((a, b) => a.start - b.start);
  if (matches.length === 0) return undefined;
  const out: (Text | Element)[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start < at) continue; // overlapping scripts: the first wins
    if (m.start > at) out.push({ type: "text", value: value.slice(at, m.start) });
    out.push({
      type: "element",
      tagName: "span",
      properties: { lang: m.lang },
      children: [{ type: "text", value: value.slice(m.start, m.end) }],
    });
    at = m.end;
  }
  if (at < value.length) out.push({ type: "text", value: value.slice(at) });
  return out;
}

/** The rehype plugin. */
export default function rehypeLangSpans(options: LangSpansOptions = {}) {
  const scripts = options.scripts ?? DEFAULT_SCRIPTS;
  const walk = (parent: Root | Element, inheritedLang: string | undefined) => {
    const children: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type === "text") {
        // A run already inside an element of its language needs no span of its own.
        const parts = splitByScript(child.value, scripts)?.map((part) =>
          part.type === "element" && part.properties.lang === inheritedLang
            ? (part.children[0] as Text)
            : part,
        );
        children.push(...(parts ?? [child]));
      } else if (child.type === "element") {
        if (!SKIP.has(child.tagName)) {
          const lang =
            typeof child.properties.lang === "string" ? child.properties.lang : inheritedLang;
          walk(child, lang);
        }
        children.push(child);
      } else {
        children.push(child);
      }
    }
    parent.children = children as typeof parent.children;
  };
  return (tree: Root) => walk(tree, undefined);
}
