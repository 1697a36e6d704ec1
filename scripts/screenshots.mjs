#!/usr/bin/env node
// Takes the README's tour screenshots from the built site (dist/), served with its real headers:
// a phone (390 px) and a desktop (1280 px) view. Run after `npm run build`:
//
//   npm run screenshots
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium.mjs";

const PORT = 4391;
const OUT = "docs/screens";
const SHOTS = [
  {
    file: "desktop.png",
    // An essay opened from a search: the text, its ¶ numbers, the matches and the sidebar.
    path: "/essays/russian-dissatisfaction-with-china-and-its-limits/?highlight=Putin",
    viewport: { width: 1280, height: 800 },
    mobile: false,
  },
  {
    file: "phone.png",
    // What each essay says about one subject, quoted paragraph by paragraph.
    path: "/search/?q=Crimea",
    viewport: { width: 390, height: 844 },
    mobile: true,
  },
];

const server = spawn(process.execPath, ["scripts/serve.mjs", "dist", String(PORT)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve, reject) => {
  server.stdout.once("data", resolve);
  server.once("exit", (code) => reject(new Error(`the server stopped (${code})`)));
});
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
      deviceScaleFactor: 1,
      colorScheme: "light",
    });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}${shot.path}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${OUT}/${shot.file}` });
    console.log(`${OUT}/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
