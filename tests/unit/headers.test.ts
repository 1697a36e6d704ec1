import { describe, expect, it } from "vitest";
import {
  formatCsp,
  formatHeadersFile,
  headersFor,
  mergeCsp,
  parseCsp,
  parseHeadersFile,
  patternMatches,
  siteHeaderRules,
  siteHeaders,
} from "../../src/lib/headers.ts";

describe("CSP", () => {
  it("parses, merges and formats policies, adding up hashes", () => {
    const a = parseCsp(
      "default-src 'self'; script-src 'self' 'sha256-A'; style-src 'self' 'sha256-S'",
    );
    const b = parseCsp("default-src 'self';script-src 'self' 'sha256-B'");
    expect(formatCsp(mergeCsp([a, b]))).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self' 'sha256-S'",
    );
  });

  it("adds what only a header can carry, and the other security headers", () => {
    const headers = siteHeaders(
      parseCsp("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"),
    );
    expect(headers["Content-Security-Policy"]).toBe(
      "default-src 'self'; frame-ancestors 'none'; script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("_headers files", () => {
  const text = formatHeadersFile([
    {
      pattern: "/*",
      headers: { "X-A": "1", "Content-Security-Policy": "default-src 'self'; x y" },
    },
    { pattern: "/pagefind/*", headers: { "Cache-Control": "public, max-age=3600" } },
  ]);

  it("writes the Netlify/Cloudflare format", () => {
    expect(text).toBe(
      "/*\n  X-A: 1\n  Content-Security-Policy: default-src 'self'; x y\n\n/pagefind/*\n  Cache-Control: public, max-age=3600\n",
    );
  });

  it("reads it back", () => {
    expect(parseHeadersFile(`# comment\n${text}`)).toEqual([
      {
        pattern: "/*",
        headers: { "X-A": "1", "Content-Security-Policy": "default-src 'self'; x y" },
      },
      { pattern: "/pagefind/*", headers: { "Cache-Control": "public, max-age=3600" } },
    ]);
  });

  it.each([
    ["/*", "/", true],
    ["/*", "/essays/x/", true],
    ["/pagefind/*", "/pagefind/pagefind.js", true],
    ["/pagefind/*", "/essays/", false],
    ["/essays/x/", "/essays/x/", true],
    ["/essays/x/", "/essays/x/y/", false],
  ])("%s matches %s: %s", (pattern, path, match) =>
    expect(patternMatches(pattern, path)).toBe(match),
  );

  it("applies every matching rule", () => {
    expect(headersFor("/pagefind/a.js", parseHeadersFile(text))).toEqual({
      "X-A": "1",
      "Content-Security-Policy": "default-src 'self'; x y",
      "Cache-Control": "public, max-age=3600",
    });
  });
});

describe("the site's rules", () => {
  const rules = siteHeaderRules(parseCsp("default-src 'self'"));

  it("asks browsers for HTTPS for at least a year (HSTS)", () => {
    const hsts = headersFor("/", rules)["Strict-Transport-Security"]!;
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });

  it.each([
    ["/essays/x.md", "text/markdown; charset=utf-8"],
    ["/reader/essays/x.md", "text/markdown; charset=utf-8"],
    ["/essays/x/citation.bib", "application/x-bibtex; charset=utf-8"],
    ["/essays/x/citation.ris", "application/x-research-info-systems; charset=utf-8"],
    ["/essays/x/citation.json", "application/json; charset=utf-8"],
    ["/essays.json", "application/json; charset=utf-8"],
    ["/search/vocabulary/a.json", "application/json; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/feed.xsl", "application/xslt+xml; charset=utf-8"],
    ["/sitemap-index.xml", "application/xml; charset=utf-8"],
    ["/robots.txt", "text/plain; charset=utf-8"],
    // Pages keep the type the host gives HTML.
    ["/essays/x/", undefined],
    ["/", undefined],
  ])("%s goes out as %s", (path, type) => {
    expect(headersFor(path, rules)["Content-Type"]).toBe(type);
  });

  it("never sets one header twice for a path (hosts would join the values with commas)", () => {
    for (const path of ["/a.md", "/b/citation.bib", "/c.ris", "/d.json", "/feed.xml", "/x/"]) {
      const matching = rules.filter((r) => patternMatches(r.pattern, path));
      const names = matching.flatMap((r) => Object.keys(r.headers));
      expect(names.length, path).toBe(new Set(names).size);
    }
  });
});
