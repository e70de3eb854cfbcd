/**
 * A stand-in for GitHub on loopback, for the editor (Keystatic 0.6.x, GitHub mode) to sign in
 * to, read the site from and save pages to in tests, with no request leaving the machine. The
 * repository behind it is a real bare git repository (tools/fakes/github/repo.ts) seeded
 * from the project's files, because Keystatic recomputes git blob and tree ids in the browser:
 * made-up ids would make it think every page had changed.
 *
 * Keystatic's addresses are fixed, so the fake answers GitHub's paths under /<host>/ (see
 * `routeFor` and tools/fakes/github/route.ts): the browser's requests reach it through
 * Playwright's `context.route()`, the site server's through tools/fakes/github/fetch-hook.ts.
 *
 * What Keystatic 0.6.9 sends (read from node_modules/@keystatic/core/dist), and so what is served:
 *
 * Site server (keystatic-core-api-generic.node.js), to github.com and api.github.com:
 * - browser sent to GET https://github.com/login/oauth/authorize?client_id&redirect_uri[&state]:
 *   redirected back to redirect_uri with `code` (and the same `state`).
 * - POST https://github.com/login/oauth/access_token?client_id&client_secret&code, Accept JSON;
 *   the same with grant_type=refresh_token&refresh_token. Keystatic accepts only this JSON:
 *   access_token, expires_in, refresh_token, refresh_token_expires_in, scope, token_type "bearer".
 * - DELETE https://api.github.com/applications/{client_id}/token, Basic client_id:secret,
 *   body {"access_token"} (sign-out).
 *
 * Browser (keystatic-core-ui.js and its chunks), all with `Authorization: Bearer <token>`:
 * - POST https://api.github.com/graphql (urql with graphcache, which adds `__typename` to every
 *   selection below the root; errors must have no `extensions`, or urql leaves `originalError`
 *   empty and Keystatic never sees the `type` it branches on):
 *   - query GitHubAppShell($name, $owner): repository { id isPrivate owner { id login } name
 *     defaultBranchRef { id name } refs(refPrefix: "refs/heads/", first: 100) { nodes { id name
 *     target { __typename id oid ... on Commit { tree { id oid } } } } pageInfo { hasNextPage
 *     endCursor } } viewerPermission forks(affiliations: [OWNER], first: 1) { nodes { …same } } }
 *     viewer { id name login avatarUrl databaseId }. NOT_FOUND/FORBIDDEN → repo-not-found page;
 *     HTTP 401 → sent to sign in again; no defaultBranchRef → "empty repository".
 *   - query FetchMoreRefs($owner, $name, $after): repository.refs(…, after) while hasNextPage.
 *   - query PullRequestForBranch($refId): node(id) { … on Ref { associatedPullRequests(states:
 *     [OPEN], first: 1) { nodes { id number } } } } (not on the default branch).
 *   - query FetchRef($owner, $name, $ref): repository.ref(qualifiedName) { id target { id oid } },
 *     after a STALE_DATA refusal, before trying once more.
 *   - mutation CreateCommit($input: CreateCommitOnBranchInput!): createCommitOnBranch { ref { id
 *     target { id oid … on Commit { tree { id oid } } } } }, input { branch {
 *     repositoryNameWithOwner branchName } expectedHeadOid message { headline } fileChanges {
 *     additions { path contents(base64) } deletions { path } } }. Error types it reads:
 *     BRANCH_PROTECTION_RULE_VIOLATION or a message matching /repository rule violations/i →
 *     "create a new branch" dialog; STALE_DATA → FetchRef and retry; FORBIDDEN "Resource not
 *     accessible by integration" → "install the app" message.
 *   - mutation CreateBranch($input: CreateRefInput!): createRef { __typename ref { …Ref } },
 *     input { name: "refs/heads/<prefix><name>" oid repositoryId }; an error message containing
 *     `"<ref>" is not a valid ref name` is shown as a rule.
 *   - mutation DeleteBranch($refId): deleteRef(input: { refId }) { __typename }.
 * - GET https://api.github.com/repos/{owner}/{repo}/git/trees/{sha}?recursive=1: the tree of a
 *   branch (its tree oid; after STALE_DATA, a commit oid). Keystatic keeps path, mode, type, sha.
 * - GET https://api.github.com/repos/{owner}/{repo}/git/blobs/{sha}, Accept application/vnd.github.raw:
 *   a file's bytes, for a private repository.
 * - GET https://raw.githubusercontent.com/{owner}/{repo}/{commit}/{path}, no credentials: a file's
 *   bytes, for a public repository (isPrivate false).
 * - <img> https://avatars.githubusercontent.com/… (viewer.avatarUrl).
 * - Links only (new tabs): github.com/{repo}, /pull/new/{branch}, /pull/{n}, /tree/{branch}/{path},
 *   /apps/{slug}/installations/new, /{repo}/fork: answered with a stub page.
 * Keystatic 0.6.9 does not call /user/installations; they are served (with /user and
 * /repos/{owner}/{repo}) for tools that do. Nothing else: no service worker, no REST writes.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { buildSchema, graphql, type GraphQLError } from "graphql";
import { createBareRepo, type BareRepo, type CommitInfo } from "./repo.ts";
import { GITHUB_HOSTS, routeToFake } from "./route.ts";

export { GITHUB_HOSTS, routeToFake } from "./route.ts";

const PROJECT_ROOT = join(import.meta.dirname, "..", "..", "..");
/** What the site's editor needs, for tests that want a quick seed. */
export const EDITOR_PATHS = ["content/", "keystatic.config.ts", "package.json", "src/"];
const EIGHT_HOURS = 8 * 60 * 60;
/** GitHub's lifetime for a GitHub App's refresh token: six months. */
const REFRESH_LIFETIME = 15_897_600;
const CODE_LIFETIME_MS = 10 * 60 * 1000;

