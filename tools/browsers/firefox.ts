/**
 * Firefox for the browser checks: Debian's firefox-esr, driven by puppeteer-core over WebDriver
 * BiDi, drawing HEADED on a virtual screen (xvfb.ts), so a test can judge what is on screen.
 * Each launch gets a fresh profile in a temporary folder, which puppeteer removes on close.
 * Its requests go through the stand-in (stand-in.ts), and Firefox's own calls home are off.
 */
import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

/** Debian's package; FIREFOX_PATH points elsewhere, as CHROME_PATH does for Chromium. */
export const FIREFOX_PATH = process.env["FIREFOX_PATH"] || "/usr/bin/firefox-esr";

/**
 * Firefox's background traffic, switched off: with every request sent to the stand-in, any
 * left on would show up as a stray request (and, without it, try to leave the machine).
 * The remote agent already turns off most such services; these are the rest, and the ones
 * that matter most, said again so they hold whatever the agent's defaults become.
 */
export const QUIET_FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  "app.normandy.enabled": false,
  "app.shield.optoutstudies.enabled": false,
  "app.update.auto": false,
  "app.update.disabledForTesting": true,
  "browser.aboutwelcome.enabled": false,
  // No favicon fetches: they are the browser's, not the page's, and would muddle what a page sent.
  "browser.chrome.site_icons": false,
  "browser.newtabpage.enabled": false,
  "browser.ping-centre.telemetry": false,
  "browser.region.network.url": "",
  "browser.region.update.enabled": false,
  "browser.safebrowsing.blockedURIs.enabled": false,
  "browser.safebrowsing.downloads.enabled": false,
  "browser.safebrowsing.downloads.remote.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.safebrowsing.provider.google4.updateURL": "",
  "browser.safebrowsing.provider.mozilla.updateURL": "",
  "browser.search.update": false,
  "browser.topsites.contile.enabled": false,
  "browser.urlbar.quicksuggest.enabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "datareporting.usage.uploadEnabled": false,
  "dom.push.connection.enabled": false,
  "extensions.systemAddon.update.enabled": false,
  "extensions.update.enabled": false,
  "identity.fxaccounts.enabled": false,
  "media.gmp-gmpopenh264.enabled": false,
  "media.gmp-manager.updateEnabled": false,
  "messaging-system.rsexperimentloader.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.http.speculative-parallel-limit": 0,
  "network.predictor.enabled": false,
  "network.prefetch-next": false,
  // 5: DNS over HTTPS off, so no resolver is asked either.
  "network.trr.mode": 5,
  // 0: no OCSP queries for certificates.
  "security.OCSP.enabled": 0,
  "security.remote_settings.crlite_filters.enabled": false,
  "security.remote_settings.intermediates.enabled": false,
  // Remote settings honour this only in tests (MOZ_DISABLE_NONLOCAL_CONNECTIONS), then skip
  // every download when it is exactly the remote agent's dummy address.
  "services.settings.server": "data:,#remote-settings-dummy/v1",
  "toolkit.telemetry.archive.enabled": false,
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.server": "data:,",
  "toolkit.telemetry.unified": false,
};

export interface FirefoxOptions {
  /** The X display to draw on, such as ":99" (see startVirtualScreen). */
  display: string;
  /** An HTTP proxy, "host:port", for every request, loopback included (see startStandIn). */
  proxy?: string;
  /** False runs pages with JavaScript off for the whole browser. Default true. */
  javaScript?: boolean;
  /** The window's size in screen pixels; it sits at the screen's top left. Default 1280x800. */
  width?: number;
  height?: number;
  /** More preferences, applied last. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxOptions): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox is not installed at ${FIREFOX_PATH}: install Debian's firefox-esr package ` +
        "(apt-get install firefox-esr), or set FIREFOX_PATH to a Firefox.",
    );
  }
  const { display, proxy, javaScript = true, width = 1280, height = 800 } = options;
  return puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: FIREFOX_PATH,
    // Headed: only a window that draws to the display shows what a person would see.
    headless: false,
    // Kiosk: no toolbars, so the whole window is the page. With no window manager on the
    // virtual screen, the window sits at its top left at the size asked for.
    args: ["--kiosk", "--width", String(width), "--height", String(height)],
    // The page takes the window's size, as a visitor's would, not an emulated viewport.
    defaultViewport: null,
    // The stand-in answers the destination with a throwaway certificate.
    acceptInsecureCerts: true,
    env: {
      ...withoutHeadless(process.env),
      DISPLAY: display,
      MOZ_CRASHREPORTER_DISABLE: "1",
      // Firefox's own test switch: connections only to loopback (the proxy is on loopback).
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: "1",
    },
    extraPrefsFirefox: {
      ...QUIET_FIREFOX_PREFS,
      ...(proxy ? proxyPrefs(proxy) : {}),
      "javascript.enabled": javaScript,
      // One screen pixel a CSS pixel, whatever the display says, so pixel counts compare.
      "layout.css.devPixelsPerPx": "1.0",
      ...options.prefs,
    },
  });
}

/** Sends everything through one HTTP proxy; Firefox skips loopback unless told to hijack it. */
function proxyPrefs(proxy: string): Record<string, unknown> {
  const [host, port] = proxy.split(":");
  if (!host || !port) throw new Error(`The proxy must be "host:port", not "${proxy}".`);
  return {
    "network.proxy.type": 1,
    "network.proxy.http": host,
    "network.proxy.http_port": Number(port),
    "network.proxy.ssl": host,
    "network.proxy.ssl_port": Number(port),
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
  };
}

/** MOZ_HEADLESS in the caller's environment would override headless: false. */
function withoutHeadless(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest["MOZ_HEADLESS"];
  return rest;
}
