/**
 * The GitHub stand-in (tools/fakes/github/server.ts) answers what Keystatic sends, as GitHub
 * would: the GraphQL documents are read out of Keystatic's own browser bundle (with the
 * `__typename`s its urql cache adds), so a Keystatic upgrade that asks for something the fake
 * does not serve fails here, not in a browser. Object ids are checked against git itself.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kind, parse, print, visit, type DefinitionNode, type FieldNode, type SelectionSetNode } from "graphql";
import { config } from "@keystatic/core";
import { makeGenericAPIRouteHandler } from "@keystatic/core/api/generic";
import { EDITOR_PATHS, startFakeGitHub, type FakeGitHub, type TokenSet } from "../../tools/fakes/github/server.ts";
import { routeFetchToFake } from "../../tools/fakes/github/fetch-hook.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "node_modules", "@keystatic", "core", "dist");
const PAGE = "content/index.mdx";

/**
 * Keystatic's GraphQL documents by operation name, as its browser client sends them: fragments
 * put in (once each) and `__typename` added to every selection below the root, as urql does.
 */
function keystaticDocuments(): Map<string, string> {
  // The browser build's files have no second dot (not .node.js, .worker.js, .react-server.js).
  const sources = readdirSync(DIST)
    .filter((file) => /^[\w-]+\.js$/.test(file))
    .map((file) => readFileSync(join(DIST, file), "utf8"));
  const literals = sources.flatMap((source) => [...source.matchAll(/(?:const (\w+) = )?gql`([^`]*)`/g)]);
  const byConst = new Map(
    literals.flatMap(([, constName, text]) => (constName ? [[constName, text ?? ""] as const] : [])),
  );
  const expand = (text: string): string =>
    text.replace(/\$\{(\w+)\}/g, (_, constName: string) => expand(byConst.get(constName) ?? ""));
  const documents = new Map<string, string>();
  for (const [, , text = ""] of literals) {
    const operation = /\b(?:query|mutation) (\w+)/.exec(text)?.[1];
    if (operation && !documents.has(operation)) documents.set(operation, asUrqlSends(expand(text)));
  }
  return documents;
}

function asUrqlSends(text: string): string {
  const seen = new Set<string>();
  const definitions = parse(text).definitions.filter((definition: DefinitionNode) => {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) return true;
    if (seen.has(definition.name.value)) return false;
    seen.add(definition.name.value);
    return true;
  });
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };
  const withTypenames = visit(
    { kind: Kind.DOCUMENT, definitions },
    {
      SelectionSet(node: SelectionSetNode, _key, parent) {
        const isRoot =
          parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION;
        const has = node.selections.some(
          (selection) => selection.kind === Kind.FIELD && selection.name.value === "__typename",
        );
        return isRoot || has ? undefined : { ...node, selections: [...node.selections, typename] };
      },
    },
  );
  return print(withTypenames);
}

const DOCUMENTS = keystaticDocuments();
const documentFor = (operation: string) => {
  const text = DOCUMENTS.get(operation);
  if (!text) throw new Error(`Keystatic no longer sends ${operation}: see the list in tools/fakes/github/server.ts`);
  return text;
};

/** Git's own blob id for these bytes. */
const blobSha = (bytes: Buffer) =>
  createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");

/** The root tree id from a recursive tree listing, worked out as Keystatic's treeSha does. */
function rootTreeSha(entries: { path: string; mode: string; type: string; sha: string }[]): string {
  const children = new Map<string, { name: string; mode: string; sha: string }[]>();
  const hashDir = (dir: string): string => {
    const listed = (children.get(dir) ?? []).map((child) => ({
      ...child,
      sha: child.mode === "040000" ? hashDir(dir ? `${dir}/${child.name}` : child.name) : child.sha,
    }));
    const key = (child: { name: string; mode: string }) => (child.mode === "040000" ? `${child.name}/` : child.name);
    listed.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const body = Buffer.concat(
      listed.map((child) =>
        Buffer.concat([Buffer.from(`${child.mode.replace(/^0/, "")} ${child.name}\0`), Buffer.from(child.sha, "hex")]),
      ),
    );
    return createHash("sha1")
      .update(Buffer.concat([Buffer.from(`tree ${body.length}\0`), body]))
      .digest("hex");
  };
  for (const entry of entries) {
    const slash = entry.path.lastIndexOf("/");
    const dir = slash === -1 ? "" : entry.path.slice(0, slash);
    children.set(dir, [
      ...(children.get(dir) ?? []),
      { name: entry.path.slice(slash + 1), mode: entry.mode, sha: entry.sha },
    ]);
  }
  return hashDir("");
}

let fake: FakeGitHub;
let token: string;
const [OWNER, NAME] = ["west-mercia", "rj-site"];
const git = (...args: string[]) =>
  execFileSync("git", ["--git-dir", fake.gitDir, ...args])
    .toString()
    .trim();

/** A request to GitHub, answered by the fake. */
function gitHub(url: string, init: RequestInit = {}): Promise<Response> {
  const routed = fake.routeFor(new URL(url));
  if (!routed) throw new Error(`not a GitHub URL: ${url}`);
  return fetch(routed, { redirect: "manual", ...init });
}

/** The parts of GitHub's answers these tests read. */
interface GitRef {
  id: string;
  name: string;
  target: { oid: string; tree: { oid: string } };
}
interface AnswerData {
  repository: {
    id: string;
    isPrivate: boolean;
    defaultBranchRef: { name: string } | null;
    refs: { nodes: GitRef[] };
    ref: GitRef | null;
  };
  viewer: { avatarUrl: string };
  createCommitOnBranch: { ref: GitRef } | null;
  createRef: { ref: GitRef } | null;
  node: { associatedPullRequests: { nodes: unknown[] } } | null;
}
interface GraphQLAnswer {
  data?: AnswerData | null;
  errors?: Record<string, unknown>[];
}

async function graphQL(operation: string, variables: Record<string, unknown>, bearer = token): Promise<GraphQLAnswer> {
  const response = await gitHub("https://api.github.com/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: JSON.stringify({ query: documentFor(operation), operationName: operation, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLAnswer;
}

/** Every object in a GraphQL answer names its type, as urql's cache needs. */
function objectsWithoutTypename(value: unknown, path = "data"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsWithoutTypename(item, `${path}[${index}]`));
  if (!value || typeof value !== "object") return [];
  const own = "__typename" in value || path === "data" ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([key, inner]) => objectsWithoutTypename(inner, `${path}.${key}`))];
}

async function appShell() {
  const answer = await graphQL("GitHubAppShell", { owner: OWNER, name: NAME });
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

function commitInput(branch: string, expectedHeadOid: string, contents: string) {
  return {
    input: {
      branch: { repositoryNameWithOwner: `${OWNER}/${NAME}`, branchName: branch },
      expectedHeadOid,
      message: { headline: `Update ${PAGE}` },
      fileChanges: { additions: [{ path: PAGE, contents: Buffer.from(contents).toString("base64") }], deletions: [] },
    },
  };
}

async function signIn(): Promise<TokenSet> {
  const authorize = await gitHub(
    `https://github.com/login/oauth/authorize?client_id=${fake.clientId}&redirect_uri=${encodeURIComponent("https://rj.example/api/keystatic/github/oauth/callback")}&state=abc123`,
  );
  expect(authorize.status).toBe(302);
  const back = new URL(authorize.headers.get("location")!);
  expect(back.origin + back.pathname).toBe("https://rj.example/api/keystatic/github/oauth/callback");
  expect(back.searchParams.get("state")).toBe("abc123");
  const code = back.searchParams.get("code")!;
  const exchange = (await gitHub(
    `https://github.com/login/oauth/access_token?client_id=${fake.clientId}&client_secret=${fake.clientSecret}&code=${code}`,
    { method: "POST", headers: { accept: "application/json" } },
  ).then((response) => response.json())) as TokenSet;
  return exchange;
}