export type Permission = "ADMIN" | "MAINTAIN" | "WRITE" | "TRIAGE" | "READ";

/** The switches a test may turn while the fake runs. */
export interface FakeGitHubSettings {
  visibility: "public" | "private";
  /**
   * Commits to the default branch are refused: `true` (or "classic") as classic branch
   * protection does, "ruleset" as a repository ruleset does.
   */
  protectMain: boolean | "classic" | "ruleset";
  /** The signed-in user's permission on the repository; below WRITE, commits are refused. */
  viewerPermission: Permission;
}

export interface FakeGitHubOptions extends Partial<FakeGitHubSettings> {
  /** "owner/name"; default west-mercia/rj-site. */
  repo?: string;
  defaultBranch?: string;
  /** The folder to copy into the first commit; default the project root. */
  seedFrom?: string;
  /** Only these git pathspecs of it (e.g. EDITOR_PATHS); default every tracked file. */
  paths?: string[];
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  viewer?: { login: string; name: string; databaseId: number };
  now?: () => number;
}

export interface RecordedRequest {
  /** The GitHub host it was meant for. */
  host: string;
  method: string;
  /** GitHub's path and query. */
  path: string;
  body: string;
  /** For POST /graphql: the operation's name. */
  operationName?: string;
  status: number | undefined;
}

export interface TokenSet {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
  scope: string;
  token_type: "bearer";
}

export interface FakeCommit extends CommitInfo {
  /** Paths the commit added, changed or deleted. */
  files: string[];
}

export interface FakeGitHub {
  /** Loopback origin; GitHub's paths are under /<host>/ (use routeFor). */
  url: string;
  repo: string;
  gitDir: string;
  clientId: string;
  clientSecret: string;
  settings: FakeGitHubSettings;
  /** The fake's URL for a github.com, api.github.com, raw. or avatars.githubusercontent.com URL; null for others. */
  routeFor(url: URL): URL | null;
  requests: RecordedRequest[];
  /** Tokens as the token endpoint would give them, without the sign-in dance. */
  issueTokens(): TokenSet;
  /** Every access token given so far is expired from now on (refresh tokens still work). */
  expireTokens(): void;
  /** An open pull request from `branch`, as Keystatic's PullRequestForBranch finds it; its number. */
  openPullRequest(branch: string): number;
  readFile(branch: string, path: string): Promise<string | null>;
  /** Branch name → head commit id. */
  branches(): Promise<Record<string, string>>;
  /** Newest first. */
  commits(branch: string): Promise<FakeCommit[]>;
  close(): Promise<void>;
}

/** A refusal in GitHub's GraphQL error shape: `type`, no `extensions`. */
class GitHubProblem extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

