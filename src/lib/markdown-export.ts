/**
 * The plain Markdown alternate of an essay: a YAML header of what the page says about the text
 * (title, author, source, tags, this page's URL), then the body exactly as stored.
 */
import type { Essay } from "./library.ts";

/** Quotes a string for YAML (double-quoted, escapes for backslash, quote and control characters). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** The Markdown document for an essay. */
export function essayMarkdown(essay: Essay, body: string, url: string): string {
  const header = [
    "---",
    `title: ${yamlString(essay.title)}`,
    `author: ${yamlString(essay.author.label)}`,
    ...(essay.date ? [`date: ${essay.date.toISOString().slice(0, 10)}`] : []),
    `publication: ${yamlString(essay.source.publication)}`,
    `archive: ${yamlString(essay.source.archive)}`,
    `url: ${yamlString(url)}`,
    "tags:",
    ...essay.tags.map((t) => `  - ${yamlString(t.label)}`),
    `words: ${essay.words}`,
    "---",
    "",
  ].join("\n");
  return `${header}\n${body.replace(/^\n+/, "").replace(/\s*$/, "")}\n`;
}
