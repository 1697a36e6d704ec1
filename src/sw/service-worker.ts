/**
 * The service worker (runs in the browser's service-worker scope; bundled by esbuild and given its
 * precache list by Workbox in src/integrations/service-worker.ts). Built on Workbox's modules:
 *
 * - the shell (CSS, scripts, fonts, icons, the offline page) is precached, per deployment;
 * - pages are fetched network first, so a reader online always gets the deployment's pages, and
 *   the last 100 opened are kept for offline reading; a page the reader has neither opened nor
 *   kept shows the offline page, never a browser error;
 * - scripts and styles (hashed names) and Pagefind's hashed chunks are cached first, as pages and
 *   searches use them; other search files network first;
 * - "Keep offline" (a message from the page) stores a set of pages with the whole search index
 *   in a cache of its own that is never expired, and records the set, so that an update keeps
 *   the same sets from the new deployment;
 * - an update waits until the reader chooses to reload (workbox-window's `messageSkipWaiting`);
 *   the new version then refreshes what was kept and opened from the new deployment and drops
 *   what the deployment no longer has, so no old page is shown with new assets or the reverse.
 *   Workbox removes the old precache.
 *
 * PDFs, EPUBs and images go straight to the network and are not cached.
 */
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import type { PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst, NetworkOnly } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core/types.js";
import {
  KEPT_CACHE,
  KEPT_RECORD,
  RUNTIME_CACHES,
  type KeepReply,
  type KeptRecord,
  type OfflineSetFile,
  type WorkerMessage,
} from "../lib/offline-protocol.ts";

/** The parts of the service-worker scope this file uses. */
interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { matchAll(): Promise<{ postMessage(message: unknown): void }[]> };
  addEventListener(
    type: "message",
    listener: (event: {
      data: WorkerMessage;
      ports: readonly MessagePort[];
      waitUntil(promise: Promise<unknown>): void;
    }) => void,
  ): void;
}
declare const self: WorkerScope;
declare const __BASE__: string;
declare const __VERSION__: string;

const BASE = __BASE__;
const RECORD = `${BASE.replace(/\/$/, "")}${KEPT_RECORD}`;
const OFFLINE_PAGE = `${BASE}offline/index.html`;
const SEARCH_SET = `${BASE}offline/search.json`;
/** The sizes the controls show: kept with the search index, so they can say them offline. */
const SUMMARY = `${BASE}offline/summary.json`;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const sameOrigin = (url: URL) => url.origin === self.location.origin;
/** A page's address without its query (`?highlight=…` opens the same page). */
const pageKey = (url: string) => {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  return u.href;
};

const kept = () => caches.open(KEPT_CACHE);

/** Falls back to what the reader kept when the network and the route's cache have nothing. */
const fromKept: WorkboxPlugin = {
  handlerDidError: async ({ request }) => (await kept()).match(pageKey(request.url)),
};

/** Pages are stored without their query, and fall back to kept pages, then the offline page. */
const pages: WorkboxPlugin = {
  cacheKeyWillBeUsed: ({ request }) => Promise.resolve(pageKey(request.url)),
  handlerDidError: async ({ request }) =>
    (await (await kept()).match(pageKey(request.url))) ?? (await matchPrecache(OFFLINE_PAGE)),
};

registerRoute(
  ({ request, url }) => request.mode === "navigate" && sameOrigin(url),
  new NetworkFirst({
    cacheName: RUNTIME_CACHES.pages,
    networkTimeoutSeconds: 6,
    plugins: [pages, new ExpirationPlugin({ maxEntries: 100, purgeOnQuotaError: true })],
  }),
);
registerRoute(
  ({ url }) => sameOrigin(url) && /\.(pdf|epub|png)$/.test(url.pathname),
  new NetworkOnly(),
);
// Scripts and styles have their content's hash in their names: once fetched, always right.
registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith(`${BASE}_astro/`),
  new CacheFirst({
    cacheName: RUNTIME_CACHES.assets,
    plugins: [fromKept, new ExpirationPlugin({ maxEntries: 100, purgeOnQuotaError: true })],
  }),
);
registerRoute(
  ({ url }) =>
    sameOrigin(url) &&
    url.pathname.startsWith(BASE) &&
    /\/pagefind\/(index|fragment|filter)\/|\.pf_meta$/.test(url.pathname),
  new CacheFirst({
    cacheName: RUNTIME_CACHES.search,
    plugins: [fromKept, new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true })],
  }),
);
registerRoute(
  ({ url, request }) => sameOrigin(url) && request.method === "GET",
  new NetworkFirst({
    cacheName: RUNTIME_CACHES.files,
    networkTimeoutSeconds: 6,
    plugins: [fromKept, new ExpirationPlugin({ maxEntries: 150, purgeOnQuotaError: true })],
  }),
);

/** The sets kept, as recorded in the kept cache. */
async function readRecord(): Promise<KeptRecord> {
  const response = await (await kept()).match(RECORD);
  return response ? ((await response.json()) as KeptRecord) : { version: __VERSION__, sets: {} };
}

