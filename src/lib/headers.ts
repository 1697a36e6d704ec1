/**
 * Security headers for any static host. The Content-Security-Policy is the one Astro writes into
 * each page's <meta> (scripts and styles hashed), merged across pages, plus what a <meta> policy
 * cannot carry (frame-ancestors). Written as a Netlify/Cloudflare `_headers` file, which the test
 * server also applies, so the browser tests run under the real headers.
 */

/** A CSP as directive → sources. */
export type Csp = Map<string, string[]>;

/** Parses a CSP string ("default-src 'self'; script-src 'self' 'sha256-…'"). */
export function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    csp.set(key, [...new Set([...(csp.get(key) ?? []), ...sources])]);
  }
  return csp;
}

/** Merges several policies: each directive allows what any of them allows (hashes add up). */
export function mergeCsp(policies: Csp[]): Csp {
  const merged: Csp = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
    }
  }
  return merged;
}

/** Writes a policy back as a string, directives in a stable order. */
export function formatCsp(csp: Csp): string {
  return [...csp.entries()]
    .sort(([a], [b]) => (a === "default-src" ? -1 : b === "default-src" ? 1 : a.localeCompare(b)))
    .map(([name, sources]) => [name, ...sources].join(" ").trim())
    .join("; ");
}

/** Directives a <meta> policy cannot carry; they only work as a real HTTP header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The headers every response of the site gets, besides the CSP. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Nothing of a reader's visit (a search in ?q=, say) goes to another site with a link click.
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  // HTTPS only, for two years (browsers ignore it over plain HTTP, so local serving is unaffected).
  "Strict-Transport-Security": "max-age=63072000",
};

/**
 * What the site's non-HTML files are, so that hosts send them as such: a browser shows an essay's
 * Markdown as UTF-8 text rather than mojibake, and reference managers recognise the citation
 * files. One rule per kind of file and never two rules for the same header on one path (hosts such
 * as Cloudflare join duplicate headers with commas). The feed goes out as generic XML, not
 * `application/rss+xml`, because browsers apply its XSLT stylesheet only to XML types they
 * render; feed readers read it either way.
 */
export const CONTENT_TYPES: readonly { pattern: string; type: string }[] = [
  { pattern: "/*.md", type: "text/markdown; charset=utf-8" },
  { pattern: "/*.bib", type: "application/x-bibtex; charset=utf-8" },
  { pattern: "/*.ris", type: "application/x-research-info-systems; charset=utf-8" },
  { pattern: "/*.json", type: "application/json; charset=utf-8" },
  { pattern: "/*.xml", type: "application/xml; charset=utf-8" },
  { pattern: "/*.xsl", type: "application/xslt+xml; charset=utf-8" },
  { pattern: "/*.txt", type: "text/plain; charset=utf-8" },
  { pattern: "/*.pdf", type: "application/pdf" },
  { pattern: "/*.epub", type: "application/epub+zip" },
  { pattern: "/*.webmanifest", type: "application/manifest+json; charset=utf-8" },
];

/**
 * The service worker is fetched fresh on every check for an update (browsers skip their HTTP cache
 * for it by default since 2018, but older ones and some proxies do not).
 */
export const SERVICE_WORKER_HEADERS: HeaderRule = {
  pattern: "/*sw.js",
  headers: { "Cache-Control": "no-cache" },
};

/** The full set of headers for the site, given the merged page policy. */
export function siteHeaders(pageCsp: Csp): Record<string, string> {
  const csp = mergeCsp([pageCsp, ...HEADER_ONLY_DIRECTIVES.map(parseCsp)]);
  return { "Content-Security-Policy": formatCsp(csp), ...SECURITY_HEADERS };
}

/** A `_headers` rule: a path pattern (`/*` for everything) and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Every `_headers` rule of the site: the security headers everywhere, then each file type. */
export function siteHeaderRules(pageCsp: Csp): HeaderRule[] {
  return [
    { pattern: "/*", headers: siteHeaders(pageCsp) },
    ...CONTENT_TYPES.map(({ pattern, type }) => ({ pattern, headers: { "Content-Type": type } })),
    SERVICE_WORKER_HEADERS,
  ];
}

/** Writes rules in the Netlify/Cloudflare `_headers` format. */
export function formatHeadersFile(rules: HeaderRule[]): string {
  return rules
    .map(
      (rule) =>
        `${rule.pattern}\n${Object.entries(rule.headers)
          .map(([name, value]) => `  ${name}: ${value}`)
          .join("\n")}`,
    )
    .join("\n\n")
    .concat("\n");
}

/** Reads a `_headers` file: unindented lines are path patterns, indented lines their headers. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0) continue;
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a URL path (`*` matches any run of characters). */
export function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(path);
}

/** The headers a path gets: every matching rule, later rules overriding earlier ones. */
export function headersFor(path: string, rules: HeaderRule[]): Record<string, string> {
  return Object.assign(
    {},
    ...rules.filter((r) => patternMatches(r.pattern, path)).map((r) => r.headers),
  );
}
