import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const HSIUNG = "/essays/the-deepening-chinese-russia-partnership-an-american-security-dilemma/";
const KUHRT = "/essays/russia-and-china-competing-or-complementary-priorities/";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe("passages", () => {
  test("a link to #p-12 scrolls to ¶ 12 and marks it", async ({ page }) => {
    await page.goto(`${HSIUNG}#p-12`);
    const passage = page.locator("#p-12");
    await expect(passage).toBeInViewport();
    await expect(passage.locator(".para-anchor")).toHaveAccessibleName("Paragraph 12");
    const marked = await passage.evaluate((el) => getComputedStyle(el).backgroundColor);
    const plain = await page
      .locator("#p-11")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(marked).not.toBe(plain);
  });

  test("every passage shows its number", async ({ page }) => {
    await page.goto(HSIUNG);
    const numbers = await page
      .locator(".essay-prose .para-anchor")
      .evaluateAll((as) =>
        as.map((a) => getComputedStyle(a, "::before").content.replace(/\s/gu, " ")),
      );
    expect(numbers.slice(0, 3)).toEqual(['"¶ 1"', '"¶ 2"', '"¶ 3"']);
    expect(numbers.length).toBeGreaterThan(10);
  });

  test("a passage's tools are one tab stop: Tab to its ¶ link, the arrow keys to copy link and cite", async ({
    page,
  }) => {
    await page.goto(HSIUNG);
    const anchor = page.locator("#p-5 .para-anchor");
    await anchor.focus();
    await expect(anchor).toHaveAccessibleDescription(/Right arrow/);
    await page.keyboard.press("ArrowRight");
    const copyLink = page.getByRole("button", { name: "Copy link to paragraph 5" });
    await expect(copyLink).toBeFocused();
    await expect(copyLink).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("button", { name: "Cite paragraph 5" })).toBeFocused();
    await page.keyboard.press("Home");
    await expect(anchor).toBeFocused();
    // The last tool highlights the passage (src/scripts/annotate.ts).
    await page.keyboard.press("End");
    await expect(page.getByRole("button", { name: /^Highlight paragraph 5/ })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(copyLink).toBeFocused();
    await page.keyboard.press("Enter");
    const canonical = await page.locator("link[rel=canonical]").getAttribute("href");
    await expect(page.locator("#passage-status")).toHaveText(/copied/);
    expect(await clipboard(page)).toBe(`${canonical}#p-5`);
    // Tab leaves the passage: the next tab stop is never this passage's own buttons.
    await anchor.focus();
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement?.closest(".para-tools"));
    expect(next).toBeNull();
  });

  test("reaching a passage by keyboard takes one Tab per passage, not three", async ({ page }) => {
    await page.goto(HSIUNG);
    await page.locator("#p-1 .para-anchor").focus();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.classList.contains("para-anchor") ? `p-${el.dataset.para}` : el.tagName;
      });
      stops.push(where);
      if (where === "p-6") break;
    }
    // From ¶ 1 to ¶ 6: one stop per passage and one per link in the text (and per heading's own
    // anchor), never a passage's tool buttons.
    const expected = await page.locator(".essay-prose").evaluate((root) => {
      const tabbable = [...root.querySelectorAll<HTMLElement>("a[href], button")].filter(
        (el) => el.tabIndex >= 0,
      );
      const from = tabbable.indexOf(root.querySelector("#p-1 > .para-anchor")!);
      const to = tabbable.indexOf(root.querySelector("#p-6 > .para-anchor")!);
      return to - from;
    });
    expect(stops.filter((s) => s === "BUTTON")).toEqual([]);
    expect(stops.at(-1)).toBe("p-6");
    expect(stops).toHaveLength(expected);
  });

  test("“Cite this passage” copies the quote with author, title, ¶, today's date and link", async ({
    page,
  }) => {
    await page.clock.setFixedTime(new Date(2026, 8, 5, 10, 0));
    await page.goto(KUHRT);
    await page.locator("#p-3").hover();
    await page.getByRole("button", { name: "Cite paragraph 3" }).click();
    await expect(page.locator("#passage-status")).toHaveText(/copied/);
    const text = await clipboard(page);
    const canonical = await page.locator("link[rel=canonical]").getAttribute("href");
    expect(text).toMatch(
      /^“As Vitaly Kozyrev notes, the US and the West perhaps ‘underestimate rapprochement/,
    );
    expect(text).toContain("” (Kuhrt, n.d., para. 3)\n\n");
    // Chicago's full note, accessed today, linking to the paragraph itself.
    expect(text.split("\n\n")[1]).toBe(
      "Natasha Kuhrt, “Russia and China: Competing or Complementary Priorities?,” China Policy " +
        `Institute: Analysis (blog), para. 3, accessed September 5, 2026, ${canonical}#p-3.`,
    );
  });

  test("“Cite this passage” quotes just the selected words when there is a selection", async ({
    page,
  }) => {
    await page.goto(KUHRT);
    await page.locator("#p-3").evaluate((p) => {
      const text = [...p.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes("Kozyrev"),
      )!;
      const start = text.textContent!.indexOf("Vitaly Kozyrev");
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + "Vitaly Kozyrev notes".length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.locator("#p-3").hover();
    await page.getByRole("button", { name: "Cite paragraph 3" }).click();
    await expect(page.locator("#passage-status")).toHaveText(/copied/);
    expect(await clipboard(page)).toMatch(/^“Vitaly Kozyrev notes” \(Kuhrt, n\.d\., para\. 3\)/);
  });
});

