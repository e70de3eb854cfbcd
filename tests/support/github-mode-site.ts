/**
 * The site as it runs live in GitHub mode, for one test file: the stand-in GitHub (a real bare
 * repository behind GitHub's API), a copy of the project built with the GitHub App's settings
 * pointing at it, and the preview serving that build as Netlify would, its server's calls to
 * GitHub sent to the stand-in. Started before the file's tests and stopped after them.
 */
import { afterAll, beforeAll } from "vitest";
import { startPreview, type Preview } from "../../tools/netlify/preview.ts";
import { EDITOR_PATHS, startFakeGitHub, type FakeGitHub } from "../../tools/fakes/github/server.ts";
import { routeFetchToFake } from "../../tools/fakes/github/fetch-hook.ts";
import { projectCopy, type ProjectCopy } from "../../tools/project/copy.ts";

export interface GitHubModeSite {
  fake: FakeGitHub;
  copy: ProjectCopy;
  preview: Preview;
  /** What the preview said. */
  said: string[];
}

/** The secrets the admin's function reads at run time, as Netlify gives them to it. */
const RUNTIME_SECRETS = ["KEYSTATIC_GITHUB_CLIENT_ID", "KEYSTATIC_GITHUB_CLIENT_SECRET", "KEYSTATIC_SECRET"] as const;

export function useGitHubModeSite(): () => GitHubModeSite {
  let site: GitHubModeSite | undefined;
  let undoFetch = () => {};
  beforeAll(async () => {
    const fake = await startFakeGitHub({ paths: EDITOR_PATHS, protectMain: true });
    const settings = {
      KEYSTATIC_GITHUB_CLIENT_ID: fake.clientId,
      KEYSTATIC_GITHUB_CLIENT_SECRET: fake.clientSecret,
      KEYSTATIC_SECRET: "k".repeat(64),
      KEYSTATIC_GITHUB_REPO: fake.repo,
      PUBLIC_KEYSTATIC_GITHUB_APP_SLUG: "rj-editor",
    };
    const copy = projectCopy();
    await copy.build({ ...settings, CONTEXT: "production" });
    for (const name of RUNTIME_SECRETS) process.env[name] = settings[name];
    undoFetch = routeFetchToFake(fake.url);
    const said: string[] = [];
    const keep = (line = "") => void said.push(line);
    const preview = await startPreview({
      root: copy.dir,
      port: 0,
      host: "127.0.0.1",
      runSchedules: false,
      logger: { log: keep, warn: keep, error: keep },
    });
    site = { fake, copy, preview, said };
  }, 180_000);
  afterAll(async () => {
    await site?.preview.close();
    undoFetch();
    for (const name of RUNTIME_SECRETS) delete process.env[name];
    await site?.fake.close();
    site?.copy.remove();
  });
  return () => {
    if (!site) throw new Error("The GitHub-mode site is not running: use it inside a test.");
    return site;
  };
}
