/**
 * Small DOM helpers for the search scripts: build elements from text (never from HTML strings),
 * and render Pagefind excerpts keeping nothing but text and <mark>.
 */

/** Creates an element with classes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** Creates a link. */
export function link(href: string, text: string, className = ""): HTMLAnchorElement {
  const a = el("a", className, text);
  a.href = href;
  return a;
}

/** Copies Pagefind's excerpt HTML keeping only text and <mark>, so nothing else can render. */
export function excerptFragment(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") out.append(el("mark", "", node.textContent ?? ""));
    else out.append(node.textContent ?? "");
  }
  return out;
}

/**
 * Lets the browser paint and handle input before the caller goes on: long work split at these
 * points never blocks a tap for long (scheduler.yield where the browser has it).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
