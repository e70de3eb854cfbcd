/**
 * The functions as the build bundles them for Netlify (src/lib/enquiry/functions-build.ts):
 * one file each, in the folder netlify.toml gives Netlify, holding all they load but Node's own
 * modules, declaring what their source declares, and answering as their source answers, byte
 * for byte. Netlify's local tools (npm start, npm run preview) run the source; these tests are
 * what runs the bundles before a deploy does.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "@netlify/functions";
import { listFunctions } from "@netlify/zip-it-and-ship-it";
import { build } from "esbuild";
import { parse as parseToml } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS_BUNDLE_DIR, FUNCTIONS_SOURCE_DIR } from "../../src/lib/enquiry/functions-build.ts";
import { ENQUIRY_TEMPLATES_FILE } from "../../src/lib/enquiry/templates-build.ts";
import { useFakeMailEnvironment } from "../../tools/fakes/mail-environment.ts";
import { startFakeResend, type FakeResend } from "../../tools/fakes/resend.ts";
import { startLocalBlobs, type LocalBlobs } from "../../tools/netlify/local-blobs.ts";
import { formPost } from "../support/form-post.ts";
import { sampleAnswers } from "../support/sample-answers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SOURCE = join(ROOT, FUNCTIONS_SOURCE_DIR);
const BUNDLES = join(ROOT, FUNCTIONS_BUNDLE_DIR);
const NAMES = ["deliver-enquiries", "enquiry", "enquiry-status", "mail-events"];
const ORIGIN = "https://rj.example";
const CONTEXT = { deploy: { context: "dev" } } as unknown as Context;

type Handler = (request: Request, context: Context) => Promise<Response>;
interface FunctionModule {
  default: Handler;
  config: Record<string, unknown>;
}

describe("the bundles Netlify packages", () => {
  it("are in the folder netlify.toml gives Netlify for deploys, while its local tools run the source", () => {
    const toml = parseToml(readFileSync(join(ROOT, "netlify.toml"), "utf8")) as {
      build: { functions: string };
      context: { dev: { functions: string } };
    };
    expect(toml.build.functions).toBe(FUNCTIONS_BUNDLE_DIR);
    expect(toml.context.dev.functions).toBe(FUNCTIONS_SOURCE_DIR);
  });

  it("are one file for each function, and nothing else", () => {
    const names = (folder: string, extension: string) =>
      readdirSync(folder)
        .map((file) => (file.endsWith(extension) ? file.slice(0, -extension.length) : file))
        .sort();
    expect(names(SOURCE, ".mts")).toEqual(NAMES);
    expect(names(BUNDLES, ".mjs")).toEqual(NAMES);
  });

  it.each(NAMES)(
    "%s: imports only Node's own modules, and what it loads only on paths the site never takes",
    async (name) => {
      const file = join(BUNDLES, `${name}.mjs`);
      // esbuild reads the bundle's imports, static and dynamic, without running it.
      const { metafile } = await build({
        entryPoints: [file],
        bundle: true,
        packages: "external",
        platform: "node",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const imported = Object.values(metafile.inputs).flatMap((input) =>
        input.imports.filter((found) => !found.path.startsWith("node:")).map((found) => `${found.kind} ${found.path}`),
      );
      // Only loaded when asked for, on paths the site never takes on Netlify: nodemailer, by the
      // local outbox (refused when hosted); @react-email/render, by the resend SDK for emails
      // written in React, which the site never sends (and has not installed).
      const whenAsked = ["dynamic-import @react-email/render", "dynamic-import nodemailer/lib/mail-composer"];
      expect(imported.sort()).toEqual(name === "enquiry-status" ? [] : whenAsked);
      const bundle = readFileSync(file, "utf8");
      // No HTML parser, and the templates inside it, not in a file beside it.
      expect(bundle).not.toMatch(/linkedom|htmlparser2|parse5/);
      expect(bundle).not.toContain(ENQUIRY_TEMPLATES_FILE);
    },
  );

  it("declare the paths and schedule their source declares, as Netlify's bundler reads them", async () => {
    const declared = async (folder: string) =>
      (await listFunctions(folder, { parseISC: true }))
        .map(({ name, routes, schedule, runtimeAPIVersion }) => ({ name, routes, schedule, runtimeAPIVersion }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(await declared(BUNDLES)).toEqual(await declared(SOURCE));
  });
});

describe("the bundles answer as their source does", () => {
  let fake: FakeResend;
  let restoreEnvironment: () => void;
  const stores: LocalBlobs[] = [];
  const folders: string[] = [];
  const source: Record<string, FunctionModule> = {};
  const bundled: Record<string, FunctionModule> = {};

  beforeAll(async () => {
    fake = await startFakeResend();
    restoreEnvironment = useFakeMailEnvironment(fake, { RESEND_WEBHOOK_SECRET: fake.webhookSecret });
    for (const name of NAMES) {
      source[name] = (await import(pathToFileURL(join(SOURCE, `${name}.mts`)).href)) as FunctionModule;
      bundled[name] = (await import(pathToFileURL(join(BUNDLES, `${name}.mjs`)).href)) as FunctionModule;
    }
  });

  afterAll(async () => {
    restoreEnvironment?.();
    await fake?.close();
    for (const store of stores) await store.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** A Blobs store of its own, so the bundle meets the store as the source met it. */
  async function freshStore() {
    const folder = mkdtempSync(join(tmpdir(), "bundle-blobs-"));
    folders.push(folder);
    const store = await startLocalBlobs(folder);
    stores.push(store);
    return store.functionContext;
  }

  /** The same request to the source and to the bundle, each with a store of its own. */
  async function bothAnswer(name: string, request: () => Request | Promise<Request>) {
    const answers = [];
    for (const module of [source[name]!, bundled[name]!]) {
      process.env["NETLIFY_BLOBS_CONTEXT"] = await freshStore();
      const response = await module.default(await request(), CONTEXT);
      answers.push({ status: response.status, headers: [...response.headers], body: await response.text() });
    }
    return { fromSource: answers[0]!, fromBundle: answers[1]! };
  }

  it.each([
    ["a GET, with the page that says to use the form", 405, () => new Request(`${ORIGIN}/enquire/send`)],
    [
      "a post from another site",
      403,
      () => {
        const post = formPost(ORIGIN, sampleAnswers("other site"));
        return new Request(post, {
          headers: { ...Object.fromEntries(post.headers), origin: "https://elsewhere.example" },
        });
      },
    ],
    [
      "a post it cannot read",
      415,
      () => new Request(`${ORIGIN}/enquire/send`, { method: "POST", headers: { origin: ORIGIN }, body: "x" }),
    ],
    [
      "answers to fix, every one kept and every error shown",
      422,
      () => formPost(ORIGIN, { ...sampleAnswers("to fix </textarea> & \u00a0"), email: "not an address", phone: "12" }),
    ],
    ["a valid enquiry, sent", 200, () => formPost(ORIGIN, sampleAnswers("sent by both"))],
  ] as const)("enquiry: %s (%i)", async (_, status, request) => {
    const { fromSource, fromBundle } = await bothAnswer("enquiry", request);
    expect(fromSource.status).toBe(status);
    expect(fromBundle).toEqual(fromSource);
  });

  it("enquiry: a valid enquiry kept when the mail API refuses it", async () => {
    const { fromSource, fromBundle } = await bothAnswer("enquiry", () => {
      // Refused for good, not for a while: kept at once, for a person to look at, not retried here.
      fake.failAll({ status: 401 });
      return formPost(ORIGIN, sampleAnswers("kept by both"));
    });
    fake.failAll(null);
    expect(fromSource.status).toBe(202);
    expect(fromBundle).toEqual(fromSource);
  });

  it("deliver-enquiries: a round on an empty store", async () => {
    const { fromSource, fromBundle } = await bothAnswer(
      "deliver-enquiries",
      () => new Request(`${ORIGIN}/.netlify/functions/deliver-enquiries`, { method: "POST", body: "{}" }),
    );
    expect(fromSource.status).toBe(200);
    expect(fromBundle).toEqual(fromSource);
  });

  it("enquiry-status: a check on an empty store", async () => {
    const { fromSource, fromBundle } = await bothAnswer(
      "enquiry-status",
      () => new Request(`${ORIGIN}/enquire/status`),
    );
    expect(fromBundle).toEqual(fromSource);
  });

  it.each([
    ["a signed event for an email it does not know", true],
    ["an unsigned event", false],
  ])("mail-events: %s", async (_, signed) => {
    const { fromSource, fromBundle } = await bothAnswer("mail-events", () => {
      const { headers, body } = fake.signEvent("email.delivered", "unknown-email");
      return new Request(`${ORIGIN}/enquire/mail-events`, {
        method: "POST",
        headers: signed ? headers : { "content-type": "application/json" },
        body,
      });
    });
    expect(fromBundle).toEqual(fromSource);
  });

  it("carry the config their source exports", () => {
    for (const name of NAMES) expect(bundled[name]!.config).toEqual(source[name]!.config);
  });
});
