/**
 * The one Chromium every browser check uses: CHROME_PATH if set, else the build that ships
 * inside the @sparticuz/chromium package, so no test ever downloads a browser.
 */
import sparticuz from "@sparticuz/chromium";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/**
 * Flags for a closed network and a root user: no sandbox, and none of Chromium's own
 * background calls home, which would only fail here and slow every start.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export async function chromiumPath(): Promise<string> {
  return process.env["CHROME_PATH"] || (await sparticuz.executablePath());
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
