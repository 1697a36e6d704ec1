import { defineConfig } from "vitest/config";

// Two layers: fast unit tests of src/lib and the markdown plugins, and build-output tests that
// read the one `dist/` built before them (see package.json "test").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          globalSetup: ["tests/build/require-dist.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Fixture builds run side by side, but not more than the machine's cores can carry.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
