/**
 * The search page: runs the query in `?q=` with Pagefind on load, renders results with their
 * excerpts, and keeps the URL in step so a search can be bookmarked and restored with Back.
 */
import { assetPath, authorPath, tagPath } from "../lib/paths.ts";
import {
  describeResults,
  readSearchState,
  searchQueryString,
  type PagefindApi,
  type PagefindResultData,
} from "../lib/search.ts";
import { slugify } from "../lib/slug.ts";
import { SITE } from "../site.ts";

const RESULT_LIMIT = 50;

const form = document.querySelector<HTMLFormElement>("#search-form");
const input = document.querySelector<HTMLInputElement>("#search-query");
const status = document.querySelector<HTMLElement>("#search-status");
const list = document.querySelector<HTMLOListElement>("#search-results");
const help = document.querySelector<HTMLElement>("#search-help");

// JavaScript is running, so the note saying search needs it is not for this reader.
document.querySelector("#search-needs-js")?.remove();

let pagefind: Promise<PagefindApi> | undefined;
let latest = 0;

/** Loads Pagefind once, from the index this build wrote, under the site's base path. */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ assetPath("pagefind/pagefind.js"))) as PagefindApi;
    await api.options({ baseUrl: import.meta.env.BASE_URL, excerptLength: 36 });
    await api.init?.();
    return api;
  })();
  return pagefind;
}

/** Copies Pagefind's excerpt HTML keeping only text and <mark>, so nothing else can render. */
function excerptFragment(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent ?? "");
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else out.append(node.textContent ?? "");
  }
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

function link(href: string, text: string, className: string): HTMLAnchorElement {
  const a = element("a", className, text);
  a.href = href;
  return a;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const title = link(
    data.url,
    data.meta.title ?? data.url,
    "font-serif text-xl font-semibold leading-snug hover:text-[var(--color-accent)]",
  );
  const meta = element("p", "mt-1 text-[0.9375rem] text-[var(--color-muted)]");
  const author = data.filters.author?.[0];
  const authorSlug = data.meta.author_slug;
  if (author)
    meta.append("By ", authorSlug ? link(authorPath(authorSlug), author, "link") : author);
  const tags = data.filters.tag ?? [];
  if (tags.length) {
    if (author) meta.append(" · ");
    tags.forEach((tag, i) => {
      if (i) meta.append(", ");
      meta.append(link(tagPath(slugify(tag)), tag, "link"));
    });
  }
  const excerpt = element(
    "p",
    "search-excerpt mt-2 max-w-prose font-serif leading-relaxed",
    excerptFragment(data.excerpt),
  );
  return element(
    "li",
    "border-b border-[var(--color-rule)] py-5",
    element("h2", "", title),
    meta,
    excerpt,
  );
}

async function run(query: string): Promise<void> {
  if (!status || !list) return;
  const ticket = ++latest;
  if (input && input.value !== query) input.value = query;
  document.title = query ? `“${query}” · Search · ${SITE.name}` : `Search · ${SITE.name}`;
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    help?.removeAttribute("hidden");
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  try {
    const api = await loadPagefind();
    const search = await api.search(query);
    if (ticket !== latest || !search) return;
    const data = await Promise.all(search.results.slice(0, RESULT_LIMIT).map((r) => r.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...data.map(renderResult));
    status.textContent = describeResults(search.results.length, query);
  } catch (error) {
    if (ticket !== latest) return;
    list.replaceChildren();
    status.textContent = "Search could not load. Browse by tag or author instead, or try again.";
    console.error(error);
  }
}

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  const state = { query: input?.value ?? "" };
  const next = `${location.pathname}${searchQueryString(state)}`;
  if (next !== `${location.pathname}${location.search}`) history.pushState(null, "", next);
  void run(readSearchState(searchQueryString(state)).query);
});

window.addEventListener("popstate", () => void run(readSearchState(location.search).query));

// Warm the index while the reader is still typing.
input?.addEventListener("focus", () => void loadPagefind(), { once: true });

void run(readSearchState(location.search).query);
