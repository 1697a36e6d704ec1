/**
 * The map of the argument: essays and the subjects they discuss as a graph, an edge for each
 * essay that mentions a subject, weighted by its mentions. However large the collection, the map
 * draws a bounded part of it (the subjects most essays discuss, and the essays that mention them
 * most) and says so. The layout is computed here at build time with d3-force, from a fixed seed,
 * so the same content always gives the same map; pages draw it as SVG. Build only.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import type { SubjectIndex, SubjectKind } from "./subjects.ts";

/** How much of the collection the map draws at most. */
export interface MapLimits {
  subjects: number;
  essays: number;
  /** Lines at most: the heaviest (most mentions) are drawn. */
  edges: number;
}

/** A node of the map: an essay or a subject, placed. */
export interface MapNode {
  /** Unique across kinds: `essay:<id>` or `subject:<slug>`. */
  key: string;
  kind: "essay" | "subject";
  /** The essay's id or the subject's slug. */
  slug: string;
  label: string;
  /** For essays, the author; for subjects, their kind. */
  detail: string;
  subjectKind?: SubjectKind | undefined;
  /** Mentions along all of the node's drawn edges. */
  mentions: number;
  /** The label as drawn, in lines short enough not to cover the neighbours. */
  lines: string[];
  /** Centre and radius in the map's own units (see MAP_SIZE). */
  x: number;
  y: number;
  r: number;
}

/** An edge of the map: an essay mentions a subject `mentions` times. */
export interface MapEdge {
  essay: string;
  subject: string;
  mentions: number;
}

/** The map as pages draw it: what is shown, and how much of the collection that is. */
export interface ArgumentMap {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Essays and subjects with at least one mention, in the whole collection; lines that could be drawn. */
  total: { essays: number; subjects: number; edges: number };
}

/** The map's coordinate space (the SVG's viewBox). */
export const MAP_SIZE = { width: 1000, height: 720 } as const;

/** What the map needs to know of an essay. */
export interface MapEssay {
  id: string;
  label: string;
  author: string;
}

/** A small deterministic generator (an LCG), so the layout does not depend on Math.random. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface SimNode extends SimulationNodeDatum {
  key: string;
  r: number;
}

/**
 * The map of `index`'s subjects and `essays` (in reading order): the `limits.subjects` subjects
 * discussed by most essays (ties: more mentions, then index order), and of the essays that
 * mention them the `limits.essays` that mention them most (ties: reading order); subjects left
 * without an edge are dropped. Node radii grow with the square root of mentions.
 */
export function argumentMap(
  index: SubjectIndex,
  essays: MapEssay[],
  kindLabel: (kind: SubjectKind) => string,
  limits: MapLimits,
): ArgumentMap {
  const discussed = index.entries.filter((e) => e.perspectives.length > 0);
  const subjects = discussed
    .map((entry, order) => ({ entry, order }))
    .sort(
      (a, b) =>
        b.entry.perspectives.length - a.entry.perspectives.length ||
        b.entry.mentions - a.entry.mentions ||
        a.order - b.order,
    )
    .slice(0, limits.subjects)
    .map(({ entry }) => entry);
  const shownSubjects = new Set(subjects.map((s) => s.subject.slug));

  const byEssay = new Map<string, number>();
  for (const entry of subjects) {
    for (const p of entry.perspectives) {
      byEssay.set(p.essayId, (byEssay.get(p.essayId) ?? 0) + p.mentions);
    }
  }
  const order = new Map(essays.map((e, i) => [e.id, i]));
  const shownEssays = new Set(
    [...byEssay]
      .sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))
      .slice(0, limits.essays)
      .map(([id]) => id),
  );

  const candidates: MapEdge[] = [];
  for (const entry of subjects) {
    for (const p of entry.perspectives) {
      if (shownEssays.has(p.essayId)) {
        candidates.push({ essay: p.essayId, subject: entry.subject.slug, mentions: p.mentions });
      }
    }
  }
  // The heaviest lines, in their first order (a stable sort keeps ties as they came).
  const kept = new Set(
    [...candidates].sort((a, b) => b.mentions - a.mentions).slice(0, limits.edges),
  );
  const edges = candidates.filter((e) => kept.has(e));
  const weight = new Map<string, number>();
  for (const edge of edges) {
    weight.set(`essay:${edge.essay}`, (weight.get(`essay:${edge.essay}`) ?? 0) + edge.mentions);
    weight.set(
      `subject:${edge.subject}`,
      (weight.get(`subject:${edge.subject}`) ?? 0) + edge.mentions,
    );
  }
  const radius = (mentions: number) => 5 + 2.2 * Math.sqrt(mentions);

  const nodes: MapNode[] = [
    ...essays
      .filter((e) => shownEssays.has(e.id) && weight.has(`essay:${e.id}`))
      .map((e) => ({
        key: `essay:${e.id}`,
        kind: "essay" as const,
        slug: e.id,
        label: e.label,
        detail: e.author,
        mentions: weight.get(`essay:${e.id}`) ?? 0,
      })),
    ...subjects
      .filter((s) => weight.has(`subject:${s.subject.slug}`) && shownSubjects.has(s.subject.slug))
      .map((s) => ({
        key: `subject:${s.subject.slug}`,
        kind: "subject" as const,
        slug: s.subject.slug,
        label: s.subject.label,
        detail: kindLabel(s.subject.kind),
        subjectKind: s.subject.kind,
        mentions: weight.get(`subject:${s.subject.slug}`) ?? 0,
      })),
  ].map((n) => ({ ...n, lines: captionLines(n.label), x: 0, y: 0, r: radius(n.mentions) }));

  layout(nodes, edges);
  return {
    nodes,
    edges,
    total: { essays: byEssayTotal(index), subjects: discussed.length, edges: candidates.length },
  };
}