async function writeRecord(record: KeptRecord): Promise<void> {
  await (
    await kept()
  ).put(
    RECORD,
    new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }),
  );
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Tells every open page how far keeping a set has got. */
async function progress(set: string, done: number, total: number): Promise<void> {
  for (const client of await self.clients.matchAll()) {
    client.postMessage({ type: "KEEP_PROGRESS", set, done, total });
  }
}

/** Stores every URL (eight at a time), revalidating what the browser has. */
async function store(urls: string[], onProgress: (done: number) => Promise<void>): Promise<void> {
  const cache = await kept();
  for (let i = 0; i < urls.length; i += 8) {
    await Promise.all(
      urls.slice(i, i + 8).map(async (url) => {
        const response = await fetch(url, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(pageKey(new URL(url, self.location.href).href), response);
      }),
    );
    await onProgress(Math.min(urls.length, i + 8));
  }
}

/** Deletes kept entries no recorded set lists (the record itself stays). */
async function prune(record: KeptRecord): Promise<void> {
  const wanted = new Set(
    Object.values(record.sets)
      .flatMap((s) => s.urls)
      .map((u) => pageKey(new URL(u, self.location.href).href)),
  );
  const cache = await kept();
  for (const request of await cache.keys()) {
    if (request.url !== new URL(RECORD, self.location.href).href && !wanted.has(request.url)) {
      await cache.delete(request);
    }
  }
}

/** Keeps a set (its pages and the search index) and records it. */
async function keep(setUrl: string): Promise<KeepReply> {
  const [set, search] = await Promise.all([
    fetchJson<OfflineSetFile>(setUrl),
    fetchJson<OfflineSetFile>(SEARCH_SET),
  ]);
  // The set's own description goes too, so its control can say what is kept while offline.
  const urls = [...new Set([setUrl, SEARCH_SET, SUMMARY, ...set.urls, ...search.urls])];
  await store(urls, (done) => progress(setUrl, done, urls.length));
  const record = await readRecord();
  record.sets[setUrl] = {
    label: set.label,
    essays: set.essays,
    bytes: set.bytes,
    urls: [setUrl, ...set.urls],
  };
  record.sets[SEARCH_SET] = {
    label: search.label,
    essays: 0,
    bytes: search.bytes,
    urls: [SEARCH_SET, SUMMARY, ...search.urls],
  };
  await writeRecord(record);
  return replyOf(record);
}

/** Forgets a set; what no other set needs is deleted (the search index goes with the last set). */
async function forget(setUrl: string): Promise<KeepReply> {
  const record = await readRecord();
  delete record.sets[setUrl];
  const others = Object.keys(record.sets).filter((s) => s !== SEARCH_SET);
  if (others.length === 0) delete record.sets[SEARCH_SET];
  await writeRecord(record);
  await prune(record);
  return replyOf(record);
}

/** What is kept: each set and the bytes of all of them. */
function replyOf(record: KeptRecord): KeepReply {
  return {
    kept: Object.fromEntries(
      Object.entries(record.sets).map(([url, s]) => [url, { label: s.label, bytes: s.bytes }]),
    ),
    bytes: Object.values(record.sets).reduce((sum, s) => sum + s.bytes, 0),
  };
}

/**
 * After an update: each kept set again from the new deployment (files it no longer has are
 * dropped), and the opened pages and files refreshed, or dropped where the deployment has them
 * no more, so nothing from the old deployment is shown with the new one.
 */
async function refresh(): Promise<void> {
  const record = await readRecord();
  if (record.version === __VERSION__) return;
  for (const setUrl of Object.keys(record.sets)) {
    try {
      const set = await fetchJson<OfflineSetFile>(setUrl);
      const urls = [setUrl, ...(setUrl === SEARCH_SET ? [SUMMARY] : []), ...set.urls];
      await store(urls, () => Promise.resolve());
      record.sets[setUrl] = { label: set.label, essays: set.essays, bytes: set.bytes, urls };
    } catch {
      return; // offline, or the set is gone: try again on the next page load
    }
  }
  record.version = __VERSION__;
  await writeRecord(record);
  await prune(record);
  for (const name of [RUNTIME_CACHES.pages, RUNTIME_CACHES.files]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await fetch(request.url, { cache: "no-cache" }).catch(() => undefined);
      if (!response) return;
      if (response.ok) await cache.put(request, response);
      else await cache.delete(request);
    }
  }
}

self.addEventListener("message", (event) => {
  const message = event.data;
  const reply = (work: Promise<KeepReply>) =>
    event.waitUntil(
      work.then(
        (result) => event.ports[0]?.postMessage(result),
        (error: unknown) => event.ports[0]?.postMessage({ error: String(error) }),
      ),
    );
  if (message?.type === "SKIP_WAITING") void self.skipWaiting();
  else if (message?.type === "KEEP") reply(keep(message.set));
  else if (message?.type === "FORGET") reply(forget(message.set));
  else if (message?.type === "KEPT") reply(readRecord().then(replyOf));
  else if (message?.type === "HELLO") event.waitUntil(refresh().catch(() => undefined));
});
