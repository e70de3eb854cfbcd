// Lint rules: typescript-eslint's type-checked recommended set plus Astro's, and the direction of imports.
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
  // Type-aware rules, with the types tsconfig.json gives each file; the two blocks below take them
  // off .astro and JavaScript files.
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  astro.configs.recommended,
  {
    // astro-eslint-parser does not support the project service (it warns and falls back to `project: true`), so .astro files keep the syntax-only rules.
    files: ["**/*.astro", "**/*.astro/*.js", "**/*.astro/*.ts"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // tsconfig.json does not type-check JavaScript (no checkJs), so the config files keep the syntax-only rules.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
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
    files: ["tests/**", "**/*.test.ts", "tools/fakes/**"],
    rules: {
      // Stand-ins implement async interfaces without waiting on anything; `async` keeps their throws rejections, as the real ones' are.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["src/keystatic/**"],
    rules: {
      // Keystatic's field types declare Input, serialize and parse as methods; they are plain functions that never use `this`.
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["**/*.test.ts"],
    rules: {
      // Vitest types its asymmetric matchers (expect.any, expect.stringMatching, …) as any, so every use would be flagged.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
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
