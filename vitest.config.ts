import { defineConfig } from "vitest/config";

// Tests live in tests/ or beside what they test (as the quick exit's do in its folder).
const TEST_FILES = ["tests/**/*.test.ts", "src/**/*.test.ts"];
const BROWSER_TEST_FILES = ["tests/**/*.browser.test.ts", "src/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: TEST_FILES,
          exclude: BROWSER_TEST_FILES,
        },
      },
      {
        test: {
          // Against the built site served as Netlify would; one browser at a time on 2 cores.
          name: "browser",
          include: BROWSER_TEST_FILES,
          globalSetup: ["tests/support/preview-server.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
