import { expect, test } from "@playwright/test";

test.describe("reading and browsing", () => {
  test("home → essay → tag → author → essay round trip", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("main")).toContainText("China Policy Institute: Analysis");

    // The home page lists the six essays in source order, each with author, tags and time.
    const essays = page.locator("main section[aria-labelledby='essays-heading'] article");
    await expect(essays).toHaveCount(6);
    await expect(essays.first().getByRole("heading")).toHaveText(
      "A Sino-Russian Alliance? Rationales and Realities",
    );
    await expect(essays.first()).toContainText("min read");
    await expect(essays.first()).toContainText("Editor’s summary");

    // Open an essay.
    await essays.nth(2).getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(
      /\/essays\/cultural-statecraft-in-the-russian-and-chinese-contexts\/$/,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Cultural Statecraft in the Russian and Chinese Contexts",
    );
    await expect(page.locator("article")).toContainText("Russkii Mir");
    await expect(page.locator("article")).toContainText("min read");

    // Follow its tag to the tag page, which lists all six.
    await page
      .getByRole("list", { name: "Tags" })
      .getByRole("link", { name: "Russian foreign policy" })
      .click();
    await expect(page).toHaveURL(/\/tags\/russian-foreign-policy\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Russian foreign policy");
    await expect(page.locator("main article")).toHaveCount(6);

    // Follow an author from the list to their page: bio, affiliation, essays.
    await page.locator("main article").nth(1).getByRole("link", { name: "Natasha Kuhrt" }).click();
    await expect(page).toHaveURL(/\/authors\/natasha-kuhrt\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Natasha Kuhrt");
    await expect(page.locator("main")).toContainText("King’s College London");
    await expect(page.locator("main")).toContainText("Dr Natasha Kuhrt is a Lecturer");

    // And back to the essay.
    await page
      .getByRole("link", { name: "Russia and China: Competing or complementary priorities?" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "Competing or complementary",
    );
  });

  test("an essay links its byline, tags, related essays and neighbours", async ({ page }) => {
    await page.goto("/essays/");
    await page.getByRole("link", { name: /^The Deepening Chinese-Russia Partnership/ }).click();

    await page.locator("article").getByRole("link", { name: "James C. Hsiung" }).click();
    await expect(page).toHaveURL(/\/authors\/james-c-hsiung\/$/);
    await page.goBack();

    // Sub-headings and the starred paragraphs (a list).
    await expect(page.locator("article h2")).toHaveText([
      "The 1993-1994 Turning Point.",
      "The Hastening Pace of the Russo-China Partnership.",
      "The Quadruple Foundation of the Russo-China Partnership in Brief.",
    ]);
    await expect(page.locator("article .essay-prose li")).toHaveCount(4);

    // The biography sits after the essay, not in it.
    await expect(page.locator("#about-author + p")).toContainText(
      "Professor of Politics & International Law",
    );
    await expect(page.locator("article")).not.toContainText("Image credit");

    // Related essays explain themselves and lead somewhere.
    const related = page.locator("section[aria-labelledby='related-heading'] li");
    await expect(related.first()).toContainText(/ · Both discuss \S/);
    await related.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/essays\/[^/]+\/$/);

    await page.goto(
      "/essays/the-deepening-chinese-russia-partnership-an-american-security-dilemma/",
    );
    await page.getByRole("link", { name: /Next essay/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Russian Dissatisfaction with China and Its Limits",
    );
  });

  test("tags and authors indexes lead to every tag and author", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Tags" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
    await expect(
      page.locator("main li").filter({ hasText: "Russian foreign policy" }),
    ).toContainText("6 essays");
    await page.getByRole("link", { name: "Ukraine crisis" }).click();
    await expect(page.locator("main article")).toHaveCount(1);

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Authors" })
      .click();
    await expect(page.locator("main li")).toHaveCount(6);
    await page.getByRole("link", { name: "Gilbert Rozman" }).click();
    await expect(page.locator("main")).toContainText("Princeton University");
    await expect(page.locator("main article")).toHaveCount(1);
  });

  test("an unknown address shows the 404 page with ways back", async ({ page }) => {
    const response = await page.goto("/essays/no-such-essay/");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    // Every way back in: the home page and each section the header offers.
    const ways = page.locator("main ul").last().getByRole("link");
    await expect(ways).toHaveText([
      "Home",
      "Essays",
      "Tags",
      "Authors",
      "Subjects",
      "Timeline",
      "Map",
    ]);
    await ways.getByText("Essays", { exact: true }).click();
    await expect(page.locator("main article")).toHaveCount(6);
  });
});
