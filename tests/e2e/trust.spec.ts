import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { allPages, PAGE_TYPES } from "./support/pages.ts";

/**
 * Trustworthy output, checked in the browser under the real HTTP headers the test server sends
 * from dist/_headers: no CSP violation or console error anywhere, no request to another host, and
 * no WCAG 2.1 A/AA violation in either theme.
 */

interface Watch {
  problems: string[];
  foreign: string[];
}

/** Records console errors, page errors, CSP violations and requests to other hosts. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { problems: [], foreign: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || /Content[- ]Security[- ]Policy/i.test(m.text())) {
      w.problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => w.problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  await page.context().route("**/*", (route) => {
    const url = new URL(route.request().url());
    const own = new URL(page.context().pages()[0]?.url() || "http://127.0.0.1/");
    if (
      url.protocol === "data:" ||
      url.protocol === "blob:" ||
      url.host === own.host ||
      url.hostname === "127.0.0.1"
    ) {
      return route.continue();
    }
    w.foreign.push(url.href);
    return route.abort();
  });
  return w;
}

test.describe("under the site's real security headers", () => {
  test("every page loads with the CSP header and without a violation or console error", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const w = await watch(page);
    for (const path of allPages()) {
      const before = w.problems.length;
      const response = await page.goto(path);
      const csp = response!.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).not.toMatch(/'unsafe-eval'/);
      expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
      if (path.includes("?q="))
        await expect(page.locator("#search-results > li").first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      if (response!.status() === 404) {
        // The browser reports the 404 page's own status; that one is expected.
        w.problems.splice(
          before,
          w.problems.length - before,
          ...w.problems.slice(before).filter((p) => !/status of 404/.test(p)),
        );
      }
    }
    expect(w.problems).toEqual([]);
    expect(w.foreign).toEqual([]);
  });

  test("search, highlights, theme and copying work under the CSP", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const w = await watch(page);
    await page.goto("/essays/");
    // Header search (Pagefind's worker and WebAssembly run under the header CSP).
    await page.keyboard.press("/");
    await page.keyboard.type("Crimea");
    await expect(
      page.getByRole("listbox", { name: "Search results" }).getByRole("option").first(),
    ).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=Crimea$/);
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    // Search page with facets, a correction and a variant spelling.
    await page.goto("/search/?q=Crimae");
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    await page.goto("/search/?q=missile+defense&tag=alliances");
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    // Land on a passage with highlights.
    await page
      .locator("#search-results > li")
      .first()
      .getByRole("heading")
      .getByRole("link")
      .click();
    await expect(page.locator("mark.search-hit").first()).toBeVisible();
    // Theme and citation copy.
    await page.getByRole("button", { name: /^Theme:/ }).click();
    const copy = page.locator("#cite").getByRole("button", { name: "Copy APA 7 citation" });
    await copy.click();
    // The button says "Copied" once the clipboard write has finished.
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\(n\.d\.\)/);
    await page.waitForLoadState("networkidle");
    expect(w.problems).toEqual([]);
    expect(w.foreign).toEqual([]);
  });

  test("a script injected into a page is refused by the CSP", async ({ page }) => {
    const violations: string[] = [];
    page.on(
      "console",
      (m) => m.text().includes("Content Security Policy") && violations.push(m.text()),
    );
    await page.goto("/");
    const ran = await page.evaluate(() => {
      (window as unknown as { injected?: boolean }).injected = false;
      const s = document.createElement("script");
      s.textContent = "window.injected = true";
      document.body.append(s);
      return (window as unknown as { injected?: boolean }).injected;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
  });
});

test.describe("accessibility (axe-core, WCAG 2.2 A and AA)", () => {
  // WCAG 2.2 brings target size (2.5.8): every link and button at least 24 × 24 px, or spaced.
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
  const violations = async (page: Page) =>
    (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`,
    );

  for (const scheme of ["light", "dark"] as const) {
    for (const [kind, path] of Object.entries(PAGE_TYPES)) {
      test(`${kind} page, ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        if (kind === "search") {
          await expect(page.locator("#search-results > li").first()).toBeVisible();
          await expect(page.locator("#search-filters")).toHaveAttribute("open", "");
        }
        expect(await violations(page)).toEqual([]);
      });

      test(`${kind} page at 390 px, ${scheme} theme`, async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        if (kind === "search")
          await expect(page.locator("#search-results > li").first()).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`an essay opened from a search, its highlight bar showing, ${scheme} theme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${PAGE_TYPES.essay}?highlight=NATO`);
      await expect(page.locator("#highlight-bar")).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test(`perspectives with two essays chosen, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(
        `${PAGE_TYPES.subject}?compare=a-sino-russian-alliance-rationales-and-realities&compare=russian-dissatisfaction-with-china-and-its-limits`,
      );
      await expect(page.locator("article.perspective:visible")).toHaveCount(2);
      expect(await violations(page)).toEqual([]);
    });

    test(`open header search and passage tools, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(PAGE_TYPES.essay);
      await page.locator("#p-2").hover();
      await page.keyboard.press("/");
      await page.keyboard.type("China");
      await expect(page.getByRole("listbox", { name: "Search results" })).toBeVisible();
      await page.keyboard.press("ArrowDown");
      expect(await violations(page)).toEqual([]);
    });
  }
});
