import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resultsSettled } from "./support/pages.ts";

const HSIUNG = "/essays/the-deepening-chinese-russia-partnership-an-american-security-dilemma/";
const PUTIN = "/subjects/vladimir-putin/";

/** The boxes of the perspective columns. */
const columns = (page: Page) =>
  page.locator("article.perspective").evaluateAll((articles) =>
    articles.map((a) => {
      const box = a.getBoundingClientRect();
      return {
        left: Math.round(box.left),
        top: Math.round(box.top + window.scrollY),
        width: box.width,
      };
    }),
  );

test.describe("subjects", () => {
  test("from an essay, a mention leads to the subject and back to the exact paragraph", async ({
    page,
  }) => {
    await page.goto(HSIUNG);
    const mention = page.locator("#p-10 a.mention", { hasText: "SCO" }).first();
    await expect(mention).toHaveAttribute("href", "/subjects/shanghai-cooperation-organisation/");
    await mention.click();
    await expect(page).toHaveURL(/\/subjects\/shanghai-cooperation-organisation\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Shanghai Cooperation Organisation",
    );

    const column = page.locator(`article.perspective[data-essay="${HSIUNG.split("/")[2]}"]`);
    const quote = column.locator("li.quote[data-para='10']");
    await expect(quote.locator("mark").first()).toHaveText("SCO");
    await quote.getByRole("link", { name: /^Paragraph 10 of/ }).click();
    await expect(page).toHaveURL(`${HSIUNG}#p-10`);
    const target = page.locator("#p-10");
    await expect(target).toBeInViewport();
    expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
    // The quoted words are the paragraph's words.
    await page.goBack();
    await expect(quote.locator("blockquote")).toBeVisible();
    const quoted = (await quote.locator("blockquote").textContent())!.replace(/\s+/g, " ").trim();
    await page.goto(`${HSIUNG}#p-10`);
    expect((await page.locator("#p-10").textContent())!.replace(/\s+/g, " ").trim()).toContain(
      quoted,
    );
  });

  test("at 1280 px every essay's column is on screen without sideways scrolling, none taller than the window", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(PUTIN);
    const boxes = await columns(page);
    expect(boxes).toHaveLength(6);
    const frame = await page.locator("body > header > div").evaluate((el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        left: box.left + parseFloat(style.paddingLeft),
        right: box.right - parseFloat(style.paddingRight),
      };
    });
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(Math.floor(frame.left));
      expect(b.left + b.width).toBeLessThanOrEqual(frame.right + 1);
      expect(b.width).toBeGreaterThanOrEqual(280);
    }
    // Rows of three, so no essay is off to the side, and no row is taller than the window: no
    // screen of empty columns under the short ones.
    const rows = [...new Set(boxes.map((b) => b.top))];
    expect(rows).toHaveLength(2);
    const heights = await page
      .locator("article.perspective")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeLessThanOrEqual(900);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    const hint = page.locator("perspective-chooser [data-slot=hint]");
    await expect(hint).toHaveText(/^All 6 essays, 3 to a row\./);

    // A long column scrolls on its own, its essay's header staying in view.
    const tallest = page.locator("article.perspective").filter({ has: page.locator("li.quote") });
    const scroller = (
      await tallest.evaluateAll((els) =>
        els.map((el, i) => ({ i, overflow: el.scrollHeight - el.clientHeight })),
      )
    ).sort((a, b) => b.overflow - a.overflow)[0]!;
    expect(scroller.overflow).toBeGreaterThan(0);
    await expect(hint).toContainText("A long column scrolls on its own.");
    const column = tallest.nth(scroller.i);
    await column.evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: "instant" }));
    const [head, box] = await Promise.all([
      column.locator(".perspective-head").boundingBox(),
      column.boundingBox(),
    ]);
    expect(Math.abs(head!.y - box!.y)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: "test-results/screens/subject-1280.png", fullPage: false });
  });

  test("a reader sets 2–4 chosen essays side by side, and the choice stays in the URL", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(PUTIN);
    const rozman = page.getByRole("checkbox", { name: /Russian Dissatisfaction with China/ });
    const yuan = page.getByRole("checkbox", { name: /A Sino-Russian Alliance/ });
    await yuan.check();
    // One ticked essay is no comparison yet: all six stay.
    await expect(page.locator("article.perspective:visible")).toHaveCount(6);
    await rozman.check();
    await expect(page).toHaveURL(/\?compare=a-sino-russian[^&]*&compare=russian-dissatisfaction/);
    await expect(page.locator("article.perspective:visible")).toHaveCount(2);
    const boxes = (await columns(page)).filter((b) => b.width > 0);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    await expect(page.locator("perspective-chooser [data-slot=hint]")).toHaveText(
      /^Comparing 2 of 6 essays side by side\./,
    );
    // Shared or reloaded, the comparison is the same.
    await page.reload();
    await expect(page.locator("article.perspective:visible")).toHaveCount(2);
    await expect(rozman).toBeChecked();
    // Four at most.
    for (const name of [/Cultural Statecraft/, /Competing or complementary/])
      await page.getByRole("checkbox", { name }).check();
    await expect(page.locator("article.perspective:visible")).toHaveCount(4);
    await expect(
      page.getByRole("checkbox", { name: /Chinese Perspectives on Events/ }),
    ).toBeDisabled();
    await page.getByRole("button", { name: "Show all 6 essays" }).click();
    await expect(page.locator("article.perspective:visible")).toHaveCount(6);
    await expect(page).toHaveURL(/\/subjects\/vladimir-putin\/$/);
  });

  test("the hint says what is on screen, on a page whose essays fit", async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto("/subjects/shanghai-cooperation-organisation/");
    const boxes = await columns(page);
    const perRow = boxes.filter((b) => b.top === boxes[0]!.top).length;
    const hint = page.locator("perspective-chooser [data-slot=hint]");
    await expect(hint).toHaveText(
      perRow >= boxes.length
        ? new RegExp(`^All ${boxes.length} essays side by side\\.`)
        : new RegExp(`^All ${boxes.length} essays, ${perRow} to a row\\.`),
    );
    await expect(page.getByText(/Scroll sideways/)).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(hint).toHaveText(`${boxes.length} essays, one after another.`);
  });

  test("the perspectives stack at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(PUTIN);
    const boxes = await columns(page);
    expect(boxes).toHaveLength(6);
    expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThan(boxes[i - 1]!.top);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screens/subject-390.png", fullPage: false });
  });

  test("the index lists subjects by kind with counts that match their pages", async ({ page }) => {
    await page.goto("/subjects/");
    for (const kind of ["People", "Organisations", "Places", "Agreements", "Concepts"]) {
      await expect(page.getByRole("heading", { level: 2, name: kind })).toBeVisible();
    }
    const row = page.locator("li", { has: page.getByRole("link", { name: "NATO", exact: true }) });
    const [, mentions, essays] = /(\d+) mentions? · (\d+) essays?/.exec(
      (await row.textContent())!,
    )!;
    await row.getByRole("link", { name: "NATO", exact: true }).click();
    await expect(page.locator("mark.mention-mark")).toHaveCount(Number(mentions));
    await expect(page.locator("article.perspective")).toHaveCount(Number(essays));
  });

  test("a search can be narrowed to the essays that mention a subject", async ({ page }) => {
    await page.goto("/subjects/shanghai-cooperation-organisation/");
    await page.getByRole("link", { name: "Search within these essays" }).click();
    await expect(page).toHaveURL(/\/search\/\?subject=shanghai-cooperation-organisation$/);
    const results = page.locator("#search-results > li");
    await expect(results).toHaveCount(4);
    await expect(
      page.getByRole("checkbox", { name: /Shanghai Cooperation Organisation/ }),
    ).toBeChecked();
    await expect(
      page.getByRole("button", { name: /Remove filter subject Shanghai Cooperation/ }),
    ).toBeVisible();
    // Add words: essays about the SCO that say "terrorism".
    await page.getByRole("searchbox", { name: "Search words" }).fill("terrorism");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=terrorism&subject=shanghai-cooperation-organisation/);
    await resultsSettled(page);
    const count = await results.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(4);
    // Choosing a subject in the filters narrows a plain search too.
    await page.goto("/search/?q=China");
    await resultsSettled(page);
    const all = await results.count();
    // The subject filters are folded until asked for.
    await expect(page.getByRole("checkbox", { name: /^Crimea/ })).toHaveCount(0);
    await page.locator("#facet-subject summary").click();
    await expect(page.getByRole("checkbox", { name: /^Crimea/ }).locator("..")).toContainText("1");
    await page.getByRole("checkbox", { name: /^Crimea/ }).check();
    await expect(page).toHaveURL(/subject=crimea/);
    await expect(results).toHaveCount(1);
    expect(all).toBeGreaterThan(1);
  });
});

