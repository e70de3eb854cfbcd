/**
 * A virtual screen (Xvfb) for browsers that must draw to a real display: Firefox and WebKit
 * are judged by what is on screen, which only a display they paint to can show.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";

export interface VirtualScreen {
  /** The X display, such as ":99", for DISPLAY and for reading the screen back. */
  display: string;
  width: number;
  height: number;
  close(): Promise<void>;
}

export interface VirtualScreenOptions {
  width?: number;
  height?: number;
}

/** Starts Xvfb on the first free display; it says which through -displayfd once it is ready. */
export async function startVirtualScreen({
  width = 1280,
  height = 800,
}: VirtualScreenOptions = {}): Promise<VirtualScreen> {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", `${width}x${height}x24`, "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let errors = "";
  xvfb.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const displayNumber = await new Promise<string>((resolve, reject) => {
    let said = "";
    const readyPipe = xvfb.stdio[3] as NodeJS.ReadableStream;
    readyPipe.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("\n")) resolve(said.trim());
    });
    xvfb.once("error", (error) =>
      reject(new Error(`Xvfb could not start (${error.message}): install Debian's xvfb package.`)),
    );
    xvfb.once("exit", (code) => reject(new Error(`Xvfb stopped (exit ${code}): ${errors.trim()}`)));
  });
  return {
    display: `:${displayNumber}`,
    width,
    height,
    async close() {
      if (xvfb.exitCode !== null || xvfb.signalCode !== null) return;
      xvfb.kill("SIGTERM");
      await once(xvfb, "exit");
    },
  };
}