test.describe("cite this essay", () => {
  test("copies a citation in the chosen style", async ({ page }) => {
    await page.clock.setFixedTime(new Date(2026, 11, 1, 9, 0));
    await page.goto(KUHRT);
    const cite = page.locator("#cite");
    await cite.getByRole("button", { name: "Copy MLA 9 citation" }).click();
    const canonical = await page.locator("link[rel=canonical]").getAttribute("href");
    await expect(cite.getByRole("button", { name: "Copy MLA 9 citation" })).toHaveText("Copied");
    expect(await clipboard(page)).toBe(
      `Kuhrt, Natasha. “Russia and China: Competing or Complementary Priorities?” China Policy Institute: Analysis, ${canonical}. Accessed 1 Dec. 2026.`,
    );
    await cite.getByRole("button", { name: "Copy APA 7 citation" }).click();
    await expect(cite.getByRole("button", { name: "Copy APA 7 citation" })).toHaveText("Copied");
    expect(await clipboard(page)).toBe(
      `Kuhrt, N. (n.d.). Russia and China: Competing or complementary priorities? China Policy Institute: Analysis. ${canonical}`,
    );
  });

  test("offers BibTeX, RIS and CSL-JSON downloads", async ({ page }) => {
    await page.goto(KUHRT);
    for (const name of ["BibTeX", "RIS", "CSL-JSON"]) {
      const link = page.locator("#cite").getByRole("link", { name });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^kuhrt-russia-and-china.*\.(bib|ris|json)$/);
    }
  });
});

test.describe("structure", () => {
  test("the contents mark the section being read", async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(HSIUNG);
    const toc = page.getByRole("navigation", { name: "Contents" });
    await expect(toc).toBeVisible();
    // Once the page's script has run, scroll the section's heading to near the top of the window
    // (where a reader who has just reached it would have it), as a reader's scroll would.
    await expect(page.locator(".para-tools").first()).toBeAttached();
    await page.evaluate(() => {
      const heading = document.getElementById("the-hastening-pace-of-the-russo-china-partnership")!;
      window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 100);
    });
    await expect(
      toc.getByRole("link", { name: "The Hastening Pace of the Russo-China Partnership." }),
    ).toHaveAttribute("aria-current", "true");
    await toc.getByRole("link", { name: /Quadruple Foundation/ }).click();
    await expect(page).toHaveURL(
      /#the-quadruple-foundation-of-the-russo-china-partnership-in-brief$/,
    );
    await expect(toc.getByRole("link", { name: /Quadruple Foundation/ })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expect(toc.locator('a[aria-current="true"]')).toHaveCount(1);
  });

  test("section headings have their own links", async ({ page }) => {
    await page.goto(HSIUNG);
    const link = page.getByRole("link", { name: "Link to section: The 1993-1994 Turning Point." });
    await expect(link).toHaveAttribute("href", "#the-1993-1994-turning-point");
  });

  test("essays without sections have no contents list", async ({ page }) => {
    await page.goto(KUHRT);
    await expect(page.getByRole("navigation", { name: "Contents" })).toHaveCount(0);
  });

  test("a reading-progress bar fills as the reader scrolls", async ({ page }) => {
    await page.goto(HSIUNG);
    const scale = () =>
      page
        .locator(".reading-progress")
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(await scale()).toBeLessThan(0.05);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(scale).toBeGreaterThan(0.95);
  });
});

