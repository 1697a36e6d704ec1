/**
 * The search page starts Pagefind before anything else: a one-line inline script (allowed by its
 * hash in the Content-Security-Policy) begins loading the engine, its WebAssembly and the index
 * chunk for the query in the URL while the page's own code is still loading. The search script
 * picks up the same promise.
 */

import { FACET_KEYS } from "./facets.ts";

/** Pagefind's options, the same wherever it is started. */
export const PAGEFIND_OPTIONS = { excerptLength: 30 } as const;

/** The global the inline script leaves the loading engine in. */
export const BOOT_GLOBAL = "__pagefindBoot";

/** The class on <html> that says the search page's script runs. */
export const SEARCH_JS_CLASS = "search-js";

/** The class on <html> while a search asked for by the URL has not been shown yet. */
export const SEARCH_PENDING_CLASS = "search-pending";

/** The inline script for a site deployed under `base` (e.g. "/" or "/reader/"). */
export function searchBootScript(base: string): string {
  const root = JSON.stringify(base.endsWith("/") ? base : `${base}/`);
  const options = JSON.stringify(PAGEFIND_OPTIONS);
  // Options, start-up and the query's index chunk are all asked for at once: Pagefind's worker
  // handles them in order, and the page's thread never waits between them.
  // It also marks <html> at once, so CSS lays out the filters (and drops the "needs JavaScript"
  // note) in the first paint, and keeps the query help out of the way while the URL's search
  // runs, rather than moving the page when results arrive.
  return (
    `var c=document.documentElement.classList;c.add(${JSON.stringify(SEARCH_JS_CLASS)});` +
    `if(/[?&](${["q", ...FACET_KEYS].join("|")})=[^&]/.test(location.search))c.add(${JSON.stringify(SEARCH_PENDING_CLASS)});` +
    `window.${BOOT_GLOBAL}=import(${root}+"pagefind/pagefind.js").then(function(p){` +
    `var o=p.options(Object.assign({baseUrl:${root}},${options})),i=p.init();` +
    `var q=new URLSearchParams(location.search).get("q");if(q&&q.trim())p.preload(q.trim().replace(/(^|\\s)(-|OR(?=\\s))|"/g," ").trim());` +
    `return Promise.all([o,i]).then(function(){return p})});` +
    `window.${BOOT_GLOBAL}.catch(function(){});`
  );
}
