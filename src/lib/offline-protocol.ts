/**
 * What the pages and the service worker say to each other about keeping essays offline, and the
 * caches the worker keeps. Shared by src/sw/service-worker.ts and src/scripts/offline.ts;
 * runs in the browser (page and service worker).
 */
import type { OfflineSet } from "./offline.ts";

/** The service worker's file, at the base path. */
export const SERVICE_WORKER_FILE = "sw.js";

/** The cache of what the reader chose to keep: never expired, only pruned to the kept sets. */
export const KEPT_CACHE = "reader-kept";

/** Where, in the kept cache, the record of kept sets lives (a URL no page has). */
export const KEPT_RECORD = "/__reader-kept-sets__.json";

/** The caches of what the reader opened and searched, each bounded by entries. */
export const RUNTIME_CACHES = {
  pages: "reader-pages",
  assets: "reader-assets",
  search: "reader-search",
  files: "reader-files",
} as const;

/** An offline set as published under `offline/` (see lib/offline.ts). */
export type OfflineSetFile = OfflineSet;

/** The record of kept sets, by the set's URL, with the deployment it was last stored from. */
export interface KeptRecord {
  version: string;
  sets: Record<string, { label: string; essays: number; bytes: number; urls: string[] }>;
}

/** A message from a page to the service worker. */
export type WorkerMessage =
  | { type: "SKIP_WAITING" }
  | { type: "KEEP"; set: string }
  | { type: "FORGET"; set: string }
  | { type: "KEPT" }
  | { type: "HELLO" };

/** The worker's answer to KEEP, FORGET and KEPT: what is kept, by set, and its bytes in all. */
export interface KeepReply {
  kept: Record<string, { label: string; bytes: number }>;
  bytes: number;
  error?: string;
}

/** The worker's progress while keeping a set. */
export interface KeepProgress {
  type: "KEEP_PROGRESS";
  set: string;
  done: number;
  total: number;
}
