/**
 * Work done once and shared: `memo(compute)` is a function that runs `compute` on its first call
 * and returns that result ever after (a promise is shared, not re-run). Nothing runs when the
 * module that defines it is imported. Pure; used at build time by src/collections.ts and in the
 * browser by lib/format.ts.
 */
export function memo<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
