/**
 * The byte budgets again, on what the preview actually serves: every request a real Chromium
 * makes to show each page, measured gzip level 9. A header such as `Link: rel=preload`, or a
 * file the HTML parser in the unit test missed, would show up here.
 */
import { describe, expect, inject, it } from "vitest";
import { gzipSize, TRANSFER_BUDGET } from "../../tools/project/page-weight.ts";
import { useChromium } from "../support/shared-browser.ts";
import { builtPagePaths } from "../../tools/project/site-pages.ts";

const SITE = inject("previewUrl");

const browser = useChromium();

describe.each(builtPagePaths())("%s as served", (path) => {
  it("is one request, within the first-flight budget, and sends no header that adds another", async () => {
    const context = await browser().newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const response = await page.goto(new URL(path, SITE).href, { waitUntil: "load" });
    const body = (await response?.body()) ?? Buffer.alloc(0);
    const headers = (await response?.allHeaders()) ?? {};
    await context.close();

    expect(requests).toEqual([new URL(path, SITE).href]);
    expect(headers["link"]).toBeUndefined();
    expect(body.length).toBeGreaterThan(1000);
    expect(gzipSize(body)).toBeLessThanOrEqual(TRANSFER_BUDGET);
  });
});
