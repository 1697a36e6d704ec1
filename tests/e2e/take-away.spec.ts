/**
 * Taking essays away, as a reader does it: the PDF opens from the essay's header and its
 * citation panel as a PDF; the EPUBs download as EPUBs from the essay, a tag page and the essay
 * list; without service workers the site is as it was, with no "Keep offline" control.
 */
import { expect, test, type Page } from "@playwright/test";
import { PAGE_TYPES } from "./support/pages.ts";

/** Every script error and console error the page reports, as it reports them. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

const ESSAY = PAGE_TYPES.essay;
const ID = ESSAY.split("/")[2]!;

test.describe("take-away copies", () => {
  test("the essay's PDF and EPUB, from its header and its citation panel", async ({ page }) => {
    await page.goto(ESSAY);
    for (const where of ["header", "#cite"]) {
      const pdf = page.locator(where).getByRole("link", { name: "PDF", exact: true });
      await expect(pdf).toHaveAttribute("href", `/essays/${ID}.pdf`);
      const response = await page.request.get((await pdf.getAttribute("href"))!);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect((await response.body()).subarray(0, 8).toString()).toBe("%PDF-1.7");
    }
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("header").getByRole("link", { name: "EPUB", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${ID}.epub`);
    const response = await page.request.get(`/essays/${ID}.epub`);
    expect(response.headers()["content-type"]).toBe("application/epub+zip");
  });

  test("a tag's essays and all essays as one EPUB each", async ({ page }) => {
    for (const [path, name] of [
      [PAGE_TYPES.tag, /^All \d+ essays tagged “Russian foreign policy” as one EPUB$/],
      [PAGE_TYPES.essays, /^All 6 essays as one EPUB$/],
    ] as const) {
      await page.goto(path);
      const link = page.getByRole("link", { name });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename(), path).toMatch(/\.epub$/);
      const response = await page.request.get((await link.getAttribute("href"))!);
      expect(response.headers()["content-type"]).toBe("application/epub+zip");
      expect((await response.body()).subarray(30, 38).toString()).toBe("mimetype");
    }
  });
});

test.describe("without service workers", () => {
  test("pages read and search as before, with no Keep offline control and no errors", async ({
    page,
  }) => {
    const errors = pageErrors(page);
    await page.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    await page.goto(ESSAY);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator("keep-offline")).toBeHidden();
    await page.goto(PAGE_TYPES.essays);
    await expect(page.locator("keep-offline")).toBeHidden();
    await page.goto("/search/?q=Putin");
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe("where the browser refuses the service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("the page reads as before, shows no Keep offline control and logs no error", async ({
    page,
  }) => {
    const errors = pageErrors(page);
    await page.goto(PAGE_TYPES.essays);
    await expect(page.locator("h1")).toHaveText("All essays");
    await expect(page.locator("keep-offline")).toBeHidden();
    expect(errors).toEqual([]);
  });
});
