import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import rehypeBaseLinks from "../../src/markdown/rehype-base-links.ts";

const run = (html: string, base?: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeBaseLinks({ base })(tree);
  return toHtml(tree);
};

describe("rehypeBaseLinks", () => {
  it.each([
    ['<a href="/essays/x/">x</a>', "/reader/", '<a href="/reader/essays/x/">x</a>'],
    ['<a href="/essays/x/">x</a>', "reader", '<a href="/reader/essays/x/">x</a>'],
    ['<a href="/reader/essays/x/">x</a>', "/reader/", '<a href="/reader/essays/x/">x</a>'],
    ['<a href="//cdn.example/x">x</a>', "/reader/", '<a href="//cdn.example/x">x</a>'],
    ['<a href="https://example.org/">x</a>', "/reader/", '<a href="https://example.org/">x</a>'],
    ['<a href="#p-3">x</a>', "/reader/", '<a href="#p-3">x</a>'],
    ['<a href="/essays/x/">x</a>', "/", '<a href="/essays/x/">x</a>'],
    ['<a href="/essays/x/">x</a>', undefined, '<a href="/essays/x/">x</a>'],
  ])("%s under %s", (html, base, out) => expect(run(html, base)).toBe(out));
});
