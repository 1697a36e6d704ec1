/**
 * rehype plugin: an essay may link to another page of the site by its path (`/essays/x/`); this
 * puts the deployment base path in front (`/reader/essays/x/`), which Astro does not do for
 * links written in markdown.
 */
import type { Root, RootContent } from "hast";

/** Options: the base path the site is deployed under. */
export interface BaseLinkOptions {
  base?: string;
}

/** The rehype plugin. */
export default function rehypeBaseLinks(options: BaseLinkOptions = {}) {
  const base = `/${(options.base ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  return (tree: Root) => {
    if (base === "/") return;
    const visit = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        for (const attr of ["href", "src"] as const) {
          const value = node.properties[attr];
          if (typeof value === "string" && /^\/(?!\/)/.test(value) && !value.startsWith(base)) {
            node.properties[attr] = `${base}${value.slice(1)}`;
          }
        }
        visit(node.children);
      }
    };
    visit(tree.children);
  };
}
