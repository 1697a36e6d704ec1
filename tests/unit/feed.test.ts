import { describe, expect, it } from "vitest";
import { absoluteFragments, withoutMentionLinks } from "../../src/lib/feed.ts";

describe("absoluteFragments", () => {
  it.each([
    [
      '<p id="p-1"><a href="#p-1" class="x"></a>Text</p>',
      '<p id="p-1"><a href="https://r.org/e/#p-1" class="x"></a>Text</p>',
    ],
    ['<a href="https://other.org/#x">x</a>', '<a href="https://other.org/#x">x</a>'],
    ['<a href="/essays/y/">y</a>', '<a href="/essays/y/">y</a>'],
    ["<p>a #hash in text</p>", "<p>a #hash in text</p>"],
  ])("%s", (html, out) => expect(absoluteFragments(html, "https://r.org/e/#ignored")).toBe(out));
});

describe("withoutMentionLinks", () => {
  it.each([
    [
      '<p>The <a href="/subjects/nato/" class="mention" data-subject="nato">NATO</a> and <a href="/x/">a link</a></p>',
      '<p>The NATO and <a href="/x/">a link</a></p>',
    ],
    ['<a href="/reader/subjects/sco/" class="mention" data-subject="sco">S&#x26;O</a>', "S&#x26;O"],
    ['<a href="/subjects/nato/">NATO</a>', '<a href="/subjects/nato/">NATO</a>'],
  ])("%s", (html, out) => expect(withoutMentionLinks(html)).toBe(out));
});
