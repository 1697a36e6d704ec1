import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pipelineKey } from "../../src/markdown/pipeline-key.ts";

/** A copy of src/markdown and src/lib in a temporary project root. */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), "pipeline-key-"));
  for (const dir of ["src/markdown", "src/lib"]) cpSync(dir, join(root, dir), { recursive: true });
  return root;
}

describe("pipelineKey", () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  it("is the same for the same code", () => {
    const root = copy();
    roots.push(root);
    expect(pipelineKey(root)).toBe(pipelineKey(root));
  });

  it.each([
    ["src/markdown/rehype-section-anchors.ts", "// changed"],
    ["src/lib/paths.ts", "// changed"],
    ["src/lib/search/cjk.ts", "// a file in a sub-folder"],
    ["src/markdown/new-plugin.ts", "export {};"],
  ])("changes when %s changes", (file, text) => {
    const root = copy();
    roots.push(root);
    const before = pipelineKey(root);
    writeFileSync(join(root, file), text, { flag: "a" });
    expect(pipelineKey(root)).not.toBe(before);
  });

  it("ignores files that are not code", () => {
    const root = copy();
    roots.push(root);
    const before = pipelineKey(root);
    writeFileSync(join(root, "src/markdown/notes.txt"), "x");
    expect(pipelineKey(root)).toBe(before);
  });
});
