/**
 * Reading in context, from the built site: the preview files say what the pages say (each
 * passage word for word, each subject's counts), every backlink and "discussed most" link lands on
 * a real ¶ that discusses the subject, every quotation is a piece of its passage, and the map's
 * drawing, its table and the subject pages agree.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPage, builtPages, DIST, normaliseSpace } from "../support/dist.ts";
import type { EssayPreview, SubjectPreview } from "../../src/lib/previews.ts";

const essayPages = () =>
  builtPages().filter(
    (p) => /^\/essays\/[^/]+\/$/.test(p.path) && !/^\/essays\/\d+\/$/.test(p.path),
  );
const essayIds = () => essayPages().map((p) => p.path.split("/")[2]!);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(DIST, file), "utf8")) as T;

/** The text of passage `n` on an essay page, as a reader sees it. */
function passageText(id: string, n: number): string | undefined {
  const el = builtPage(`/essays/${id}/`).$(`article #p-${n}[data-para="${n}"]`);
  return el.length ? normaliseSpace(el.text()) : undefined;
}

/** Splits "/essays/<id>/#p-N" into its essay and passage. */
function passageOf(href: string): { id: string; n: number } {
  const m = /^\/essays\/([^/]+)\/#p-(\d+)$/.exec(href);
  if (!m) throw new Error(`not a passage link: ${href}`);
  return { id: decodeURIComponent(m[1]!), n: Number(m[2]) };
}

/** The quotation as shown, without its quotation marks and the "…" of its cuts. */
const quoted = (text: string) => normaliseSpace(text).replace(/^“…?/, "").replace(/…?”$/, "");

describe("preview files", () => {
  it("hold every passage of every essay, word for word, at its number", () => {
    for (const id of essayIds()) {
      const preview = readJson<EssayPreview>(`previews/essays/${id}.json`);
      const count = builtPage(`/essays/${id}/`).$("article [data-para][id]").length;
      expect(preview.passages, id).toHaveLength(count);
      preview.passages.forEach((text, i) => {
        expect(normaliseSpace(text), `${id} ¶ ${i + 1}`).toBe(passageText(id, i + 1));
      });
      expect(preview.href).toBe(`/essays/${id}/`);
      expect(normaliseSpace(preview.title)).toBe(
        normaliseSpace(builtPage(`/essays/${id}/`).$("h1").text()),
      );
    }
  });

  it("give each subject the counts its page gives, and quotations from its passages", () => {
    const files = readdirSync(join(DIST, "previews/subjects"));
    const subjectPages = builtPages().filter((p) => /^\/subjects\/[^/]+\/$/.test(p.path));
    expect(files).toHaveLength(subjectPages.length);
    for (const file of files) {
      const slug = file.replace(/\.json$/, "");
      const preview = readJson<SubjectPreview>(`previews/subjects/${file}`);
      const { $ } = builtPage(`/subjects/${slug}/`);
      const summary = normaliseSpace($("[data-subject-summary]").text());
      if (preview.mentions > 0) {
        expect(summary, slug).toContain(
          `${preview.mentions} mention${preview.mentions === 1 ? "" : "s"} in ${preview.passages} paragraph`,
        );
      }
      expect(preview.essays, slug).toBe($("article.perspective").length);
      for (const quote of preview.quotes) {
        const { id, n } = passageOf(quote.href);
        const text = passageText(id, n)!;
        expect(text, quote.href).toContain(
          normaliseSpace(`${quote.before}${quote.mention}${quote.after}`),
        );
        expect(
          builtPage(`/essays/${id}/`).$(`#p-${n} a.mention[data-subject="${slug}"]`).length,
        ).toBe(1);
      }
    }
  });
});

