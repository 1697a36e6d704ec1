import { expect, test, type Page } from "@playwright/test";
import { resultsSettled } from "./support/pages.ts";

const results = (page: Page) => page.locator("#search-results > li");
const firstTitle = (page: Page) => results(page).first().getByRole("heading");
const status = (page: Page) => page.locator("#search-status");
const UKRAINE = /Chinese Perspectives on Events in Ukraine/;

test.describe("the search page", () => {
  test("header search on any page submits to the search page with excerpts", async ({ page }) => {
    await page.goto("/tags/");
    const box = page.getByRole("combobox", { name: "Search essays" });
    await box.fill("Russkii Mir");
    await box.press("Enter");

    await expect(page).toHaveURL(/\/search\/\?q=Russkii(\+|%20)Mir$/);
    await expect(status(page)).toHaveText(/1 essay matches “Russkii Mir”/);
    await expect(firstTitle(page)).toHaveText(
      "Cultural Statecraft in the Russian and Chinese Contexts",
    );
    await expect(
      results(page)
        .first()
        .locator("mark", { hasText: /Russkii/i })
        .first(),
    ).toBeVisible();
    await expect(results(page).first()).toContainText("Jeanne L. Wilson");
  });

  test("shows results as you type, without pressing Enter", async ({ page }) => {
    await page.goto("/search/");
    await page
      .getByRole("searchbox", { name: "Search words" })
      .pressSequentially("Confuc", { delay: 30 });
    await expect(firstTitle(page)).toHaveText(
      "Cultural Statecraft in the Russian and Chinese Contexts",
    );
    await expect(page).toHaveURL(/q=Confuc/);
  });

  test("filters by tag and author with counts that follow the query", async ({ page }) => {
    await page.goto("/search/?q=China");
    await expect(status(page)).toHaveText("6 essays match “China”.");
    const tag = (name: string) => page.locator("#search-facets li").filter({ hasText: name });
    await expect(tag("Central Asia").locator("[data-count]")).toHaveText("2");
    await expect(tag("Ukraine crisis").locator("[data-count]")).toHaveText("1");

    // The counts follow the query.
    await page.goto("/search/?q=Crimea");
    await expect(status(page)).toHaveText("1 essay matches “Crimea”.");
    await expect(tag("Central Asia").locator("[data-count]")).toHaveText("0");
    await expect(tag("Central Asia").getByRole("checkbox")).toBeDisabled();
    await expect(tag("Ukraine crisis").locator("[data-count]")).toHaveText("1");

    // Several tags combine: essays with all of them.
    await page.goto("/search/?q=China");
    await page.getByRole("checkbox", { name: /^Alliances/ }).check();
    await expect(status(page)).toHaveText("2 essays match “China”, tagged Alliances.");
    await expect(page).toHaveURL(/tag=alliances/);
    await page.getByRole("checkbox", { name: /^Central Asia/ }).check();
    await expect(status(page)).toHaveText(
      "1 essay matches “China”, tagged Alliances and Central Asia.",
    );
    await expect(firstTitle(page)).toHaveText(/The Deepening Chinese-Russia Partnership/);

    // Authors combine with "or", and their counts ignore the author filter itself.
    await page.goto("/search/?q=China&author=gilbert-rozman");
    await expect(status(page)).toHaveText("1 essay matches “China”, by Gilbert Rozman.");
    const author = (name: string) => page.locator("#search-facets li").filter({ hasText: name });
    await expect(author("Natasha Kuhrt").locator("[data-count]")).toHaveText("1");
    await author("Natasha Kuhrt").getByRole("checkbox").check();
    await expect(status(page)).toHaveText(
      "2 essays match “China”, by Natasha Kuhrt or Gilbert Rozman.", // authors by family name
    );
  });

  test("lists essays by filter alone, and clears one or all filters", async ({ page }) => {
    await page.goto("/search/?tag=sino-russian-relations&tag=asia-pacific");
    await expect(status(page)).toHaveText(
      "2 essays tagged Sino-Russian relations and Asia-Pacific.",
    );
    // Browse mode lists in reading order and shows the editor's summaries.
    await expect(results(page).nth(0).getByRole("heading")).toHaveText(
      /Competing or complementary/,
    );
    await expect(results(page).nth(1).getByRole("heading")).toHaveText(/Russian Dissatisfaction/);
    await expect(results(page).first()).toContainText("Editor’s summary");

    await page.getByRole("button", { name: "Remove filter tag Asia-Pacific" }).click();
    await expect(status(page)).toHaveText("5 essays tagged Sino-Russian relations.");
    await expect(page).toHaveURL(/\?tag=sino-russian-relations$/);

    await page.getByRole("checkbox", { name: /^Alliances/ }).check();
    await expect(status(page)).toHaveText(/2 essays tagged/);
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(results(page)).toHaveCount(0);
    await expect(page.locator("#search-help")).toBeVisible();
  });

  test("keeps the whole search in the URL: restore, Back and Forward", async ({ page }) => {
    await page.goto("/search/?q=China&tag=alliances&sort=title");
    await expect(page.getByRole("searchbox", { name: "Search words" })).toHaveValue("China");
    await expect(page.getByRole("checkbox", { name: /^Alliances/ })).toBeChecked();
    await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("title");
    await expect(results(page).nth(0).getByRole("heading")).toHaveText(/^A Sino-Russian Alliance/);
    await expect(results(page).nth(1).getByRole("heading")).toHaveText(/^The Deepening/);

    await page.getByRole("combobox", { name: "Sort by" }).selectOption("relevance");
    await expect(page).toHaveURL(/\?q=China&tag=alliances$/);
    const box = page.getByRole("searchbox", { name: "Search words" });
    await box.fill("Crimea");
    await box.press("Enter");
    await expect(page).toHaveURL(/\?q=Crimea&tag=alliances$/);
    await expect(status(page)).toHaveText(/No essays match “Crimea”, tagged Alliances/);

    await page.goBack();
    await expect(page).toHaveURL(/\?q=China&tag=alliances$/);
    await expect(box).toHaveValue("China");
    await expect(status(page)).toHaveText("2 essays match “China”, tagged Alliances.");
    await page.goBack();
    await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("title");
    await page.goForward();
    await page.goForward();
    await expect(box).toHaveValue("Crimea");
    await expect(page.getByRole("checkbox", { name: /^Alliances/ })).toBeChecked();
  });

  test("helps when nothing matches: drop a filter, drop a word, browse tags", async ({ page }) => {
    await page.goto("/search/?q=Crimea+Sochi&tag=ukraine-crisis");
    await expect(status(page)).toHaveText(/^No essays match/);
    const help = page.locator("#search-empty");
    await expect(help).toContainText("Remove a filter");
    await expect(help.getByRole("link", { name: "without “Ukraine crisis”" })).toBeVisible();
    await expect(help.getByRole("link", { name: "“Crimea”" })).toBeVisible();
    await expect(help.getByRole("link", { name: "Central Asia" })).toHaveAttribute(
      "href",
      "/tags/central-asia/",
    );
    await help.getByRole("link", { name: "“Crimea”" }).click();
    await expect(firstTitle(page)).toHaveText(UKRAINE);
  });

  test("explains the query language", async ({ page }) => {
    await page.goto("/search/");
    const help = page.locator("#search-help");
    await expect(help).toContainText("must occur");
    await expect(help).toContainText("double quotes");
    await expect(help).toContainText("matches their start");
    await expect(help).toContainText("OR");
    await expect(help).toContainText("minus sign");
  });

  test("odd queries get an answer, not a crash", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const q of ["%", "<script>alert(1)</script>", '"', "   ", "a".repeat(500), "&tag=x"]) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}&author=%3Cb%3E`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the essays");
      if (q.trim() && q !== '"') await expect(status(page)).toHaveText(/essay/);
    }
    expect(errors).toEqual([]);
  });
});

test.describe("forgiving queries", () => {
  test("a misspelt word still finds its essay", async ({ page }) => {
    await page.goto("/search/?q=Crimae");
    await expect(firstTitle(page)).toHaveText(UKRAINE);
    await expect(page.locator("#search-notice")).toContainText(
      "No essay contains “Crimae”. Showing 1 essay for “Crimea” instead.",
    );
  });

  test("offers “Did you mean” that runs the corrected search in one click", async ({ page }) => {
    await page.goto("/search/?q=Putin+Sochhi");
    const suggestion = page.locator("#search-notice").getByRole("link", { name: "“Putin Sochi”" });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL(/q=Putin(\+|%20)Sochi$/);
    await expect(firstTitle(page)).toHaveText("Russian Dissatisfaction with China and Its Limits");
  });

  test("British and American spellings find each other", async ({ page }) => {
    await page.goto("/search/?q=missile+defense");
    await expect(results(page)).toHaveCount(3);
    await expect(page.locator("#search-results")).toContainText("A Sino-Russian Alliance?"); // "defence"
    await expect(page.locator("#search-results")).toContainText("Russian Dissatisfaction"); // "defense"
    await expect(page.locator("#search-notice")).toContainText("other spellings: “defence”");

    await page.goto("/search/?q=Shanghai+Cooperation+Organisation");
    // Hsiung writes -isation; Yuan and Rozman -ization; the subject adds Kuhrt's "SCO".
    await expect(results(page)).toHaveCount(4);
  });

  test("diacritics are optional", async ({ page }) => {
    for (const q of ["Kiselev", "Kiselëv", "communique", "communiqué"]) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}`);
      await expect(results(page).first(), q).toBeVisible();
    }
  });
});