test.describe("essay sidebar", () => {
  test("lists the essay's subjects and its dated events, linking to its paragraphs", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(HSIUNG);
    const timeline = page.locator("details.sidebar-panel", { hasText: "Timeline" });
    await expect(timeline).toHaveAttribute("open", "");
    const event = timeline.locator("li", { hasText: "most-favoured-nation" });
    await expect(event.locator("span").first()).toHaveText("25 May 1994");
    // Readable, but not a machine-readable date: Zotero would take it for the essay's own.
    await expect(timeline.locator("[datetime]")).toHaveCount(0);
    await event.getByRole("link", { name: "Paragraph 4" }).click();
    await expect(page).toHaveURL(`${HSIUNG}#p-4`);
    await expect(page.locator("#p-4")).toBeInViewport();
    const subjects = page.locator("details.sidebar-panel", { hasText: "Subjects" });
    await expect(subjects.getByRole("link", { name: "NATO" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/essay-sidebar-1280.png" });
  });

  test("folds the panels on a phone, above the text, and opens them on demand", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(HSIUNG);
    const timeline = page.locator("details.sidebar-panel", { hasText: "Timeline" });
    await expect(timeline).not.toHaveAttribute("open", "");
    await timeline.locator("summary").click();
    await expect(timeline.getByRole("link", { name: /most-favoured-nation/ })).toBeVisible();
    await timeline.getByRole("link", { name: /most-favoured-nation/ }).click();
    await expect(page).toHaveURL(/\/timeline\/#mfn-renewal-1994$/);
    await expect(page.locator("#mfn-renewal-1994")).toBeInViewport();
  });
});

test.describe("timeline", () => {
  test("groups events by year in date order, each linking to its paragraph", async ({ page }) => {
    await page.goto("/timeline/");
    const years = await page.locator(".timeline-year > h2").allTextContents();
    expect(years.map(Number)).toEqual([...years.map(Number)].sort((a, b) => a - b));
    const mfn = page.locator("#mfn-renewal-1994");
    await expect(mfn.locator("time")).toHaveAttribute("datetime", "1994-05-25");
    await mfn.getByRole("link", { name: /¶ 4 of/ }).click();
    await expect(page).toHaveURL(`${HSIUNG}#p-4`);
    await expect(page.locator("#p-4")).toContainText("May 25, 1994");
  });

  test("is navigable by keyboard alone", async ({ page }) => {
    await page.goto("/timeline/");
    const yearLink = page
      .getByRole("navigation", { name: "Years" })
      .getByRole("link", { name: "2001" });
    // Tab from the top of the page to the year 2001 in the year list.
    await page.locator("body").focus();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if (await yearLink.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(yearLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#year-2001$/);
    await expect(page.locator("#year-2001")).toBeInViewport();
    // The next tab stops are 2001's events' paragraph links, in order.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(focused).toMatch(/\/essays\/.+#p-\d+$/);
    const event = await page.evaluate(
      () => document.activeElement!.closest("li.timeline-event")!.id,
    );
    // A year alone sorts before that year's months and days.
    expect(event).toBe("sco-founded-2001");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/essays/a-sino-russian-alliance-rationales-and-realities/#p-2");
  });

  test("reads as headings and lists to a screen reader, and is axe clean", async ({ page }) => {
    await page.goto("/timeline/");
    const snapshot = await page.locator("main").ariaSnapshot();
    expect(snapshot).toContain('heading "1989" [level=2]');
    expect(snapshot).toMatch(/list "Events by year"/);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screens/timeline-${width}.png` });
    }
  });
});
