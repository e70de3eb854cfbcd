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

/**
 * Every distinct off-site link on the built pages, found in the pages as a browser reads them:
 * distinct by address, by what on the link could change its referrer (rel, referrerpolicy)
 * and by the page's own referrer policy. The quick exit, the same link on all 75 pages, is
 * then followed once, not 75 times; a page that set it differently would be followed too.
 */
async function outboundLinks(): Promise<OutboundLink[]> {
  const page = await browser().newPage();
  const links = new Map<string, OutboundLink>();
  for (const path of builtPagePaths()) {
    await page.goto(new URL(path, SITE).href);
    const found = await page.$$eval("a[href]", (anchors) =>
      anchors
        .map((anchor) => anchor as HTMLAnchorElement)
        .filter((anchor) => /^https?:/.test(anchor.href))
        .map((anchor) => ({
          href: anchor.href,
          policy: [
            anchor.rel,
            anchor.referrerPolicy,
            document.querySelector('meta[name="referrer"]')?.getAttribute("content") ?? "",
          ].join(" | "),
        })),
    );
    found
      .filter(({ href }) => new URL(href).origin !== new URL(SITE).origin)
      .forEach(({ href, policy }, index) => {
        const kind = `${href} ${policy}`;
        if (!links.has(kind)) links.set(kind, { page: path, index, href });
      });
  }
  await page.close();
  return [...links.values()];
}

let found: Promise<OutboundLink[]> | undefined;
const everyOutboundLink = () => (found ??= outboundLinks());

describe.each([true, false])("with JavaScript %s", (javaScript) => {
  it("sends no referrer to any other site from any link", async () => {
    const links = await everyOutboundLink();
    // The quick exit is on every page, so this can never pass by finding nothing.
    expect(links.map(({ href }) => href)).toContain("https://www.bbc.co.uk/weather");
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
