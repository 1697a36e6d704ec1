/**
 * A cache on disk for work done per item at build time (citations, share images), so a rebuild
 * redoes only what changed. Each result is stored under a key hashed from everything it depends
 * on: the item itself and the code and packages that compute it (`codeKey`), so an edit to an
 * essay, its author, the code or a package version computes it again, and nothing stale survives.
 * The cache lives in `node_modules/.cache/research-reader/` (a CI cache keeps it with
 * `node_modules/.astro`); `RESEARCH_READER_CACHE` puts it elsewhere. Runs only at build (Node).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

/** The cache's folder (relative to the project root, where builds run). */
export const cacheRoot = (): string =>
  process.env.RESEARCH_READER_CACHE ?? join("node_modules", ".cache", "research-reader");

/** How one kind of result is written to and read from its file. */
export interface Codec<R> {
  extension: string;
  encode(result: R): string | Uint8Array;
  decode(bytes: Buffer): R;
}

/** Results as JSON. */
export const JSON_CODEC: Codec<unknown> = {
  extension: "json",
  encode: (result) => JSON.stringify(result),
  decode: (bytes) => JSON.parse(bytes.toString("utf8")) as unknown,
};

/** Results that are bytes (images). */
export const BYTES_CODEC: Codec<Uint8Array> = {
  extension: "bin",
  encode: (result) => result,
  decode: (bytes) => bytes,
};

/** A short hex key for any JSON-able value. */
export function contentKey(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/**
 * What a computation's code is: the text of the project files that compute it and the versions of
 * the packages they call (paths from the project root, where builds run). Part of every key, so a change to either invalidates the results.
 */
export function codeKey(files: string[], packages: string[]): string {
  return contentKey({
    files: files.map((file) => [file, readFileSync(file, "utf8")]),
    packages: packages.map((name) => {
      const manifest = join("node_modules", name, "package.json");
      return [name, (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version];
    }),
  });
}

/** One kind of cached result: its folder name, codec and the key of the code that computes it. */
export interface CacheKind<R> {
  name: string;
  codec: Codec<R>;
  code: string;
}

/** How many results of one lookup came from the cache and how many were computed. */
export interface CacheFigures {
  hits: number;
  computed: number;
}

/**
 * The results for `items`, in order: read from the cache where present, the rest computed by
 * `compute` (given only the missing items, in order) and stored. An unreadable entry is computed
 * again; a cache that cannot be written only costs the next build the work.
 */
export async function cachedMany<T, R>(
  kind: CacheKind<R>,
  items: T[],
  keyOf: (item: T) => unknown,
  compute: (missing: T[]) => Promise<R[]> | R[],
): Promise<{ results: R[]; figures: CacheFigures }> {
  const dir = join(cacheRoot(), kind.name);
  const code = kind.code; // read once: it may hash files
  const files = items.map((item) =>
    join(dir, `${contentKey({ code, item: keyOf(item) })}.${kind.codec.extension}`),
  );
  const results: (R | undefined)[] = files.map((file) => {
    try {
      return kind.codec.decode(readFileSync(file));
    } catch {
      return undefined; // not computed yet, or unreadable
    }
  });
  const missing = items.map((_, i) => i).filter((i) => results[i] === undefined);
  if (missing.length) {
    const computed = await compute(missing.map((i) => items[i]!));
    let writable = true;
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      writable = false;
    }
    missing.forEach((i, j) => {
      results[i] = computed[j];
      if (!writable) return;
      try {
        // Under a name of its own first, so a build cut short never leaves half an entry.
        const temporary = `${files[i]}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temporary, kind.codec.encode(computed[j]!));
        renameSync(temporary, files[i]!);
      } catch {
        writable = false;
      }
    });
  }
  return {
    results: results as R[],
    figures: { hits: items.length - missing.length, computed: missing.length },
  };
}

/**
 * Like `cachedMany`, for results too large to hold all at once (a PDF per essay): makes sure each
 * item's result is in the cache, computing the missing ones in batches of `batch`, and returns a
 * reader that loads one result when asked. Where the cache cannot be written, results are kept
 * in memory instead.
 */
export async function cachedFiles<T, R>(
  kind: CacheKind<R>,
  items: T[],
  keyOf: (item: T) => unknown,
  compute: (missing: T[]) => Promise<R[]> | R[],
  batch = 400,
): Promise<{ read: (index: number) => R; figures: CacheFigures }> {
  const dir = join(cacheRoot(), kind.name);
  const code = kind.code;
  const files = items.map((item) =>
    join(dir, `${contentKey({ code, item: keyOf(item) })}.${kind.codec.extension}`),
  );
  const missing = items.map((_, i) => i).filter((i) => !existsSync(files[i]!));
  const kept = new Map<number, R>();
  let writable = true;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    writable = false;
  }
  for (let start = 0; start < missing.length; start += batch) {
    const part = missing.slice(start, start + batch);
    const computed = await compute(part.map((i) => items[i]!));
    part.forEach((i, j) => {
      if (writable) {
        try {
          const temporary = `${files[i]}.${process.pid}-${threadId}.tmp`;
          writeFileSync(temporary, kind.codec.encode(computed[j]!));
          renameSync(temporary, files[i]!);
          return;
        } catch {
          writable = false;
        }
      }
      kept.set(i, computed[j]!);
    });
  }
  const read = (index: number): R => {
    const held = kept.get(index);
    if (held !== undefined) return held;
    try {
      return kind.codec.decode(readFileSync(files[index]!));
    } catch (error) {
      throw new Error(`The build cache lost ${files[index]} during the build`, { cause: error });
    }
  };
  return { read, figures: { hits: items.length - missing.length, computed: missing.length } };
}
