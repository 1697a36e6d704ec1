import { expect, test } from "@playwright/test";

/**
 * The site's non-page files as the project's own server sends them (scripts/serve.mjs, applying
 * dist/_headers as any static host does): each with the Content-Type that makes browsers and
 * reference managers read it right, the feed as a readable page, and the share images.
 */

const MARSH = "chinese-perspectives-on-events-in-ukraine-implications-for-sino-russian-relations";

test("every kind of file comes back with its own Content-Type, and HSTS", async ({ request }) => {
  for (const [path, type] of [
    [`/essays/${MARSH}.md`, "text/markdown; charset=utf-8"],
    [`/essays/${MARSH}/citation.bib`, "application/x-bibtex; charset=utf-8"],
    [`/essays/${MARSH}/citation.ris`, "application/x-research-info-systems; charset=utf-8"],
    [`/essays/${MARSH}/citation.json`, "application/json; charset=utf-8"],
    ["/essays.json", "application/json; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/feed.xsl", "application/xslt+xml; charset=utf-8"],
    ["/sitemap-index.xml", "application/xml; charset=utf-8"],
    ["/share/site.png", "image/png"],
    [`/share/essays/${MARSH}.png`, "image/png"],
    ["/", "text/html;charset=utf-8"],
  ]) {
    const response = await request.get(path!);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe(type);
    expect(response.headers()["strict-transport-security"], path).toMatch(/max-age=\d{8,}/);
  }
});

test("a browser shows an essay's Markdown as the text it is, Chinese and curly quotes included", async ({
  page,
}) => {
  await page.goto(`/essays/${MARSH}.md`);
  const text = await page.locator("body").innerText();
  expect(text).toContain("俄罗斯研究");
  expect(text).toContain("the two nations’ economic");
  expect(text).not.toMatch(/â€|Ã/);
});

test.describe("the feed in a browser", () => {
  for (const width of [390, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      test(`reads as a page at ${width} px, ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto("/feed.xml");
        expect(response!.headers()["content-security-policy"]).toContain("default-src 'self'");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Research Reader");
        await expect(page.getByText("This is a feed")).toBeVisible();
        const items = page.locator("ol.items > li");
        await expect(items).toHaveCount(6);
        await expect(items.first().getByRole("link")).toHaveAttribute(
          "href",
          /\/essays\/a-sino-russian-alliance-rationales-and-realities\/$/,
        );
        await expect(items.first()).toContainText("Editor’s summary:");
        // Styled by the site's own stylesheet (no inline styles under the CSP).
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        expect(background).toBe(scheme === "dark" ? "rgb(21, 19, 17)" : "rgb(251, 250, 247)");
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/screens/feed-${width}-${scheme}.png` });
      });
    }
  }
});

test("each page's share image is an image the browser can show", async ({ page, request }) => {
  for (const path of ["/", `/essays/${MARSH}/`, "/tags/", "/timeline/"]) {
    await page.goto(path);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    const response = await request.get(new URL(image!).pathname);
    expect(response.headers()["content-type"], path).toBe("image/png");
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, new URL(image!).pathname);
    expect(size, path).toEqual([1200, 630]);
  }
});
