/**
 * The direction of imports (eslint.config.js): the site never reaches into the harness, the
 * benchmarks, the entry points or the tests, and the harness never into the tests. Each case
 * lints a planted import as if it were written in a real file of that folder.
 */
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
// The project's own config, with only this rule run, and without the type information it does not need.
const eslint = new ESLint({
  cwd: ROOT,
  ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const code = `import "${specifier}";\n`;
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.message);
}

describe("the direction of imports", () => {
  it.each([
    ["src/site.ts", "../tools/fakes/resend.ts"],
    ["src/lib/enquiry/handler.ts", "../../../tests/support/form-post.ts"],
    ["src/lib/enquiry/handler.ts", "../../../netlify/functions/enquiry.mts"],
    ["netlify/functions/enquiry.mts", "../../bench/lib/stats.ts"],
    ["astro.config.mjs", "./tools/project/copy.ts"],
    ["tools/project/copy.ts", "../../tests/support/form-post.ts"],
    ["tools/fakes/resend.ts", "../../scripts/preview.ts"],
    ["tools/fakes/resend.ts", "../../bench/lib/stats.ts"],
    ["bench/lib/stats.ts", "../../scripts/preview.ts"],
    ["scripts/preview.ts", "../tests/support/form-post.ts"],
  ])("refuses, in %s, an import of %s", async (file, specifier) => {
    const messages = await restrictedImports(file, specifier);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("may not import");
  });

  it.each([
    ["src/lib/enquiry/handler.ts", "./schema.ts"],
    ["netlify/functions/enquiry.mts", "../../src/lib/enquiry/handler.ts"],
    ["tools/fakes/resend.ts", "../../src/lib/enquiry/reference.ts"],
    ["bench/lib/stats.ts", "../../tools/project/copy.ts"],
    ["scripts/preview.ts", "../tools/netlify/preview.ts"],
    ["tests/pure/sealed.test.ts", "../../tools/fakes/memory-store.ts"],
    ["src/components/quick-exit/quick-exit-keys.test.ts", "../../../tools/browsers/chromium.ts"],
  ])("allows, in %s, an import of %s", async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });
});
