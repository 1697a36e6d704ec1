/**
 * Reading in context: previews of subjects, essays and passages on hover, on keyboard focus and on
 * a tap; backlinks that land on real passages; the map and its table.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PAGE_TYPES } from "./support/pages.ts";

const YUAN = "/essays/a-sino-russian-alliance-rationales-and-realities/";
const card = (page: Page) => page.locator("#link-preview");
const isOpen = (page: Page) => card(page).evaluate((el) => el.matches(":popover-open"));

/** The text of passage `n` of the essay at `path`, read from that essay's own page. */
async function passageOn(page: Page, path: string, n: number): Promise<string> {
  const other = await page.context().newPage();
  await other.goto(path);
  const text = await other.locator(`#p-${n}`).evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll(".para-tools").forEach((t) => t.remove());
    return clone.textContent!.replace(/\s+/g, " ").trim();
  });
  await other.close();
  return text;
}

test.describe("previews", () => {
  test("hovering a subject's mention shows its kind, description, counts and other essays' passages", async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(YUAN);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((p) => p.includes("/previews/"))).toEqual([]); // nothing until asked

    const sco = page.locator(
      '.essay-prose a.mention[data-subject="shanghai-cooperation-organisation"]',
    );
    await sco.hover();
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toContainText("Organisation");
    await expect(card(page)).toContainText("Shanghai Cooperation Organisation");
    await expect(card(page)).toContainText("Editor’s description");
    await expect(card(page)).toContainText("11 mentions in 5 paragraphs of 4 essays.");
    // Other essays' passages, never this essay's own.
    const sources = card(page).locator(".preview-quotes .preview-meta");
    await expect(sources).toHaveCount(2);
    await expect(sources.filter({ hasText: "Sino-Russian Alliance" })).toHaveCount(0);
    await expect(card(page).locator(".preview-quotes mark").first()).toHaveText(/Shanghai|SCO/);
    expect(requests).toContain("/previews/subjects/shanghai-cooperation-organisation.json");

    // The card stays while the pointer moves onto it, and goes once it leaves both.
    await card(page).hover();
    await page.waitForTimeout(400);
    expect(await isOpen(page)).toBe(true);
    await page.mouse.move(5, 5);
    await expect(card(page)).toBeHidden();
  });

  test("a ¶ link to another essay shows that paragraph, word for word, with its essay and author", async ({
    page,
  }) => {
    await page.goto(YUAN);
    const link = page
      .locator("section[aria-labelledby=backlinks-heading] li a[href*='#p-']")
      .first();
    const href = (await link.getAttribute("href"))!;
    const [path, hash] = href.split("#");
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await expect(card(page)).toBeVisible();
    const text = await card(page).locator(".preview-passage").textContent();
    expect(text!.replace(/\s+/g, " ").trim()).toBe(
      await passageOn(page, path!, Number(hash!.slice(2))),
    );
    await expect(card(page).locator(".preview-meta")).toContainText(/^From “.+” by .+/);
  });

  test("keyboard: focus opens the preview and describes the link, Esc closes it, Tab moves on", async ({
    page,
  }) => {
    await page.goto(YUAN);
    const timeline = page.locator(".essay-sidebar a[href='#p-2']");
    await page.keyboard.press("Tab");
    await timeline.focus();
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toContainText("¶ 2 of this essay");
    await expect(card(page)).toContainText("Shanghai Cooperation Organization");
    await expect(timeline).toHaveAttribute("aria-describedby", "link-preview");
    await expect(card(page)).toHaveAttribute("role", "tooltip");
    await page.keyboard.press("Escape");
    await expect(card(page)).toBeHidden();
    await expect(timeline).toBeFocused();
    await expect(timeline).not.toHaveAttribute("aria-describedby", "link-preview");

    // A related essay's link previews the essay: title, author, the editor's summary.
    const related = page.locator("section[aria-labelledby=related-heading] li > a").first();
    await related.focus();
    await expect(card(page)).toContainText("Editor’s summary");
    await expect(card(page)).toContainText((await related.textContent())!.trim());
    await page.keyboard.press("Tab");
    await expect(card(page)).toBeHidden();
  });

  test("a tap on a touch screen opens the preview with a link onwards; a second tap follows the link", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(YUAN);
    const putin = page.locator('.essay-prose a.mention[data-subject="vladimir-putin"]').first();
    await putin.scrollIntoViewIfNeeded();
    await putin.tap();
    await expect(card(page)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(YUAN);
    await expect(card(page)).toHaveAttribute("role", "dialog");
    const onward = card(page).getByRole("link", {
      name: /What every essay says about Vladimir Putin/,
    });
    await expect(onward).toBeVisible();
    // The card fits the phone's screen.
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    await card(page).getByRole("button", { name: "Close" }).tap();
    await expect(card(page)).toBeHidden();
    await putin.tap();
    await expect(card(page)).toBeVisible();
    await putin.tap();
    await expect(page).toHaveURL(/\/subjects\/vladimir-putin\/$/);
    await context.close();
  });

  test("without JavaScript the links simply work", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(YUAN);
    const mention = page.locator(".essay-prose a.mention").first();
    await mention.hover();
    await page.waitForTimeout(500);
    await expect(card(page)).toBeHidden();
    await mention.click();
    await expect(page).toHaveURL(/\/subjects\/[^/]+\/$/);
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`an open preview is axe clean, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(YUAN);
      await page
        .locator('.essay-prose a.mention[data-subject="shanghai-cooperation-organisation"]')
        .hover();
      await expect(card(page).locator(".preview-quotes li").first()).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      ).toEqual([]);
    });
  }
});

test.describe("backlinks", () => {
  test("each ¶ link under “Also on these subjects” lands on that passage of the other essay", async ({
    page,
  }) => {
    await page.goto(PAGE_TYPES.essay);
    const section = page.locator("section[aria-labelledby=backlinks-heading]");
    await expect(section.getByRole("heading", { name: "Also on these subjects" })).toBeVisible();
    const links = section.locator("a[href*='#p-']");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs.slice(0, 6)) {
      await page.goto(href);
      const target = page.locator(`#${href.split("#")[1]}`);
      await expect(target).toBeVisible();
      await expect(target).toBeInViewport();
    }
  });

  test("a subject page names the essays that discuss it most", async ({ page }) => {
    await page.goto("/subjects/shanghai-cooperation-organisation/");
    const leading = page.locator("[data-leading-essays]");
    await expect(leading).toContainText("Discussed most in");
    await leading.locator("a").first().click();
    await expect(page.locator(":target")).toContainText(/Shanghai Cooperation|SCO/);
  });
});

