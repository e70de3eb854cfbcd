/**
 * A virtual screen (Xvfb) for browsers that must draw to a real display: the quick exit is
 * judged by what is on screen, which only a display they paint to can show. Xvfb keeps the
 * screen's pixels in a file (-fbdir), an XWD image it draws into, so the screen can be read
 * in a few milliseconds, at any moment, without asking the X server (see screen-capture.ts).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface VirtualScreen {
  /** The X display, such as ":99", for DISPLAY and for reading the screen back. */
  display: string;
  width: number;
  height: number;
  /** The file that holds the screen's pixels, as an XWD image, kept current by Xvfb. */
  framebuffer: string;
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
  // In memory where there is a memory file system: it is written at every frame.
  const framebufferDirectory = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "xvfb-"));
  const xvfb = spawn(
    "Xvfb",
    ["-displayfd", "3", "-screen", "0", `${width}x${height}x24`, "-fbdir", framebufferDirectory, "-nolisten", "tcp"],
    { stdio: ["ignore", "ignore", "pipe", "pipe"] },
  );
  const removeFramebuffer = () => rmSync(framebufferDirectory, { recursive: true, force: true });
  xvfb.once("exit", removeFramebuffer);
  xvfb.once("error", removeFramebuffer);
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
    framebuffer: join(framebufferDirectory, "Xvfb_screen0"),
    async close() {
      if (xvfb.exitCode !== null || xvfb.signalCode !== null) return;
      xvfb.kill("SIGTERM");
      await once(xvfb, "exit");
    },
  };
}