beforeAll(async () => {
  fake = await startFakeGitHub({ repo: `${OWNER}/${NAME}`, paths: EDITOR_PATHS });
  token = (await signIn()).access_token;
});
afterAll(() => fake?.close());

describe("the GitHub stand-in", () => {
  it("finds every GraphQL document Keystatic sends", () => {
    expect([...DOCUMENTS.keys()].sort()).toEqual([
      // Keystatic Cloud's, never sent in GitHub mode.
      "CloudAppShell",
      "CreateBranch",
      "CreateCommit",
      "DeleteBranch",
      "FetchMoreRefs",
      "FetchRef",
      "GitHubAppShell",
      "PullRequestForBranch",
    ]);
  });

  it("signs in with a code, once, and gives tokens in the shape Keystatic accepts", async () => {
    const tokens = await signIn();
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^ghu_\w{36}$/),
      expires_in: 28_800,
      refresh_token: expect.stringMatching(/^ghr_\w{76}$/),
      refresh_token_expires_in: 15_897_600,
      scope: "",
      token_type: "bearer",
    });
    const code = new URL(
      (
        await gitHub(
          `https://github.com/login/oauth/authorize?client_id=${fake.clientId}&redirect_uri=https://rj.example/cb`,
        )
      ).headers.get("location")!,
    ).searchParams.get("code");
    const exchange = () =>
      gitHub(
        `https://github.com/login/oauth/access_token?client_id=${fake.clientId}&client_secret=${fake.clientSecret}&code=${code}`,
        {
          method: "POST",
          headers: { accept: "application/json" },
        },
      ).then((response) => response.json() as Promise<Record<string, unknown>>);
    expect(await exchange()).toHaveProperty("access_token");
    expect(await exchange()).toMatchObject({ error: "bad_verification_code" });
  });

  it("answers the app shell with the repository, its branches and the viewer, every object typed", async () => {
    const data = await appShell();
    expect(objectsWithoutTypename(data)).toEqual([]);
    const main = data.repository.refs.nodes.find((ref: { name: string }) => ref.name === "main");
    expect(data.repository).toMatchObject({
      __typename: "Repository",
      isPrivate: true,
      name: NAME,
      owner: { login: OWNER },
      defaultBranchRef: { name: "main" },
      viewerPermission: "WRITE",
      forks: { nodes: [] },
      refs: { pageInfo: { hasNextPage: false } },
    });
    expect(main?.target).toMatchObject({
      __typename: "Commit",
      oid: git("rev-parse", "main"),
      tree: { oid: git("rev-parse", "main^{tree}") },
    });
    expect(data.viewer).toMatchObject({
      __typename: "User",
      login: expect.any(String),
      avatarUrl: expect.stringMatching(/^https:\/\/avatars\.githubusercontent\.com\//),
    });
    const avatar = await gitHub(data.viewer.avatarUrl);
    expect(avatar.headers.get("content-type")).toBe("image/png");
  });

  it("lists a branch's tree with git's ids, so Keystatic's own tree id matches", async () => {
    const treeOid = git("rev-parse", "main^{tree}");
    const response = await gitHub(`https://api.github.com/repos/${OWNER}/${NAME}/git/trees/${treeOid}?recursive=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const listing = (await response.json()) as {
      sha: string;
      tree: { path: string; mode: string; type: string; sha: string }[];
    };
    expect(listing.sha).toBe(treeOid);
    expect(rootTreeSha(listing.tree)).toBe(treeOid);
    const page = listing.tree.find((entry) => entry.path === PAGE)!;
    const onDisk = readFileSync(join(ROOT, PAGE));
    expect(page).toMatchObject({ mode: "100644", type: "blob", sha: blobSha(onDisk) });
    const blob = await gitHub(`https://api.github.com/repos/${OWNER}/${NAME}/git/blobs/${page.sha}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github.raw" },
    });
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(onDisk);
  });

  it("commits a changed page on the branch's head, and refuses a stale head as GitHub does", async () => {
    const head = git("rev-parse", "main");
    const changed = `${await fake.readFile("main", PAGE)}\nA line added by the editor.\n`;
    const answer = await graphQL("CreateCommit", commitInput("main", head, changed));
    expect(answer.errors).toBeUndefined();
    const target = answer.data!.createCommitOnBranch!.ref.target;
    expect(target.oid).toBe(git("rev-parse", "main"));
    expect(target.tree.oid).toBe(git("rev-parse", "main^{tree}"));
    expect(await fake.readFile("main", PAGE)).toBe(changed);
    expect(git("rev-parse", `main:${PAGE}`)).toBe(blobSha(Buffer.from(changed)));
    const [newest] = await fake.commits("main");
    expect(newest).toMatchObject({ parents: [head], message: `Update ${PAGE}`, files: [PAGE] });

    const stale = await graphQL("CreateCommit", commitInput("main", head, "Lost edit\n"));
    expect(stale.data).toEqual({ createCommitOnBranch: null });
    expect(stale.errors).toEqual([
      {
        type: "STALE_DATA",
        path: ["createCommitOnBranch"],
        locations: expect.any(Array),
        message: `Expected branch to point to "${head}" but it did not. Pull and try again.`,
      },
    ]);
    const ref = await graphQL("FetchRef", { owner: OWNER, name: NAME, ref: "refs/heads/main" });
    expect(ref.data!.repository.ref!.target.oid).toBe(target.oid);
  });

  it("refuses commits to a protected main, and takes them on a new editor/ branch", async () => {
    fake.settings.protectMain = true;
    try {
      const { repository } = await appShell();
      const head = git("rev-parse", "main");
      const refused = await graphQL("CreateCommit", commitInput("main", head, "Straight to main\n"));
      expect(refused.errors?.[0]).toMatchObject({ type: "BRANCH_PROTECTION_RULE_VIOLATION" });
      expect(refused.errors?.[0]).not.toHaveProperty("extensions");
      fake.settings.protectMain = "ruleset";
      const ruleset = await graphQL("CreateCommit", commitInput("main", head, "Straight to main\n"));
      expect(ruleset.errors?.[0]?.["message"]).toMatch(/repository rule violations/i);

      const badName = await graphQL("CreateBranch", {
        input: { name: "refs/heads/editor/a b", oid: head, repositoryId: repository.id },
      });
      expect(badName.errors?.[0]?.["message"]).toContain('"refs/heads/editor/a b" is not a valid ref name');
      const created = await graphQL("CreateBranch", {
        input: { name: "refs/heads/editor/test", oid: head, repositoryId: repository.id },
      });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createRef).toMatchObject({
        __typename: "CreateRefPayload",
        ref: { name: "editor/test", target: { oid: head } },
      });
      const saved = await graphQL("CreateCommit", commitInput("editor/test", head, "On a branch\n"));
      expect(saved.errors).toBeUndefined();
      expect(await fake.readFile("editor/test", PAGE)).toBe("On a branch\n");
      expect(await fake.branches()).toEqual({
        main: head,
        "editor/test": saved.data!.createCommitOnBranch!.ref.target.oid,
      });

      const refId: string = created.data!.createRef!.ref.id;
      const noPull = await graphQL("PullRequestForBranch", { refId });
      expect(noPull.data!.node).toMatchObject({ __typename: "Ref", associatedPullRequests: { nodes: [] } });
      const number = fake.openPullRequest("editor/test");
      const pull = await graphQL("PullRequestForBranch", { refId });
      expect(pull.data!.node!.associatedPullRequests.nodes).toEqual([
        { __typename: "PullRequest", id: expect.any(String), number },
      ]);

      const page = await graphQL("FetchMoreRefs", { owner: OWNER, name: NAME, after: null });
      expect(page.data!.repository.refs.nodes.map((ref: { name: string }) => ref.name)).toEqual([
        "editor/test",
        "main",
      ]);
      expect((await graphQL("DeleteBranch", { refId })).data).toEqual({
        deleteRef: { __typename: "DeleteRefPayload" },
      });
      expect(Object.keys(await fake.branches())).toEqual(["main"]);
      expect(fake.requests.filter((request) => request.operationName === "CreateBranch")).toHaveLength(2);
    } finally {
      fake.settings.protectMain = false;
    }
  });

  it("serves files from raw.githubusercontent.com only while the repository is public", async () => {
    const head = git("rev-parse", "main");
    const rawUrl = `https://raw.githubusercontent.com/${OWNER}/${NAME}/${head}/${PAGE}`;
    expect((await gitHub(rawUrl)).status).toBe(404);
    const anonymousBlob = await gitHub(
      `https://api.github.com/repos/${OWNER}/${NAME}/git/blobs/${git("rev-parse", `main:${PAGE}`)}`,
    );
    expect(anonymousBlob.status).toBe(404);
    fake.settings.visibility = "public";
    try {
      expect((await appShell()).repository.isPrivate).toBe(false);
      const response = await gitHub(rawUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.text()).toBe(await fake.readFile("main", PAGE));
    } finally {
      fake.settings.visibility = "private";
    }
  });

  it("answers an expired token with 401 Bad credentials, and a refresh gives a working one", async () => {
    const tokens = await signIn();
    fake.expireTokens();
    const expired = await gitHub("https://api.github.com/graphql", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.access_token}` },
      body: JSON.stringify({ query: documentFor("GitHubAppShell"), variables: { owner: OWNER, name: NAME } }),
    });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ message: "Bad credentials" });
    const refresh = () =>
      gitHub(
        `https://github.com/login/oauth/access_token?client_id=${fake.clientId}&client_secret=${fake.clientSecret}&grant_type=refresh_token&refresh_token=${tokens.refresh_token}`,
        { method: "POST", headers: { accept: "application/json" } },
      ).then((response) => response.json() as Promise<Record<string, unknown>>);
    const fresh = (await refresh()) as unknown as TokenSet;
    expect(fresh.token_type).toBe("bearer");
    token = fresh.access_token;
    await appShell();
    expect(await refresh()).toMatchObject({ error: "bad_refresh_token" });
  });

  /** The Set-Cookie headers of Keystatic's answer, as the browser would send them back, and the access token. */
  function cookiesOf(headers: unknown) {
    const pairs = (headers as [string, string][])
      .filter(([key]) => key === "Set-Cookie")
      .map(([, value]) => value.split(";")[0] ?? "");
    const access = pairs.find((pair) => pair.startsWith("keystatic-gh-access-token="))?.split("=")[1] ?? "";
    return { header: pairs.join("; "), access };
  }

  it("signs Keystatic's own server in and out through the fetch hook", async () => {
    const keystatic = makeGenericAPIRouteHandler({
      config: config({ storage: { kind: "github", repo: `${OWNER}/${NAME}` }, collections: {} }),
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      secret: "s".repeat(64),
    });
    const undo = routeFetchToFake(fake.url);
    try {
      const login = await keystatic(new Request("https://rj.example/api/keystatic/github/login"));
      const authorizeUrl = new Map(login.headers as [string, string][]).get("Location")!;
      const code = new URL((await gitHub(authorizeUrl)).headers.get("location")!).searchParams.get("code")!;
      const callback = await keystatic(
        new Request(`https://rj.example/api/keystatic/github/oauth/callback?code=${code}`),
      );
      const signedIn = cookiesOf(callback.headers);
      expect((await graphQL("GitHubAppShell", { owner: OWNER, name: NAME }, signedIn.access)).errors).toBeUndefined();

      fake.expireTokens();
      const refreshed = await keystatic(
        new Request("https://rj.example/api/keystatic/github/refresh-token", {
          method: "POST",
          headers: { cookie: signedIn.header },
        }),
      );
      expect(refreshed.status).toBe(200);
      const renewed = cookiesOf(refreshed.headers);
      expect(renewed.access).not.toBe(signedIn.access);
      expect((await graphQL("GitHubAppShell", { owner: OWNER, name: NAME }, renewed.access)).errors).toBeUndefined();

      const before = fake.requests.length;
      await keystatic(
        new Request("https://rj.example/api/keystatic/github/logout", { headers: { cookie: renewed.header } }),
      );
      expect(fake.requests.slice(before)).toEqual([
        expect.objectContaining({
          host: "api.github.com",
          method: "DELETE",
          path: `/applications/${fake.clientId}/token`,
          status: 204,
        }),
      ]);
      const afterSignOut = await gitHub("https://api.github.com/user", {
        headers: { authorization: `Bearer ${renewed.access}` },
      });
      expect(afterSignOut.status).toBe(401);
    } finally {
      undo();
    }
    expect(
      fake.requests.filter((request) => request.path.startsWith("/login/oauth/access_token")).length,
    ).toBeGreaterThan(0);
  });

  it("catches a server's fetch to GitHub when the hook is loaded with --import", async () => {
    const { access_token } = fake.issueTokens();
    const script = `const r = await fetch("https://api.github.com/user", { headers: { authorization: "Bearer ${access_token}" } }); console.log(r.status, (await r.json()).login);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      env: {
        ...process.env,
        NODE_OPTIONS: `--import=${join(ROOT, "tools", "fakes", "github", "fetch-hook.ts")}`,
        FAKE_GITHUB_URL: fake.url,
      },
    });
    expect(stdout.trim()).toBe("200 rj-editor");
  });

  it("maps only GitHub's hosts to itself", () => {
    expect(fake.routeFor(new URL("https://api.github.com/graphql"))?.href).toBe(`${fake.url}/api.github.com/graphql`);
    expect(fake.routeFor(new URL("https://example.com/graphql"))).toBeNull();
    expect(fake.routeFor(new URL("http://github.com/login"))).toBeNull();
  });
});