/** Characters a line of a drawn label holds at most, and one character's width in map units. */
const LINE_CHARS = 22;
const CHAR_WIDTH = 6.6;

/**
 * A label broken into lines between words, each at most LINE_CHARS characters (a longer word
 * stands on a line of its own): the whole label is drawn, never cut short.
 */
export function captionLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/u).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

/** How many essays mention any subject at all. */
function byEssayTotal(index: SubjectIndex): number {
  let count = 0;
  for (const subjects of index.byEssay.values()) if (subjects.length > 0) count++;
  return count;
}

/** Places the nodes (in place) with a force simulation run to rest, then fits them to MAP_SIZE. */
function layout(nodes: MapNode[], edges: MapEdge[]): void {
  if (nodes.length === 0) return;
  // Nodes keep apart by their drawn label's half width, or their own size if larger.
  const sim: SimNode[] = nodes.map((n) => ({
    key: n.key,
    r: Math.max(
      n.r + 8 + 8 * n.lines.length,
      (Math.max(...n.lines.map((l) => l.length)) * CHAR_WIDTH) / 2,
    ),
  }));
  const links: SimulationLinkDatum<SimNode>[] = edges.map((e) => ({
    source: `essay:${e.essay}`,
    target: `subject:${e.subject}`,
  }));
  const strength = edges.map((e) => Math.min(1, 0.15 + 0.08 * e.mentions));
  const simulation = forceSimulation(sim)
    .randomSource(seeded(20161))
    .force(
      "link",
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.key)
        .distance(70)
        .strength((_, i) => strength[i]!),
    )
    .force("charge", forceManyBody<SimNode>().strength(-260))
    .force("collide", forceCollide<SimNode>((d) => d.r).strength(0.9))
    .force("x", forceX<SimNode>(0).strength(0.06))
    .force("y", forceY<SimNode>(0).strength(0.09))
    .stop();
  const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(ticks);

  // Fit into the map with room for labels at the sides.
  const pad = { x: 110, y: 40 };
  const xs = sim.map((n) => n.x ?? 0);
  const ys = sim.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const scale = Math.min(
    (MAP_SIZE.width - 2 * pad.x) / Math.max(1, maxX - minX),
    (MAP_SIZE.height - 2 * pad.y) / Math.max(1, maxY - minY),
    1.6,
  );
  const offX = (MAP_SIZE.width - (maxX - minX) * scale) / 2;
  const offY = (MAP_SIZE.height - (maxY - minY) * scale) / 2;
  sim.forEach((n, i) => {
    const node = nodes[i]!;
    node.x = Math.round((((n.x ?? 0) - minX) * scale + offX) * 10) / 10;
    node.y = Math.round((((n.y ?? 0) - minY) * scale + offY) * 10) / 10;
  });
}

/** The map's edges as each subject's list of essays (most mentions first), for the table. */
export function mapTable(
  map: ArgumentMap,
): { subject: MapNode; essays: { essay: MapNode; mentions: number }[] }[] {
  const nodes = new Map(map.nodes.map((n) => [n.key, n]));
  return map.nodes
    .filter((n) => n.kind === "subject")
    .sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label, "en"))
    .map((subject) => ({
      subject,
      essays: map.edges
        .filter((e) => e.subject === subject.slug)
        .map((e) => ({ essay: nodes.get(`essay:${e.essay}`)!, mentions: e.mentions }))
        .sort((a, b) => b.mentions - a.mentions),
    }));
}
