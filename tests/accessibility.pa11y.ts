/**
 * The accessibility gate: pa11y-ci with both runners (axe and HTML_CodeSniffer) at WCAG 2 AA
 * over every page found in dist/, served as Netlify would serve them, on a desktop screen and
 * on a 320 px phone. Any issue fails `npm test`. Run with `npm run test:a11y` after a build.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview } from "../scripts/preview.ts";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { builtPagePaths } from "./support/site-pages.ts";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  // 320 CSS pixels is also what a 1280 px window shows at 400% zoom.
  { width: 320, height: 640 },
];

/** Runs pa11y-ci over every page at every screen size and returns its exit code. */
async function runPa11y(siteUrl: string, workDir: string): Promise<number> {
  const paths = [...builtPagePaths(), "/no-such-page/"];
  const urls = paths.flatMap((path) => VIEWPORTS.map((viewport) => ({ url: new URL(path, siteUrl).href, viewport })));
  const config = {
    defaults: {
      runners: ["axe", "htmlcs"],
      standard: "WCAG2AA",
      timeout: 30_000,
      concurrency: 1,
      chromeLaunchConfig: { executablePath: await chromiumPath(), args: CHROMIUM_ARGS },
      // No rule is ignored. Anything added here needs a comment saying why.
      ignore: [],
    },
    urls,
  };
  const configFile = join(workDir, "pa11y-ci.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  console.log(`pa11y-ci: ${paths.length} pages x ${VIEWPORTS.length} screen sizes`);
  // Asynchronous on purpose: the preview server answering pa11y lives in this same process.
  const pa11y = spawn("pa11y-ci", ["--config", configFile], { stdio: "inherit" });
  const [code] = (await once(pa11y, "exit")) as [number | null];
  return code ?? 1;
}

const preview = await startPreview({ port: 0, host: "127.0.0.1" });
const workDir = mkdtempSync(join(tmpdir(), "pa11y-"));
const exitCode = await runPa11y(preview.url, workDir).finally(async () => {
  await preview.close();
  rmSync(workDir, { recursive: true, force: true });
});
process.exit(exitCode);
