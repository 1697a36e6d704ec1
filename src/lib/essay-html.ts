/**
 * The class names the markdown pipeline writes into an essay's HTML, which the browser scripts,
 * the CSS, the feed and the subject pages select: named once here (and re-exported by
 * src/markdown/essay-record.ts with the rest of what the pipeline records). Build and browser.
 */
export const ESSAY_CLASSES = {
  /** A numbered passage (`<p class="para" data-para="3" id="p-3">`). */
  passage: "para",
  /** The "¶ 3" self-link at the start of a passage. */
  passageAnchor: "para-anchor",
  /** The "#" self-link at the end of a section heading. */
  sectionAnchor: "section-anchor",
  /** A link from a subject's mention to its page. */
  mention: "mention",
} as const;
