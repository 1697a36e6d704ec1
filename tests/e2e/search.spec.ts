import { expect, test, type Page } from "@playwright/test";

const results = (page: Page) => page.locator("#search-results > li");

test.describe("search", () => {
  test("header search → results with excerpts → the essay", async ({ page }) => {
    await page.goto("/tags/");
    const box = page.getByRole("search").getByRole("searchbox", { name: "Search essays" });
    await box.fill("Russkii Mir");
    await box.press("Enter");

    await expect(page).toHaveURL(/\/search\/\?q=Russkii(\+|%20)Mir$/);
    await expect(page.locator("#search-status")).toHaveText(/1 essay matches “Russkii Mir”/);
    await expect(results(page).first().getByRole("heading")).toHaveText(
      "Cultural Statecraft in the Russian and Chinese Contexts",
    );
    await expect(results(page).first().locator("mark").first()).toHaveText(/Russkii/i);
    await expect(results(page).first()).toContainText("Jeanne L. Wilson");

    await results(page).first().getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(
      /\/essays\/cultural-statecraft-in-the-russian-and-chinese-contexts\/$/,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Cultural Statecraft in the Russian and Chinese Contexts",
    );
  });

  test("finds the Ukraine essay by its Chinese characters", async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent("俄罗斯研究")}`);
    await expect(results(page).first().getByRole("heading")).toHaveText(
      /Chinese Perspectives on Events in Ukraine/,
    );
  });

  test("runs the query from the URL on load and ranks by relevance", async ({ page }) => {
    await page.goto("/search/?q=Crimea");
    await expect(page.getByRole("searchbox", { name: "Search words" })).toHaveValue("Crimea");
    await expect(results(page).first().getByRole("heading")).toHaveText(
      /Chinese Perspectives on Events in Ukraine/,
    );
  });

  test("author names find their essays", async ({ page }) => {
    await page.goto("/search/?q=Rozman");
    await expect(results(page).first().getByRole("heading")).toHaveText(
      "Russian Dissatisfaction with China and Its Limits",
    );
  });

  test("says so when nothing matches, and keeps Back working", async ({ page }) => {
    await page.goto("/search/?q=Crimea");
    await expect(results(page).first()).toBeVisible();

    const box = page.getByRole("searchbox", { name: "Search words" });
    await box.fill("zzxqvw");
    await box.press("Enter");
    await expect(page).toHaveURL(/q=zzxqvw/);
    await expect(page.locator("#search-status")).toHaveText("No essays match “zzxqvw”.");
    await expect(results(page)).toHaveCount(0);

    await page.goBack();
    await expect(page).toHaveURL(/q=Crimea/);
    await expect(box).toHaveValue("Crimea");
    await expect(results(page).first()).toBeVisible();
  });

  test("odd queries get an answer, not a crash", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const q of ["%", "<script>alert(1)</script>", '"', "   ", "a".repeat(500)]) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the essays");
      if (q.trim()) await expect(page.locator("#search-status")).toHaveText(/match/);
    }
    expect(errors).toEqual([]);
  });
});
