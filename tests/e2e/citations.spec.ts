import { expect, test, type Page } from "@playwright/test";
import { MONTHS } from "../../src/lib/timeline.ts";

/**
 * "Cite this essay" as a reader uses it: each style's copy button copies exactly what the page
 * shows, and where the style wants the date the reader consulted the essay (MLA 9, Chicago,
 * Cite Them Right Harvard for an undated post), that is today's date, in the style's own form.
 */

const YUAN = "/essays/a-sino-russian-alliance-rationales-and-realities/";
// MLA Handbook 9, appendix 1: months abbreviated except May, June and July; "Sept.".
const MLA_MONTHS = [
  "Jan.",
  "Feb.",
  "Mar.",
  "Apr.",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

/** Each style's access date for a day, written as its manual writes dates. */
function expectedDates(day: Date) {
  const [d, m, y] = [day.getDate(), day.getMonth(), day.getFullYear()];
  return {
    mla: `Accessed ${d} ${MLA_MONTHS[m]} ${y}.`,
    chicagoNote: `accessed ${MONTHS[m]} ${d}, ${y},`,
    chicago: `Accessed ${MONTHS[m]} ${d}, ${y}.`,
    harvard: `(Accessed: ${d} ${MONTHS[m]} ${y})`,
  };
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Clicks a copy button and returns what it copied and what its citation shows. */
async function copyAndCompare(page: Page, name: string) {
  const button = page.locator("#cite").getByRole("button", { name, exact: true });
  await button.click();
  await expect(button).toHaveText("Copied");
  const shownText = await button
    .locator("xpath=..")
    .locator("[data-copy-source]")
    .evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, " ").trim());
  return { copied: await clipboard(page), shown: shownText };
}

for (const [label, day] of [
  ["today", new Date()],
  ["a September day (MLA's “Sept.”)", new Date(2026, 8, 5, 12, 0)],
] as const) {
  test(`copies each style as shown, with ${label}'s date in the style's own form`, async ({
    page,
  }) => {
    await page.clock.setFixedTime(day);
    await page.goto(YUAN);
    const canonical = (await page.locator("link[rel=canonical]").getAttribute("href"))!;
    const dates = expectedDates(day);
    const cases: [string, (text: string) => void][] = [
      [
        "Copy APA 7 citation",
        (t) =>
          expect(t).toBe(
            `Yuan, J. (n.d.). A Sino-Russian alliance? Rationales and realities. China Policy Institute: Analysis. ${canonical}`,
          ),
      ],
      [
        "Copy MLA 9 citation",
        (t) =>
          expect(t).toBe(
            `Yuan, Jingdong. “A Sino-Russian Alliance? Rationales and Realities.” China Policy Institute: Analysis, ${canonical}. ${dates.mla}`,
          ),
      ],
      [
        "Copy Chicago (notes and bibliography) note",
        (t) =>
          expect(t).toBe(
            `Jingdong Yuan, “A Sino-Russian Alliance? Rationales and Realities,” China Policy Institute: Analysis (blog), ${dates.chicagoNote} ${canonical}.`,
          ),
      ],
      [
        "Copy Chicago (notes and bibliography) short note",
        (t) => expect(t).toBe("Yuan, “Sino-Russian Alliance?”"),
      ],
      [
        "Copy Chicago (notes and bibliography) bibliography entry",
        (t) =>
          expect(t).toBe(
            `Yuan, Jingdong. “A Sino-Russian Alliance? Rationales and Realities.” China Policy Institute: Analysis (blog). ${dates.chicago} ${canonical}.`,
          ),
      ],
      [
        "Copy Harvard (Cite Them Right) citation",
        (t) =>
          expect(t).toBe(
            `Yuan, J. (no date) ‘A Sino-Russian Alliance? Rationales and Realities’, China Policy Institute: Analysis. Available at: ${canonical} ${dates.harvard}.`,
          ),
      ],
    ];
    for (const [name, check] of cases) {
      const { copied, shown } = await copyAndCompare(page, name);
      expect(copied, name).toBe(shown);
      check(copied);
    }
    await expect(page.locator("#cite")).not.toContainText("[date of access]");
  });
}

test("copies the formatting too: the blog's name in italics", async ({ page }) => {
  await page.goto(YUAN);
  const button = page.locator("#cite").getByRole("button", { name: "Copy APA 7 citation" });
  await button.click();
  // Read the clipboard only once the copy is done (a read during the write fails).
  await expect(button).toHaveText("Copied");
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item && (await (await item.getType("text/html")).text());
  });
  expect(html).toContain("<i>China Policy Institute: Analysis</i>");
  expect(html).not.toContain("data-accessed");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every citation is there, with a placeholder where the reader's date goes", async ({
    page,
  }) => {
    await page.goto(YUAN);
    const cite = page.locator("#cite");
    await expect(cite.locator("[data-citation=apa]")).toContainText(
      "Yuan, J. (n.d.). A Sino-Russian alliance? Rationales and realities.",
    );
    await expect(cite.locator("[data-citation=apa]")).not.toContainText("[date of access]");
    for (const key of ["mla", "harvard"]) {
      await expect(cite.locator(`[data-citation=${key}]`)).toContainText("[date of access]");
    }
    await expect(cite.locator("[data-citation=chicago] [data-accessed]")).toHaveCount(2);
    await expect(cite.getByRole("button")).toHaveCount(0);
  });
});

test("looks right at phone and desktop widths, in both themes", async ({ page }) => {
  for (const width of [390, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(YUAN);
      const cite = page.locator("#cite");
      await cite.scrollIntoViewIfNeeded();
      // Nothing in the panel is wider than the page.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} ${scheme}`).toBeLessThanOrEqual(0);
      await cite.screenshot({ path: `test-results/screens/cite-${width}-${scheme}.png` });
    }
  }
});