test.describe("the map", () => {
  test("its nodes and its table agree, and a click or Enter opens an essay or a subject", async ({
    page,
  }) => {
    await page.goto("/map/");
    const nodes = page.locator("svg.argument-map a.map-node");
    const keys = await nodes.evaluateAll((as) => as.map((a) => a.getAttribute("data-key")!));
    const listed = await page
      .locator(".map-table [data-key]")
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-key")!))]);
    expect(keys.sort()).toEqual(listed.sort());
    expect(keys.filter((k) => k.startsWith("essay:"))).toHaveLength(6);

    // Pointing at a subject picks out its lines.
    const putin = page.locator('svg.argument-map a[data-key="subject:vladimir-putin"]');
    await putin.hover();
    const near = page.locator("svg.argument-map line.map-near");
    expect(await near.count()).toBe(
      await page.locator('.map-table tr[data-key="subject:vladimir-putin"] li').count(),
    );

    await putin.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/subjects\/vladimir-putin\/$/);
    await page.goBack();
    await page.locator('svg.argument-map a[data-key^="essay:"]').first().click();
    await expect(page).toHaveURL(/\/essays\/[^/]+\/$/);
  });

  test("reads at phone width: the map scrolls inside its frame, the page does not", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/map/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const label = page.locator("svg.argument-map text").first();
    const size = await label.evaluate((t) => t.getBoundingClientRect().height);
    expect(size).toBeGreaterThanOrEqual(10); // labels stay legible, not shrunk to fit
  });
});
