// Minimal types for the parts of citation-js this project uses (the packages ship none).
declare module "@citation-js/core" {
  /** A CSL-JSON item. */
  export type CslItem = Record<string, unknown> & { id: string; type: string };

  export interface FormatOptions {
    format?: "text" | "html" | "string" | "object";
    template?: string;
    lang?: string;
    entry?: string | string[];
    citationsPre?: unknown[];
    citationsPost?: unknown[];
  }

  export class Cite {
    constructor(data: CslItem | CslItem[]);
    data: CslItem[];
    format(format: string, options?: FormatOptions): string;
  }

  export const plugins: {
    config: {
      get(name: "@csl"): {
        styles: { add(name: string, style: unknown): void; has(name: string): boolean };
        locales: { add(name: string, locale: unknown): void; has(name: string): boolean };
        /** A citeproc-js engine for a registered style, holding `data` (kept per style and locale). */
        engine(data: CslItem[], style: string, lang: string, format: string): unknown;
      };
    };
  };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-ris";
