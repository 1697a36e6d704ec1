/**
 * rehype plugin, last in the pipeline: records what the finished body holds (the number of
 * passages, every id, every link and embedded resource) in the essay record
 * (src/markdown/essay-record.ts), in one walk of the tree.
 */
import type { Element, Root, RootContent } from "hast";
import type { VFile } from "vfile";
import { recordFor } from "./essay-record.ts";

/** Options for the record plugin. */
export interface EssayRecordOptions {
  /**
   * The pipeline's code key (pipeline-key.ts). Unused by the plugin: Astro hashes plugin options
   * into its config digest, so a new key re-renders every essay with the new code.
   */
  pipeline?: string;
}

/** The rehype plugin. */
export default function rehypeEssayRecord(_options: EssayRecordOptions = {}) {
  return (tree: Root, file: VFile) => {
    const record = recordFor(file);
    const visit = (nodes: (RootContent | Element)[]) => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        const { id, dataPara } = node.properties;
        if (typeof id === "string") record.ids.push(id);
        const n = Number(dataPara);
        if (node.tagName !== "a" && Number.isInteger(n))
          record.passages = Math.max(record.passages, n);
        for (const attribute of ["href", "src"] as const) {
          const value = node.properties[attribute];
          if (typeof value === "string")
            record.references.push({ tag: node.tagName, attribute, url: value });
        }
        visit(node.children);
      }
    };
    visit(tree.children);
  };
}
