#!/usr/bin/env node
// Makes sure the tests have what they need beyond npm packages: a Chromium for the browser tests
// (Playwright cannot download its own on this network, so Debian's `chromium` is used), Java
// for the W3C Nu HTML Checker, poppler's pdftotext for the printed-essay and PDF tests and
// W3C EPUBCheck for the EPUB tests. Installs what is missing with apt-get when it can (root on
// Debian/Ubuntu, as in CI); otherwise says what to install. CHROMIUM_PATH picks another browser.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath } from "./lib/chromium.mjs";

const need = [];

const chromium = chromiumPath();
let playwrightBrowser = false;
try {
  const { chromium: pw } = await import("@playwright/test");
  playwrightBrowser = existsSync(pw.executablePath());
} catch {
  // Playwright's own browser is not installed.
}
if (!chromium && !playwrightBrowser) need.push({ what: "Chromium", apt: "chromium" });

if (spawnSync("java", ["-version"], { stdio: "ignore" }).status !== 0) {
  need.push({ what: "Java (for the W3C HTML checker)", apt: "default-jre-headless" });
}

// pdftotext (poppler-utils), to read back an essay printed to PDF as a reader's PDF viewer would.
if (spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status !== 0) {
  need.push({ what: "pdftotext (to read printed PDFs)", apt: "poppler-utils" });
}

// W3C EPUBCheck (Debian's epubcheck package: a jar run with Java), to validate every EPUB.
if (!["/usr/share/java/epubcheck.jar", "/usr/share/epubcheck/epubcheck.jar"].some(existsSync)) {
  need.push({ what: "EPUBCheck (to validate the EPUBs)", apt: "epubcheck" });
}

if (need.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  const packages = need.map((n) => n.apt).join(" ");
  console.log(`Installing ${packages} for the tests…`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`,
    {
      stdio: "inherit",
    },
  );
  process.exit(0);
}

console.error(
  `The tests need ${need.map((n) => n.what).join(" and ")}.\n` +
    `On Debian/Ubuntu: sudo apt-get install ${need.map((n) => n.apt).join(" ")}\n` +
    "(or point CHROMIUM_PATH at a Chromium or Chrome binary), then run the tests again.",
);
process.exit(1);
