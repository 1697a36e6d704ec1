import { existsSync } from "node:fs";
import { DIST } from "../support/dist.ts";

/** Build tests read the site built by `npm run build`; say so plainly when it is missing. */
export default function requireDist(): void {
  if (!existsSync(`${DIST}/index.html`) || !existsSync(`${DIST}/pagefind/pagefind-entry.json`)) {
    throw new Error(`No built site in ${DIST}: run \`npm run build\` before the build tests.`);
  }
}
