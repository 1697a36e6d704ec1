/**
 * What the offline reader is built from: a service worker whose precache is the site's shell
 * only (nothing that grows with the essays), a web app manifest with its icons, the headers the
 * worker needs, and offline sets that list real files with their real sizes.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headersFor, parseHeadersFile } from "../../src/lib/headers.ts";
import type { OfflineSet } from "../../src/lib/offline.ts";
import { builtPages, DIST, listFiles } from "../support/dist.ts";

const json = <T>(file: string) => JSON.parse(readFileSync(join(DIST, file), "utf8")) as T;
/** The file a URL path is served from. */
const fileOf = (url: string) => join(DIST, url.endsWith("/") ? `${url}index.html` : url);

describe("the service worker", () => {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);

  it("precaches the shell only: styles, scripts, icons, the manifest and the offline page", () => {
    expect(precached.length).toBeGreaterThan(5);
    for (const url of precached) {
      expect(url).toMatch(
        /^\/(_astro\/[^/]+\.(css|js|woff2)|favicon\.svg|icons\/\d+\.png|manifest\.webmanifest|offline\/index\.html)$/,
      );
    }
    expect(precached).toContain("/offline/index.html");
    expect(precached.some((u) => u.endsWith(".css"))).toBe(true);
    // Only what every page loads at once: what the home page names and imports, never a script
    // one page loads on demand (the search engine).
    const home = readFileSync(join(DIST, "index.html"), "utf8");
    for (const url of precached.filter((u) => u.startsWith("/_astro/"))) {
      const name = url.split("/").at(-1)!;
      const named = home.includes(url);
      const imported = listFiles(join(DIST, "_astro")).some(
        (f) =>
          f.endsWith(".js") &&
          readFileSync(join(DIST, "_astro", f), "utf8").includes(`from"./${name}"`),
      );
      expect(named || imported, url).toBe(true);
    }
    expect(precached.some((u) => /\/engine\.[^/]+\.js$/.test(u))).toBe(false);
    const bytes = precached.reduce((sum, u) => sum + statSync(fileOf(u)).size, 0);
    // The shell does not grow with the essays; it is a few hundred KB at most.
    expect(bytes).toBeLessThan(400 * 1024);
  });

  it("is served fresh on every update check, and the manifest as a manifest", () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, "_headers"), "utf8"));
    expect(headersFor("/sw.js", rules)["Cache-Control"]).toBe("no-cache");
    expect(headersFor("/manifest.webmanifest", rules)["Content-Type"]).toMatch(
      /^application\/manifest\+json/,
    );
    expect(headersFor("/essays/x.pdf", rules)["Content-Type"]).toBe("application/pdf");
    expect(headersFor("/essays.epub", rules)["Content-Type"]).toBe("application/epub+zip");
  });
});

describe("the web app manifest", () => {
  const manifest = json<{
    name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; type: string }[];
  }>("manifest.webmanifest");

  it("names the site, starts at its home and has 192 and 512 px icons", () => {
    expect(manifest).toMatchObject({
      name: "Research Reader",
      start_url: "/",
      scope: "/",
      display: "standalone",
    });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
    for (const icon of manifest.icons) {
      const png = readFileSync(fileOf(icon.src));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      const width = png.readUInt32BE(16);
      expect(`${width}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });

  it("is linked from every page", () => {
    for (const { path, $ } of builtPages()) {
      expect($('link[rel="manifest"]').attr("href"), path).toBe("/manifest.webmanifest");
    }
  });
});

describe("the offline sets", () => {
  const files = listFiles(join(DIST, "offline")).filter(
    (f) => f.endsWith(".json") && f !== "summary.json",
  );
  const sets = new Map(
    files.map((f) => [f.replace(/\.json$/, ""), json<OfflineSet>(`offline/${f}`)]),
  );

  it("bring the scripts their pages need: the search set, the search engine", () => {
    const search = sets.get("search")!;
    expect(search.urls.some((u) => /^\/_astro\/engine\.[^/]+\.js$/.test(u))).toBe(true);
    expect(search.urls.some((u) => /^\/_astro\/[^/]+\.css$/.test(u))).toBe(true);
  });

  it("sum up the collection and the search index in a file of their own, small at any size", () => {
    const summary = json<{ search: { bytes: number }; all: { label: string; bytes: number } }>(
      "offline/summary.json",
    );
    expect(summary).toEqual({
      search: { bytes: sets.get("search")!.bytes },
      all: {
        label: sets.get("all")!.label,
        essays: sets.get("all")!.essays,
        bytes: sets.get("all")!.bytes,
      },
    });
  });

  it("list real files, with their real sizes", () => {
    for (const [name, set] of sets) {
      const bytes = set.urls.reduce((sum, url) => sum + statSync(fileOf(url)).size, 0);
      expect(set.bytes, name).toBe(bytes);
    }
  });

  it("offer every essay, tag and author, and all of them with every page a reader can list", () => {
    const essays = builtPages().filter(
      (p) => /^\/essays\/[^/]+\/$/.test(p.path) && p.$("article .para").length,
    );
    for (const { path } of essays)
      expect(sets.has(`essays/${path.split("/")[2]}`), path).toBe(true);
    for (const { path } of builtPages().filter((p) => /^\/(tags|authors)\/[^/]+\/$/.test(p.path))) {
      expect(sets.has(path.slice(1, -1)), path).toBe(true);
    }
    const all = sets.get("all")!;
    expect(all.essays).toBe(essays.length);
    for (const { path } of builtPages()) {
      if (path !== "/404.html") expect(all.urls, path).toContain(path);
    }
    // Each essay's search fragment comes with it: offline results can show it.
    expect(all.urls.filter((u) => u.includes("/pagefind/fragment/"))).toHaveLength(essays.length);
  });

  it("keep search working offline: the index, the search page and its data, one engine", () => {
    const search = sets.get("search")!;
    expect(search.urls).toEqual(
      expect.arrayContaining([
        "/search/",
        "/pagefind/pagefind-entry.json",
        "/pagefind/pagefind.js",
        "/search/subjects.json",
      ]),
    );
    expect(search.urls.filter((u) => u.endsWith(".pagefind"))).toEqual([
      "/pagefind/wasm.en.pagefind",
    ]);
    expect(search.urls.some((u) => u.includes("/fragment/") || /-ui\.(js|css)$/.test(u))).toBe(
      false,
    );
  });
});