test.describe("Chinese characters", () => {
  test("are marked as Chinese in the essay and found by search", async ({ page }) => {
    await page.goto(
      "/essays/chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations/",
    );
    await expect(page.locator('article [lang="zh"]')).toHaveText(["俄罗斯研究", "封帅"]);
    for (const q of ["俄罗斯研究", "封帅", "俄罗斯"]) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}`);
      await expect(firstTitle(page), q).toHaveText(UKRAINE);
    }
  });
});

test.describe("landing on the passage", () => {
  test("results link sections and the essay highlights the terms, which can be cleared", async ({
    page,
  }) => {
    await page.goto("/search/?q=Crimea");
    const sections = results(page)
      .first()
      .getByRole("list", { name: /Sections of/ })
      .getByRole("link");
    await expect(sections.first()).toBeVisible();
    expect(await sections.count()).toBeLessThanOrEqual(3);
    await expect(sections.first()).toHaveAttribute(
      "href",
      /\?highlight=Crimea(&highlight=[^#&]+)*#[a-z0-9-]+$/,
    );

    await results(page)
      .first()
      .getByRole("list", { name: /Sections of/ })
      .getByRole("link", { name: /Reunification/ })
      .click();
    await expect(page).toHaveURL(
      /highlight=Crimea(&highlight=[^#&]+)*#the-reunification-of-crimea$/,
    );
    await expect(page.locator("#the-reunification-of-crimea")).toBeInViewport();
    const marks = page.locator("article mark.search-hit");
    await expect(marks.first()).toBeVisible();
    expect(await marks.count()).toBeGreaterThan(5);
    const bar = page.getByRole("region", { name: "Search highlights" });
    await expect(bar).toContainText("“Crimea”");

    const textBefore = await page.locator(".essay-prose").innerText();
    await bar.getByRole("button", { name: "Clear highlights" }).click();
    await expect(marks).toHaveCount(0);
    await expect(bar).toBeHidden();
    expect(page.url()).not.toContain("highlight=");
    expect(await page.locator(".essay-prose").innerText()).toBe(textBefore);
  });

  test("a result without a section scrolls to the first highlighted term", async ({ page }) => {
    await page.goto("/search/?q=Grachev");
    await results(page).first().getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(/highlight=Grachev$/);
    await expect(page.locator("article mark.search-hit").first()).toBeInViewport();
  });

  test("an essay opened normally loads no highlighter", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("/essays/russian-dissatisfaction-with-china-and-its-limits/");
    await expect(page.getByRole("region", { name: "Search highlights" })).toBeHidden();
    expect(requests.filter((u) => u.includes("pagefind"))).toEqual([]);
  });
});

test.describe("ranking", () => {
  test("an essay with the words in its title or headings ranks above passing mentions", async ({
    page,
  }) => {
    for (const [q, title] of [
      ["alliance", /^A Sino-Russian Alliance\?/],
      ["balancing", /^Russian Dissatisfaction/],
      ["partnership", /^The Deepening Chinese-Russia Partnership/],
      ["priorities", /^Russia and China: Competing or complementary\spriorities/],
      ["events", UKRAINE],
      ["Silk Road", UKRAINE],
    ] as const) {
      await page.goto(`/search/?q=${encodeURIComponent(q)}`);
      await expect(firstTitle(page), q).toHaveText(title);
      await resultsSettled(page);
      expect(await results(page).count(), q).toBeGreaterThan(1);
    }
  });
});

/** The part of Pagefind's API this file's tests call. */
interface PagefindLike {
  search: (term: string) => Promise<{ filters: Record<string, unknown> } | null>;
}

test.describe("facet counts load only when seen", () => {
  /** The Pagefind filter indexes the page has fetched so far. */
  const filterIndexes = (page: Page) => {
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.includes("/pagefind/filter/")) fetched.push(r.url());
    });
    return fetched;
  };
  const count = (page: Page, name: string) =>
    page.locator(`input[data-label="${name}"] ~ [data-count]`);

  test("on a phone, the filter indexes load when the reader opens Filters", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const fetched = filterIndexes(page);
    await page.goto("/search/?q=China");
    await expect(results(page).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(fetched).toHaveLength(0);
    await page.locator("#search-filters > summary").click();
    await expect(count(page, "Central Asia")).toHaveText("2");
    expect(fetched.length).toBeGreaterThan(0);
  });

  test("counting never slows the reader's own searches: it runs on a Pagefind of its own", async ({
    page,
  }) => {
    await page.goto("/search/?q=China");
    await expect(count(page, "Central Asia")).toHaveText("2");
    // The reader's instance has loaded no filter index, so its searches count no filter (an
    // instance that has loaded one counts it on every search: 0.5–1 s each at 10,000 essays).
    const filters = await page.evaluate(async () => {
      const api = await (window as unknown as Record<string, Promise<PagefindLike>>)
        .__pagefindBoot!;
      return (await api.search("Crimea"))?.filters;
    });
    expect(filters).toEqual({});
  });

  test("on a desktop, subjects are counted once their list is opened", async ({ page }) => {
    const fetched = filterIndexes(page);
    await page.goto("/search/?q=China");
    await expect(count(page, "Central Asia")).toHaveText("2");
    await page.waitForLoadState("networkidle");
    const before = fetched.length;
    expect(before).toBeGreaterThan(0);
    await page.locator("#facet-subject summary").click();
    await expect(count(page, "Crimea")).toHaveText("1");
    expect(fetched.length).toBeGreaterThan(before);
  });
});
