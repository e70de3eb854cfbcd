/**
 * WebKit for tests: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser on a given X
 * display, the nearest thing on Linux to Safari on an iPhone. Selenium has no launcher for
 * WebKitGTK, so the driver is started here and Selenium talks to it as a remote server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder, Capabilities, type WebDriver } from "selenium-webdriver";

/** Where Debian's webkit2gtk-driver and libwebkit2gtk-4.1-0 put the driver and the browser. */
export const WEBKIT_DRIVER_PATH = process.env["WEBKIT_DRIVER_PATH"] || "/usr/bin/WebKitWebDriver";
export const MINIBROWSER_PATH =
  process.env["MINIBROWSER_PATH"] ||
  `/usr/lib/${process.arch === "arm64" ? "aarch64" : "x86_64"}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;

export interface WebKitOptions {
  /** The X display to draw on, such as ":99" (see xvfb.ts). */
  display: string;
  /** An HTTP proxy for every request, such as "127.0.0.1:41234" (see stand-in.ts). */
  proxy?: string;
  /** Run the page's scripts; false is a visitor with JavaScript off. Default: true. */
  javaScript?: boolean;
  /** Keep left pages in the back/forward (page) cache, as Safari does. Default: true. */
  pageCache?: boolean;
  /** Let Tab reach links. Safari's default leaves them out; WebKitGTK's puts them in. */
  tabsToLinks?: boolean;
  /** More MiniBrowser options, such as "--enable-caret-browsing=true". */
  args?: string[];
}

/** MiniBrowser starts in a second or two; one that cannot reach its display never answers. */
const SESSION_TIMEOUT_MS = 30_000;

export interface WebKit {
  driver: WebDriver;
  /** Ends the session, then the driver, even if the session is already gone. */
  close(): Promise<void>;
}

export async function launchWebKit(options: WebKitOptions): Promise<WebKit> {
  const missing = [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `WebKit for tests is missing (${missing.join(", ")}): install Debian's webkit2gtk-driver ` +
        `(WebKitWebDriver, with libwebkit2gtk-4.1-0's MiniBrowser) and xvfb for its screen, e.g. ` +
        `apt-get install webkit2gtk-driver xvfb.`,
    );
  }
  const { process: driverProcess, url, errors, failed } = await startDriver(options.display);
  const browserArgs = [
    "--automation",
    // The stand-in answers https with a throwaway certificate, so TLS errors are expected.
    "--ignore-tls-errors",
    `--enable-javascript=${options.javaScript ?? true}`,
    `--enable-page-cache=${options.pageCache ?? true}`,
    `--enable-tabs-to-links=${options.tabsToLinks ?? true}`,
    ...(options.proxy ? [`--proxy=http://${options.proxy}`] : []),
    ...(options.args ?? []),
  ];
  const capabilities = new Capabilities()
    .set("browserName", "MiniBrowser")
    .set("webkitgtk:browserOptions", { binary: MINIBROWSER_PATH, args: browserArgs });
  let driver: WebDriver;
  try {
    driver = await Promise.race([
      new Builder().usingServer(url).withCapabilities(capabilities).build(),
      failed,
      sleep(SESSION_TIMEOUT_MS, undefined, { ref: false }).then(() => {
        throw new Error(`no session after ${SESSION_TIMEOUT_MS / 1000} s`);
      }),
    ]);
  } catch (error) {
    await stopDriver(driverProcess);
    throw new Error(
      `MiniBrowser did not start on display ${options.display} (${(error as Error).message}): ` +
        (errors().trim() || "the driver said nothing"),
      { cause: error },
    );
  }
  return {
    driver,
    async close() {
      // A session stuck on a page that never finishes loading may not answer: wait a little.
      await Promise.race([driver.quit().catch(() => {}), sleep(5000, undefined, { ref: false })]);
      await stopDriver(driverProcess);
    },
  };
}

/** Starts WebKitWebDriver on a free loopback port and waits until it answers. */
interface Driver {
  process: ChildProcess;
  url: string;
  /** What the driver and the browser wrote to stderr so far. */
  errors: () => string;
  /** Rejects as soon as the browser says it cannot reach the display, or the driver stops. */
  failed: Promise<never>;
}

async function startDriver(display: string): Promise<Driver> {
  const port = await freePort();
  // A process group of its own, so the browser it starts can be ended with it.
  const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, "--host=127.0.0.1"], {
    env: { ...process.env, DISPLAY: display },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // Should this process end without closing the session, the browser still goes with it.
  const endGroup = () => signalGroup(driverProcess, "SIGKILL");
  process.once("exit", endGroup);
  driverProcess.once("exit", () => process.off("exit", endGroup));
  let errors = "";
  driverProcess.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  driverProcess.on("error", (error) => (errors += error.message));
  const failed = new Promise<never>((_, reject) => {
    driverProcess.stderr?.on("data", () => {
      if (errors.includes("cannot open display")) reject(new Error(`cannot open display ${display}`));
    });
    driverProcess.once("exit", (code) => reject(new Error(`WebKitWebDriver stopped (exit ${code})`)));
  });
  failed.catch(() => {}); // Only ever raced against starting a session; later failures are no one's.
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (driverProcess.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/status`)).ok) return { process: driverProcess, url, errors: () => errors, failed };
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  await stopDriver(driverProcess);
  throw new Error(`WebKitWebDriver did not start on ${url}: ${errors.trim() || "no message"}`);
}

/**
 * Ends the driver and whatever it left running: MiniBrowser outlives a driver that stops, and
 * a session that could not be closed leaves it open on the screen.
 */
async function stopDriver(driverProcess: ChildProcess): Promise<void> {
  const exited =
    driverProcess.exitCode !== null || driverProcess.signalCode !== null
      ? Promise.resolve()
      : once(driverProcess, "exit");
  signalGroup(driverProcess, "SIGTERM");
  await Promise.race([exited, sleep(2000, undefined, { ref: false })]);
  signalGroup(driverProcess, "SIGKILL");
  await exited;
}

/** Signals the driver's process group: the driver and the browser it started. */
function signalGroup(driverProcess: ChildProcess, signal: NodeJS.Signals) {
  if (driverProcess.pid === undefined) return;
  try {
    process.kill(-driverProcess.pid, signal);
  } catch {
    // Nothing left in the group.
  }
}

/** A port nothing listens on now; the driver takes it a moment later. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}
