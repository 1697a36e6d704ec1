import { expect, test } from "@playwright/test";

/**
 * Search quality: for each query, the essay a researcher would expect comes first. Covers names,
 * places, phrases, other word forms, prefixes, diacritics, spellings, typos and Chinese.
 */
const ESSAYS = {
  yuan: "A Sino-Russian Alliance? Rationales and Realities",
  kuhrt: "Russia and China: Competing or complementary priorities?",
  wilson: "Cultural Statecraft in the Russian and Chinese Contexts",
  marsh: "Chinese Perspectives on Events in Ukraine: Implications for Sino-Russian Relations",
  hsiung: "The Deepening Chinese-Russia Partnership: An American Security Dilemma.",
  rozman: "Russian Dissatisfaction with China and Its Limits",
} as const;

const TABLE: [kind: string, query: string, expected: keyof typeof ESSAYS][] = [
  ["name", "Russkii Mir", "wilson"],
  ["name", "Rozman", "rozman"],
  ["name", "Jingdong Yuan", "yuan"],
  ["name", "Trenin", "kuhrt"],
  ["name", "Grachev", "hsiung"],
  ["place", "Crimea", "marsh"],
  ["place", "Sochi", "rozman"],
  ["place", "North Korea", "rozman"],
  ["phrase", '"comprehensive strategic partnership"', "yuan"],
  ["phrase", '"security dilemma"', "hsiung"],
  ["phrase", "cultural statecraft", "wilson"],
  ["word form", "balance", "rozman"],
  ["word form", "alliances", "yuan"],
  ["word form", "Confucianism", "wilson"],
  ["prefix", "Olymp", "hsiung"],
  ["prefix", "multipol", "hsiung"],
  ["prefix", "OBO", "kuhrt"],
  ["acronym", "OBOR", "kuhrt"],
  ["diacritics", "Kiselëv", "wilson"],
  ["spelling", "civilization", "wilson"],
  ["typo", "Kozyrv", "kuhrt"],
  ["typo", "Shanghia Forum", "hsiung"],
  ["CJK", "俄罗斯研究", "marsh"],
  ["CJK", "封帅", "marsh"],
];

for (const [kind, query, expected] of TABLE) {
  test(`${kind}: “${query}” finds ${expected} first`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator("#search-results > li").first().getByRole("heading")).toHaveText(
      ESSAYS[expected],
    );
  });
}
