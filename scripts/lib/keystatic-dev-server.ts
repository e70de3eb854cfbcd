/**
 * `astro dev` (what `npm start` runs) in a throwaway copy of the project, so the editor's local
 * mode saves into the copy's content/ and never into the real one. Used by the editor's browser
 * tests and by scripts/editor-screenshots.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { projectCopy, type ProjectCopy } from "./project-copy.ts";

export interface DevServer {
  url: string;
  project: ProjectCopy;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * What Vitest adds to the environment (its own flags and a copy of import.meta.env). Left in,
 * `astro dev` sees VITEST and answers every page 404, so it gets the environment `npm start` has.
 */
const TEST_RUNNER_VARIABLES = /^(?:VITEST(?:_.*)?|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/;

function runnerFree(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !TEST_RUNNER_VARIABLES.test(name)));
}

export async function startDevServer(env: Record<string, string> = {}): Promise<DevServer> {
  const project = projectCopy();
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(project.dir, "node_modules", ".bin", "astro"),
    ["dev", "--port", String(port), "--host", "127.0.0.1"],
    {
      cwd: project.dir,
      env: { ...runnerFree(process.env), ASTRO_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev stopped:\n${output}`);
    try {
      // The admin's own page, not an error page from something else on the port.
      if ((await fetch(`${url}/keystatic`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    project,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
      project.remove();
    },
  };
}