describe("Also on these subjects", () => {
  it("quotes other essays' passages on the essay's own subjects, each linked to its ¶", () => {
    let links = 0;
    for (const id of essayIds()) {
      const { $ } = builtPage(`/essays/${id}/`);
      const own = new Set(
        $("article .essay-prose a.mention")
          .map((_, a) => $(a).attr("data-subject"))
          .get(),
      );
      const section = $("section[aria-labelledby=backlinks-heading]");
      section.find("section.backlink-group").each((_, group) => {
        const subject = $(group).find("h3 a").attr("href")!.split("/")[2]!;
        expect(own.has(subject), `${id} lists ${subject}`).toBe(true);
        $(group)
          .find("li")
          .each((_, li) => {
            const first = $(li).find("p a").first().attr("href")!;
            const { id: other, n } = passageOf(first);
            expect(other).not.toBe(id);
            expect(passageText(other, n), first).toContain(quoted($(li).find("blockquote").text()));
            $(li)
              .find("a[href*='#p-']")
              .each((_, a) => {
                const target = passageOf($(a).attr("href")!);
                expect(
                  builtPage(`/essays/${target.id}/`).$(
                    `#p-${target.n} a.mention[data-subject="${subject}"]`,
                  ).length,
                  `${$(a).attr("href")} discusses ${subject}`,
                ).toBe(1);
                links++;
              });
          });
      });
    }
    expect(links).toBeGreaterThan(20);
  });
});

describe("discussed most", () => {
  it("names, on each subject page, the essays with most mentions, linked to their first passage on it", () => {
    const { $ } = builtPage("/subjects/shanghai-cooperation-organisation/");
    const names = $("[data-leading-essays] a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(names).toHaveLength(3);
    const counts = $("[data-leading-essays] .text-muted")
      .map((_, s) => Number(/(\d+) mention/.exec($(s).text())![1]))
      .get();
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const href of names) {
      const { id, n } = passageOf(href);
      // the essay's first passage on the subject is the first quotation of its column
      const column = $(`article.perspective[data-essay="${id}"]`);
      expect(column.find("li.quote").first().attr("data-para")).toBe(String(n));
    }
  });
});

describe("the map", () => {
  const { $ } = builtPage("/map/");
  const drawn = $("svg.argument-map .map-node")
    .map((_, a) => $(a).attr("data-key"))
    .get();

  it("draws the same essays and subjects the table lists", () => {
    const rows = $(".map-table tbody tr")
      .map((_, tr) => $(tr).attr("data-key"))
      .get();
    const cells = new Set(
      $(".map-table tbody li")
        .map((_, li) => $(li).attr("data-key"))
        .get(),
    );
    expect(new Set(drawn)).toEqual(new Set([...rows, ...cells]));
    expect(drawn.filter((k) => k.startsWith("essay:"))).toHaveLength(essayIds().length);
  });

  it("joins an essay to a subject exactly where the subject's page quotes the essay", () => {
    const edges = new Set(
      $("svg.argument-map .map-edges line")
        .map((_, l) => `${$(l).attr("data-essay")} ${$(l).attr("data-subject")}`)
        .get(),
    );
    const table = new Set(
      $(".map-table tbody tr")
        .map((_, tr) =>
          $(tr)
            .find("li")
            .map(
              (_, li) => `${$(li).attr("data-key")!.slice(6)} ${$(tr).attr("data-key")!.slice(8)}`,
            )
            .get(),
        )
        .get(),
    );
    expect(table).toEqual(edges);
    const pages = new Set<string>();
    for (const key of drawn.filter((k) => k.startsWith("subject:"))) {
      const slug = key.slice(8);
      builtPage(`/subjects/${slug}/`)
        .$("article.perspective")
        .each(
          (_, a) =>
            void pages.add(`${builtPage(`/subjects/${slug}/`).$(a).attr("data-essay")} ${slug}`),
        );
    }
    expect(edges).toEqual(pages);
  });

  it("links every node to its page", () => {
    $("svg.argument-map .map-node").each((_, a) => {
      const href = $(a).attr("href")!;
      const file = join(DIST, href, "index.html");
      expect(existsSync(file), href).toBe(true);
    });
  });
});
