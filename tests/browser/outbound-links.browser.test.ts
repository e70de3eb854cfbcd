/**
 * Every link from the site to another site, followed in Chromium with JavaScript on and off:
 * the other site never learns where the visitor came from. Off-site requests are answered
 * here by the browser's request routing; nothing leaves this machine.
 */
import { describe, expect, inject, it } from "vitest";
import { builtPagePaths } from "../../tools/project/site-pages.ts";
import { useChromium } from "../support/shared-browser.ts";

const SITE = inject("previewUrl");
const browser = useChromium();

interface OutboundLink {
  page: string;
  /** Which of the page's off-site links, in document order. */
  index: number;
  href: string;
}

/** Every off-site link on every built page, found in the pages as a browser reads them. */
async function outboundLinks(): Promise<OutboundLink[]> {
  const page = await browser().newPage();
  const links: OutboundLink[] = [];
  for (const path of builtPagePaths()) {
    await page.goto(new URL(path, SITE).href);
    const hrefs = await page.$$eval("a[href]", (anchors) =>
      anchors.map((anchor) => (anchor as HTMLAnchorElement).href).filter((href) => /^https?:/.test(href)),
    );
    hrefs
      .filter((href) => new URL(href).origin !== new URL(SITE).origin)
      .forEach((href, index) => links.push({ page: path, index, href }));
  }
  await page.close();
  return links;
}

describe.each([true, false])("with JavaScript %s", (javaScript) => {
  it("sends no referrer to any other site from any link", async () => {
    const links = await outboundLinks();
    // The quick exit is on every page, so this can never pass by finding nothing.
    expect(links.length).toBeGreaterThanOrEqual(builtPagePaths().length);
    for (const link of links) {
      const context = await browser().newContext({ javaScriptEnabled: javaScript });
      const arrived: Record<string, string>[] = [];
      await context.route("**/*", async (route, request) => {
        if (request.url().startsWith(SITE)) return route.continue();
        arrived.push(await request.allHeaders());
        return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Elsewhere</title>" });
      });
      const page = await context.newPage();
      await page.goto(new URL(link.page, SITE).href);
      const anchor = page.locator(`a[href^="http"]:not([href^="${SITE}"])`).nth(link.index);
      await anchor.click();
      await page.waitForURL((url) => url.origin !== new URL(SITE).origin);
      expect(arrived.length, `${link.page} → ${link.href}`).toBeGreaterThan(0);
      for (const headers of arrived) expect(headers["referer"], `${link.page} → ${link.href}`).toBeUndefined();
      await context.close();
    }
  }, 120_000);
});
