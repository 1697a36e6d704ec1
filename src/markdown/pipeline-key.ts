/**
 * The key of the markdown pipeline's code: the text of every file under src/markdown/ and
 * src/lib/ (all the plugins can import) and the versions of the packages they call. Astro keeps
 * each rendered essay in its data store (node_modules/.astro) until the essay or the Astro config
 * changes, and a config's functions are not part of its digest; passing this key as a plugin
 * option makes a change to the plugins' code re-render every essay, so no essay record from older
 * code survives a rebuild. Build time only.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { codeKey } from "../lib/build-cache.ts";

/** The packages the pipeline's plugins call (Astro's own are covered by its version). */
const PACKAGES = [
  "github-slugger",
  "hast-util-from-html",
  "hast-util-to-html",
  "hast-util-to-text",
  "rehype-raw",
  "rehype-sanitize",
  "yaml",
];

/** The code key of the pipeline whose sources are under `root` (the project root). */
export function pipelineKey(root = "."): string {
  const files = ["src/markdown", "src/lib"].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/")),
  );
  return codeKey(
    files.sort().map((file) => join(root, file)),
    PACKAGES,
  );
}
