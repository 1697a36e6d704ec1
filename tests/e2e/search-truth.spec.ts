import { expect, test, type Page } from "@playwright/test";
import { resultsSettled } from "./support/pages.ts";

/**
 * Search tells the truth: excerpts show the essays' text only, highlights mark what search
 * matched (whole words) and step from match to match, missing words are named, operators and
 * subjects work, and Chinese words inside longer runs are found.
 */
const MARSH =
  "/essays/chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations/";
const HSIUNG = "/essays/the-deepening-chinese-russia-partnership-an-american-security-dilemma/";
const YUAN = "/essays/a-sino-russian-alliance-rationales-and-realities/";

async function searchFor(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator("#search-status")).not.toHaveText(/Searching|^$/);
  await expect(page.locator("html")).not.toHaveClass(/search-pending/);
  await resultsSettled(page);
}

const titles = async (page: Page) =>
  (await page.locator("#search-results > li h2").allTextContents()).map((t) => t.trim());

test.describe("excerpts show essay text only", () => {
  for (const query of [
    "Ukraine",
    "Sino Russian",
    "Yeltsin",
    "realities",
    "Belt and Road",
    "Marsh",
  ]) {
    test(`“${query}”`, async ({ page }) => {
      await searchFor(page, query);
      const results = page.locator("#search-results");
      const text = (await results.innerText()).replace(/\s+/g, " ");
      expect(text).not.toMatch(/https?:\/\/|Online at|\bBy Christopher Marsh\./);
      // No excerpt repeats its essay's title as text.
      for (const item of await page.locator("#search-results > li").all()) {
        const title = (await item.locator("h2").innerText()).trim();
        const excerpt = await item.locator("[data-slot=excerpt]").first().innerText();
        expect(excerpt).not.toContain(title);
      }
    });
  }

  test("sections still deep-link", async ({ page }) => {
    await searchFor(page, "Crimea");
    const section = page.locator("[data-slot=sections] a").first();
    await expect(section).toHaveAttribute("href", /#[a-z0-9-]+$/);
  });
});

test.describe("highlights match what search matched", () => {
  test("SCO marks the SCO, never Moscow, and counts honestly", async ({ page }) => {
    await page.goto(`${HSIUNG}?highlight=SCO`);
    const marks = page.locator("mark.search-hit");
    await expect(page.locator("#highlight-bar")).toBeVisible();
    const texts = await marks.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t === "SCO")).toBe(true);
    await expect(page.locator("#highlight-position")).toHaveText(`Match 1 of ${texts.length}`);
    // The first scroll goes to a real match.
    await expect(page.locator("mark.search-hit-current")).toHaveText("SCO");
    await expect(page.locator("mark.search-hit-current")).toBeInViewport();
  });

  test("Xi marks Xi, not anxieties", async ({ page }) => {
    await page.goto(`${YUAN}?highlight=Xi`);
    await expect(page.locator("#highlight-bar")).toBeVisible();
    const texts = await page.locator("mark.search-hit").allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set(["Xi"]));
  });

  test("steps through matches with buttons and keys", async ({ page }) => {
    await page.goto(`${MARSH}?highlight=Crimea`);
    const position = page.locator("#highlight-position");
    await expect(position).toHaveText(/^Match 1 of (\d+)$/);
    const total = Number((await position.innerText()).split(" of ")[1]);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(position).toHaveText(`Match 2 of ${total}`);
    await page.keyboard.press("n");
    await expect(position).toHaveText(`Match 3 of ${total}`);
    await page.keyboard.press("Shift+N");
    await expect(position).toHaveText(`Match 2 of ${total}`);
    await page.getByRole("button", { name: "Previous" }).click();
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(position).toHaveText(`Match ${total} of ${total}`);
    await expect(page.locator("mark.search-hit-current").first()).toBeInViewport();
  });

  test("a result links to the forms search matched", async ({ page }) => {
    await searchFor(page, "sanctioned");
    const href = await page.locator("#search-results > li h2 a").first().getAttribute("href");
    expect(decodeURIComponent(href ?? "")).toContain("highlight=sanctions");
    await page.locator("#search-results > li h2 a").first().click();
    await expect(page.locator("mark.search-hit").first()).toHaveText("sanctions");
  });
});

