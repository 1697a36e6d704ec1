#!/usr/bin/env node
// Serves a built site folder over HTTP the way a static host does: `dir/` serves `dir/index.html`,
// unknown paths get 404.html with status 404, and the rules in the site's `_headers` file
// (Netlify/Cloudflare format) are sent as real HTTP headers — so the browser tests run under the
// same Content-Security-Policy a reader gets. Used by the browser tests (so they never clash with
// a running `astro preview`) and for manual checks. With --gzip it compresses text as every static
// host does (Lighthouse measures transfer sizes; the browser tests don't need it):
//
//   node scripts/serve.mjs [dist] [port] [--base /reader/] [--gzip]
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import compression from "compression";
import sirv from "sirv";

// The header rules are TypeScript, which Node runs from 22.18 on; the system Node may be older.
// Through `npm run …` the project's own Node 24 runs this script.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Node ${process.versions.node} cannot run this script: use npm run serve -- dist 4321 (or npm start), which runs it on the project's Node 24.`,
  );
  process.exit(1);
}
const { headersFor, parseHeadersFile } = await import("../src/lib/headers.ts");

const gzip = process.argv.includes("--gzip");
const args = process.argv.slice(2).filter((a) => a !== "--gzip");
const flag = args.indexOf("--base");
const base = flag >= 0 ? `/${args[flag + 1].replace(/^\/+|\/+$/g, "")}/`.replace("//", "/") : "/";
const positional = args.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1));
const root = resolve(positional[0] ?? "dist");
const port = Number(positional[1] ?? process.env.PORT ?? 4321);
const host = process.env.HOST ?? "127.0.0.1";

if (!existsSync(join(root, "index.html"))) {
  console.error(`No built site in ${root}: run npm run build first (npm start does both).`);
  process.exit(1);
}
const rules = existsSync(join(root, "_headers"))
  ? parseHeadersFile(readFileSync(join(root, "_headers"), "utf8"))
  : [];
const compress = gzip ? compression() : (_req, _res, next) => next();
const assets = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: ["html"] });

function notFound(res) {
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  try {
    res.end(readFileSync(join(root, "404.html")));
  } catch {
    res.end("Not found");
  }
}

createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  for (const [name, value] of Object.entries(headersFor(path, rules))) res.setHeader(name, value);
  if (!path.startsWith(base)) return notFound(res);
  // Below a base path, the site's files answer for base-relative URLs.
  if (base !== "/") req.url = `/${(req.url ?? "/").slice(base.length)}`;
  if (path.endsWith("/_headers")) return notFound(res);
  compress(req, res, () => assets(req, res, () => notFound(res)));
}).listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}${base}`);
});
