/**
 * Fixture content for tests that build a copy of the project (see scripts/lib/project-copy.ts),
 * and a server for what they build.
 */
import { spawn, type ChildProcess } from "node:child_process";

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

/**
 * Serves a built fixture with the project's own server (scripts/serve.mjs) on `port`, resolving
 * once `probe` (a path on it) answers; `args` are the server's other options (e.g. a base path).
 */
export async function serveFixture(
  dist: string,
  port: number,
  { probe = "/", args = [] as string[] } = {},
): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/serve.mjs", dist, String(port), ...args], {
    stdio: "ignore",
  });
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`The server for ${dist} did not start on port ${port}`);
}
