import { describe, expect, it } from "vitest";
import {
  cjkWords,
  hasSpaceBetweenCjk,
  joinCjkWords,
  segmentCjkHtml,
  segmentCjkText,
} from "../../../src/lib/search/cjk.ts";

describe("CJK words for the index", () => {
  it.each([
    ["俄罗斯研究", ["俄罗斯", "研究"]],
    ["研究", ["研究"]],
  ])("segments %s", (run, words) => expect(cjkWords(run)).toEqual(words));

  it("puts spaces only between the words of Chinese runs", () => {
    expect(segmentCjkText("Eluosi yanjiu (俄罗斯研究, Russian Studies)")).toBe(
      "Eluosi yanjiu (俄罗斯 研究, Russian Studies)",
    );
    expect(segmentCjkText("Korean 한국어 연구 stays")).toBe("Korean 한국어 연구 stays");
  });

  it("never touches tags or attributes", () => {
    const html = '<p title="俄罗斯研究" lang="zh">俄罗斯研究</p>';
    expect(segmentCjkHtml(html)).toBe('<p title="俄罗斯研究" lang="zh">俄罗斯 研究</p>');
    expect(segmentCjkHtml("<p>No Chinese</p>")).toBe("<p>No Chinese</p>");
  });

  it("gives excerpts the text back exactly", () => {
    const text = "journal Eluosi yanjiu (俄罗斯研究, Russian Studies), Feng Shuai (封帅)";
    expect(joinCjkWords(segmentCjkText(text))).toBe(text);
    expect(hasSpaceBetweenCjk("中国 研究")).toBe(true);
    expect(hasSpaceBetweenCjk("中国, 研究")).toBe(false);
  });
});
