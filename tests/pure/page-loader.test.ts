import { describe, expect, it } from "vitest";
import { CONFIRMATION_PAGE, FORM_PAGE } from "../../src/lib/enquiry/handler.ts";
import { createDevPageFetcher, createPageReader, type PageFiles } from "../../src/lib/enquiry/page-loader.ts";

const FILES = new Proxy({} as PageFiles, { get: (_, path) => new URL(`file:///built${String(path)}index.html`) });

describe("the built-page reader", () => {
  it("reads each page's packaged file once, then answers from memory", async () => {
    const reads: string[] = [];
    const readPage = createPageReader(FILES, async (file) => {
      reads.push(file.pathname);
      return `<html>${file.pathname}</html>`;
    });
    expect(await readPage(FORM_PAGE)).toBe("<html>/built/enquire/index.html</html>");
    expect(await readPage(FORM_PAGE)).toBe("<html>/built/enquire/index.html</html>");
    expect(await readPage(CONFIRMATION_PAGE)).toBe("<html>/built/enquire/sent/index.html</html>");
    expect(reads).toEqual(["/built/enquire/index.html", "/built/enquire/sent/index.html"]);
  });

  it("tries again after a failed read instead of keeping the failure", async () => {
    let attempts = 0;
    const readPage = createPageReader(FILES, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("EIO");
      return "<html></html>";
    });
    await expect(readPage(FORM_PAGE)).rejects.toThrow("EIO");
    expect(await readPage(FORM_PAGE)).toBe("<html></html>");
    expect(attempts).toBe(2);
  });
});

describe("the dev server's pages (npm start only)", () => {
  it("asks the dev server and refuses a redirect or an error", async () => {
    const asked: { url: string; redirect: RequestRedirect | undefined }[] = [];
    const fetchPage = (async (url: URL, init?: RequestInit) => {
      asked.push({ url: url.href, redirect: init?.redirect });
      return new Response(url.pathname === FORM_PAGE ? "<html>form</html>" : "gone", {
        status: url.pathname === FORM_PAGE ? 200 : 404,
      });
    }) as typeof fetch;
    const loadPage = createDevPageFetcher("http://localhost:4321", fetchPage);
    expect(await loadPage(FORM_PAGE)).toBe("<html>form</html>");
    await expect(loadPage(CONFIRMATION_PAGE)).rejects.toThrow("answered 404");
    expect(asked).toEqual([
      { url: "http://localhost:4321/enquire/", redirect: "error" },
      { url: "http://localhost:4321/enquire/sent/", redirect: "error" },
    ]);
  });
});
