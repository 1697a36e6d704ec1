/** Small formatting helpers shared by pages. */

const number = new Intl.NumberFormat("en");

/** "1 essay", "12 essays", "1,204 mentions"; `plural` for nouns that do not just add "s". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${number.format(n)} ${n === 1 ? noun : plural}`;
}
