/**
 * `npm run preview`: the built site (`dist/`) served the way Netlify serves it, offline
 * (tools/netlify/preview.ts says how).
 *
 *   npm run build && npm run preview
 *   PORT=8080 HOST=0.0.0.0 npm run preview
 */
import path from "node:path";
import process from "node:process";
import { startPreview } from "../tools/netlify/preview.ts";

const port = Number(process.env["PORT"] ?? 4321);
const host = process.env["HOST"] ?? "localhost";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[preview] PORT must be a port number, not "${process.env["PORT"]}".`);
  process.exit(1);
}
try {
  const preview = await startPreview({ port, host });
  console.log(
    `[preview] Serving ${path.relative(process.cwd(), preview.publishDir) || "."} as Netlify would, at ${preview.url}/`,
  );
  console.log("[preview] Press Ctrl+C to stop.");
  const stop = (signal: NodeJS.Signals) => {
    console.log(`[preview] ${signal}: stopping.`);
    // A second signal, or a shutdown that hangs, ends the process anyway.
    process.once(signal, () => process.exit(1));
    const timer = setTimeout(() => process.exit(1), 5000);
    timer.unref();
    preview.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`[preview] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