test.describe("honest results", () => {
  test("a missing word is named, and the rest answers", async ({ page }) => {
    await searchFor(page, "Kozyrov Crimea");
    await expect(page.locator("#search-notice")).toContainText(
      "No essay contains “Kozyrov”; 1 essay mentions “Crimea”.",
    );
    await expect(page.locator("#search-notice")).not.toContainText("Did you mean");
    expect(await titles(page)).toHaveLength(1);
  });

  test("a correction is offered only with what it finds", async ({ page }) => {
    await searchFor(page, "Kozyrov Putin");
    await expect(page.locator("#search-notice")).toContainText(
      /Did you mean “Kozyrev Putin”\? It finds 1 essay\./,
    );
  });

  test("-word excludes", async ({ page }) => {
    await searchFor(page, "Putin -Xi");
    await expect(page.locator("#search-status")).toHaveText(
      /essays? match “Putin”, without “Xi”\./,
    );
    for (const link of await page.locator("#search-results > li h2 a").all()) {
      const href = (await link.getAttribute("href"))!.split("?")[0]!;
      const other = await page.context().newPage();
      await other.goto(href);
      const text = await other.locator(".essay-prose").innerText();
      expect(text).not.toMatch(/\bXi\b/);
      await other.close();
    }
  });

  test("OR and quoted phrases", async ({ page }) => {
    await searchFor(page, "Sochi OR Grachev");
    expect((await titles(page)).length).toBe(2);
    await searchFor(page, '"security dilemma" -Crimea');
    expect((await titles(page)).length).toBeGreaterThan(0);
    await expect(page.locator("#search-help")).toContainText("OR");
  });
});

test.describe("subject-aware search", () => {
  test("SCO finds every essay that names it in any spelling, with a card", async ({ page }) => {
    await searchFor(page, "SCO");
    expect(await titles(page)).toHaveLength(4);
    expect((await titles(page)).some((t) => t.startsWith("Russian Dissatisfaction"))).toBe(true);
    const card = page.locator("#search-subject aside");
    await expect(card).toContainText("Searched in all its spellings:");
    await expect(card).toContainText("Shanghai Cooperation Organization");
    await expect(card).toContainText("Shanghai Cooperation Organisation");
    await expect(card).toContainText("Organisation");
    await expect(card.getByRole("link").first()).toHaveAttribute("href", /\/subjects\//);
    const rozman = page.locator("#search-results > li", { hasText: "Russian Dissatisfaction" });
    await expect(rozman.locator("mark").first()).toHaveText(/Shanghai|Cooperation|Organi[sz]ation/);
    await rozman.locator("h2 a").click();
    await expect(page.locator("mark.search-hit").first()).toHaveText(
      "Shanghai Cooperation Organization",
    );
  });
});

test("a subject inside a longer query is said in the notice", async ({ page }) => {
  await searchFor(page, "SCO Putin");
  await expect(page.locator("#search-notice")).toContainText(
    "“SCO” is the subject Shanghai Cooperation Organisation: searched with its other spellings",
  );
  await expect(page.locator("#search-subject")).toBeHidden();
  await expect(
    page.locator("#search-results mark", { hasText: "Shanghai Cooperation Organization" }).first(),
  ).toBeVisible();
});

test.describe("Chinese words inside longer runs", () => {
  for (const query of ["研究", "俄罗斯"]) {
    test(query, async ({ page }) => {
      await searchFor(page, query);
      const found = await titles(page);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^Chinese Perspectives on Events in Ukraine/);
      // The excerpt shows the text as written, with no space added inside the run.
      await expect(page.locator("#search-results")).toContainText("俄罗斯研究");
      await page.locator("#search-results > li h2 a").first().click();
      await expect(page.locator("mark.search-hit")).toHaveText([query]);
    });
  }
});
