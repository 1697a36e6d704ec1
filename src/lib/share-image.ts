/**
 * The images link previews show (Open Graph `og:image`, Twitter cards): one per essay, with its
 * title, author and publication, and one for every other page, with the site's name. Laid out by
 * satori and rasterised by resvg (its WebAssembly build, as fast here as the native one, whose
 * memory can be freed after each image: the native build's grows by 6 MB an image until the
 * process ends), with fonts from npm packages (Source Serif 4 and Source Sans 3, Latin, Greek and
 * Cyrillic), so nothing is fetched. The build cache (lib/build-cache.ts) keeps each image by what
 * it shows and the code that draws it, so an unchanged essay's image is not drawn again. Runs at
 * build time only.
 */
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import satori from "satori";
import { countOf } from "./format.ts";
import { memo } from "./memo.ts";
import { encodePng } from "./png.ts";

/** The size every share image has: what Open Graph and Twitter's large cards display best. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What an essay's share image shows. */
export interface EssayCard {
  kind: "essay";
  title: string;
  author: string;
  affiliation?: string | undefined;
  publication: string;
  siteName: string;
}

/** What the site's share image shows. */
export interface SiteCard {
  kind: "site";
  siteName: string;
  tagline: string;
  heading: string;
  summary: string;
}

/** Either card. */
export type ShareCardContent = EssayCard | SiteCard;

/** An essay's card: its title, author (with affiliation) and publication, under the site's name. */
export function essayCard(
  essay: { title: string; source: { publication: string } },
  author: { label: string; affiliation?: string | undefined },
  siteName: string,
): EssayCard {
  return {
    kind: "essay",
    title: essay.title,
    author: author.label,
    affiliation: author.affiliation,
    publication: essay.source.publication,
    siteName,
  };
}

/** The site's card: its name and tagline, the collection's heading, and what it holds. */
export function siteCard(
  library: { essays: unknown[]; authors: unknown[]; sources: { publication: string }[] },
  site: { name: string; tagline: string },
  collection: { heading: string },
): SiteCard {
  const publications = [...new Set(library.sources.map((s) => s.publication))];
  const from = publications.length ? `, first published in ${publications.join(" and ")}` : "";
  return {
    kind: "site",
    siteName: site.name,
    tagline: site.tagline,
    heading: collection.heading,
    summary: `${countOf(library.essays.length, "essay")} by ${countOf(library.authors.length, "author")}${from}, reproduced word for word.`,
  };
}

/** The alternative text of a share image: what it shows, in words. */
export function shareImageAlt(
  card: EssayCard | Pick<SiteCard, "kind" | "siteName" | "tagline">,
): string {
  return card.kind === "essay"
    ? `“${tidy(card.title)}” by ${card.author}, first published in ${card.publication}`
    : `${card.siteName}: ${card.tagline}`;
}

const tidy = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const clean = tidy(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // Cut at the last whole word (the cut may end exactly at one).
  const end = /\s/u.test(clean[max - 1] ?? "") ? cut.length : cut.lastIndexOf(" ");
  return `${cut.slice(0, Math.max(end, max / 2)).replace(/[\s,;:.—–-]+$/u, "")}…`;
}

/**
 * A title set word by word: each word is its own box and the boxes wrap, so a hyphenated word
 * ("Sino-Russian") never breaks after its hyphen.
 */
function words(text: string, style: Record<string, unknown>): Node {
  const size = Number(style.fontSize);
  return h(
    "div",
    { flexWrap: "wrap", columnGap: size * 0.26, rowGap: size * 0.02, ...style },
    ...tidy(text)
      .split(" ")
      .map((word) => h("span", {}, word)),
  );
}

/** The title's type size: large for short titles, smaller as they grow, so four lines suffice. */
export function titleSize(title: string): number {
  const n = tidy(title).length;
  return n <= 50 ? 72 : n <= 80 ? 62 : n <= 120 ? 54 : 46;
}

const COLORS = {
  paper: "#fbfaf7",
  ink: "#1c1917",
  muted: "#57534e",
  accent: "#8f1d1d",
  rule: "#e7e2da",
};

// A satori element: the shape React elements have, without React.
interface Node {
  type: string;
  props: {
    style?: Record<string, unknown>;
    children?: (Node | string)[] | Node | string;
    [k: string]: unknown;
  };
}
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string)[]): Node => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});

/** The site's mark (the favicon's shape), drawn as SVG. */
function mark(size: number): Node {
  return {
    type: "svg",
    props: {
      width: size,
      height: size,
      viewBox: "0 0 32 32",
      children: [
        { type: "rect", props: { width: 32, height: 32, rx: 6, fill: COLORS.accent } },
        {
          type: "path",
          props: {
            d: "M9 8h9.5a5.5 5.5 0 0 1 0 11H14l6 5h-4.5L10 19v5H9zm4 3v5h5.5a2.5 2.5 0 0 0 0-5z",
            fill: COLORS.paper,
          },
        },
      ],
    },
  };
}

