/**
 * Offline reading and search, as a reader on a train has it: keep essays offline, go offline
 * (`context.setOffline`), read, reload, search and filter; a page never opened says so; a new
 * deployment is offered as an update and, once taken, what was kept comes from it.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveFixture } from "../support/fixture-project.ts";
import { PAGE_TYPES, resultsSettled } from "./support/pages.ts";

const MARSH =
  "/essays/chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations/";
const ROZMAN = "/essays/russian-dissatisfaction-with-china-and-its-limits/";

/** Waits until the service worker is active for the page. */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** The "Keep offline" control's status, once it knows its size. */
async function keepControl(page: Page) {
  const control = page.locator("keep-offline").first();
  await expect(control).toHaveAttribute("data-ready", "");
  return control;
}

/** Keeps the set of the page's control and waits until the worker says it is kept. */
async function keep(page: Page): Promise<void> {
  const control = await keepControl(page);
  await expect(control.locator("[data-slot=status]")).toHaveText(
    /^\d+(\.\d)? (KB|MB) with the search index\.$/,
  );
  await control.getByRole("button", { name: /^Keep .* offline$/ }).click();
  await expect(control.locator("[data-slot=status]")).toHaveText(/^Kept offline \(all kept: /, {
    timeout: 30_000,
  });
  await expect(control.getByRole("button")).toHaveAttribute("aria-pressed", "true");
}

/** The search's status line and result titles for a search URL. */
async function searchResults(page: Page, url: string) {
  await page.goto(url);
  await resultsSettled(page);
  return {
    status: await page.locator("#search-status").innerText(),
    titles: (await page.locator("#search-results [data-slot=title]").allInnerTexts()).map((t) =>
      t.replace(/\s+/g, " "),
    ),
    note: await page.locator("#search-results [data-offline-note]").allInnerTexts(),
  };
}

test.describe("offline", () => {
  test("kept essays read, reload, search and filter offline as they do online", async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    const searches = ["/search/?q=Putin", "/search/?q=Putin&tag=alliances", PAGE_TYPES.search];
    const online = [];
    for (const url of searches) online.push(await searchResults(page, url));

    await page.goto("/essays/");
    await workerReady(page);
    await keepControl(page);
    await expect(page.getByRole("button", { name: "Keep all 6 essays offline" })).toBeVisible();
    await keep(page);

    await context.setOffline(true);
    await page.goto(ROZMAN);
    await expect(page.locator("h1")).toHaveText(
      "Russian Dissatisfaction with China and Its Limits",
    );
    await page.reload();
    await expect(page.locator("#p-1")).toContainText("After a period of euphoria");
    await page.goto(`${MARSH}?highlight=Crimea`);
    await expect(page.locator("#p-5")).toContainText("俄罗斯研究");
    for (const [i, url] of searches.entries()) {
      expect(await searchResults(page, url), url).toEqual(online[i]);
    }
    // Every list page came with the collection.
    for (const url of [
      PAGE_TYPES.tags,
      PAGE_TYPES.tag,
      PAGE_TYPES.authors,
      PAGE_TYPES.subject,
      PAGE_TYPES.timeline,
    ]) {
      await page.goto(url);
      await expect(page.locator("h1"), url).not.toHaveText("You are offline");
    }
    // And the control says what is kept, offline too.
    await page.goto("/essays/");
    const control = await keepControl(page);
    await expect(control.locator("[data-slot=status]")).toHaveText(/^Kept offline/);
  });

  test("an opened essay reopens offline; a page never opened says the reader is offline", async ({
    page,
    context,
  }) => {
    await page.goto(MARSH);
    await workerReady(page);
    await page.goto(ROZMAN); // a page the worker controls, so it is stored
    await page.goto(MARSH);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator("h1")).toContainText("Chinese Perspectives on Events in Ukraine");
    await page.goto(ROZMAN);
    await expect(page.locator("h1")).toHaveText(
      "Russian Dissatisfaction with China and Its Limits",
    );
    await page.goto(PAGE_TYPES.tags);
    await expect(page.locator("h1")).toHaveText("You are offline");
    await expect(page.getByRole("link", { name: "Search what you have kept" })).toBeVisible();
  });

  test("one kept essay: offline search shows it and says how many results are not kept", async ({
    page,
    context,
    browser,
  }) => {
    // Searched online in a context of its own, so this one's HTTP cache holds no result.
    const elsewhere = await browser.newContext();
    const online = await searchResults(await elsewhere.newPage(), "/search/?q=China");
    await elsewhere.close();
    expect(online.titles.length).toBeGreaterThan(1);
    await page.goto(ROZMAN);
    await workerReady(page);
    await keepControl(page);
    await expect(page.getByRole("button", { name: "Keep this essay offline" })).toBeVisible();
    await keep(page);
    await context.setOffline(true);
    const offline = await searchResults(page, "/search/?q=China");
    expect(offline.status).toBe(online.status);
    expect(offline.titles).toEqual(["Russian Dissatisfaction with China and Its Limits"]);
    const others = online.titles.length - 1;
    expect(offline.note).toEqual([
      `${others} more results are essays not kept on this device: they show when you are online.`,
    ]);
    // Forgetting it frees the space (online again).
    await context.setOffline(false);
    await page.goto(ROZMAN);
    const control = await keepControl(page);
    await control.getByRole("button", { name: "Remove from offline" }).click();
    await expect(control.getByRole("button")).toHaveText("Keep this essay offline");
    const kept = await page.evaluate(
      async () => (await (await caches.open("reader-kept")).keys()).length,
    );
    expect(kept).toBe(1); // only the record of what is kept
  });
});

