/** Small formatting helpers shared by pages (build and browser). */
import { memo } from "./memo.ts";

/**
 * Made on first use, not on import: creating a number format costs a browser about 20 ms of
 * locale data, on the search page's path to its first result.
 */
const number = memo(() => new Intl.NumberFormat("en"));

/** "1 essay", "12 essays", "1,204 mentions"; `plural` for nouns that do not just add "s". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${number().format(n)} ${n === 1 ? noun : plural}`;
}

/** English list: "a", "a and b", "a, b and c" (or "or"). */
export function listOf(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** Text in curly double quotes: “Crimea”. */
export const quoted = (text: string): string => `“${text}”`;

/** A size for people: "840 KB", "1.4 MB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
