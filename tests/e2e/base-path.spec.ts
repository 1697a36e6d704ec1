import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import {
  fixtureProject,
  realContent,
  serveFixture,
  type FixtureProject,
} from "../support/fixture-project.ts";

/**
 * The site under a base path: built with BASE_PATH=/reader/ and served only below /reader/, every
 * link, asset and #fragment resolves and search returns /reader/… URLs.
 */
const PORT = 4336;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let project: FixtureProject;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  project = fixtureProject(realContent());
  const { status, output } = await project.build({ BASE_PATH: "/reader/", SITE_URL: ORIGIN });
  expect(status, output).toBe(0);
  server = await serveFixture(join(project.dir, "dist"), PORT, {
    probe: "/reader/",
    args: ["--base", "/reader/"],
  });
});

test.afterAll(() => {
  server?.kill();
  project?.remove();
});

test("nothing is served outside /reader/", async () => {
  expect((await fetch(`${ORIGIN}/essays/`)).status).toBe(404);
  expect((await fetch(`${ORIGIN}/reader/essays/`)).status).toBe(200);
});

test("every link, asset and #fragment resolves below /reader/", async () => {
  test.setTimeout(120_000);
  const result = await new LinkChecker().check({
    path: `${ORIGIN}/reader/`,
    recurse: true,
    checkFragments: true,
    linksToSkip: async (link) => /^https?:/.test(link) && !link.startsWith(`${ORIGIN}/reader/`),
  });
  const broken = result.links
    .filter((l) => l.state === "BROKEN")
    .map((l) => `${l.url} ← ${l.parent}`);
  expect(broken).toEqual([]);
  expect(result.links.filter((l) => l.state === "OK").length).toBeGreaterThan(50);
});

test("search returns /reader/ URLs that open the essay", async ({ page }) => {
  await page.goto(`${ORIGIN}/reader/search/?q=Crimea`);
  const link = page.locator("#search-results > li").first().getByRole("heading").getByRole("link");
  await expect(link).toHaveAttribute(
    "href",
    /^\/reader\/essays\/chinese-perspectives[^?]*\/\?highlight=Crimea(&highlight=Crimea%E2%80%99s)?$/,
  );
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /Chinese Perspectives on Events in Ukraine/,
  );
  await expect(page.locator("mark.search-hit").first()).toBeVisible();

  await page.keyboard.press("/");
  await page.keyboard.type("Rozman");
  // The options answer what was typed, not a first letter of it.
  await expect(page.locator("#site-search-status")).toContainText("“Rozman”");
  const option = page.getByRole("listbox", { name: "Search results" }).getByRole("option").first();
  await expect(option).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(
    /\/reader\/essays\/russian-dissatisfaction-with-china-and-its-limits\//,
  );
});
