#!/usr/bin/env node
// Serves a built site folder over HTTP the way a static host does: `dir/` serves `dir/index.html`,
// unknown paths get 404.html with status 404. Used by the browser tests (so they never clash with
// a running `astro preview`) and for manual checks: `node scripts/serve.mjs [dist] [port]`.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import sirv from "sirv";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? process.env.PORT ?? 4321);
const host = process.env.HOST ?? "127.0.0.1";

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

createServer((req, res) => assets(req, res, () => notFound(res))).listen(port, host, () => {
  console.log(`Serving ${root} at http://${host}:${port}/`);
});
