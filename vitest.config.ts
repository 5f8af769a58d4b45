import { defineConfig } from "vitest/config";

// Three suites: unit needs no engines; integration drives the real Pulumi engine against
// the twin; e2e drives a real headless Chromium. Integration tests share one twin, so they
// run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 5 * 60_000,
          hookTimeout: 5 * 60_000,
        },
      },
    ],
  },
});
