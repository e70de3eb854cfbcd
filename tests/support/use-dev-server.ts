/** `astro dev` on a throwaway copy for one test file, started and stopped around its tests (tools/project/dev-server.ts). */
import { afterAll, afterEach, beforeAll } from "vitest";
import { startDevServer, type DevServer } from "../../tools/project/dev-server.ts";

export { startDevServer, type DevServer };

/**
 * One `astro dev` for a whole test file: started before its tests and stopped after them. A test
 * that fails prints what the dev server said, which is often the only clue on a CI machine.
 */
export function useDevServer(env: Record<string, string> = {}): () => DevServer {
  let server: DevServer | undefined;
  beforeAll(async () => {
    server = await startDevServer(env);
  }, 90_000);
  afterEach(({ task }) => {
    if (task.result?.state === "fail" && server) console.error(`astro dev printed:\n${server.output()}`);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("astro dev is not running: use the server inside a test.");
    return server;
  };
}
