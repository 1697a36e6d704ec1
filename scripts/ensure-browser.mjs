#!/usr/bin/env node
// Makes sure the browser tests have a Chromium to drive. Playwright cannot download its own
// browser on this network, so we use Debian's `chromium` package, installing it when we can
// (root with apt-get, as in CI). Set CHROMIUM_PATH to use a browser installed elsewhere.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
const found = candidates.find((path) => path && existsSync(path));
if (found) process.exit(0);

try {
  const { chromium } = await import("@playwright/test");
  if (existsSync(chromium.executablePath())) process.exit(0);
} catch {
  // Playwright's own browser is not installed; fall through to apt-get.
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("Installing Debian's chromium for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  if (existsSync("/usr/bin/chromium")) process.exit(0);
}

console.error(
  "No Chromium for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`)\n" +
    "or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.",
);
process.exit(1);