const SERIF = "Serif, SerifExt, SerifCyrillic, SerifGreek";
const SANS = "Sans, SansExt, SansCyrillic, SansGreek";

/** The card's layout. */
function layout(card: ShareCardContent): Node {
  const brand = h(
    "div",
    { alignItems: "center", gap: 18, fontFamily: SANS, fontSize: 30, fontWeight: 600 },
    mark(44),
    card.siteName,
  );
  // The page: a red rule down the left, then the content, padded within the image's bounds.
  const frame = (...children: Node[]) =>
    h(
      "div",
      { width: "100%", height: "100%", background: COLORS.paper, color: COLORS.ink },
      h("div", { width: 24, height: "100%", background: COLORS.accent }),
      h(
        "div",
        {
          flex: 1,
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "56px 72px 56px 64px",
        },
        ...children,
      ),
    );
  if (card.kind === "site") {
    return frame(
      brand,
      h(
        "div",
        { flexDirection: "column", gap: 20 },
        words(clip(card.heading, 90), { fontFamily: SERIF, fontSize: 66, fontWeight: 600 }),
        h(
          "div",
          { fontFamily: SANS, fontSize: 30, color: COLORS.muted, lineHeight: 1.35 },
          clip(card.summary, 150),
        ),
      ),
      h(
        "div",
        { fontFamily: SANS, fontSize: 26, color: COLORS.accent, fontWeight: 600 },
        card.tagline,
      ),
    );
  }
  return frame(
    h(
      "div",
      { justifyContent: "space-between", alignItems: "center" },
      brand,
      h(
        "div",
        {
          fontFamily: SANS,
          fontSize: 24,
          fontWeight: 600,
          color: COLORS.accent,
          letterSpacing: 2,
          textTransform: "uppercase",
        },
        "Essay",
      ),
    ),
    h(
      "div",
      { flexDirection: "column", gap: 22 },
      h(
        "div",
        {
          fontFamily: SANS,
          fontSize: 26,
          fontWeight: 600,
          color: COLORS.accent,
          letterSpacing: 1.5,
          textTransform: "uppercase",
        },
        clip(card.publication, 70),
      ),
      words(clip(card.title, 160), {
        fontFamily: SERIF,
        fontSize: titleSize(card.title),
        fontWeight: 600,
      }),
    ),
    h(
      "div",
      {
        flexDirection: "column",
        gap: 6,
        borderTop: `2px solid ${COLORS.rule}`,
        paddingTop: 22,
        fontFamily: SANS,
      },
      h("div", { fontSize: 34, fontWeight: 600 }, `By ${card.author}`),
      ...(card.affiliation
        ? [h("div", { fontSize: 24, color: COLORS.muted }, clip(card.affiliation, 95))]
        : []),
    ),
  );
}

type FontSpec = { name: string; file: string; weight: 400 | 600 };
const FONTS: FontSpec[] = [
  ...[400, 600].flatMap((weight) =>
    (
      [
        ["Serif", "source-serif-4", "latin"],
        ["SerifExt", "source-serif-4", "latin-ext"],
        ["SerifCyrillic", "source-serif-4", "cyrillic"],
        ["SerifGreek", "source-serif-4", "greek"],
        ["Sans", "source-sans-3", "latin"],
        ["SansExt", "source-sans-3", "latin-ext"],
        ["SansCyrillic", "source-sans-3", "cyrillic"],
        ["SansGreek", "source-sans-3", "greek"],
      ] as const
    ).map(([name, family, subset]) => ({
      name,
      file: `@fontsource/${family}/files/${family}-${subset}-${weight}-normal.woff`,
      weight: weight as 400 | 600,
    })),
  ),
];

/** The fonts, read from their npm packages once. */
const loadFonts = memo(() => {
  const require = createRequire(import.meta.url);
  return FONTS.map((f) => ({
    name: f.name,
    data: readFileSync(require.resolve(f.file)),
    weight: f.weight,
    style: "normal" as const,
  }));
});

/** Loads resvg's WebAssembly once per thread. */
const loadResvg = memo(() =>
  initWasm(readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm"))),
);

/**
 * Rasterises an SVG as a PNG `width` pixels wide (the share images; the web app's icons),
 * freeing resvg's memory as soon as it is done with it.
 */
export async function rasterise(
  svg: string,
  width: number = SHARE_IMAGE_SIZE.width,
): Promise<Buffer> {
  await loadResvg();
  const resvg = new Resvg(svg, { fitTo: { mode: "width", value: width } });
  try {
    const image = resvg.render();
    try {
      return encodePng(image.pixels, image.width, image.height);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** Draws many cards, in their order (run in worker threads for large collections). */
export async function shareImages(cards: ShareCardContent[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const card of cards) out.push(await shareImage(card));
  return out;
}

/** Draws a card as a PNG (the build cache, lib/build-cache.ts, keeps what was drawn before). */
export async function shareImage(card: ShareCardContent): Promise<Buffer> {
  const svg = await satori(layout(card) as never, { ...SHARE_IMAGE_SIZE, fonts: loadFonts() });
  return rasterise(svg);
}
