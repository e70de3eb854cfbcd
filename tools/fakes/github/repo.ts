/**
 * The real git repository behind the GitHub stand-in (tools/fakes/github/server.ts): a bare
 * repository in a temporary folder, written and read with the git command line, so every
 * object id is the one GitHub would give. Keystatic recomputes blob and tree ids in the browser
 * and compares them with what the API says, so ids made up by a fake would not do.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
/** Left out when a folder that is not a git work tree is the seed. */
const NOT_SEEDED = new Set(["node_modules", ".git", "dist", ".astro", ".netlify", ".outbox", "test-results"]);

/** One line of `git ls-tree -l`: what GitHub's tree API lists, less its URLs. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** Blobs only. */
  size?: number;
}

export interface CommitInfo {
  oid: string;
  tree: string;
  parents: string[];
  message: string;
  /** Committer time, ms. */
  date: number;
}

export interface BareRepo {
  gitDir: string;
  git(args: string[], input?: string | Buffer): Promise<Buffer>;
  /** refs/heads/* as branch name → commit id. */
  branches(): Promise<Map<string, string>>;
  /** A commit, tree or blob id for `rev` (a sha, a branch name), or null. */
  resolve(rev: string, type: "commit" | "tree" | "blob"): Promise<string | null>;
  commit(oid: string): Promise<CommitInfo>;
  tree(treeish: string, recursive: boolean): Promise<TreeEntry[]>;
  blob(oid: string): Promise<Buffer | null>;
  /** The file at `path` as of `rev`, or null. */
  file(rev: string, path: string): Promise<Buffer | null>;
  /**
   * A new commit on top of `parent` with these files written and deleted; returns its id.
   * It does not move any branch.
   */
  writeCommit(
    parent: string,
    change: { additions: { path: string; contents: Buffer }[]; deletions: string[]; message: string; date: number },
  ): Promise<string>;
  /** Moves (or creates, with `old` null) a branch, only if it still points at `old`. */
  setBranch(name: string, oid: string, old: string | null): Promise<void>;
  deleteBranch(name: string): Promise<void>;
  remove(): void;
}

const IDENTITY = { name: "Fake GitHub", email: "noreply@github.invalid" };

/** Environment for commits: a fixed identity and date, so the same change gets the same id. */
function commitEnv(gitDir: string, date: number): NodeJS.ProcessEnv {
  const when = `${Math.floor(date / 1000)} +0000`;
  return {
    ...process.env,
    GIT_DIR: gitDir,
    GIT_AUTHOR_NAME: IDENTITY.name,
    GIT_AUTHOR_EMAIL: IDENTITY.email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: IDENTITY.name,
    GIT_COMMITTER_EMAIL: IDENTITY.email,
    GIT_COMMITTER_DATE: when,
    // The machine's own git settings (hooks, filters, signing) have no say in the fake's repository.
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
  };
}

function gitIn(gitDir: string, env: NodeJS.ProcessEnv = commitEnv(gitDir, Date.now())) {
  return (args: string[], input?: string | Buffer): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const child = spawn("git", args, { env });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code === 0) resolve(Buffer.concat(out));
        else reject(new Error(`git ${args.join(" ")}: ${Buffer.concat(err).toString("utf8").trim()}`));
      });
      child.stdin.end(input);
    });
}

