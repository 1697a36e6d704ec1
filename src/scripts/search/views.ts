/**
 * Small views for the search (browser): each takes arguments and returns nodes, filled from the
 * `<template>`s the search layout writes (markup stays in the layout, not in class strings here).
 */
import { countOf, listOf, quoted } from "../../lib/format.ts";
import type { Match } from "../../lib/search/evaluate.ts";
import { presentMatch, type ExcerptPart } from "../../lib/search/excerpt.ts";
import { META } from "../../lib/search/facets.ts";
import { withHighlight } from "../../lib/search/state.ts";
import type { SearchSubject } from "../../lib/search/subjects.ts";
import { link } from "../dom.ts";

/** A clone of a template's first element, with its `[data-slot]` children by name. */
export function fromTemplate(id: string): {
  root: HTMLElement;
  slot: (name: string) => HTMLElement;
} {
  const template = document.querySelector<HTMLTemplateElement>(`template#${id}`);
  if (!template) throw new Error(`The page has no <template id="${id}">`);
  const root = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  return {
    root,
    slot: (name) => {
      const el = root.matches(`[data-slot="${name}"]`)
        ? root
        : root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
      if (!el) throw new Error(`<template id="${id}"> has no [data-slot="${name}"]`);
      return el;
    },
  };
}

/** An excerpt as nodes: text and <mark>, nothing else. */
export function excerptNodes(parts: readonly ExcerptPart[]): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      out.append(mark);
    } else out.append(part.text);
  }
  return out;
}

/** A matched essay's data, and what to show of it. */
export async function loadMatch(match: Match) {
  const data = await match.result.data();
  return { data, shown: presentMatch(data, match.hits) };
}

/** One result: title (linking to the essay with its matches highlighted), byline, excerpt, sections. */
export function resultView(
  loaded: Awaited<ReturnType<typeof loadMatch>>,
  {
    query,
    authorHref,
    tagHref,
  }: {
    query: boolean;
    authorHref: (slug: string) => string;
    tagHref: (label: string) => string;
  },
): HTMLElement {
  const { data, shown } = loaded;
  const view = fromTemplate("search-result-template");
  const title = view.slot("title") as HTMLAnchorElement;
  title.href = withHighlight(data.url, shown.highlights);
  title.textContent = data.meta[META.title] ?? data.url;

  const meta = view.slot("meta");
  const author = data.filters.author?.[0];
  const authorSlug = data.meta[META.authorSlug];
  if (author)
    meta.append("By ", authorSlug ? link(authorHref(authorSlug), author, "link") : author);
  (data.filters.tag ?? []).forEach((tag, i) => {
    meta.append(i === 0 ? (author ? " · " : "") : ", ", link(tagHref(tag), tag, "link"));
  });

  const excerpt = view.slot("excerpt");
  if (query && shown.excerpt.length) excerpt.append(excerptNodes(shown.excerpt));
  else {
    const summary = data.meta[META.summary];
    if (summary) {
      view.slot("summary-kicker").hidden = false;
      excerpt.append(summary);
    }
  }

  const sections = view.slot("sections");
  const withSections = query ? shown.sections : [];
  sections.setAttribute("aria-label", `Sections of “${title.textContent}”`);
  for (const s of withSections) {
    const item = fromTemplate("search-section-template");
    const a = item.slot("link") as HTMLAnchorElement;
    a.href = withHighlight(s.url, s.highlights);
    a.textContent = s.title;
    const excerpt = item.slot("excerpt");
    excerpt.append(excerptNodes(s.excerpt));
    excerpt.hidden = s.excerpt.length === 0;
    sections.append(item.root);
  }
  sections.hidden = withSections.length === 0;
  return view.root;
}

/** Says how many results are essays this device has not kept, while offline. */
export function offlineNoteView(count: number): HTMLElement {
  const view = fromTemplate("search-offline-template");
  view.slot("text").textContent =
    `${countOf(count, "more result")} ${count === 1 ? "is an essay" : "are essays"} not kept on this device: ${count === 1 ? "it shows" : "they show"} when you are online.`;
  return view.root;
}

/** A removable filter chip. */
export function chipView(text: string, label: string, onRemove: () => void): HTMLElement {
  const view = fromTemplate("search-chip-template");
  view.slot("label").textContent = text;
  const button = view.slot("button");
  button.setAttribute("aria-label", label);
  button.addEventListener("click", onRemove);
  return view.root;
}

/** The card for the subject a query names: kind, description, counts, its perspectives page. */
export function subjectCardView(subject: SearchSubject, href: string): HTMLElement {
  const view = fromTemplate("search-subject-template");
  view.slot("kind").textContent = `Subject · ${subject.kind}`;
  const name = view.slot("name") as HTMLAnchorElement;
  name.textContent = subject.label;
  name.href = href;
  const description = view.slot("description");
  description.textContent = subject.description ?? "";
  description.hidden = !subject.description;
  const others = subject.aliases.filter((a) => a !== subject.label);
  view.slot("counts").textContent =
    `${countOf(subject.mentions, "mention")} in ${countOf(subject.essays, "essay")}.` +
    (others.length ? ` Searched in all its spellings: ${listOf(others.map(quoted))}.` : "");
  (view.slot("perspectives") as HTMLAnchorElement).href = href;
  return view.root;
}
