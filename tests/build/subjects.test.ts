/**
 * The subjects index, the perspectives pages and the timeline, read from the built site: every
 * quotation is a real paragraph of its essay, every count is what the pages show and what an
 * independent (brute-force) search of the essays finds, and every event points at a paragraph
 * that states its date.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtPage, builtPages, normaliseSpace, ROOT } from "../support/dist.ts";
import { MONTHS } from "../../src/lib/timeline.ts";

interface SubjectFile {
  slug: string;
  name: string;
  kind: string;
  aliases: string[];
}

const SUBJECTS_DIR = join(ROOT, "content/subjects");
const subjects: SubjectFile[] = readdirSync(SUBJECTS_DIR)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => ({
    slug: f.replace(/\.yaml$/, ""),
    ...(parse(readFileSync(join(SUBJECTS_DIR, f), "utf8")) as Omit<SubjectFile, "slug">),
  }));

const essayPages = () => builtPages().filter((p) => /^\/essays\/[^/]+\/$/.test(p.path));
const essayId = (path: string) => path.split("/")[2]!;

/** The text of an essay's passage `n`, from the essay page itself. */
function passageText(id: string, n: number): string | undefined {
  const { $ } = builtPage(`/essays/${id}/`);
  const el = $(`article [data-para="${n}"]#p-${n}`);
  return el.length ? normaliseSpace(el.text()) : undefined;
}

/** Every page of a subject (its first page and any further ones). */
const subjectPages = (slug: string) =>
  builtPages().filter(
    (p) => p.path === `/subjects/${slug}/` || new RegExp(`^/subjects/${slug}/\\d+/$`).test(p.path),
  );

/**
 * The brute-force oracle: at each position of a text, every spelling of every alias (and its
 * capitalised form for a lower-case alias) is tried, longest first, with word boundaries; a match
 * consumes its words. No trie, no single regular expression: a different method from the site's.
 */
function bruteForceMentions(text: string): Map<string, number> {
  const forms = subjects
    .flatMap((s) =>
      s.aliases
        .flatMap((a) => {
          const alias = a.replace(/\s+/g, " ").trim();
          const capital = alias[0]!.toUpperCase() + alias.slice(1);
          return alias[0] === alias[0]!.toLowerCase() && capital !== alias
            ? [alias, capital]
            : [alias];
        })
        .map((form) => ({ form, slug: s.slug })),
    )
    .sort((a, b) => b.form.length - a.form.length);
  const wordChar = (c: string | undefined) =>
    c !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(c) && !/\p{Script=Han}/u.test(c);
  const flat = text.replace(/\s+/g, " ");
  const counts = new Map<string, number>();
  let i = 0;
  while (i < flat.length) {
    const hit = forms.find(
      ({ form }) =>
        flat.startsWith(form, i) &&
        !(wordChar(form[0]) && wordChar(flat[i - 1])) &&
        !(wordChar(form.at(-1)) && wordChar(flat[i + form.length])),
    );
    if (hit) {
      counts.set(hit.slug, (counts.get(hit.slug) ?? 0) + 1);
      i += hit.form.length;
    } else i += 1;
  }
  return counts;
}

/** The essay passages (outside headings and links) and what the oracle finds in each. */
function oracle(): Map<string, Map<string, Map<number, number>>> {
  const bySubject = new Map<string, Map<string, Map<number, number>>>();
  for (const page of essayPages()) {
    const { $ } = page;
    $("article [data-para]").each((_, el) => {
      const clone = $(el).clone();
      clone.find("a:not(.mention), h1, h2, h3, h4, h5, h6, code").remove();
      const n = Number($(el).attr("data-para"));
      for (const [slug, count] of bruteForceMentions(clone.text())) {
        const essays = bySubject.get(slug) ?? new Map<string, Map<number, number>>();
        const paras = essays.get(essayId(page.path)) ?? new Map<number, number>();
        paras.set(n, count);
        essays.set(essayId(page.path), paras);
        bySubject.set(slug, essays);
      }
    });
  }
  return bySubject;
}

