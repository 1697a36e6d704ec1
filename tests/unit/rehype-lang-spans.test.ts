import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import rehypeLangSpans, { splitByScript } from "../../src/markdown/rehype-lang-spans.ts";

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeLangSpans()(tree);
  return toHtml(tree);
};

describe("rehypeLangSpans", () => {
  it.each([
    [
      "<p>journal Eluosi yanjiu (俄罗斯研究, Russian Studies), Feng Shuai (封帅) argued</p>",
      '<p>journal Eluosi yanjiu (<span lang="zh">俄罗斯研究</span>, Russian Studies), Feng Shuai (<span lang="zh">封帅</span>) argued</p>',
    ],
    ["<p>No CJK here — vis-à-vis.</p>", "<p>No CJK here — vis-à-vis.</p>"],
    [
      "<p>东京と大阪</p>",
      '<p><span lang="zh">东京</span><span lang="ja">と</span><span lang="zh">大阪</span></p>',
    ],
    ["<p>서울 Seoul</p>", '<p><span lang="ko">서울</span> Seoul</p>'],
    ['<p lang="zh">已经是中文</p>', '<p lang="zh">已经是中文</p>'],
    ["<p><code>变量</code></p>", "<p><code>变量</code></p>"],
    ["<h2>“No Exclusive Interests Involved”</h2>", "<h2>“No Exclusive Interests Involved”</h2>"],
  ])("%s", (input, output) => {
    expect(run(input)).toBe(output);
  });

  it("never changes the text", () => {
    const html = "<p>a 俄罗斯 b <em>研究 c</em> 한국 d カタカナ</p>";
    const text = (h: string) => h.replace(/<[^>]+>/g, "");
    expect(text(run(html))).toBe(text(html));
  });
});

describe("splitByScript", () => {
  it("returns undefined for text without those scripts", () => {
    expect(splitByScript("Russia and China")).toBeUndefined();
  });
});
