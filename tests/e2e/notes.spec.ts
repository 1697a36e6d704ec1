/**
 * The reader's own highlights and notes: made by selecting words (or from the keyboard), still
 * there after a reload, re-attached by quote when the essay changes around them, listed on
 * "My notes", exported as Markdown and W3C Web Annotations, deleted, imported back.
 */
import AxeBuilder from "@axe-core/playwright";
import * as cheerio from "cheerio";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const ESSAY = "/essays/a-sino-russian-alliance-rationales-and-realities/";

// Pages here are changed on their way to the browser (page.route), which a service worker would
// answer instead.
test.use({ serviceWorkers: "block" });

/** Clicks the middle of the painted words, as a reader clicks a highlight. */
async function clickHighlight(page: Page, words: string): Promise<void> {
  const box = await page.evaluate((words) => {
    for (const [, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
      for (const r of h) {
        if (r.toString() === words) {
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
    }
    throw new Error(`“${words}” is not painted`);
  }, words);
  await page.mouse.click(box.x, box.y);
}
const WORDS = "Peace Mission"; // in ¶ 2

/** Selects the first occurrence of `words` in passage `n`, as a reader's drag would. */
async function select(page: Page, n: number, words: string): Promise<void> {
  await page.locator(`#p-${n}`).scrollIntoViewIfNeeded();
  await page.evaluate(
    ([n, words]) => {
      const p = document.querySelector(`#p-${n}`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(words as string);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + (words as string).length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no “${words}” in ¶ ${n}`);
    },
    [n, words] as const,
  );
}

/** The words each painted highlight covers, by colour. */
const painted = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> })
      .highlights) {
      if (h.size) out[name] = [...h].map((r) => r.toString());
    }
    return out;
  });

async function highlightWords(page: Page, n: number, words: string, colour: string) {
  await select(page, n, words);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected words" });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("button", { name: `Highlight in ${colour}` }).click();
  await expect(page.locator("article")).toHaveAttribute("data-highlights", /[1-9]/);
}

/** The essay page with its ¶ 1 taken out and the rest renumbered, as if the editor cut it. */
async function withoutFirstParagraph(page: Page): Promise<void> {
  await page.route(`**${ESSAY}`, async (route) => {
    const response = await route.fetch();
    const $ = cheerio.load(await response.text());
    $("#p-1").remove();
    $("[data-para]").each((_, el) => {
      const n = Number($(el).attr("data-para")) - 1;
      $(el).attr("data-para", String(n));
      if ($(el).attr("id")) $(el).attr("id", `p-${n}`);
      if ($(el).is("a")) $(el).attr("href", `#p-${n}`).attr("aria-label", `Paragraph ${n}`);
    });
    // and a change in another paragraph, which must not matter
    $("#p-3").prepend("An added sentence. ");
    await route.fulfill({ response, body: $.html() });
  });
}

test.describe("highlights on an essay", () => {
  test("select words, choose a colour: painted, kept across a reload, and re-attached after edits", async ({
    page,
  }) => {
    await page.goto(ESSAY);
    await highlightWords(page, 2, WORDS, "green");
    expect(await painted(page)).toEqual({ "highlight-green": [WORDS] });
    await page.reload();
    await expect(page.locator("article")).toHaveAttribute("data-highlights", "1");
    expect(await painted(page)).toEqual({ "highlight-green": [WORDS] });

    // The editor cut ¶ 1: the words are now in ¶ 1, and the highlight follows them.
    await withoutFirstParagraph(page);
    await page.reload();
    await expect(page.locator("article")).toHaveAttribute("data-highlights", "1");
    expect(await painted(page)).toEqual({ "highlight-green": [WORDS] });
    await expect(page.locator("essay-annotations [data-slot=lost]")).toBeHidden();
    await page.unroute(`**${ESSAY}`);
    await page.goto("/notes/");
    await expect(page.locator(".notes-item")).toContainText("¶ 1");
  });

  test("words no longer in the essay are reported, not painted elsewhere, and kept", async ({
    page,
  }) => {
    await page.goto(ESSAY);
    await highlightWords(page, 2, WORDS, "yellow");
    await page.route(`**${ESSAY}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll(WORDS, "Joint Exercise");
      await route.fulfill({ response, body });
    });
    await page.reload();
    await expect(page.locator("essay-annotations [data-slot=lost]")).toHaveText(
      "1 of your highlights could not be found in this essay’s current text; it is kept in My notes.",
    );
    expect(await painted(page)).toEqual({});
  });

  test("a note from the toolbar, edited by a click on the highlight, deleted from the editor", async ({
    page,
  }) => {
    await page.goto(ESSAY);
    await select(page, 2, WORDS);
    await page.getByRole("button", { name: "Add a note" }).click();
    const editor = page.getByRole("dialog", { name: "Your highlight" });
    await expect(editor).toBeVisible();
    await expect(editor.locator("[data-slot=quote]")).toHaveText(`“${WORDS}”`);
    await expect(editor.getByLabel("Note")).toBeFocused();
    await page.keyboard.type("Check the 2005 exercise.");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(editor).toBeHidden();

    await clickHighlight(page, WORDS);
    await expect(editor).toBeVisible();
    await expect(editor.getByLabel("Note")).toHaveValue("Check the 2005 exercise.");
    await editor.getByRole("radio", { name: "Pink" }).check();
    await editor.getByRole("button", { name: "Save" }).click();
    expect(await painted(page)).toEqual({ "highlight-pink": [WORDS] });

    await clickHighlight(page, WORDS);
    await editor.getByRole("button", { name: "Delete highlight" }).click();
    expect(await painted(page)).toEqual({});
    await page.reload();
    await expect(page.locator("article")).toHaveAttribute("data-highlights", "0");
  });

  test("from the keyboard: a paragraph's Highlight tool highlights the whole paragraph", async ({
    page,
  }) => {
    await page.goto(ESSAY);
    const anchor = page.locator("#p-3 .para-anchor");
    await page.keyboard.press("Tab");
    await anchor.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("button", { name: /Highlight paragraph 3/ })).toBeFocused();
    await page.keyboard.press("Enter");
    const editor = page.getByRole("dialog", { name: "Your highlight" });
    await expect(editor).toBeVisible();
    await expect(editor.locator("[data-slot=quote]")).toContainText("The past few years");
    await page.keyboard.type("All of it.");
    await page.keyboard.press("Tab"); // to the privacy note's link
    await editor.getByRole("button", { name: "Save" }).press("Enter");
    const words = (await painted(page))["highlight-yellow"]![0]!;
    expect(words.startsWith("The past few years")).toBe(true);
  });

  test("a selection across two paragraphs is refused with a reason", async ({ page }) => {
    await page.goto(ESSAY);
    await page.locator("#p-2").scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelector("#p-1")!.lastChild!, 0);
      range.setEnd(document.querySelector("#p-2")!.lastChild!, 3);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const toolbar = page.getByRole("toolbar", { name: "Highlight the selected words" });
    await expect(toolbar).toContainText("Select words within one paragraph");
    await expect(toolbar.getByRole("button", { name: "Highlight in yellow" })).toBeHidden();
  });
});

test.describe("My notes", () => {
  test("lists, searches and groups; exports Markdown and W3C JSON; deletes everything; imports it back", async ({
    page,
  }) => {
    await page.goto(ESSAY);
    await highlightWords(page, 2, WORDS, "green");
    await highlightWords(page, 3, "Xi Jinping", "blue");
    await page.goto("/notes/");
    const items = page.locator(".notes-item");
    await expect(items).toHaveCount(2);
    await expect(page.locator("my-notes")).toContainText(
      "A Sino-Russian Alliance? Rationales and Realities",
    );

    await page.getByLabel("Search your notes").fill("peace");
    await expect(items).toHaveCount(1);
    await expect(page.locator("[data-slot=count]")).toHaveText(
      "1 highlight of 2 match your search.",
    );
    await page.getByLabel("Search your notes").fill("");
    await page.getByRole("radio", { name: "Subject" }).check();
    await expect(page.locator(".notes-group h2")).toContainText([
      "Shanghai Cooperation Organisation",
    ]);

    // Markdown, in MLA, with today's access date.
    await page.getByRole("radio", { name: "Essay" }).check();
    await page.getByLabel("Citations in").selectOption({ label: "MLA 9" });
    const [md] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as Markdown" }).click(),
    ]);
    const markdown = readFileSync((await md.path())!, "utf8");
    const now = new Date();
    const month = now.toLocaleString("en-GB", { month: "short" }).replace(/^Sept$/, "Sept");
    expect(markdown).toContain(`> ${WORDS}`);
    expect(markdown).toMatch(
      /\[¶ 2\]\(https?:\/\/[^)]+\/essays\/a-sino-russian-alliance-rationales-and-realities\/#p-2\)/,
    );
    expect(markdown).toContain(
      "Yuan, Jingdong. “A Sino-Russian Alliance? Rationales and Realities.”",
    );
    expect(markdown).toContain(`Accessed ${now.getDate()} ${month}`);

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export as W3C Web Annotations/ }).click(),
    ]);
    const file = (await json.path())!;
    const collection = JSON.parse(readFileSync(file, "utf8"));
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      total: 2,
      first: { type: "AnnotationPage" },
    });
    expect(collection.first.items[0].target.selector.map((s: { type: string }) => s.type)).toEqual([
      "FragmentSelector",
      "TextQuoteSelector",
    ]);

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete everything" }).click();
    await expect(page.locator("[data-slot=status]")).toHaveText("Deleted 2 highlights.");
    await expect(items).toHaveCount(0);
    await page.goto(ESSAY);
    expect(await painted(page)).toEqual({});

    await page.goto("/notes/");
    await page.locator("input[type=file]").setInputFiles(file);
    await expect(page.locator("[data-slot=status]")).toHaveText("Imported 2 highlights.");
    await expect(items).toHaveCount(2);
    await page.goto(ESSAY);
    await expect(page.locator("article")).toHaveAttribute("data-highlights", "2");
    expect(await painted(page)).toEqual({
      "highlight-green": [WORDS],
      "highlight-blue": ["Xi Jinping"],
    });
  });

  test("says that nothing leaves the browser, and reads without JavaScript", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/notes/");
    await expect(page.locator("main")).toContainText(
      "kept in this browser only: nothing is sent anywhere",
    );
    await expect(page.locator("main")).toContainText("My notes needs JavaScript");
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the notes page and the highlight editor are axe clean, ${scheme} theme`, async ({
      page,
    }) => {
      const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(ESSAY);
      await highlightWords(page, 2, WORDS, "yellow");
      await clickHighlight(page, WORDS);
      await expect(page.getByRole("dialog", { name: "Your highlight" })).toBeVisible();
      expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
      await page.goto("/notes/");
      await expect(page.locator(".notes-item")).toHaveCount(1);
      expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
    });
  }
});
