/**
 * Where the reader's highlights and notes are kept (browser): IndexedDB, through idb-keyval, in
 * this browser only. Nothing here talks to a server; the site only serves files.
 */
import { clear, createStore, del, entries, set, setMany } from "idb-keyval";
import type { Highlight } from "../lib/annotations.ts";

/** The database and object store (made on first use, not on import). */
let store: ReturnType<typeof createStore> | undefined;
const db = () => (store ??= createStore("research-reader-notes", "highlights"));

/** Every highlight kept, oldest first. */
export async function allHighlights(): Promise<Highlight[]> {
  const all = (await entries<string, Highlight>(db())).map(([, h]) => h);
  return all.sort((a, b) => a.created.localeCompare(b.created));
}

/** Keeps (or replaces) one highlight. */
export const saveHighlight = (h: Highlight): Promise<void> => set(h.id, h, db());

/** Keeps many at once (an import). */
export const saveHighlights = (hs: Highlight[]): Promise<void> =>
  setMany(
    hs.map((h) => [h.id, h]),
    db(),
  );

/** Forgets one highlight. */
export const deleteHighlight = (id: string): Promise<void> => del(id, db());

/** Forgets every highlight and note. */
export const deleteAllHighlights = (): Promise<void> => clear(db());
