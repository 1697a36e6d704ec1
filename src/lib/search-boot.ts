/**
 * The search page starts Pagefind before anything else: a one-line inline script (allowed by its
 * hash in the Content-Security-Policy) begins loading the engine, its WebAssembly and the index
 * chunk for the query in the URL while the page's own code is still loading. The search script
 * picks up the same promise.
 */

/** Pagefind's options, the same wherever it is started. */
export const PAGEFIND_OPTIONS = { excerptLength: 30 } as const;

/** The global the inline script leaves the loading engine in. */
export const BOOT_GLOBAL = "__pagefindBoot";

/** The inline script for a site deployed under `base` (e.g. "/" or "/reader/"). */
export function searchBootScript(base: string): string {
  const root = JSON.stringify(base.endsWith("/") ? base : `${base}/`);
  const options = JSON.stringify(PAGEFIND_OPTIONS);
  // Options, start-up and the query's index chunk are all asked for at once: Pagefind's worker
  // handles them in order, and the page's thread never waits between them.
  return (
    `window.${BOOT_GLOBAL}=import(${root}+"pagefind/pagefind.js").then(function(p){` +
    `var o=p.options(Object.assign({baseUrl:${root}},${options})),i=p.init();` +
    `var q=new URLSearchParams(location.search).get("q");if(q&&q.trim())p.preload(q.trim());` +
    `return Promise.all([o,i]).then(function(){return p})});` +
    `window.${BOOT_GLOBAL}.catch(function(){});`
  );
}
