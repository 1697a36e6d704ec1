import { describe, expect, it } from "vitest";
import {
  formatCsp,
  formatHeadersFile,
  headersFor,
  mergeCsp,
  parseCsp,
  parseHeadersFile,
  patternMatches,
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
