// Lint rules: typescript-eslint's recommended set plus Astro's, and the direction of imports.
import { defineConfig } from "eslint/config";
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";

/** Files matching `files` may not import from the top-level folders `folders`, however they get there. */
function restrictImports(files, folders) {
  return {
    files,
    // A test beside what it tests is a test, not part of the site.
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: folders.map((folder) => ({
            regex: `^(\\./|(\\.\\./)+)${folder}/`,
            message: `This file may not import ${folder}/: see "Where things are" in README.md.`,
          })),
        },
      ],
    },
  };
}

export default defineConfig(
  { ignores: ["dist/", ".astro/", ".netlify/", "node_modules/", ".outbox/", "bench/results/"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  // Dependencies point one way: the site uses none of its functions' adapters, and neither uses
  // the harness, the benchmarks, the entry points or the tests; the harness uses none of the
  // benchmarks, entry points or tests; the benchmarks none of the entry points or tests.
  restrictImports(["src/**"], ["netlify", "tools", "bench", "scripts", "tests"]),
  restrictImports(["netlify/**", "astro.config.mjs", "keystatic.config.ts"], ["tools", "bench", "scripts", "tests"]),
  restrictImports(["tools/**"], ["bench", "scripts", "tests"]),
  restrictImports(["bench/**"], ["scripts", "tests"]),
  restrictImports(["scripts/**"], ["tests"]),
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly" },
    },
    rules: {
      // Unused values are a sign of a mistake; a leading underscore marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
