/**
 * A rebuild that keeps its caches (`node_modules/.astro` and the build cache in
 * `node_modules/.cache/research-reader/`) after an edit gives exactly the site a cold build of the
 * edited content gives, byte for byte: nothing cached survives that the edit made stale.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureProject, realContent, type FixtureProject } from "../support/fixture-project.ts";

const AUTHOR = "authors/jingdong-yuan.yaml";
const ESSAY = "essays/a-sino-russian-alliance-rationales-and-realities.md";

/** Every file of a built site, by path, as bytes. */
function files(dist: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = join(entry.parentPath, entry.name);
        return [relative(dist, full), readFileSync(full)];
      }),
  );
}

/** The content with an author renamed and one paragraph of an essay edited. */
function edited(content: Record<string, string>): Record<string, string> {
  return {
    ...content,
    [AUTHOR]: content[AUTHOR]!.replace(/^name: .*$/m, "name: Jingdong Yuan-Editedname"),
    [ESSAY]: content[ESSAY]!.replace(
      "comprehensive strategic partnership",
      "strategic partnership",
    ),
  };
}

describe("a warm build after an edit", () => {
  const projects: FixtureProject[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  it("gives a dist/ byte-identical to a cold build of the edited content", async () => {
    const content = realContent();
    const warm = fixtureProject(content);
    const cold = fixtureProject(edited(content));
    projects.push(warm, cold);

    const first = await warm.build();
    expect(first.status, first.output).toBe(0);
    for (const [path, text] of Object.entries(edited(content))) {
      if (text !== content[path]) writeFileSync(join(warm.dir, "content", path), text);
    }
    const [rebuilt, fresh] = await Promise.all([warm.build(), cold.build()]);
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(fresh.status, fresh.output).toBe(0);

    const a = files(join(warm.dir, "dist"));
    const b = files(join(cold.dir, "dist"));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([p]) => p);
    expect(differ).toEqual([]);
    // The warm build reused what the edit left unchanged: beside the first build's entries, one
    // new entry each for the renamed author's essay (citations, share card), no more.
    const cache = (kind: string) =>
      readdirSync(join(warm.dir, "node_modules/.cache/research-reader", kind)).length;
    const essays = Object.keys(content).filter((p) => p.startsWith("essays/")).length;
    expect(cache("citations")).toBe(essays + 1);
    expect(cache("share-images")).toBe(essays + 1 + 1); // and the site's own card
    // The edit is in it: the renamed author's citations changed, not served stale.
    const page = a.get("essays/a-sino-russian-alliance-rationales-and-realities/index.html")!;
    expect(page.toString()).toContain("Yuan-Editedname, J. (n.d.).");
  });
});