test.describe("a new deployment", () => {
  const PORT = 4341;
  let dir = "";
  let server: ChildProcess | undefined;
  const deploy = async (dist: string) => {
    server?.kill();
    server = await serveFixture(dist, PORT);
  };
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "reader-deploy-"));
    cpSync("dist", join(dir, "v1"), { recursive: true });
    cpSync("dist", join(dir, "v2"), { recursive: true });
    // Version 2: one essay's text as an editor fixed it, and the worker that knows it.
    const page = join(dir, "v2", MARSH, "index.html");
    writeFileSync(
      page,
      readFileSync(page, "utf8").replace("Much of the focus", "EDITED Much of the focus"),
    );
    const sw = join(dir, "v2", "sw.js");
    const code = readFileSync(sw, "utf8");
    const versions = new Set(code.match(/"[0-9a-f]{16}"/g));
    expect(versions.size, "the worker's deployment version").toBe(1);
    writeFileSync(sw, code.replaceAll([...versions][0]!, '"0123456789abcdef"'));
  });
  test.afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test("is offered as an update; after reloading, the kept essay is the new one, offline too", async ({
    page,
    context,
  }: {
    page: Page;
    context: BrowserContext;
  }) => {
    test.setTimeout(60_000);
    const origin = `http://127.0.0.1:${PORT}`;
    await deploy(join(dir, "v1"));
    await page.goto(`${origin}${MARSH}`);
    await workerReady(page);
    await keep(page);
    await expect(page.locator("#update-notice")).toBeHidden();

    await deploy(join(dir, "v2"));
    await page.reload();
    const notice = page.locator("#update-notice");
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText("A new version of the site is ready.");
    // Pages come from the network first, so online the reader already reads the new text.
    await expect(page.locator("#p-1")).toContainText("EDITED Much of the focus");
    // The reload the button makes, once the new worker has taken over.
    const reloaded = page.waitForEvent("load");
    await notice.getByRole("button", { name: "Reload to update" }).click();
    await reloaded;
    await expect(page.locator("#p-1")).toContainText("EDITED Much of the focus");
    await expect(notice).toBeHidden();

    // The new worker stores the kept essay again from the new deployment.
    await expect
      .poll(
        () =>
          page.evaluate(async (url) => {
            const response = await (await caches.open("reader-kept")).match(url);
            return response ? (await response.text()).includes("EDITED") : false;
          }, `${origin}${MARSH}`),
        { timeout: 20_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.goto(`${origin}${MARSH}`);
    await expect(page.locator("#p-1")).toContainText("EDITED Much of the focus");
    // One precache, the new deployment's.
    const names: string[] = await page.evaluate(() => caches.keys());
    expect(names.filter((c) => c.startsWith("workbox-precache"))).toHaveLength(1);
  });
});
