/**
 * Bad content fails the build with a message naming the file and the field. Each case builds a
 * temporary copy of the project over fixture content; content/ is never touched.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  authorFile,
  essayFile,
  fixtureProject,
  type FixtureProject,
} from "../support/fixture-project.ts";

const projects: FixtureProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

function build(files: Record<string, string>) {
  const project = fixtureProject(files);
  projects.push(project);
  return project.build();
}

describe("content errors", () => {
  it("fails on an essay whose author is not in the authors collection, naming the essay file", () => {
    const { status, output } = build({
      "essays/lost-essay.md": essayFile({ author: "nobody-at-all" }),
      "authors/ann-archer.yaml": authorFile(),
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/essays/lost-essay.md: field "author": no author "nobody-at-all"',
    );
  });

  it("builds the same fixture once the author exists", () => {
    const { status, output } = build({
      "essays/found-essay.md": essayFile({ author: "ann-archer" }),
      "authors/ann-archer.yaml": authorFile(),
    });
    expect(output).not.toMatch(/content problem/);
    expect(status).toBe(0);
  });
});
