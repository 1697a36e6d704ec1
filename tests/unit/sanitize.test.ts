import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { hasRawHtml, sanitizePlugins } from "../../src/markdown/sanitize.ts";

/** Markdown → HTML through the same sanitising step as the essay pipeline. */
const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(sanitizePlugins as never)
      .use(rehypeStringify)
      .processSync(markdown),
  );

describe("essay sanitising", () => {
  it.each([
    ["<script>alert(1)</script>", ""],
    ['<img src="x.png" onerror="alert(1)">', '<img src="x.png">'],
    ["[x](javascript:alert(1))", "<p><a>x</a></p>"],
    ['<iframe src="https://evil.example/"></iframe>', ""],
    ["<style>body{}</style>", ""],
    ['<p style="color:red">t</p>', "<p>t</p>"],
    ['<input name="q">', ""],
    ["<svg><script>alert(1)</script><text>t</text></svg>", "<p></p>"],
    ["<math><mtext><table><mglyph><style><img src=x onerror=alert(2)></style>", "<p></p>"],
  ])("%s", (markdown, html) => {
    expect(render(markdown).trim()).toBe(html);
  });

  it("keeps harmless inline markup and languages", () => {
    expect(
      render(
        'a<sup>1</sup> <abbr title="Shanghai Cooperation Organisation">SCO</abbr> <span lang="ru">мир</span>',
      ),
    ).toBe(
      '<p>a<sup>1</sup> <abbr title="Shanghai Cooperation Organisation">SCO</abbr> <span lang="ru">мир</span></p>',
    );
  });
});

describe("hasRawHtml", () => {
  it.each([
    [{ type: "root", children: [{ type: "element", children: [{ type: "text" }] }] }, false],
    [{ type: "root", children: [{ type: "element", children: [{ type: "raw" }] }] }, true],
  ])("%j → %s", (tree, expected) => expect(hasRawHtml(tree)).toBe(expected));
});
