import { readFileSync } from "node:fs";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { ESSAY_CLASSES } from "../../src/lib/essay-html.ts";
import rehypeParagraphNumbers from "../../src/markdown/rehype-paragraph-numbers.ts";
import rehypeSectionAnchors from "../../src/markdown/rehype-section-anchors.ts";
import rehypeSubjectMentions from "../../src/markdown/rehype-subject-mentions.ts";

/** A body run through the plugins that write the named classes. */
function rendered(): string {
  const tree = fromHtml("<h2>Background</h2><p>Putin spoke.</p>", { fragment: true });
  const file = new VFile({ data: { astro: { frontmatter: {} } } });
  rehypeSectionAnchors()(tree, file);
  rehypeParagraphNumbers()(tree);
  rehypeSubjectMentions({ subjects: [{ slug: "putin", aliases: ["Putin"] }] })(tree, file);
  return toHtml(tree);
}

describe("ESSAY_CLASSES", () => {
  const html = rendered();
  it.each(Object.entries(ESSAY_CLASSES))("%s (%s) is the class the pipeline writes", (_, name) => {
    expect(html).toMatch(new RegExp(`class="(?:[^"]* )?${name}(?: [^"]*)?"`));
  });

  // The stylesheet draws ¶ numbers, section "#" links and mention underlines by these names.
  const css = readFileSync("src/styles/global.css", "utf8");
  it.each(Object.entries(ESSAY_CLASSES))("%s (%s) is styled by the stylesheet", (_, name) => {
    expect(css).toMatch(new RegExp(`\\.${name}(?![\\w-])`));
  });

  it("names each thing once, as a valid class name", () => {
    const names = Object.values(ESSAY_CLASSES);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z-]*$/);
  });
});
