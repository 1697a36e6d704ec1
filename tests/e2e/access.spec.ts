import { expect, test } from "@playwright/test";
import { allPages } from "./support/pages.ts";

test.describe("any device, any input", () => {
  test("no page scrolls sideways on a 320 px phone", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const paths = allPages();
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) {
      await page.goto(path);
      if (path.startsWith("/search/?q="))
        await expect(page.locator("#search-results > li").first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} is ${overflow}px too wide`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  test("keyboard focus is always visible, starting with a skip link", async ({ page }) => {
    await page.goto("/essays/russian-dissatisfaction-with-china-and-its-limits/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    // Walk the first stops of the tab order: each focused element draws a visible outline.
    for (let i = 0; i < 12; i++) {
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          text: el.textContent?.trim().slice(0, 30),
          outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
          visible: box.width > 0 && box.height > 0,
        };
      });
      expect(ring.visible, `${ring.tag} “${ring.text}” is not visible`).toBe(true);
      expect(
        ring.outline,
        `${ring.tag} “${ring.text}” has no focus outline`,
      ).toBeGreaterThanOrEqual(2);
      await page.keyboard.press("Tab");
    }
  });

  test("the skip link moves focus to the main content", async ({ page }) => {
    await page.goto("/tags/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() =>
      document.querySelector("main")!.contains(document.activeElement),
    );
    expect(inMain).toBe(true);
  });

  test("a reader can reach and open an essay by keyboard alone", async ({ page }) => {
    await page.goto("/");
    const target = page.getByRole("link", {
      name: "Russian Dissatisfaction with China and Its Limits",
    });
    for (
      let i = 0;
      i < 80 && !(await target.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Russian Dissatisfaction with China and Its Limits",
    );
  });
});

test.describe("with JavaScript", () => {
  test("the search page does not show the no-JavaScript note", async ({ page }) => {
    await page.goto("/search/?q=Crimea");
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    await expect(page.getByText("Search needs JavaScript")).toBeHidden();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("everything but search works", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("link", { name: "A Sino-Russian Alliance? Rationales and Realities" })
      .click();
    await expect(page.locator("article")).toContainText("comprehensive strategic partnership");
    await page.getByRole("list", { name: "Tags" }).getByRole("link", { name: "Alliances" }).click();
    await expect(page.locator("main article")).toHaveCount(2);
    await page.locator("main article").first().getByRole("link", { name: "Jingdong Yuan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jingdong Yuan");
  });

  test("the search page says search needs JavaScript and offers the indexes", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search essays" }).fill("Crimea");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\/\?q=Crimea$/);
    await expect(page.locator("main")).toContainText("Search needs JavaScript");
    await expect(page.getByRole("searchbox", { name: "Search words" })).toBeVisible();
    // One search box on the page, the note said in full, and no promise the page cannot keep.
    await expect(page.getByRole("searchbox")).toHaveCount(1);
    await expect(page.locator("#search-needs-js")).toContainText(
      "browse the tags, the authors or all essays.",
    );
    await expect(page.locator("#search-needs-js")).toContainText("can neither read the search");
    // The help takes the page's width, not the 15 rem filter column.
    const [help, form] = await Promise.all([
      page.locator("#search-help").boundingBox(),
      page.locator("#search-form").boundingBox(),
    ]);
    expect(help!.width).toBeGreaterThan(form!.width * 0.9);
    await page.screenshot({ path: "test-results/screens/search-nojs-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screens/search-nojs-390.png", fullPage: true });
    await page.locator("main").getByRole("link", { name: "tags" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
  });

  test("the / shortcut hint is not shown where the key does nothing", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("[data-shortcut-hint]")).toBeHidden();
  });
});

test.describe("the / shortcut hint", () => {
  test("shows with a keyboard and a fine pointer, where / opens search", async ({ page }) => {
    await page.goto("/tags/");
    await expect(page.locator("[data-shortcut-hint]")).toBeVisible();
    await page.keyboard.press("/");
    await expect(page.getByRole("combobox", { name: "Search essays" })).toBeFocused();
  });

  test("is not shown on a touch phone", async ({ browser }) => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(new URL("/tags/", test.info().project.use.baseURL).href);
    await expect(page.locator("#site-search")).toBeVisible();
    await expect(page.locator("[data-shortcut-hint]")).toBeHidden();
    await phone.close();
  });
});