/** The part of GitHub's GraphQL schema Keystatic uses, with GitHub's names and nullability. */
const SCHEMA = buildSchema(`
  scalar GitObjectID
  scalar Base64String
  scalar URI
  scalar DateTime
  enum RepositoryPermission { ADMIN MAINTAIN WRITE TRIAGE READ }
  enum RepositoryVisibility { PRIVATE PUBLIC INTERNAL }
  enum RepositoryAffiliation { OWNER COLLABORATOR ORGANIZATION_MEMBER }
  enum PullRequestState { OPEN CLOSED MERGED }
  interface Node { id: ID! }
  interface GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! }
  interface RepositoryOwner { id: ID! login: String! avatarUrl(size: Int): URI! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! endCursor: String startCursor: String }
  type Tree implements Node & GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! }
  type Commit implements Node & GitObject {
    id: ID! oid: GitObjectID! abbreviatedOid: String! tree: Tree! message: String! messageHeadline: String!
    committedDate: DateTime!
  }
  type User implements Node & RepositoryOwner {
    id: ID! login: String! name: String avatarUrl(size: Int): URI! databaseId: Int
  }
  type Organization implements Node & RepositoryOwner {
    id: ID! login: String! name: String avatarUrl(size: Int): URI! databaseId: Int
  }
  type PullRequest implements Node { id: ID! number: Int! title: String! state: PullRequestState! headRefName: String! }
  type PullRequestConnection { nodes: [PullRequest] totalCount: Int! }
  type Ref implements Node {
    id: ID! name: String! prefix: String! target: GitObject repository: Repository!
    associatedPullRequests(states: [PullRequestState!], first: Int, last: Int): PullRequestConnection!
  }
  type RefConnection { nodes: [Ref] pageInfo: PageInfo! totalCount: Int! }
  type RepositoryConnection { nodes: [Repository] pageInfo: PageInfo! totalCount: Int! }
  type Repository implements Node {
    id: ID! name: String! nameWithOwner: String! owner: RepositoryOwner! url: URI!
    isPrivate: Boolean! visibility: RepositoryVisibility! viewerPermission: RepositoryPermission
    defaultBranchRef: Ref
    ref(qualifiedName: String!): Ref
    refs(refPrefix: String!, first: Int, after: String, last: Int, before: String, query: String): RefConnection
    forks(affiliations: [RepositoryAffiliation], first: Int, after: String): RepositoryConnection!
  }
  type Query {
    repository(owner: String!, name: String!, followRenames: Boolean): Repository
    viewer: User!
    node(id: ID!): Node
  }
  input CommittableBranch { id: ID repositoryNameWithOwner: String branchName: String }
  input CommitMessage { headline: String! body: String }
  input FileAddition { path: String! contents: Base64String! }
  input FileDeletion { path: String! }
  input FileChanges { additions: [FileAddition!] deletions: [FileDeletion!] }
  input CreateCommitOnBranchInput {
    branch: CommittableBranch! clientMutationId: String expectedHeadOid: GitObjectID!
    fileChanges: FileChanges message: CommitMessage!
  }
  type CreateCommitOnBranchPayload { clientMutationId: String commit: Commit ref: Ref }
  input CreateRefInput { clientMutationId: String name: String! oid: GitObjectID! repositoryId: ID! }
  type CreateRefPayload { clientMutationId: String ref: Ref }
  input DeleteRefInput { clientMutationId: String refId: ID! }
  type DeleteRefPayload { clientMutationId: String }
  type Mutation {
    createCommitOnBranch(input: CreateCommitOnBranchInput!): CreateCommitOnBranchPayload
    createRef(input: CreateRefInput!): CreateRefPayload
    deleteRef(input: DeleteRefInput!): DeleteRefPayload
  }
`);

/** A 1×1 grey PNG, for avatars. */
const AVATAR = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==",
  "base64",
);

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Link, Location, Retry-After, X-GitHub-Request-Id, X-OAuth-Scopes",
};

