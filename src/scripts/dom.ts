/**
 * Small DOM helpers for the search scripts (browser): build elements from text (never from HTML
 * strings), and yield to the browser between pieces of long work.
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

/**
 * Lets the browser paint and handle input before the caller goes on: long work split at these
 * points never blocks a tap for long (scheduler.yield where the browser has it).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
