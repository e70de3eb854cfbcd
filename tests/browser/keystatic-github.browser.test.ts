/**
 * An editor on the live site, in Chromium: the production build in GitHub mode, served by the
 * preview as Netlify serves it, with the admin's real headers and policy. The browser's requests
 * to GitHub go to the stand-in GitHub (a real bare repository behind GitHub's API), and so do
 * the server's; any other request off this machine fails the test. The editor signs in, opens a
 * page, changes it and saves with `main` protected: Keystatic asks for a branch, and the commit
 * lands on `editor/…` holding exactly the bytes local mode writes for the same change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page, Route } from "playwright-core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Preview } from "../../tools/netlify/preview.ts";
import type { FakeGitHub } from "../../tools/fakes/github/server.ts";
import { ROOT } from "../../tools/project/copy.ts";
import { openEntry, saveEntry } from "../support/keystatic-entries.ts";
import { useGitHubModeSite } from "../support/github-mode-site.ts";
import { useChromium } from "../support/shared-browser.ts";

// The expected file comes from Keystatic's own field functions, as the admin runs them in the
// browser: its Node build leaves the editor's parts out (as tests/built/keystatic-round-trip.built.test.ts).
vi.mock("@keystatic/core", () => import("../../node_modules/@keystatic/core/dist/keystatic-core.js"));

const browser = useChromium();
const site = useGitHubModeSite();
let fake: FakeGitHub;
let preview: Preview;
/** Requests the browser tried to make to anywhere but the preview and the stand-in GitHub. */
const offTheMachine: string[] = [];

/** The page the test edits, its new description, and the file local mode writes for that change. */
const SLUG = "contact-us";
const CHANGED = "How to reach the restorative justice team, and what happens when you get in touch.";
const original = readFileSync(join(ROOT, "content", `${SLUG}.mdx`), "utf8");
const expected = saveEntry(SLUG, { ...openEntry(SLUG, original), description: CHANGED }).source;

beforeAll(() => {
  ({ fake, preview } = site());
});

/** A fresh browser (no cookies, no IndexedDB) whose GitHub is the stand-in. */
async function editorBrowser(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
  const ours = new URL(preview.url).origin;
  let closing = false;
  const answer = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin === ours || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    const target = fake.routeFor(url);
    if (!target) {
      offTheMachine.push(url.href);
      return route.abort("blockedbyclient");
    }
    const response = await route.fetch({ url: target.href, maxRedirects: 0 });
    return route.fulfill({ response });
  };
  // A request still on its way when the test closes the browser has nobody left to answer.
  await context.route("**/*", (route) =>
    answer(route).catch((error: unknown) => {
      if (!closing) throw error;
    }),
  );
  const close = async () => {
    closing = true;
    await context.close();
  };
  return { context, page: await context.newPage(), close };
}

async function signIn(page: Page) {
  await page.goto(`${preview.url}/keystatic`);
  await page.getByText("Log in with GitHub").click();
  // GitHub (the stand-in) approves at once and sends the editor back to the admin.
  await page.waitForURL(/\/keystatic\/branch\/main/, { timeout: 30_000 });
}

/** Opens the page in the admin, gives it the new description, and saves it on a new editor/ branch. */
async function editAndSave(page: Page, branch: string, beforeSave: () => Promise<void> = async () => {}) {
  // The pages list, read from the repository, then the page, as an editor finds it.
  await page.goto(`${preview.url}/keystatic/branch/main/collection/pages`);
  await page.getByRole("main").getByText("Contact us", { exact: true }).click();
  await page.waitForURL(new RegExp(`/collection/pages/item/${SLUG}$`));
  const description = page.getByRole("textbox", { name: "Description" });
  await description.waitFor({ timeout: 30_000 });
  await description.fill(CHANGED);
  await beforeSave();
  await page.getByRole("button", { name: "Save" }).click();
  // main is protected: Keystatic asks for a branch, which it names editor/….
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Branch name" }).fill(branch);
  await dialog.getByRole("button", { name: "Create branch and save" }).click();
  // The branch is made first, from main; the commit follows on it.
  const saved = () => fake.readFile(`editor/${branch}`, `content/${SLUG}.mdx`);
  await expect.poll(saved, { timeout: 30_000 }).toBe(expected);
  expect(await fake.readFile("main", `content/${SLUG}.mdx`)).toBe(original);
}

describe("an editor on the live site, in GitHub mode", () => {
  it("signs in, edits a page, and saves it on an editor/ branch when main is protected", async () => {
    const { page, close } = await editorBrowser();
    try {
      await signIn(page);
      expect(expected).not.toBe(original);
      await editAndSave(page, "contact-description");
      expect(offTheMachine).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("does the same with a public repository, whose files it reads from raw.githubusercontent.com", async () => {
    fake.settings.visibility = "public";
    const { page, close } = await editorBrowser();
    try {
      await signIn(page);
      await editAndSave(page, "public-repository");
      expect(fake.requests.some((request) => request.host === "raw.githubusercontent.com")).toBe(true);
      expect(offTheMachine).toEqual([]);
    } finally {
      fake.settings.visibility = "private";
      await close();
    }
  }, 120_000);

  it("refreshes an expired sign-in when saving, without losing the change", async () => {
    const { context, page, close } = await editorBrowser();
    try {
      await signIn(page);
      const refreshes = () =>
        fake.requests.filter((request) => request.path.includes("grant_type=refresh_token")).length;
      const before = refreshes();
      await editAndSave(page, "after-expiry", async () => {
        // Eight hours on: GitHub no longer takes the token, and its cookie has gone with it.
        fake.expireTokens();
        await context.clearCookies({ name: "keystatic-gh-access-token" });
      });
      expect(refreshes()).toBe(before + 1);
      expect(offTheMachine).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it("signs out from the account menu, revoking the token at GitHub", async () => {
    const { context, page, close } = await editorBrowser();
    try {
      await signIn(page);
      const revocations = () => fake.requests.filter((request) => request.method === "DELETE").length;
      const before = revocations();
      await page.getByRole("button", { name: "User menu" }).click();
      await page.getByRole("menuitem", { name: "Log out" }).click();
      await expect.poll(revocations, { timeout: 15_000 }).toBe(before + 1);
      await page.getByText("Log in with GitHub").waitFor({ timeout: 15_000 });
      const cookies = await context.cookies();
      expect(cookies.filter((cookie) => cookie.name.startsWith("keystatic-gh-") && cookie.value !== "")).toEqual([]);
      expect(offTheMachine).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
