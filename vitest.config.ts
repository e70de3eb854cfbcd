import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.browser.test.ts"],
        },
      },
      {
        test: {
          // Against the built site served as Netlify would; one browser at a time on 2 cores.
          name: "browser",
          include: ["tests/**/*.browser.test.ts"],
          globalSetup: ["tests/support/preview-server.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
