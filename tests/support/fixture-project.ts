/**
 * Fixture content for tests that build a copy of the project (see scripts/lib/project-copy.ts).
 */
export {
  fixtureProject,
  realContent,
  type FixtureProject,
} from "../../scripts/lib/project-copy.ts";

/** A minimal valid essay file, with frontmatter fields overridable as raw YAML lines. */
export function essayFile(
  fields: Record<string, string> = {},
  body = "Some text of the essay.",
): string {
  const defaults: Record<string, string> = {
    title: '"A test essay"',
    author: "ann-archer",
    tags: "[Russian foreign policy]",
    summary: "A summary.",
    order: "1",
    source: '{ publication: "Test", archive: "https://example.org/archive/" }',
  };
  const merged = { ...defaults, ...fields };
  const yaml = Object.entries(merged)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** A minimal valid author file. */
export function authorFile(name = "Ann Archer"): string {
  return `name: ${name}\nbio: ${name} writes essays.\n`;
}
