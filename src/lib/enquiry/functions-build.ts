/**
 * The build's part in the Netlify functions, once Astro has written the site:
 *
 * 1. The templates of the pages the enquiry function answers with (templates-build.ts), into
 *    ENQUIRY_TEMPLATES_FILE, which the functions' source reads (tests, the load test, and
 *    `npm start` and `npm run preview`, which run the source through Netlify's own tools).
 * 2. Each function in netlify/functions bundled by esbuild into one ESM file in
 *    FUNCTIONS_BUNDLE_DIR, the folder netlify.toml gives Netlify to package: everything it
 *    imports inside it, the templates too, minified. Netlify packages a Functions v2 file by
 *    tracing what it loads and always leaves packages as files of their own (its `nft`
 *    bundler; `node_bundler` applies only to v1 functions), so a function that imported zod
 *    was shipped as hundreds of files, loaded one by one on every cold start. Bundled here,
 *    each zip holds one file of ours beside Netlify's own.
 *
 * A few modules are swapped in the bundles (swapModules): the templates go inside, and what a
 * deployed function never runs stays out. nodemailer, which only the local outbox loads, stays
 * outside the bundles, and netlify.toml leaves it out of the zips.
 */
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { build, type Plugin } from "esbuild";
import type { EnquiryTemplates } from "./page-loader.ts";
import { bundleTemplates } from "./shared-blocks.ts";
import { buildEnquiryTemplates, builtPageFile, ENQUIRY_TEMPLATES_FILE } from "./templates-build.ts";

/** Where the functions' source is, from the project's root. */
export const FUNCTIONS_SOURCE_DIR = "netlify/functions";
/**
 * Where the bundles go: netlify.toml's `[build] functions`, which a test keeps the same.
 * Under .netlify/, out of git and out of the published site, like Netlify's own generated files.
 */
export const FUNCTIONS_BUNDLE_DIR = ".netlify/functions-bundled";
/** Loaded only by the local outbox, never on Netlify: left to be imported, if ever, from node_modules. */
export const OUTSIDE_THE_BUNDLES = ["nodemailer", "nodemailer/*"];

export interface BundledFunction {
  name: string;
  file: string;
  bytes: number;
}

/** Every function in netlify/functions, bundled into FUNCTIONS_BUNDLE_DIR (emptied first). */
export async function bundleFunctions(root: string, templates: EnquiryTemplates): Promise<BundledFunction[]> {
  const source = join(root, FUNCTIONS_SOURCE_DIR);
  const out = join(root, FUNCTIONS_BUNDLE_DIR);
  const entryPoints = readdirSync(source)
    .filter((name) => [".mts", ".ts", ".mjs", ".js"].includes(extname(name)))
    .sort()
    .map((name) => join(source, name));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const swapped = new Set<string>();
  const result = await build({
    entryPoints,
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    // The Node Netlify runs the functions on: .nvmrc's.
    target: `node${readFileSync(join(root, ".nvmrc"), "utf8").trim()}`,
    minify: true,
    external: OUTSIDE_THE_BUNDLES,
    metafile: true,
    logLevel: "warning",
    plugins: [swapModules(root, await bundleTemplates(templates), swapped)],
  });
  // A swap that did not happen would ship a different function (say, one that reads a file).
  const missed = ["inline-templates.ts", "dev-pages.ts", "postal-mime", "enquiry.mts"].filter(
    (name) => !swapped.has(name),
  );
  if (missed.length) throw new Error(`The functions were bundled without swapping ${missed.join(", ")}.`);
  return Object.entries(result.metafile.outputs).map(([file, output]) => ({
    name: file.slice(file.lastIndexOf("/") + 1, -".mjs".length),
    file,
    bytes: output.bytes,
  }));
}

/**
 * Modules the bundles get in place of the real ones:
 *
 * - inline-templates.ts: the templates themselves, packed and compressed into one string
 *   (shared-blocks.ts) that is opened on the first answer, each page's then read when it is
 *   first asked for, so the function reads no file;
 * - dev-pages.ts: only astro dev needs it, which runs the source, so its HTML scanner stays out;
 * - postal-mime: the resend SDK imports it only to forward emails Resend received
 *   (`forwardPassthrough`), which the site never does; it was a fifth of the enquiry bundle.
 *
 * And netlify/functions/enquiry.mts loses the name of the templates file, which its source
 * reads: Netlify's tracer would otherwise package that file beside the bundle, never read.
 */
function swapModules(root: string, bundled: string, swapped: Set<string>): Plugin {
  // esbuild names files by their real path.
  const real = realpathSync(root);
  const lib = join(real, "src", "lib", "enquiry");
  const refuse = (what: string) => `throw new Error(${JSON.stringify(`${what} is not in the bundled functions.`)});`;
  const swaps: Record<string, string> = {
    [join(lib, "inline-templates.ts")]: `export const INLINE_TEMPLATES = ${JSON.stringify(bundled)};`,
    [join(lib, "dev-pages.ts")]: `export function createDevPageFetcher() { ${refuse("Reading pages from astro dev")} }`,
  };
  const enquiry = join(real, FUNCTIONS_SOURCE_DIR, "enquiry.mts");
  const templatesFile = `new URL("../../${ENQUIRY_TEMPLATES_FILE}", import.meta.url)`;
  return {
    name: "swap-modules",
    setup(bundler) {
      bundler.onResolve({ filter: /^postal-mime$/ }, () => ({ path: "postal-mime", namespace: "swapped" }));
      bundler.onLoad({ filter: /.*/, namespace: "swapped" }, () => {
        swapped.add("postal-mime");
        return {
          contents: `export default { parse() { ${refuse("Parsing received emails (postal-mime)")} } };`,
          loader: "js",
        };
      });
      bundler.onLoad({ filter: /\.ts$/ }, ({ path }) => {
        const contents = swaps[path];
        if (contents === undefined) return undefined;
        swapped.add(basename(path));
        return { contents, loader: "js" };
      });
      bundler.onLoad({ filter: /\.mts$/ }, ({ path }) => {
        if (path !== enquiry) return undefined;
        const source = readFileSync(path, "utf8");
        if (!source.includes(templatesFile)) throw new Error(`${path} no longer names ${templatesFile}.`);
        swapped.add("enquiry.mts");
        // Never read: the reader takes the templates inside the bundle (INLINE_TEMPLATES).
        return { contents: source.replace(templatesFile, 'new URL("bundled:enquiry-templates")'), loader: "ts" };
      });
    },
  };
}

/** Writes the templates, then bundles the functions, once the site is built (not under astro dev). */
export function netlifyFunctions(): AstroIntegration {
  let root = "";
  return {
    name: "netlify-functions",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const templates = buildEnquiryTemplates((path) => readFileSync(builtPageFile(dist, path), "utf8"));
        writeTemplates(root, templates, logger);
        const bundled = await bundleFunctions(root, templates);
        logger.info(
          `Bundled ${bundled.map((b) => `${b.name} (${Math.round(b.bytes / 1024)} KB)`).join(", ")} into ${FUNCTIONS_BUNDLE_DIR}`,
        );
      },
    },
  };
}

function writeTemplates(root: string, templates: EnquiryTemplates, logger: AstroIntegrationLogger) {
  const file = join(root, ENQUIRY_TEMPLATES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(templates));
  logger.info(`Wrote the enquiry pages' templates to ${ENQUIRY_TEMPLATES_FILE}`);
}