/** The files to seed with, relative to `dir`: git's tracked files, or every file outside NOT_SEEDED. */
async function seedFiles(dir: string, paths: string[] | undefined): Promise<string[]> {
  try {
    const { stdout } = await run("git", ["-C", dir, "ls-files", "-z", "--", ...(paths ?? [])], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split("\0").filter(Boolean);
  } catch {
    const all = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .filter((path) => !NOT_SEEDED.has(path.split("/")[0] ?? ""));
    return paths
      ? all.filter((path) => paths.some((p) => path === p || path.startsWith(`${p.replace(/\/$/, "")}/`)))
      : all;
  }
}

/**
 * A bare repository whose `branch` holds one commit of `paths` (default: every tracked file) of
 * the folder `from`, as they are on disk now (uncommitted edits included).
 */
export async function createBareRepo(
  from: string,
  branch: string,
  paths?: string[],
  date = Date.now(),
): Promise<BareRepo> {
  const gitDir = mkdtempSync(join(tmpdir(), "fake-github-"));
  const git = gitIn(gitDir);
  await git(["init", "--bare", "--quiet", `--initial-branch=${branch}`, gitDir]);
  const files = await seedFiles(from, paths);
  // Git's own hashing of the files, through an index of the fake's: nothing is copied twice.
  const seedIndex = join(gitDir, "seed-index");
  const seed = gitIn(gitDir, { ...commitEnv(gitDir, date), GIT_INDEX_FILE: seedIndex, GIT_WORK_TREE: from });
  await seed(["update-index", "--add", "-z", "--stdin"], files.join("\0"));
  const tree = (await seed(["write-tree"])).toString().trim();
  const first = (await seed(["commit-tree", tree, "-m", "Copy of the site for the GitHub stand-in"])).toString().trim();
  await git(["update-ref", `refs/heads/${branch}`, first]);
  rmSync(seedIndex, { force: true });
  return bareRepo(gitDir);
}

function bareRepo(gitDir: string): BareRepo {
  const git = gitIn(gitDir);
  const commits = new Map<string, CommitInfo>();

  async function resolve(rev: string, type: "commit" | "tree" | "blob"): Promise<string | null> {
    if (!/^[\w./-]+$/.test(rev) || rev.startsWith("-")) return null;
    try {
      return (await git(["rev-parse", "--verify", "--quiet", `${rev}^{${type}}`])).toString().trim() || null;
    } catch {
      return null;
    }
  }

  async function commit(oid: string): Promise<CommitInfo> {
    const known = commits.get(oid);
    if (known) return known;
    const text = (await git(["cat-file", "commit", oid])).toString("utf8");
    const [head = "", ...body] = text.split("\n\n");
    const lines = head.split("\n");
    const field = (name: string) =>
      lines.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
    const committer = field("committer")[0] ?? "";
    const info: CommitInfo = {
      oid,
      tree: field("tree")[0] ?? "",
      parents: field("parent"),
      message: body.join("\n\n").replace(/\n$/, ""),
      date: Number(/ (\d+) [+-]\d{4}$/.exec(committer)?.[1] ?? 0) * 1000,
    };
    commits.set(oid, info);
    return info;
  }

  async function tree(treeish: string, recursive: boolean): Promise<TreeEntry[]> {
    const out = await git(["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), treeish]);
    return out
      .toString("utf8")
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf("\t");
        const [mode = "", type = "", sha = "", size = "-"] = line.slice(0, tab).split(/ +/);
        const entry: TreeEntry = { path: line.slice(tab + 1), mode, type: type as TreeEntry["type"], sha };
        if (size !== "-") entry.size = Number(size);
        return entry;
      });
  }

  async function blob(oid: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{40}$/.test(oid)) return null;
    try {
      return await git(["cat-file", "blob", oid]);
    } catch {
      return null;
    }
  }

  return {
    gitDir,
    git,
    resolve,
    commit,
    tree,
    blob,
    async branches() {
      const out = await git(["for-each-ref", "--format=%(refname:strip=2) %(objectname)", "refs/heads/"]);
      return new Map(
        out
          .toString("utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => {
            const space = line.lastIndexOf(" ");
            return [line.slice(0, space), line.slice(space + 1)] as const;
          }),
      );
    },
    async file(rev, path) {
      if (!/^[\w./-]+$/.test(rev) || rev.startsWith("-")) return null;
      try {
        return await git(["cat-file", "blob", `${rev}:${path}`]);
      } catch {
        return null;
      }
    },
    async writeCommit(parent, { additions, deletions, message, date }) {
      const index = join(gitDir, `index-${process.pid}-${Math.random().toString(36).slice(2)}`);
      const env = { ...commitEnv(gitDir, date), GIT_INDEX_FILE: index };
      const inIndex = gitIn(gitDir, env);
      try {
        await inIndex(["read-tree", parent]);
        const lines: string[] = [];
        for (const path of deletions) lines.push(`0 ${"0".repeat(40)}\t${path}`);
        for (const { path, contents } of additions) {
          const sha = (await git(["hash-object", "-w", "--stdin"], contents)).toString().trim();
          lines.push(`100644 ${sha}\t${path}`);
        }
        await inIndex(["update-index", "-z", "--index-info"], lines.map((line) => `${line}\0`).join(""));
        const newTree = (await inIndex(["write-tree"])).toString().trim();
        return (await inIndex(["commit-tree", newTree, "-p", parent, "-m", message])).toString().trim();
      } finally {
        rmSync(index, { force: true });
      }
    },
    async setBranch(name, oid, old) {
      await git(["update-ref", `refs/heads/${name}`, oid, old ?? ""]);
    },
    async deleteBranch(name) {
      await git(["update-ref", "-d", `refs/heads/${name}`]);
    },
    remove: () => rmSync(gitDir, { recursive: true, force: true }),
  };
}