const base64url = (text: string) => Buffer.from(text).toString("base64url");
const fromBase64url = (text: string) => Buffer.from(text, "base64url").toString("utf8");

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const now = options.now ?? Date.now;
  const repoName = options.repo ?? "west-mercia/rj-site";
  const [owner = "", name = ""] = repoName.split("/");
  const defaultBranch = options.defaultBranch ?? "main";
  const clientId = options.clientId ?? "Iv1.fakegithubclient";
  const clientSecret = options.clientSecret ?? "fake-github-client-secret";
  const tokenLifetime = options.tokenLifetimeSeconds ?? EIGHT_HOURS;
  const viewer = options.viewer ?? { login: "rj-editor", name: "RJ Editor", databaseId: 4242 };
  const settings: FakeGitHubSettings = {
    visibility: options.visibility ?? "private",
    protectMain: options.protectMain ?? false,
    viewerPermission: options.viewerPermission ?? "WRITE",
  };
  const repo = await createBareRepo(options.seedFrom ?? PROJECT_ROOT, defaultBranch, options.paths, now());
  const requests: RecordedRequest[] = [];
  const auth = tokenStore(now, tokenLifetime);
  const pullRequests: { number: number; branch: string }[] = [];
  let writes = Promise.resolve();
  /** Git writes one at a time, so "is the branch still where the caller thinks" holds until the ref moves. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = writes.then(work);
    writes = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };

  const context: GraphContext = {
    repo,
    owner,
    name,
    defaultBranch,
    settings,
    viewer,
    pullRequests,
    now,
    serially,
  };

  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) =>
      handle(request, response, body).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`Fake GitHub: ${String(error)}`);
      }),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    const [, host = "", ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    const record: RecordedRequest = {
      host,
      method: request.method ?? "",
      path: `${path}${url.search}`,
      body: body.toString("utf8"),
      status: undefined,
    };
    requests.push(record);
    const reply = (status: number, headers: Record<string, string>, content: string | Buffer = "") => {
      record.status = status;
      response.writeHead(status, headers).end(content);
    };
    const call: Call = { request, url, path, body, record, reply };
    if (!GITHUB_HOSTS.has(host)) return reply(404, { "content-type": "text/plain" }, "Not a GitHub host");
    if (request.method === "OPTIONS") {
      return reply(204, {
        ...CORS_HEADERS,
        "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
        "access-control-allow-headers": String(request.headers["access-control-request-headers"] ?? "authorization"),
        "access-control-max-age": "86400",
      });
    }
    if (host === "github.com") return web(call);
    if (host === "api.github.com") return api(call);
    if (host === "raw.githubusercontent.com") return raw(call);
    return reply(200, { ...CORS_HEADERS, "content-type": "image/png" }, AVATAR);
  }

  /** github.com: OAuth, and a stub page for the links Keystatic opens in new tabs. */
  function web({ request, url, path, body, reply }: Call): void {
    if (path === "/login/oauth/authorize" && request.method === "GET") {
      const redirectUri = url.searchParams.get("redirect_uri");
      if (url.searchParams.get("client_id") !== clientId || !redirectUri) {
        return reply(404, { "content-type": "text/html" }, "<h1>404</h1><p>Fake GitHub: unknown client_id</p>");
      }
      const back = new URL(redirectUri);
      back.searchParams.set("code", auth.issueCode(redirectUri));
      const state = url.searchParams.get("state");
      if (state !== null) back.searchParams.set("state", state);
      return reply(302, { location: back.href, "content-type": "text/html" });
    }
    if (path === "/login/oauth/access_token" && request.method === "POST") {
      const params = formParams(url, body, request.headers["content-type"]);
      const answer =
        params.get("client_id") !== clientId || params.get("client_secret") !== clientSecret
          ? oauthError("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.")
          : params.get("grant_type") === "refresh_token"
            ? auth.refresh(params.get("refresh_token") ?? "")
            : auth.exchange(params.get("code") ?? "", params.get("redirect_uri"));
      // GitHub answers 200 even for a refused code; form-encoded unless JSON is asked for.
      if (String(request.headers.accept ?? "").includes("json")) {
        return reply(200, { "content-type": "application/json; charset=utf-8" }, JSON.stringify(answer));
      }
      const form = new URLSearchParams(Object.entries(answer).map(([key, value]) => [key, String(value)]));
      return reply(200, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, form.toString());
    }
    const page = `<!doctype html><title>Fake GitHub</title><h1>GitHub stand-in</h1><p>${escapeHtml(path)}</p>`;
    return reply(request.method === "GET" ? 200 : 404, { "content-type": "text/html; charset=utf-8" }, page);
  }

  /** api.github.com: GraphQL, the git trees and blobs, sign-out, and the user's installations. */
  async function api(call: Call): Promise<void> {
    const { request, url, path, body, record, reply } = call;
    const json = (status: number, value: unknown) =>
      reply(status, { ...CORS_HEADERS, "content-type": "application/json; charset=utf-8" }, JSON.stringify(value));
    const notFound = () => json(404, restError("Not Found", "rest"));
    const revoke = /^\/applications\/([^/]+)\/(token|grant)$/.exec(path);
    if (revoke && request.method === "DELETE") {
      const basic = Buffer.from(
        String(request.headers.authorization ?? "").replace(/^Basic /, ""),
        "base64",
      ).toString();
      if (revoke[1] !== clientId || basic !== `${clientId}:${clientSecret}`) return notFound();
      const token = parseJson(body)["access_token"];
      return typeof token === "string" && auth.revoke(token)
        ? reply(204, CORS_HEADERS)
        : json(404, restError("Not Found", "rest/apps/oauth-applications"));
    }

    const who = auth.check(request.headers.authorization);
    if (who === "bad") return json(401, restError("Bad credentials", "rest"));

    if (path === "/graphql" && request.method === "POST") {
      if (who === "anonymous") {
        return json(
          401,
          restError(
            "This endpoint requires you to be authenticated.",
            "graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
          ),
        );
      }
      const payload = parseJson(body);
      if (typeof payload["operationName"] === "string") record.operationName = payload["operationName"];
      return json(200, await runGraphQL(context, payload));
    }
    if (request.method !== "GET") return notFound();
    if (who === "anonymous" && path.startsWith("/user")) return json(401, restError("Requires authentication", "rest"));
    if (path === "/user") return json(200, restUser(viewer));
    if (path === "/user/installations") {
      return json(200, { total_count: 1, installations: [installation(owner, viewer)] });
    }
    if (/^\/user\/installations\/1\/repositories$/.test(path)) {
      return json(200, { total_count: 1, repositories: [restRepository(context)] });
    }

    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!match || !sameName(`${match[1]}/${match[2]}`, repoName)) return notFound();
    // Without a token, a private repository does not exist, as on GitHub.
    if (who === "anonymous" && settings.visibility === "private") return notFound();
    const rest = match[3] ?? "";
    if (rest === "") return json(200, restRepository(context));
    const tree = /^\/git\/trees\/(.+)$/.exec(rest);
    if (tree?.[1]) {
      const treeOid = await repo.resolve(decodeURIComponent(tree[1]), "tree");
      if (!treeOid) return json(404, restError("Not Found", "rest/git/trees#get-a-tree"));
      const recursive = url.searchParams.has("recursive");
      const entries = await repo.tree(treeOid, recursive);
      const apiBase = `https://api.github.com/repos/${repoName}/git`;
      return json(200, {
        sha: treeOid,
        url: `${apiBase}/trees/${treeOid}`,
        tree: entries.map((entry) => ({ ...entry, url: `${apiBase}/${entry.type}s/${entry.sha}` })),
        truncated: false,
      });
    }
    const blob = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest);
    if (blob?.[1]) {
      const bytes = await repo.blob(blob[1]);
      if (!bytes) return json(404, restError("Not Found", "rest/git/blobs#get-a-blob"));
      if (String(request.headers.accept ?? "").includes("application/vnd.github.raw")) {
        return reply(200, { ...CORS_HEADERS, "content-type": "application/vnd.github.raw" }, bytes);
      }
      return json(200, {
        sha: blob[1],
        node_id: `B_${blob[1]}`,
        size: bytes.length,
        url: `https://api.github.com/repos/${repoName}/git/blobs/${blob[1]}`,
        content: `${bytes.toString("base64").replace(/.{60}/g, "$&\n")}\n`,
        encoding: "base64",
      });
    }
    return notFound();
  }

  /** raw.githubusercontent.com/{owner}/{repo}/{commit or branch}/{path}: public repositories only. */
  async function raw({ path, reply }: Call): Promise<void> {
    const notFound = () =>
      reply(404, { ...CORS_HEADERS, "content-type": "text/plain; charset=utf-8" }, "404: Not Found");
    const parts = path.split("/").slice(1).map(decodeURIComponent);
    if (parts.length < 4 || !sameName(`${parts[0]}/${parts[1]}`, repoName) || settings.visibility !== "public") {
      return notFound();
    }
    // A branch name may hold slashes. Git allows no branch beside one named like its folder
    // (editor beside editor/x), so at most one split of the path finds a file.
    for (let cut = 3; cut < parts.length; cut++) {
      const bytes = await repo.file(parts.slice(2, cut).join("/"), parts.slice(cut).join("/"));
      if (bytes) return reply(200, { ...CORS_HEADERS, "content-type": "text/plain; charset=utf-8" }, bytes);
    }
    return notFound();
  }

  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    repo: repoName,
    gitDir: repo.gitDir,
    clientId,
    clientSecret,
    settings,
    routeFor: (target) => routeToFake(target, url),
    requests,
    issueTokens: () => auth.grant(),
    expireTokens: () => auth.expireAll(),
    openPullRequest(branch) {
      const number = pullRequests.length + 1;
      pullRequests.push({ number, branch });
      return number;
    },
    async readFile(branch, path) {
      return (await repo.file(branch, path))?.toString("utf8") ?? null;
    },
    async branches() {
      return Object.fromEntries(await repo.branches());
    },
    async commits(branch) {
      const oids = (await repo.git(["rev-list", `refs/heads/${branch}`])).toString().split("\n").filter(Boolean);
      return Promise.all(
        oids.map(async (oid) => {
          const files = await repo.git(["diff-tree", "--root", "--no-commit-id", "--name-only", "-r", "-z", oid]);
          return { ...(await repo.commit(oid)), files: files.toString("utf8").split("\0").filter(Boolean) };
        }),
      );
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) =>
        server.close(() => {
          repo.remove();
          resolve();
        }),
      );
    },
  };
}

