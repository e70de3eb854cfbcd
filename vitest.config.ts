import { defineConfig } from "vitest/config";

// Each kind of test is a project, chosen by the file's last suffix wherever the file lives
// (tests/<kind>/, or beside what it tests, as the quick exit's are): see README's "Test it".
const KINDS = ["built", "integration", "browser", "a11y"] as const;
const filesOf = (kind: (typeof KINDS)[number]) => [`tests/**/*.${kind}.test.ts`, `src/**/*.${kind}.test.ts`];
const EVERY_TEST = ["tests/**/*.test.ts", "src/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        // Plain functions: no built site, no server, no browser. Seconds.
        test: { name: "pure", include: EVERY_TEST, exclude: KINDS.flatMap(filesOf) },
      },
      {
        // The built site in dist/, or a throwaway copy of the project built for the test.
        test: { name: "built", include: filesOf("built") },
      },
      {
        // Real servers and SDKs on loopback: the function, the preview, the stand-in Resend and GitHub.
        test: { name: "integration", include: filesOf("integration") },
      },
      {
        // Against the built site served as Netlify would; one browser at a time on 2 cores.
        test: {
          name: "browser",
          include: filesOf("browser"),
          globalSetup: ["tests/support/preview-server.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The accessibility gate over every page and form state: minutes, so it runs last.
        test: { name: "a11y", include: filesOf("a11y"), testTimeout: 15 * 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
