import type { CitationStyleKey } from "./lib/citation.ts";
import {
  authorsPath,
  essaysPath,
  mapPath,
  subjectsPath,
  tagsPath,
  timelinePath,
} from "./lib/paths.ts";

/**
 * Site-wide constants: the reader's name and the editorial framing of the collection.
 * Everything about individual essays lives in content/, not here.
 */

/** The site's name and one-line description. */
export const SITE = {
  name: "Research Reader",
  tagline: "Policy essays to read, search and cite",
  description:
    "A reader for policy essays on Russia and China: read the full texts, search them, and browse by topic and author.",
  lang: "en",
} as const;

/** How the home page introduces the collection; counts and sources are filled in from the content. */
export const COLLECTION = {
  heading: "Russia and China: essays on an uneasy partnership",
  /** What the essays argue about, completing "N essays by M scholars …" on the home page. */
  scope:
    "on relations between Russia and China: whether the two could become allies, where China ranks among Moscow’s priorities, how each state draws on culture and national identity, how Beijing read the Ukraine crisis, and why Moscow keeps turning to Beijing.",
  /** The archive tag the current essays were collected under. */
  archiveTag: "Russian foreign policy",
} as const;

/** How many related essays an essay page lists. */
export const RELATED_LIMIT = 3;

/** How much an essay's "Also on these subjects" shows: its most mentioned subjects, and for each
 * the other essays that discuss it most. */
export const BACKLINK_LIMITS = { subjects: 6, essaysPerSubject: 3 } as const;

/** How many essays a subject page names as discussing it most, and a subject's preview quotes. */
export const LEADING_ESSAYS = 3;

/** How much of the collection the map of the argument draws at most (lib/map.ts). */
export const MAP_LIMITS = { subjects: 40, essays: 60, edges: 300 } as const;

/** The one citation a printed essay carries: a style with an access date, in its reference form. */
export const PRINTED_CITATION = "chicago" satisfies CitationStyleKey;

/** The site's browsing sections, in the order every list of them gives them (header, footer, 404). */
export const sections = (): { href: string; label: string }[] => [
  { href: essaysPath(), label: "Essays" },
  { href: tagsPath(), label: "Tags" },
  { href: authorsPath(), label: "Authors" },
  { href: subjectsPath(), label: "Subjects" },
  { href: timelinePath(), label: "Timeline" },
  { href: mapPath(), label: "Map" },
];

/** The web app's icon sizes in pixels: what browsers ask of an installable app. */
export const APP_ICON_SIZES = [192, 512] as const;
