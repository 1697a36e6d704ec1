/**
 * `npm run import -- <source> [--into content] [--force] [--dry-run] [--report FILE]
 * [--publication NAME] [--archive URL]`: brings a WordPress export (WXR .xml), a folder (or file)
 * of saved WordPress REST API JSON, or a scraped archive page (.txt) into the content folder, and
 * prints a report of what was imported, moved, dropped and skipped, with any words that differ.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import type { SourceArchive } from "../src/lib/import/archive.ts";
import { formatReport, planImport, type Existing } from "../src/lib/import/plan.ts";
import { readScraped } from "../src/lib/import/scraped.ts";
import { readRest, readWxr } from "../src/lib/import/wordpress.ts";

const USAGE =
  "usage: npm run import -- <export.xml | rest-json-folder | page.txt> [--into content] [--force] [--dry-run] [--report FILE] [--publication NAME] [--archive URL]";

/** Reads the source, whichever kind it is. */
export function readSource(path: string): SourceArchive {
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => ({ name: f, json: JSON.parse(readFileSync(join(path, f), "utf8")) as unknown }));
    return readRest(files);
  }
  const text = readFileSync(path, "utf8");
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss\b/u.test(text)) return readWxr(text);
  if (/^\s*[[{]/u.test(text)) return readRest([{ name: basename(path), json: JSON.parse(text) }]);
  return readScraped(text);
}

/** What the content folder already holds. */
export function readExisting(into: string): Existing {
  const essays = new Set<string>();
  const authors = new Map<string, string>();
  let maxOrder = 0;
  const essayDir = join(into, "essays");
  const authorDir = join(into, "authors");
  if (existsSync(essayDir))
    for (const f of readdirSync(essayDir).filter((f) => f.endsWith(".md"))) {
      essays.add(f.slice(0, -3));
      const front = /^---\n([\s\S]*?)\n---/u.exec(readFileSync(join(essayDir, f), "utf8"));
      const order = Number((parse(front?.[1] ?? "") as { order?: unknown } | null)?.order);
      if (Number.isInteger(order)) maxOrder = Math.max(maxOrder, order);
    }
  if (existsSync(authorDir))
    for (const f of readdirSync(authorDir).filter((f) => /\.ya?ml$/u.test(f))) {
      const data = parse(readFileSync(join(authorDir, f), "utf8")) as { name?: string } | null;
      if (data?.name) authors.set(f.replace(/\.ya?ml$/u, ""), data.name);
    }
  return { essays, authors, maxOrder };
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      into: { type: "string", default: "content" },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      report: { type: "string" },
      publication: { type: "string" },
      archive: { type: "string" },
    },
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const into = resolve(values.into);
  const plan = planImport(readSource(resolve(source)), readExisting(into), {
    force: values.force,
    publication: values.publication,
    archive: values.archive,
  });
  const report = formatReport(plan);
  if (!values["dry-run"])
    for (const file of plan.files) {
      const path = join(into, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  if (values.report) writeFileSync(resolve(values.report), `${report}\n`);
  console.log(report);
  console.log(
    values["dry-run"]
      ? `Dry run: nothing written (${plan.files.length} files would be).`
      : `Wrote ${plan.files.length} files into ${into}.`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
