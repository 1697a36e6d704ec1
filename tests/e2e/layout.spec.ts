import { expect, test, type Page } from "@playwright/test";
import { PAGE_TYPES } from "./support/pages.ts";

const WIDTHS = [320, 390, 768, 1024, 1280, 1536, 1920];

/** The header's content edges (its frame less padding) and the logo's left edge. */
const headerEdges = (page: Page) =>
  page.locator("body > header > div").evaluate((frame) => {
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    return {
      left: box.left + parseFloat(style.paddingLeft),
      right: box.right - parseFloat(style.paddingRight),
      logo: frame.querySelector("a")!.getBoundingClientRect().left,
    };
  });

/**
 * The left and right edges of what a page shows in its flow: headings, paragraphs, lists, forms,
 * sections. Things that hang in the margin on purpose (¶ numbers, passage tools) are left out.
 */
const contentEdges = (page: Page) =>
  page.locator("main").evaluate((main) => {
    const blocks = [
      ...main.querySelectorAll<HTMLElement>(
        "h1, h2, p, ul, ol, dl, section, article, form, aside, nav, fieldset",
      ),
    ].filter((el) => {
      if (el.closest(".para-anchor, .para-tools, template, [hidden]")) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).position !== "absolute";
    });
    const boxes = blocks.map((el) => el.getBoundingClientRect());
    return {
      left: Math.min(...boxes.map((b) => b.left)),
      right: Math.max(...boxes.map((b) => b.right)),
      h1: main.querySelector("h1")!.getBoundingClientRect().left,
    };
  });

test.describe("one grid", () => {
  for (const [kind, path] of Object.entries(PAGE_TYPES)) {
    test(`the ${kind} page shares the header's left edge from 320 to 1,920 px`, async ({
      page,
    }) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        const header = await headerEdges(page);
        const content = await contentEdges(page);
        const at = `${kind} at ${width} px`;
        expect(Math.abs(header.logo - header.left), at).toBeLessThanOrEqual(1);
        expect(Math.abs(content.h1 - header.left), `${at}: the title`).toBeLessThanOrEqual(1);
        expect(Math.abs(content.left - header.left), `${at}: the content`).toBeLessThanOrEqual(1);
        expect(content.right, `${at}: the content's right edge`).toBeLessThanOrEqual(
          header.right + 1,
        );
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          `${at}: no sideways scrolling`,
        ).toBeLessThanOrEqual(0);
      }
    });
  }

  test("an essay's back matter stands in its text column, set apart from the text", async ({
    page,
  }) => {
    for (const width of [390, 1024, 1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(PAGE_TYPES.essay);
      const edges = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const text = box(".essay-prose");
        const last = [...document.querySelectorAll(".essay-prose > *")].at(-1)!;
        return {
          text: { left: text.left, right: text.right },
          title: box("h1").left,
          back: ["section[aria-labelledby=about-author]", "#cite", "#related-heading"].map((s) => {
            const b = box(s);
            return { s, left: b.left, right: b.right };
          }),
          gap:
            box("section[aria-labelledby=about-author]").top - last.getBoundingClientRect().bottom,
        };
      });
      const at = `at ${width} px`;
      expect(Math.abs(edges.title - edges.text.left), at).toBeLessThanOrEqual(1);
      for (const b of edges.back) {
        expect(Math.abs(b.left - edges.text.left), `${b.s} ${at}`).toBeLessThanOrEqual(1);
        expect(Math.abs(b.right - edges.text.right), `${b.s} ${at}`).toBeLessThanOrEqual(1);
      }
      // Well clear of the last paragraph (a rule between them), not 16 px below it.
      expect(edges.gap, at).toBeGreaterThanOrEqual(64);
    }
  });

  test("each related essay's reason fits one line of the text column at 1280 px", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const path of [
      PAGE_TYPES.essay,
      "/essays/russia-and-china-competing-or-complementary-priorities/",
    ]) {
      await page.goto(path);
      const lines = await page
        .locator("section[aria-labelledby=related-heading] li p")
        .evaluateAll((ps) =>
          ps.map(
            (p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight),
          ),
        );
      expect(lines).toHaveLength(3);
      for (const n of lines) expect(Math.round(n)).toBe(1);
    }
  });

  test("screenshots of the pages a reader sees first, at 390 and 1280 px, in both themes", async ({
    page,
  }) => {
    const shots: [string, string, string?][] = [
      ["essay-top", PAGE_TYPES.essay],
      ["essay-back", PAGE_TYPES.essay, "section[aria-labelledby=about-author]"],
      ["subject-putin", PAGE_TYPES.subject, "#perspectives-heading"],
      ["subject-sco", "/subjects/shanghai-cooperation-organisation/", "#perspectives-heading"],
    ];
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
        for (const [name, path, scrollTo] of shots) {
          await page.goto(path);
          if (scrollTo)
            await page
              .locator(scrollTo)
              .evaluate((el) => el.scrollIntoView({ behavior: "instant", block: "start" }));
          await page.screenshot({ path: `test-results/screens/${name}-${width}-${scheme}.png` });
        }
      }
    }
  });
});
