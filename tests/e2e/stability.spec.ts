import { expect, test, type Page } from "@playwright/test";

/**
 * Nothing jumps under the reader's eyes: pages that fill themselves in after loading (search
 * results, the theme toggle, filters) must not push what is already on screen around. Measured
 * with the browser's own layout-shift entries, at phone and desktop widths.
 */

/** Starts recording layout shifts not caused by the reader's own input. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: { value: number; nodes: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        w.shifts.push({
          value: entry.value,
          nodes: entry.sources.map((s) =>
            s.node instanceof Element ? `${s.node.tagName}#${s.node.id}` : String(s.node),
          ),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

const shifts = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { shifts: { value: number; nodes: string[] }[] }).shifts,
  );

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

const PAGES = [
  { path: "/search/?q=China", settled: "#search-results li" },
  { path: "/search/?q=zzzzqqq", settled: "#search-empty:not([hidden])" },
  { path: "/search/?tag=central-asia", settled: "#search-results li" },
  { path: "/", settled: "#theme-toggle:not([hidden])" },
];

for (const size of WIDTHS) {
  for (const { path, settled } of PAGES) {
    test(`${path} does not shift as it fills in (${size.name})`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await recordShifts(page);
      await page.goto(path);
      await page.locator(settled).first().waitFor();
      // Let late work (facet counts, spelling check) finish before reading the record.
      await page.waitForLoadState("networkidle");
      const recorded = await shifts(page);
      const total = recorded.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(recorded)).toBeLessThan(0.01);
    });
  }
}