interface Call {
  request: IncomingMessage;
  url: URL;
  /** GitHub's path, without the /<host> prefix. */
  path: string;
  body: Buffer;
  record: RecordedRequest;
  reply: (status: number, headers: Record<string, string>, content?: string | Buffer) => void;
}

/** Codes, access tokens and refresh tokens, with GitHub's lifetimes and single use. */
function tokenStore(now: () => number, lifetimeSeconds: number) {
  const codes = new Map<string, { redirectUri: string; expiresAt: number }>();
  const access = new Map<string, { expiresAt: number }>();
  const refreshTokens = new Map<string, { expiresAt: number }>();
  const token = (prefix: string, length: number) =>
    `${prefix}_${randomBytes(length).toString("base64url").replace(/[-_]/g, "x").slice(0, length)}`;

  function grant(): TokenSet {
    const accessToken = token("ghu", 36);
    const refreshToken = token("ghr", 76);
    access.set(accessToken, { expiresAt: now() + lifetimeSeconds * 1000 });
    refreshTokens.set(refreshToken, { expiresAt: now() + REFRESH_LIFETIME * 1000 });
    return {
      access_token: accessToken,
      expires_in: lifetimeSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_LIFETIME,
      scope: "",
      token_type: "bearer",
    };
  }

  return {
    grant,
    issueCode(redirectUri: string): string {
      const code = randomBytes(10).toString("hex");
      codes.set(code, { redirectUri, expiresAt: now() + CODE_LIFETIME_MS });
      return code;
    },
    exchange(code: string, redirectUri: string | null): TokenSet | OAuthError {
      const known = codes.get(code);
      codes.delete(code);
      if (!known || known.expiresAt < now()) {
        return oauthError("bad_verification_code", "The code passed is incorrect or expired.");
      }
      if (redirectUri !== null && redirectUri !== known.redirectUri) {
        return oauthError(
          "redirect_uri_mismatch",
          "The redirect_uri MUST match the registered callback URL for this application.",
        );
      }
      return grant();
    },
    refresh(refreshToken: string): TokenSet | OAuthError {
      const known = refreshTokens.get(refreshToken);
      // Each refresh token works once: GitHub gives a new one with the new access token.
      refreshTokens.delete(refreshToken);
      if (!known || known.expiresAt < now()) {
        return oauthError("bad_refresh_token", "The refresh token passed is incorrect or expired.");
      }
      return grant();
    },
    /** "anonymous" without an Authorization header, "bad" for an unknown, expired or revoked token. */
    check(header: string | undefined): "ok" | "anonymous" | "bad" {
      if (!header) return "anonymous";
      const known = access.get(header.replace(/^(bearer|token) /i, ""));
      return known && known.expiresAt > now() ? "ok" : "bad";
    },
    /** False for a token GitHub no longer knows (unknown, revoked or expired). */
    revoke(accessToken: string): boolean {
      const known = access.get(accessToken);
      access.delete(accessToken);
      return known !== undefined && known.expiresAt > now();
    },
    expireAll() {
      for (const entry of access.values()) entry.expiresAt = now() - 1;
    },
  };
}

