import { describe, expect, it, vi } from "vitest";
import { BOOT_GLOBAL, searchBootScript } from "../../src/lib/search-boot.ts";

describe("searchBootScript", () => {
  it("loads Pagefind under the base path, sets its options, starts it and preloads the query", async () => {
    const api = {
      options: vi.fn(async () => {}),
      init: vi.fn(async () => {}),
      preload: vi.fn(async () => {}),
    };
    const imported: string[] = [];
    const window: Record<string, Promise<unknown>> = {};
    const run = new Function(
      "window",
      "location",
      "URLSearchParams",
      "import_",
      searchBootScript("/reader/").replace(/import\(/g, "import_("),
    );
    run(window, { search: "?q=%20Crimea%20" }, URLSearchParams, async (url: string) => {
      imported.push(url);
      return api;
    });
    expect(await window[BOOT_GLOBAL]).toBe(api);
    expect(imported).toEqual(["/reader/pagefind/pagefind.js"]);
    expect(api.options).toHaveBeenCalledWith({ baseUrl: "/reader/", excerptLength: 30 });
    expect(api.init).toHaveBeenCalled();
    expect(api.preload).toHaveBeenCalledWith("Crimea");
  });

  it("preloads nothing without a query", async () => {
    const api = { options: vi.fn(async () => {}), init: vi.fn(async () => {}), preload: vi.fn() };
    const window: Record<string, Promise<unknown>> = {};
    new Function(
      "window",
      "location",
      "URLSearchParams",
      "import_",
      searchBootScript("/").replace(/import\(/g, "import_("),
    )(window, { search: "" }, URLSearchParams, async () => api);
    await window[BOOT_GLOBAL];
    expect(api.preload).not.toHaveBeenCalled();
  });
});
