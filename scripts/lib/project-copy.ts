/**
 * Builds the site over other content: copies the project's code into a temporary folder (sharing
 * the installed packages through symlinks), swaps in the given content files and runs `astro build` there.
 * Used by tests that check how bad content fails, and never touches content/.
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What a copy of the project needs besides content/ and the installed packages. */
export const PROJECT_FILES = ["astro.config.mjs", "package.json", "tsconfig.json", "src", "public"];

/** A temporary copy of the project with its own content/ folder. */
export interface FixtureProject {
  dir: string;
  /** Runs `astro build`; resolves to the exit status and everything it printed. */
  build: (env?: Record<string, string>) => Promise<{ status: number | null; output: string }>;
  remove: () => void;
}

/**
 * Creates a project copy whose content/ holds exactly `files` (paths relative to content/).
 * `from` is the folder whose code is copied: the project itself, or another (the benchmark's bare
 * baseline); `projectFiles` what to copy from it.
 */
export function fixtureProject(
  files: Record<string, string>,
  { from = ROOT, projectFiles = PROJECT_FILES } = {},
): FixtureProject {
  const dir = mkdtempSync(join(tmpdir(), "reader-fixture-"));
  for (const file of projectFiles) cpSync(join(from, file), join(dir, file), { recursive: true });
  // Link each package, not the folder: Astro and Vite keep caches in node_modules/.astro and
  // node_modules/.vite, and the copy must not overwrite the real project's.
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (name === ".astro" || name === ".vite" || name === ".cache") continue;
    symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name));
  }
  for (const [path, text] of Object.entries(files)) {
    const target = join(dir, "content", path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return {
    dir,
    build(env = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"],
          { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env } },
        );
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, output }));
      });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The project's own content files (for building the real site in another configuration). */
export function realContent(): Record<string, string> {
  const root = join(ROOT, "content");
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = join(entry.parentPath, entry.name);
        return [full.slice(root.length + 1), readFileSync(full, "utf8")];
      }),
  );
}