interface OAuthError {
  error: string;
  error_description: string;
  error_uri: string;
}

function oauthError(error: string, description: string): OAuthError {
  return {
    error,
    error_description: description,
    error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
  };
}

function restError(message: string, docs: string) {
  return {
    message,
    documentation_url: `https://docs.github.com/${docs}`,
    status: message === "Not Found" ? "404" : "401",
  };
}

// GraphQL: GitHub's schema subset above, answered from the bare repository.

interface GraphContext {
  repo: BareRepo;
  owner: string;
  name: string;
  defaultBranch: string;
  settings: FakeGitHubSettings;
  viewer: { login: string; name: string; databaseId: number };
  pullRequests: { number: number; branch: string }[];
  now: () => number;
  serially<T>(work: () => Promise<T>): Promise<T>;
}

const REPOSITORY_ID = "R_kgDOFakeRepo";
const refId = (branch: string) => `REF_${base64url(`refs/heads/${branch}`)}`;
const avatarUrl = (databaseId: number) => `https://avatars.githubusercontent.com/u/${databaseId}?v=4`;

async function runGraphQL(context: GraphContext, payload: Record<string, unknown>) {
  const result = await graphql({
    schema: SCHEMA,
    source: typeof payload["query"] === "string" ? payload["query"] : "",
    variableValues: (payload["variables"] ?? null) as Record<string, unknown> | null,
    operationName: typeof payload["operationName"] === "string" ? payload["operationName"] : null,
    rootValue: rootValue(context),
  });
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map(gitHubError) };
}

/** GitHub's own refusals carry `type` and no `extensions`; graphql-js's own (a bad query) pass as they are. */
function gitHubError(error: GraphQLError) {
  if (!(error.originalError instanceof GitHubProblem)) return error.toJSON();
  return { type: error.originalError.type, path: error.path, locations: error.locations, message: error.message };
}

