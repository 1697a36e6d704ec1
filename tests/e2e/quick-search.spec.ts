import { expect, test } from "@playwright/test";

test.describe("search from anywhere", () => {
  for (const shortcut of ["/", "Control+k"]) {
    test(`${shortcut} opens the header search; arrows, Enter and Esc work`, async ({ page }) => {
      await page.goto("/authors/");
      const start = page.getByRole("link", { name: "Gilbert Rozman" });
      await start.focus();
      await page.keyboard.press(shortcut);
      const box = page.getByRole("combobox", { name: "Search essays" });
      await expect(box).toBeFocused();

      await page.keyboard.type("Crimea", { delay: 20 });
      const listbox = page.getByRole("listbox", { name: "Search results" });
      await expect(listbox).toBeVisible();
      await expect(box).toHaveAttribute("aria-expanded", "true");
      await expect(page.locator("#site-search-status")).toHaveText(/^1 result for “Crimea”/);
      const options = listbox.getByRole("option");
      await expect(options.first()).toContainText("Chinese Perspectives on Events in Ukraine");

      await page.keyboard.press("ArrowDown");
      await expect(options.first()).toHaveAttribute("aria-selected", "true");
      await expect(box).toHaveAttribute(
        "aria-activedescendant",
        (await options.first().getAttribute("id"))!,
      );
      await page.keyboard.press("ArrowDown");
      await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
      await page.keyboard.press("ArrowUp");
      await expect(options.first()).toHaveAttribute("aria-selected", "true");

      // Esc closes and gives focus back to where it was.
      await page.keyboard.press("Escape");
      await expect(listbox).toBeHidden();
      await expect(start).toBeFocused();

      // Back in, the arrow key reopens the list on the first result; Enter opens it, on the
      // essay, with the terms highlighted.
      await page.keyboard.press(shortcut);
      await page.keyboard.press("ArrowDown");
      await expect(listbox).toBeVisible();
      await expect(options.first()).toHaveAttribute("aria-selected", "true");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(
        /\/essays\/chinese-perspectives[^?]*\?highlight=Crimea(&highlight=Crimea%E2%80%99s)?$/,
      );
      await expect(page.locator("article mark.search-hit").first()).toBeVisible();
    });
  }

  test("typing in a field does not trigger the / shortcut", async ({ page }) => {
    await page.goto("/search/?q=x");
    const box = page.getByRole("searchbox", { name: "Search words" });
    await box.fill("a/b");
    await expect(box).toHaveValue("a/b");
  });

  test("Enter without a chosen result opens the full search page", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("/");
    await page.keyboard.type("Taiwan");
    await expect(
      page.getByRole("listbox", { name: "Search results" }).getByRole("option").first(),
    ).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=Taiwan$/);
    await expect(page.locator("#search-status")).toHaveText("2 essays match “Taiwan”.");
  });

  test("a choice is never made from the answers to an earlier, shorter query", async ({ page }) => {
    // Installed, the clock still runs; paused, the typing delay passes only when the test says.
    await page.clock.install({ time: new Date("2026-01-01T00:00:00Z") });
    await page.goto("/tags/");
    await page.clock.pauseAt(new Date("2026-01-01T00:01:00Z"));
    await page.keyboard.press("/");
    await page.keyboard.type("R");
    await page.clock.runFor(500);
    const status = page.locator("#site-search-status");
    await expect(status).toContainText("“R”");
    // Typing runs ahead of the search: the options on show still answer "R".
    await page.keyboard.type("ozman");
    await page.keyboard.press("ArrowDown");
    // The arrow asked for "Rozman" at once, and chose nothing from the old answers.
    await expect(status).toContainText("“Rozman”");
    await expect(page.locator("[role=option][aria-selected=true]")).toHaveCount(0);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/essays\/russian-dissatisfaction-with-china-and-its-limits\//);
  });

  test("the index loads when the box is focused, before any typing", async ({ page }) => {
    await page.goto("/tags/");
    const loaded = page.waitForRequest(/pagefind\/pagefind\.js/);
    await page.getByRole("combobox", { name: "Search essays" }).focus();
    await loaded;
  });

  test("no search code beyond the box loads until it is used", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto("/essays/");
    await page.waitForLoadState("networkidle");
    expect(requests.filter((p) => p.includes("pagefind") || p.includes("vocabulary"))).toEqual([]);
  });
});
