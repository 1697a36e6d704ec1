/**
 * The map of the argument (browser): pointing at a node, or focusing it, picks out its edges and
 * the nodes at their other ends and fades the rest; leaving it restores the map. The map is
 * complete without this (layouts/MapLayout.astro).
 */
const svg = document.querySelector<SVGSVGElement>("svg.argument-map");

/** Picks out `key`'s edges and neighbours, or (undefined) none. */
function pick(key: string | undefined): void {
  if (!svg) return;
  svg.classList.toggle("map-picking", key !== undefined);
  const [kind, slug] = key ? [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)] : [];
  const near = new Set<string>(key ? [key] : []);
  for (const line of svg.querySelectorAll<SVGLineElement>(".map-edges line")) {
    const on =
      key !== undefined &&
      (kind === "essay" ? line.dataset.essay === slug : line.dataset.subject === slug);
    line.classList.toggle("map-near", on);
    if (on) {
      near.add(`essay:${line.dataset.essay}`);
      near.add(`subject:${line.dataset.subject}`);
    }
  }
  for (const node of svg.querySelectorAll<SVGAElement>(".map-node")) {
    node.classList.toggle("map-near", near.has(node.dataset.key ?? ""));
  }
}

if (svg) {
  const nodeOf = (e: Event) => (e.target as Element | null)?.closest<SVGAElement>(".map-node");
  svg.addEventListener("pointerover", (e) => pick(nodeOf(e)?.dataset.key));
  svg.addEventListener("pointerleave", () => pick(undefined));
  svg.addEventListener("focusin", (e) => pick(nodeOf(e)?.dataset.key));
  svg.addEventListener("focusout", () => pick(undefined));
}
