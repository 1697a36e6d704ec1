/**
 * The importer's cost: a WordPress export of `n` generated posts (block-editor markup, entities,
 * a [caption] per post and a closing biography) read and planned in memory, as `npm run import`
 * does before writing. Figures for `npm run bench`.
 */
import { planImport } from "../../src/lib/import/plan.ts";
import { readWxr } from "../../src/lib/import/wordpress.ts";
import { generateCorpus } from "./corpus.ts";

/** What importing `n` posts cost. */
export interface ImportCost {
  n: number;
  ms: number;
  bytes: number;
  essays: number;
  differing: number;
}

const html = (text: string) =>
  text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/’/gu, "&#8217;");

/** A WXR file of `n` posts made from the benchmark's synthetic corpus. */
export function syntheticWxr(n: number): string {
  const files = generateCorpus({ essays: n });
  const items = Object.entries(files)
    .filter(([path]) => path.startsWith("essays/"))
    .map(([path, text], i) => {
      const [, front, body] = text.split(/^---$/mu) as [string, string, string];
      const title = /^title: "?(.*?)"?$/mu.exec(front)?.[1] ?? path;
      const blocks = body
        .trim()
        .split(/\n{2,}/u)
        .map((b) =>
          b.startsWith("## ")
            ? `<!-- wp:heading -->\n<h2 class="wp-block-heading">${html(b.slice(3))}</h2>\n<!-- /wp:heading -->`
            : `<!-- wp:paragraph -->\n<p>${html(b)}</p>\n<!-- /wp:paragraph -->`,
        );
      const content = [
        `[caption id="attachment_${i}" width="640"]<img src="https://blog.example/${i}.jpg" alt="" /> CC by Someone ${i}/Flickr[/caption]`,
        ...blocks,
        `<!-- wp:paragraph -->\n<p>Author ${i % 200} is a fellow of the Institute. Image credit: CC by Someone/Flickr.</p>\n<!-- /wp:paragraph -->`,
      ].join("\n\n");
      return `<item><title><![CDATA[${title}]]></title><link>https://blog.example/p/${i}/</link><dc:creator><![CDATA[author-${i % 200}]]></dc:creator><content:encoded><![CDATA[${content}]]></content:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date><![CDATA[2016-01-01 00:00:00]]></wp:post_date><wp:post_name><![CDATA[post-${i}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><category domain="post_tag" nicename="t"><![CDATA[Tag ${i % 40}]]></category></item>`;
    });
  const authors = Array.from(
    { length: 200 },
    (_, a) =>
      `<wp:author><wp:author_login><![CDATA[author-${a}]]></wp:author_login><wp:author_display_name><![CDATA[Author ${a}]]></wp:author_display_name></wp:author>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" ?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Synthetic Blog</title><link>https://blog.example</link><wp:wxr_version>1.2</wp:wxr_version>${authors}${items.join("")}</channel></rss>`;
}

/** Reads and plans an import of `n` synthetic posts, timed. */
export function importCost(n: number): ImportCost {
  const xml = syntheticWxr(n);
  const start = performance.now();
  const plan = planImport(readWxr(xml), { essays: new Set(), authors: new Map(), maxOrder: 0 });
  const ms = performance.now() - start;
  return {
    n,
    ms,
    bytes: Buffer.byteLength(xml),
    essays: plan.essays.filter((e) => e.id).length,
    differing: plan.essays.filter((e) => e.differences.removed.length || e.differences.added.length)
      .length,
  };
}
