/**
 * `astro dev` (what `npm start` runs) in a throwaway copy of the project, so the editor's local
 * mode saves into the copy's content/ and never into the real one. Used by the editor's browser
 * tests and by scripts/editor-screenshots.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { buildEnvironment, projectCopy, type ProjectCopy } from "./copy.ts";

export interface DevServer {
  url: string;
  project: ProjectCopy;
  /** Everything astro dev has printed so far, to show when something fails. */
  output(): string;
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

export async function startDevServer(env: Record<string, string> = {}): Promise<DevServer> {
  const project = projectCopy();
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(project.dir, "node_modules", ".bin", "astro"),
    ["dev", "--port", String(port), "--host", "127.0.0.1"],
    {
      cwd: project.dir,
      // Without what Vitest adds (under VITEST=true, astro dev answers every page 404).
      env: buildEnvironment(env),
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
    output: () => output,
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
