/**
 * Every built page is valid HTML according to the W3C Nu HTML Checker (vnu.jar, on the machine's
 * Java), and every internal link, asset and #fragment resolves according to linkinator.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import { describe, expect, it } from "vitest";
import { DIST, listFiles } from "../support/dist.ts";

const require = createRequire(import.meta.url);

describe("W3C Nu HTML Checker", () => {
  it("reports no errors on any page", () => {
    const pages = listFiles(DIST)
      .filter((f) => f.endsWith(".html"))
      .map((f) => `${DIST}/${f}`);
    const vnu = require("vnu-jar") as string;
    const result = spawnSync("java", ["-jar", vnu, "--errors-only", "--format", "json", ...pages], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw new Error(`Could not run Java for vnu.jar: ${result.error.message}`);
    const { messages } = JSON.parse(result.stderr || '{"messages":[]}') as {
      messages: { type: string; url: string; message: string; lastLine?: number }[];
    };
    const errors = messages
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => `${m.url.replace(`file:${DIST}`, "")}:${m.lastLine ?? "?"} ${m.message}`);
    expect(errors).toEqual([]);
    expect(pages.length).toBeGreaterThan(25);
  });
});

describe("linkinator", () => {
  it("finds no broken internal link, asset or #fragment", async () => {
    const checker = new LinkChecker();
    let served: string | undefined;
    const result = await checker.check({
      path: DIST,
      recurse: true,
      checkFragments: true,
      // Only the site linkinator serves (the first link it asks about is its root): absolute
      // canonical URLs name the deployed host, and sources on other hosts are not fetched.
      linksToSkip: async (link) => {
        served ??= new URL(link).origin;
        return /^https?:/.test(link) && new URL(link).origin !== served;
      },
    });
    const broken = result.links
      .filter((l) => l.state === "BROKEN")
      .map((l) => `${l.url} (from ${l.parent}): ${l.status}`);
    expect(broken).toEqual([]);
    // It really walked the site: every page, asset and file.
    expect(result.links.filter((l) => l.state === "OK").length).toBeGreaterThan(50);
  }, 120_000);

  it("would notice a broken #fragment (so the check above can fail)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "linkinator-"));
    writeFileSync(
      join(dir, "index.html"),
      '<a href="b.html#here">ok</a> <a href="b.html#gone">bad</a>',
    );
    writeFileSync(join(dir, "b.html"), '<p id="here">b</p>');
    const result = await new LinkChecker().check({
      path: dir,
      recurse: true,
      checkFragments: true,
    });
    expect(result.links.filter((l) => l.state === "BROKEN").map((l) => l.url)).toEqual([
      expect.stringMatching(/b\.html#gone$/),
    ]);
  });
});
