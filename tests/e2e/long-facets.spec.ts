import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { fixtureProject, serveFixture, type FixtureProject } from "../support/fixture-project.ts";
import { resultsSettled } from "./support/pages.ts";

/**
 * A collection with long facets (60 authors, 120 subjects): the search page lists each long
 * facet's 20 values with the most essays, so its size does not grow with the collection, and
 * "Show all" (or a chosen value the short list lacks) brings the whole list, ticked and counted.
 */
const PORT = 4337;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let project: FixtureProject;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  project = fixtureProject(generateCorpus({ essays: 90, authors: 60, tags: 12, subjects: 120 }));
  const { status, output } = await project.build({ SITE_URL: ORIGIN });
  expect(status, output).toBe(0);
  server = await serveFixture(join(project.dir, "dist"), PORT);
});

test.afterAll(() => {
  server?.kill();
  project?.remove();
});

const authorBoxes = (page: Page) => page.locator("input[type=checkbox][name=author]");

test("a long facet shows its 20 values with most essays, and Show all brings the rest", async ({
  page,
}) => {
  await page.goto(`${ORIGIN}/search/`);
  await expect(authorBoxes(page)).toHaveCount(20);
  const totals = await authorBoxes(page).evaluateAll((boxes) =>
    boxes.map((b) => Number((b as HTMLInputElement).dataset.total)),
  );
  const more = page.getByRole("button", { name: "Show all 60 authors" });
  await more.click();
  await expect(authorBoxes(page)).toHaveCount(60);
  await expect(more).toHaveCount(0);
  // No value left out had more essays than one shown.
  const all = await authorBoxes(page).evaluateAll((boxes) =>
    boxes.map((b) => Number((b as HTMLInputElement).dataset.total)),
  );
  const shownLeast = Math.min(...totals);
  expect(all.filter((n) => n > shownLeast).length).toBeLessThanOrEqual(20);
  // The focus goes to the first value that was not shown before, not back to the top.
  await expect(page.locator("input[name=author]:focus")).toHaveCount(1);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/author=/);
  await resultsSettled(page);
  await expect(page.locator("#search-results > li").first()).toBeVisible();
});

test("a chosen value the short list lacks brings the whole list, ticked", async ({ page }) => {
  await page.goto(`${ORIGIN}/search/`);
  const shown = new Set(
    await authorBoxes(page).evaluateAll((b) => b.map((x) => (x as HTMLInputElement).value)),
  );
  const hidden = await page
    .locator("template#facet-author-more")
    .evaluate(
      (t, shownValues) =>
        [...(t as HTMLTemplateElement).content.querySelectorAll("input")]
          .map((x) => x.value)
          .find((v) => !shownValues.includes(v))!,
      [...shown],
    );
  await page.goto(`${ORIGIN}/search/?author=${hidden}`);
  await resultsSettled(page);
  await expect(authorBoxes(page)).toHaveCount(60);
  await expect(page.locator(`input[name=author][value="${hidden}"]`)).toBeChecked();
  await expect(page.getByRole("button", { name: /^Remove filter author/ })).toBeVisible();
});

test("the folded subjects open to a short list too", async ({ page }) => {
  await page.goto(`${ORIGIN}/search/`);
  await page.locator("#facet-subject summary").click();
  await expect(page.locator("input[type=checkbox][name=subject]")).toHaveCount(20);
  await page.getByRole("button", { name: /^Show all \d+ subjects$/ }).click();
  expect(await page.locator("input[type=checkbox][name=subject]").count()).toBeGreaterThan(50);
});