describe("subjects", () => {
  it("has the curated subjects of every kind", () => {
    expect(subjects.length).toBeGreaterThanOrEqual(30);
    expect(new Set(subjects.map((s) => s.kind))).toEqual(
      new Set(["person", "organisation", "place", "agreement", "concept"]),
    );
  });

  it("lists every subject on the index, by kind, with the counts its page shows", () => {
    const { $ } = builtPage("/subjects/");
    const listed = $("main section li a[href^='/subjects/']")
      .map((_, a) => a.attribs.href)
      .get();
    expect(new Set(listed)).toEqual(new Set(subjects.map((s) => `/subjects/${s.slug}/`)));
    for (const subject of subjects) {
      const row = $(`main section li:has(a[href='/subjects/${subject.slug}/'])`);
      expect(row.closest("section").find("h2").attr("id")).toBe(subject.kind);
      const mentions = Number(row.find("[data-mentions]").attr("data-mentions"));
      const marks = subjectPages(subject.slug).reduce(
        (n, p) => n + p.$("mark.mention-mark").length,
        0,
      );
      expect(marks, subject.slug).toBe(mentions);
    }
  });

  it("counts what a brute-force search of the essays finds, paragraph by paragraph", () => {
    const expected = oracle();
    for (const subject of subjects) {
      const shown = new Map<string, Map<number, number>>();
      for (const { $ } of subjectPages(subject.slug)) {
        $("article.perspective").each((_, article) => {
          const id = $(article).attr("data-essay")!;
          const paras = new Map<number, number>();
          $(article)
            .find("li.quote")
            .each((__, li) => {
              paras.set(Number($(li).attr("data-para")), $(li).find("mark.mention-mark").length);
            });
          shown.set(id, paras);
        });
      }
      expect(shown, subject.slug).toEqual(expected.get(subject.slug) ?? new Map());
    }
  });

  it("quotes only real paragraphs, word for word, each linking to its ¶ anchor", () => {
    let quotes = 0;
    for (const page of builtPages().filter(
      (p) => p.path.startsWith("/subjects/") && p.path !== "/subjects/",
    )) {
      const { $ } = page;
      $("article.perspective").each((_, article) => {
        const id = $(article).attr("data-essay")!;
        $(article)
          .find("li.quote")
          .each((__, li) => {
            const n = Number($(li).attr("data-para"));
            expect($(li).find("a.quote-para").attr("href")).toBe(`/essays/${id}/#p-${n}`);
            expect(
              normaliseSpace($(li).find("blockquote").text()),
              `${page.path} ${id} ¶${n}`,
            ).toBe(passageText(id, n));
            quotes += 1;
          });
      });
    }
    expect(quotes).toBeGreaterThan(100);
  });

  it("shows one column per essay that mentions the subject", () => {
    const { $ } = builtPage("/subjects/vladimir-putin/");
    expect($("article.perspective")).toHaveLength(6);
    expect($(".perspectives").attr("data-columns")).toBe("6");
    // In reading order: the order of the essay index.
    const index = builtPage("/essays/").$;
    const readingOrder = index("main article h2 a")
      .map((_, link) => essayId(link.attribs.href!))
      .get();
    const sco = builtPage("/subjects/shanghai-cooperation-organisation/").$;
    const columnsShown = sco("article.perspective")
      .map((_, article) => sco(article).attr("data-essay"))
      .get();
    expect(columnsShown).toHaveLength(4);
    expect(columnsShown).toEqual(readingOrder.filter((id) => columnsShown.includes(id)));
  });
});

describe("mentions in the essays", () => {
  it("links the first mention of each subject in each paragraph, and only that one", () => {
    let links = 0;
    for (const { $, path } of essayPages()) {
      $("article [data-para]").each((_, el) => {
        const linked = $(el)
          .find("a.mention")
          .map((__, a) => $(a).attr("data-subject"))
          .get();
        expect(new Set(linked).size, `${path} ¶${$(el).attr("data-para")}`).toBe(linked.length);
        links += linked.length;
      });
      expect($("h1 a.mention, h2 a.mention, a a.mention")).toHaveLength(0);
    }
    expect(links).toBeGreaterThan(100);
  });

  it("names each essay's subjects as search filters, matching its subject pages", () => {
    for (const { $, path } of essayPages()) {
      const filters = $("[data-pagefind-filter='subject']")
        .map((_, el) => normaliseSpace($(el).text()))
        .get();
      const linked = new Set(
        $("article a.mention")
          .map((_, a) => $(a).attr("data-subject"))
          .get(),
      );
      const names = subjects.filter((s) => linked.has(s.slug)).map((s) => s.name);
      expect(new Set(filters), path).toEqual(new Set(names));
    }
  });
});

