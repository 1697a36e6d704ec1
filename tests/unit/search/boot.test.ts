import { describe, expect, it, vi } from "vitest";
import {
  BOOT_GLOBAL,
  SEARCH_JS_CLASS,
  SEARCH_PENDING_CLASS,
  searchBootScript,
} from "../../../src/lib/search/boot.ts";

/** Runs the boot script with stand-ins for the browser's globals (import() included). */
function runBoot(
  base: string,
  search: string,
  document: unknown,
  window: Record<string, Promise<unknown>>,
  importModule: (url: string) => Promise<unknown>,
): void {
  new Function(
    "document",
    "window",
    "location",
    "URLSearchParams",
    "import_",
    searchBootScript(base).replace(/import\(/g, "import_("),
  )(document, window, { search }, URLSearchParams, importModule);
}

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
    runBoot("/reader/", "?q=%20Crimea%20", document, window, async (url: string) => {
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
    runBoot("/", "", fakeDocument().document, window, async () => api);
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
    runBoot("/", search, document, {}, async () => api);
    expect(classes.has(SEARCH_JS_CLASS)).toBe(true);
    expect(classes.has(SEARCH_PENDING_CLASS)).toBe(pending);
  });
});
