/**
 * A newcomer's first hour: every command the README shows is an npm command that exists (so it
 * runs on the project's Node 24 even where the system Node is 20), `npm start` serves the build
 * with the real `_headers`, and the README's tour pictures are there.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { DIST } from "../support/dist.ts";

const readme = readFileSync("README.md", "utf8");
const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

/** The commands the README tells a reader to type: shell blocks and inline `npm …` spans. */
function readmeCommands(): string[] {
  const blocks = [...readme.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .split("\n")
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter(Boolean),
  );
  const inline = [...readme.matchAll(/`((?:[A-Z_]+=\S+ )*(?:npm|node|npx) [^`]+)`/g)].map(
    (m) => m[1]!,
  );
  // Prose that names a command without giving one ("every `npm run …`", npm's own warning
  // text) is not a command to type.
  const typed = (c: string) => !c.includes("…") && !/^npm warn\b/.test(c) && c !== "npm run";
  return [...blocks, ...inline].flatMap((c) => c.split(/\s*&&\s*/)).filter(typed);
}

describe("the README's commands", () => {
  const commands = readmeCommands();

  it("are found", () => expect(commands.length).toBeGreaterThan(10));

  it.each(readmeCommands())("%s is an npm command the project has", (command) => {
    const words = command.replace(/^([A-Z_]+=\S+ )+/, "").split(/\s+/);
    // `node …` or `npx …` would run on the system Node, which may be too old for Astro 7.
    expect(words[0]).toBe("npm");
    const [, verb, name] = words;
    if (verb === "run") expect(Object.keys(scripts)).toContain(name);
    else expect(["ci", "start", "test"]).toContain(verb);
    if (verb === "start" || verb === "test") expect(scripts[verb!]).toBeDefined();
  });
});

/** A port nothing listens on (the system's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe("npm start", () => {
  let server: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    server?.kill();
  });

  it("builds, then serves dist/ with the headers from _headers, through npm", async () => {
    expect(scripts.start).toBe("npm run build && npm run preview");
    expect(scripts.preview).toMatch(/^node scripts\/serve\.mjs dist$/);
    const port = await freePort();
    server = spawn("npm", ["run", "preview"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`http://127.0.0.1:${port}/`)) resolve();
      };
      server!.stdout!.on("data", seen);
      server!.stderr!.on("data", seen);
      server!.once("exit", (code) =>
        reject(new Error(`npm run preview exited with ${code}:\n${output}`)),
      );
    });
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    const headers = readFileSync(`${DIST}/_headers`, "utf8");
    const csp = /Content-Security-Policy: (.+)/.exec(headers)![1]!.trim();
    expect(home.headers.get("content-security-policy")).toBe(csp);
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    const markdown = await fetch(
      `http://127.0.0.1:${port}/essays/a-sino-russian-alliance-rationales-and-realities.md`,
    );
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
  });
});

describe("the README's tour", () => {
  it.each([...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]!))(
    "shows %s, a real screenshot",
    (path) => {
      expect(existsSync(path)).toBe(true);
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(390); // width
    },
  );

  it("says what npm ci prints on Node 20", () => {
    expect(readme).toMatch(/EBADENGINE/);
  });
});
