import { describe, expect, it, vi } from "vitest";
import {
  BOOT_GLOBAL,
  SEARCH_JS_CLASS,
  SEARCH_PENDING_CLASS,
  searchBootScript,
} from "../../src/lib/search-boot.ts";

/** A stand-in for `document` that records the classes put on <html>. */
function fakeDocument() {
  const classes = new Set<string>();
  return {
    classes,
    document: { documentElement: { classList: { add: (c: string) => classes.add(c) } } },
  };
}

describe("searchBootScript", () => {
  it("loads Pagefind under the base path, sets its options, starts it and preloads the query", async () => {
    const api = {
      options: vi.fn(async () => {}),
      init: vi.fn(async () => {}),
      preload: vi.fn(async () => {}),
    };
    const imported: string[] = [];
    const window: Record<string, Promise<unknown>> = {};
    const { classes, document } = fakeDocument();
    const run = new Function(
      "document",
      "window",
      "location",
      "URLSearchParams",
      "import_",
      searchBootScript("/reader/").replace(/import\(/g, "import_("),
    );
    run(document, window, { search: "?q=%20Crimea%20" }, URLSearchParams, async (url: string) => {
      imported.push(url);
      return api;
    });
    expect(await window[BOOT_GLOBAL]).toBe(api);
    expect(imported).toEqual(["/reader/pagefind/pagefind.js"]);
    expect(api.options).toHaveBeenCalledWith({ baseUrl: "/reader/", excerptLength: 30 });
    expect(api.init).toHaveBeenCalled();
    expect(api.preload).toHaveBeenCalledWith("Crimea");
    expect([...classes]).toEqual([SEARCH_JS_CLASS, SEARCH_PENDING_CLASS]);
  });

  it("preloads nothing without a query", async () => {
    const api = { options: vi.fn(async () => {}), init: vi.fn(async () => {}), preload: vi.fn() };
    const window: Record<string, Promise<unknown>> = {};
    new Function(
      "document",
      "window",
      "location",
      "URLSearchParams",
      "import_",
      searchBootScript("/").replace(/import\(/g, "import_("),
    )(fakeDocument().document, window, { search: "" }, URLSearchParams, async () => api);
    await window[BOOT_GLOBAL];
    expect(api.preload).not.toHaveBeenCalled();
  });

  it.each([
    ["", false],
    ["?q=", false],
    ["?sort=title", false],
    ["?q=Crimea", true],
    ["?sort=title&tag=central-asia", true],
    ["?author=natasha-kuhrt", true],
    ["?subject=sco", true],
  ])("with %j, marks the search as pending: %s", (search, pending) => {
    const { classes, document } = fakeDocument();
    const api = { options: async () => {}, init: async () => {}, preload: async () => {} };
    new Function(
      "document",
      "window",
      "location",
      "URLSearchParams",
      "import_",
      searchBootScript("/").replace(/import\(/g, "import_("),
    )(document, {}, { search }, URLSearchParams, async () => api);
    expect(classes.has(SEARCH_JS_CLASS)).toBe(true);
    expect(classes.has(SEARCH_PENDING_CLASS)).toBe(pending);
  });
});