describe("timeline", () => {
  const events = parse(readFileSync(join(ROOT, "content/timeline/events.yaml"), "utf8")) as {
    id: string;
    date: string | number;
    label: string;
    sources: { essay: string; paragraph: number; date?: string | number; label?: string }[];
  }[];
  /** Each source with the date and line it stands for (its own, or the event's). */
  const sourcesOf = (event: (typeof events)[number]) =>
    event.sources.map((s) => ({
      ...s,
      date: String(s.date ?? event.date),
      label: s.label ?? event.label,
    }));
  const shownDate = (iso: string) => {
    const [year, month, day] = iso.split("-").map(Number);
    if (!month) return String(year);
    return day ? `${day} ${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
  };

  it("shows every event once, in date order, under its year", () => {
    const { $ } = builtPage("/timeline/");
    const shown = $("li.timeline-event")
      .map((_, li) => ({
        id: li.attribs.id!,
        date: $(li).find("time").attr("datetime")!,
        year: $(li).closest(".timeline-year").find("h2").text().trim(),
      }))
      .get();
    expect(shown.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    const dates = shown.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of shown) expect(e.date.startsWith(e.year)).toBe(true);
  });

  it("links every source to an existing ¶ whose own text gives the date it stands for", () => {
    const { $ } = builtPage("/timeline/");
    for (const event of events) {
      const hrefs = $(`li#${event.id} a[href^='/essays/']`)
        .map((_, a) => a.attribs.href)
        .get();
      expect(hrefs).toEqual(event.sources.map((s) => `/essays/${s.essay}/#p-${s.paragraph}`));
      for (const source of sourcesOf(event)) {
        const where = `${event.id} ${source.essay} ¶${source.paragraph}`;
        const text = passageText(source.essay, source.paragraph);
        expect(text, where).toBeDefined();
        const [year, month, day] = source.date.split("-").map(Number);
        expect(text, where).toContain(String(year));
        if (month) expect(text, where).toContain(MONTHS[month - 1]);
        if (day) expect(text, where).toMatch(new RegExp(`\\b${day}\\b`));
      }
    }
  });

  it("names in a source's line only people, places and things its own paragraph names", () => {
    const unstated: string[] = [];
    for (const event of events) {
      for (const source of sourcesOf(event)) {
        const text = passageText(source.essay, source.paragraph)!;
        // Every capitalised word after the first (Moscow, Jiang, July…) must be in the ¶ itself.
        const names = source.label
          .split(/\s+/)
          .slice(1)
          .map((w) => w.replace(/^[“‘(]+|[”’),.:;]+$/g, "").replace(/’s$/, ""))
          .filter((w) => /^\p{Lu}/u.test(w));
        // British and American spellings of one name are one name (Organisation/Organization).
        // Case aside (the source writes “JIANG Zemin”).
        const spelling = (t: string) => t.toLowerCase().replace(/is(e|es|ed|ing|ation)\b/g, "iz$1");
        // A people's or place's adjective stands for its name (Asian for Asia), a plural for its
        // singular (Russians for Russian).
        const stated = (name: string) =>
          [name, name.replace(/n$/, ""), name.replace(/s$/, "")].some((form) =>
            spelling(text).includes(spelling(form)),
          );
        for (const name of names.filter((n) => !stated(n)))
          unstated.push(`${event.id} (${source.essay} ¶${source.paragraph}): ${name}`);
      }
    }
    expect(unstated).toEqual([]);
  });

  it("shows each paragraph's own date beside it where the sources differ", () => {
    const { $ } = builtPage("/timeline/");
    for (const event of events) {
      const dates = $(`li#${event.id} li[data-source-date]`)
        .map((_, li) => li.attribs["data-source-date"])
        .get();
      expect(dates, event.id).toEqual(sourcesOf(event).map((s) => s.date));
      const differ = sourcesOf(event).some(
        (s) => s.date !== String(event.date) || s.label !== event.label,
      );
      $(`li#${event.id} li[data-source-date]`).each((i, li) => {
        const text = normaliseSpace($(li).text());
        if (differ) expect(text, event.id).toContain(`dates it ${shownDate(dates[i]!)}`);
        else expect(text, event.id).not.toContain("dates it");
      });
    }
  });

  it("lists each essay's events in its sidebar with that essay's own dates and lines", () => {
    for (const { $, path } of essayPages()) {
      const id = essayId(path);
      const expected = events
        .flatMap((e) => sourcesOf(e).map((s) => ({ ...s, id: e.id })))
        .filter((s) => s.essay === id)
        .map((s) => `${shownDate(s.date)} ${s.label} ¶ ${s.paragraph} → /timeline/#${s.id}`)
        .sort();
      const listed = $("details.sidebar-panel ol li")
        .filter((_, li) => $(li).find("a[href^='/timeline/#']").length > 0)
        .map((_, li) => {
          const date = normaliseSpace($(li).children("span").first().text());
          const event = $(li).find("a[href^='/timeline/#']");
          return $(li)
            .find("a[href^='#p-']")
            .map(
              (_, a) =>
                `${date} ${normaliseSpace(event.text())} ${normaliseSpace($(a).text())} → ${event.attr("href")}`,
            )
            .get();
        })
        .get()
        .sort();
      expect(listed, path).toEqual(expected);
      $("details.sidebar-panel a[href^='#p-']").each((_, a) => {
        expect($(a.attribs.href!).length, `${path} ${a.attribs.href}`).toBe(1);
      });
    }
  });
});
