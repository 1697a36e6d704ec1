// Which built files are the search's own code, for the benchmarks: the chunks the search engine
// is bundled into (the engine, its views, spelling and vocabulary), as Vite names them after
// src/scripts/search/engine.ts, views.ts and src/lib/search/spelling.ts, vocabulary.ts.

/** Matches the path of a search code chunk under /_astro/. */
export const SEARCH_CHUNK = /\/_astro\/(engine|views|spelling|vocabulary)\.[\w-]+\.js$/;
