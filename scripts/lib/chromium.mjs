// The one place that says which Chromium the tests, benchmarks and Lighthouse drive, and how.
// Playwright cannot download its own browser here, so Debian's is used; CHROMIUM_PATH picks
// another Chromium or Chrome.
import { existsSync } from "node:fs";

/** Chromium's flags for a quiet, reproducible headless run (no sandbox in containers). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** CHROMIUM_PATH if it exists, else the system's Chromium, else undefined. */
export function chromiumPath() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (p) => p && existsSync(p),
  );
}

/** Playwright's launch options for that Chromium. */
export function chromiumLaunchOptions() {
  const executablePath = chromiumPath();
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}