function rootValue(context: GraphContext) {
  const { repo, owner, name, settings } = context;
  return {
    repository({ owner: askedOwner, name: askedName }: { owner: string; name: string }) {
      if (!sameName(`${askedOwner}/${askedName}`, `${owner}/${name}`)) {
        throw new GitHubProblem(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${askedOwner}/${askedName}'.`,
        );
      }
      return repositoryNode(context);
    },
    viewer: () => userNode(context.viewer),
    async node({ id }: { id: string }) {
      if (id === REPOSITORY_ID) return repositoryNode(context);
      const branch = id.startsWith("REF_") ? fromBase64url(id.slice(4)).replace(/^refs\/heads\//, "") : null;
      const head = branch === null ? undefined : (await repo.branches()).get(branch);
      if (branch !== null && head) return refNode(context, branch, head);
      const commit = /^C_([0-9a-f]{40})$/.exec(id)?.[1];
      if (commit && (await repo.resolve(commit, "commit"))) return commitNode(context, commit);
      throw new GitHubProblem("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
    },
    createCommitOnBranch: ({ input }: { input: CommitInput }) => context.serially(() => createCommit(context, input)),
    createRef: ({ input }: { input: { name: string; oid: string; repositoryId: string; clientMutationId?: string } }) =>
      context.serially(async () => {
        if (input.repositoryId !== REPOSITORY_ID) {
          throw new GitHubProblem(
            "NOT_FOUND",
            `Could not resolve to a node with the global id of '${input.repositoryId}'`,
          );
        }
        refuseBelowWrite(settings);
        const valid = input.name.startsWith("refs/heads/") && (await isValidRefName(repo, input.name));
        if (!valid) throw new GitHubProblem("UNPROCESSABLE", `"${input.name}" is not a valid ref name.`);
        const branch = input.name.slice("refs/heads/".length);
        if ((await repo.branches()).has(branch)) {
          throw new GitHubProblem("UNPROCESSABLE", `A ref named "${input.name}" already exists in the repository.`);
        }
        if (!(await repo.resolve(input.oid, "commit")) || !/^[0-9a-f]{40}$/.test(input.oid)) {
          throw new GitHubProblem("UNPROCESSABLE", `Object ${input.oid} does not exist`);
        }
        await repo.setBranch(branch, input.oid, null);
        return { clientMutationId: input.clientMutationId ?? null, ref: refNode(context, branch, input.oid) };
      }),
    deleteRef: ({ input }: { input: { refId: string; clientMutationId?: string } }) =>
      context.serially(async () => {
        refuseBelowWrite(settings);
        const branch = input.refId.startsWith("REF_")
          ? fromBase64url(input.refId.slice(4)).replace(/^refs\/heads\//, "")
          : "";
        if (!(await repo.branches()).has(branch)) {
          throw new GitHubProblem("NOT_FOUND", `Could not resolve to a node with the global id of '${input.refId}'`);
        }
        if (branch === context.defaultBranch) {
          throw new GitHubProblem("UNPROCESSABLE", "Cannot delete the default branch of a repository.");
        }
        await repo.deleteBranch(branch);
        return { clientMutationId: input.clientMutationId ?? null };
      }),
  };
}

interface CommitInput {
  branch: { id?: string; repositoryNameWithOwner?: string; branchName?: string };
  expectedHeadOid: string;
  message: { headline: string; body?: string };
  fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
  clientMutationId?: string;
}

async function createCommit(context: GraphContext, input: CommitInput) {
  const { repo, owner, name, settings, defaultBranch } = context;
  const named = input.branch.repositoryNameWithOwner;
  if (named !== undefined && !sameName(named, `${owner}/${name}`)) {
    throw new GitHubProblem("NOT_FOUND", `Could not resolve to a Repository with the name '${named}'.`);
  }
  const branch =
    input.branch.branchName ??
    (input.branch.id?.startsWith("REF_") ? fromBase64url(input.branch.id.slice(4)).slice(11) : "");
  const head = (await repo.branches()).get(branch);
  if (!head) throw new GitHubProblem("NOT_FOUND", `Could not resolve to a Ref with the name 'refs/heads/${branch}'.`);
  refuseBelowWrite(settings);
  if (settings.protectMain && branch === defaultBranch) {
    if (settings.protectMain === "ruleset") {
      throw new GitHubProblem(
        "UNPROCESSABLE",
        `Repository rule violations found\n\nChanges must be made through a pull request.\n\n`,
      );
    }
    throw new GitHubProblem(
      "BRANCH_PROTECTION_RULE_VIOLATION",
      `Protected branch update failed for refs/heads/${branch}.\n\nChanges must be made through a pull request.`,
    );
  }
  if (input.expectedHeadOid !== head) {
    throw new GitHubProblem(
      "STALE_DATA",
      `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
    );
  }
  const deletions = (input.fileChanges?.deletions ?? []).map((deletion) => deletion.path);
  for (const path of deletions) {
    if (!(await repo.file(head, path))) {
      throw new GitHubProblem(
        "UNPROCESSABLE",
        `A path was requested for deletion which does not exist as of commit oid \`${head}\``,
      );
    }
  }
  const additions = (input.fileChanges?.additions ?? []).map(({ path, contents }) => ({
    path,
    contents: Buffer.from(contents, "base64"),
  }));
  const message = [input.message.headline, input.message.body].filter(Boolean).join("\n\n");
  const oid = await repo.writeCommit(head, { additions, deletions, message, date: context.now() });
  await repo.setBranch(branch, oid, head);
  return {
    clientMutationId: input.clientMutationId ?? null,
    commit: commitNode(context, oid),
    ref: refNode(context, branch, oid),
  };
}

function refuseBelowWrite(settings: FakeGitHubSettings): void {
  if (settings.viewerPermission === "READ" || settings.viewerPermission === "TRIAGE") {
    throw new GitHubProblem("FORBIDDEN", "Resource not accessible by integration");
  }
}

async function isValidRefName(repo: BareRepo, ref: string): Promise<boolean> {
  try {
    await repo.git(["check-ref-format", ref]);
    return true;
  } catch {
    return false;
  }
}

function repositoryNode(context: GraphContext) {
  const { repo, owner, name, settings, defaultBranch } = context;
  return {
    __typename: "Repository",
    id: REPOSITORY_ID,
    name,
    nameWithOwner: `${owner}/${name}`,
    url: `https://github.com/${owner}/${name}`,
    owner:
      owner === context.viewer.login
        ? userNode(context.viewer)
        : {
            __typename: "Organization",
            id: `O_${base64url(owner)}`,
            login: owner,
            name: owner,
            databaseId: 1,
            avatarUrl: avatarUrl(1),
          },
    isPrivate: settings.visibility === "private",
    visibility: settings.visibility.toUpperCase(),
    viewerPermission: settings.viewerPermission,
    async defaultBranchRef() {
      const head = (await repo.branches()).get(defaultBranch);
      return head ? refNode(context, defaultBranch, head) : null;
    },
    async ref({ qualifiedName }: { qualifiedName: string }) {
      const branch = qualifiedName.replace(/^refs\/heads\//, "");
      const head = (await repo.branches()).get(branch);
      return head ? refNode(context, branch, head) : null;
    },
    async refs({ refPrefix, first, after }: { refPrefix: string; first?: number | null; after?: string | null }) {
      const all = refPrefix === "refs/heads/" ? [...(await repo.branches())].sort(([a], [b]) => (a < b ? -1 : 1)) : [];
      const start = after ? Number(fromBase64url(after).replace("cursor:", "")) + 1 : 0;
      const page = all.slice(start, start + Math.min(first ?? 100, 100));
      const end = start + page.length - 1;
      return {
        __typename: "RefConnection",
        nodes: page.map(([branch, head]) => refNode(context, branch, head)),
        totalCount: all.length,
        pageInfo: {
          hasNextPage: end < all.length - 1,
          hasPreviousPage: start > 0,
          startCursor: page.length ? base64url(`cursor:${start}`) : null,
          endCursor: page.length ? base64url(`cursor:${end}`) : null,
        },
      };
    },
    forks: () => ({
      nodes: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    }),
  };
}

function refNode(context: GraphContext, branch: string, head: string) {
  return {
    __typename: "Ref",
    id: refId(branch),
    name: branch,
    prefix: "refs/heads/",
    target: () => commitNode(context, head),
    repository: () => repositoryNode(context),
    associatedPullRequests({ first }: { first?: number | null }) {
      const open = context.pullRequests.filter((pull) => pull.branch === branch);
      return {
        nodes: open.slice(0, first ?? 100).map((pull) => ({
          __typename: "PullRequest",
          id: `PR_${pull.number}`,
          number: pull.number,
          title: `Changes from ${branch}`,
          state: "OPEN",
          headRefName: branch,
        })),
        totalCount: open.length,
      };
    },
  };
}

async function commitNode(context: GraphContext, oid: string) {
  const info = await context.repo.commit(oid);
  return {
    __typename: "Commit",
    id: `C_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    tree: { __typename: "Tree", id: `T_${info.tree}`, oid: info.tree, abbreviatedOid: info.tree.slice(0, 7) },
    message: info.message,
    messageHeadline: info.message.split("\n")[0] ?? "",
    committedDate: new Date(info.date).toISOString(),
  };
}

function userNode(viewer: { login: string; name: string; databaseId: number }) {
  return {
    __typename: "User",
    id: `U_${base64url(viewer.login)}`,
    login: viewer.login,
    name: viewer.name,
    databaseId: viewer.databaseId,
    avatarUrl: avatarUrl(viewer.databaseId),
  };
}

// REST shapes, trimmed to the fields tools read.

function restUser(viewer: { login: string; name: string; databaseId: number }) {
  return {
    login: viewer.login,
    id: viewer.databaseId,
    node_id: `U_${base64url(viewer.login)}`,
    avatar_url: avatarUrl(viewer.databaseId),
    name: viewer.name,
    type: "User",
  };
}

function installation(owner: string, viewer: { login: string; name: string; databaseId: number }) {
  return {
    id: 1,
    app_id: 1,
    app_slug: "fake-keystatic",
    account: {
      login: owner,
      id: owner === viewer.login ? viewer.databaseId : 1,
      type: owner === viewer.login ? "User" : "Organization",
    },
    repository_selection: "selected",
    permissions: { contents: "write", metadata: "read", pull_requests: "write" },
  };
}

function restRepository(context: GraphContext) {
  const { owner, name, settings, defaultBranch } = context;
  const write = !["READ", "TRIAGE"].includes(settings.viewerPermission);
  return {
    id: 1,
    node_id: REPOSITORY_ID,
    name,
    full_name: `${owner}/${name}`,
    owner: { login: owner },
    private: settings.visibility === "private",
    visibility: settings.visibility,
    default_branch: defaultBranch,
    html_url: `https://github.com/${owner}/${name}`,
    permissions: {
      admin: settings.viewerPermission === "ADMIN",
      maintain: write,
      push: write,
      triage: true,
      pull: true,
    },
  };
}

// Small helpers.

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function parseJson(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** OAuth parameters: in the query (as Keystatic sends them), a form body or a JSON body. */
function formParams(url: URL, body: Buffer, contentType: string | undefined): URLSearchParams {
  const params = new URLSearchParams(url.search);
  const fromBody = String(contentType ?? "").includes("json")
    ? Object.entries(parseJson(body)).map(([key, value]) => [key, String(value)])
    : [...new URLSearchParams(body.toString("utf8"))];
  for (const [key, value] of fromBody) if (key && !params.has(key)) params.set(key, value ?? "");
  return params;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