test.describe("themes", () => {
  test("follows the system setting until the reader chooses", async ({ browser }) => {
    const page = await browser.newPage({ colorScheme: "dark" });
    await page.goto("/");
    const bg = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe("rgb(21, 19, 17)");
    await page.emulateMedia({ colorScheme: "light" });
    expect(await bg()).toBe("rgb(251, 250, 247)");
    await page.close();
  });

  test("the toggle persists the choice and never flashes the wrong theme", async ({ page }) => {
    await page.goto("/tags/");
    const toggle = page.getByRole("button", { name: /^Theme:/ });
    await expect(toggle).toHaveAccessibleName("Theme: follows the system");
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Theme: light");
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Theme: dark");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

    // On the next page, the theme is set before the body is even parsed.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string }).themeAtBody =
            document.documentElement.dataset.theme ?? "none";
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto("/essays/");
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody),
    ).toBe("dark");
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe("rgb(21, 19, 17)");
    await expect(page.getByRole("button", { name: /^Theme:/ })).toHaveAccessibleName("Theme: dark");

    await page.getByRole("button", { name: /^Theme:/ }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    await page.reload();
    await expect(page.getByRole("button", { name: /^Theme:/ })).toHaveAccessibleName(
      "Theme: follows the system",
    );
  });
});

test.describe("print", () => {
  test("a printed essay is a clean document: text, ¶ numbers, source, one citation, the URL once", async ({
    page,
  }, testInfo) => {
    // Printed on a day after it was opened: the citation gives the day it was printed.
    await page.clock.install({ time: new Date(2026, 8, 4, 12, 0) });
    await page.goto(HSIUNG);
    await page.clock.setFixedTime(new Date(2026, 8, 5, 12, 0));
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    for (const hidden of [
      "body > header",
      "body > footer",
      ".essay-sidebar",
      "ul[aria-label=Tags]",
      "#cite button",
      "section[aria-labelledby=related-heading]",
    ]) {
      for (const el of await page.locator(hidden).all()) await expect(el).toBeHidden();
    }
    // Nothing underlined that means nothing on paper.
    const underlined = await page
      .locator("main a:visible")
      .evaluateAll((links) =>
        links
          .filter((a) => getComputedStyle(a).textDecorationLine !== "none")
          .map((a) => a.outerHTML),
      );
    expect(underlined).toEqual([]);

    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const file = testInfo.outputPath("essay.pdf");
    writeFileSync(file, pdf);
    mkdirSync("test-results/screens", { recursive: true });
    writeFileSync("test-results/screens/essay-print.pdf", pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
      /[ \t]+/g,
      " ",
    );
    const canonical = (await page.locator("link[rel=canonical]").getAttribute("href"))!;
    // Lines broken at a hyphen are joined again, as a reader's eye joins them.
    const flat = text.replace(/-\s+/g, "-").replace(/\s+/g, " ");
    expect(flat).toContain(
      "The Deepening Chinese-Russia Partnership: An American Security Dilemma.",
    );
    expect(flat).toMatch(/By James C\. Hsiung/);
    expect(flat).toMatch(/¶\s?1 Contrary to general impressions/);
    expect(flat).toMatch(/¶\s?13 In International Relations/);
    expect(flat).toMatch(/\bSource\b/i);
    expect(flat).toMatch(/About the author/i);
    expect(flat).toMatch(/Editor’s summary/i);
    // One citation, Chicago's bibliography entry, accessed the day it was printed.
    expect(flat).toMatch(/Hsiung, James C\. “The Deepening Chinese-Russia Partnership/);
    expect(flat).toContain("Accessed September 5, 2026.");
    expect(flat).not.toContain("Short note");
    expect(flat).not.toMatch(/\bAPA 7\b|\bMLA 9\b|Harvard/);
    // The essay's address once, and no address printed twice over ("https://… <https://…>").
    expect(flat.replace(/\s/g, "").split(canonical).length - 1).toBe(1);
    expect(flat).not.toMatch(/<https?:/);
    // No widgets: folded panels, chips or buttons.
    expect(flat).not.toMatch(/SUBJECTS \(\d|TIMELINE \(\d|▾|Copy|Related essays|Download/);
  });
});
