import { describe, expect, it } from "vitest";
import { createDevPageFetcher } from "../../src/lib/enquiry/dev-pages.ts";
import { CONFIRMATION_PAGE, ENQUIRY_PAGES, FORM_PAGE } from "../../src/lib/enquiry/handler.ts";
import { createTemplateReader } from "../../src/lib/enquiry/page-loader.ts";
import { writePage } from "../../src/lib/enquiry/page-template.ts";
import { verbatimTemplate } from "../../src/lib/enquiry/page-template-builder.ts";
import { bundleTemplates, packTemplates, unpackTemplate } from "../../src/lib/enquiry/shared-blocks.ts";

const FILE = new URL("file:///built/enquiry-templates.json");
/** A templates file with every page, each page its own path. */
const TEMPLATES = JSON.stringify(Object.fromEntries(ENQUIRY_PAGES.map((path) => [path, verbatimTemplate(path)])));

describe("the built templates' reader", () => {
  it("reads the file the build wrote once, then answers from memory", async () => {
    const reads: string[] = [];
    const readTemplate = createTemplateReader(FILE, async (file) => {
      reads.push(file.pathname);
      return TEMPLATES;
    });
    expect(writePage(await readTemplate(FORM_PAGE))).toBe(FORM_PAGE);
    expect(writePage(await readTemplate(FORM_PAGE))).toBe(FORM_PAGE);
    expect(writePage(await readTemplate(CONFIRMATION_PAGE))).toBe(CONFIRMATION_PAGE);
    expect(reads).toEqual(["/built/enquiry-templates.json"]);
  });

  it("tries again after a failed read instead of keeping the failure", async () => {
    let attempts = 0;
    const readTemplate = createTemplateReader(FILE, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("EIO");
      return TEMPLATES;
    });
    await expect(readTemplate(FORM_PAGE)).rejects.toThrow("EIO");
    expect(writePage(await readTemplate(FORM_PAGE))).toBe(FORM_PAGE);
    expect(attempts).toBe(2);
  });

  it("refuses a file without every page, saying to build", async () => {
    const readTemplate = createTemplateReader(FILE, async () => JSON.stringify({ [FORM_PAGE]: verbatimTemplate("") }));
    await expect(readTemplate(FORM_PAGE)).rejects.toThrow(/no template of \/enquire\/sent\/.*npm run build/);
  });

  it("reads nothing when the templates are inside the bundled function, each page's as JSON text", async () => {
    const inline = await bundleTemplates(
      Object.fromEntries(ENQUIRY_PAGES.map((path) => [path, verbatimTemplate(path)])),
    );
    const readTemplate = createTemplateReader(
      FILE,
      async () => {
        throw new Error("read a file");
      },
      inline,
    );
    expect(writePage(await readTemplate(CONFIRMATION_PAGE))).toBe(CONFIRMATION_PAGE);
    expect(await readTemplate(CONFIRMATION_PAGE)).toBe(await readTemplate(CONFIRMATION_PAGE));
  });
});

describe("the dev server's pages (npm start only)", () => {
  it("asks the dev server, makes the template there and then, and refuses a redirect or an error", async () => {
    const asked: { url: string; redirect: RequestRedirect | undefined }[] = [];
    const fetchPage = (async (url: URL, init?: RequestInit) => {
      asked.push({ url: url.href, redirect: init?.redirect });
      return new Response(url.pathname === FORM_PAGE ? '<html><body><form><input name="name"></form>' : "gone", {
        status: url.pathname === FORM_PAGE ? 200 : 404,
      });
    }) as typeof fetch;
    const loadPage = createDevPageFetcher("http://localhost:4321", fetchPage);
    const form = await loadPage(FORM_PAGE);
    expect(form.elements.map((element) => element.name)).toEqual(["form", "input"]);
    expect(writePage(form)).toBe('<html><body><form><input name="name"></form></body></html>');
    await expect(loadPage(CONFIRMATION_PAGE)).rejects.toThrow("answered 404");
    expect(asked).toEqual([
      { url: "http://localhost:4321/enquire/", redirect: "error" },
      { url: "http://localhost:4321/enquire/sent/", redirect: "error" },
    ]);
  });
});

describe("the bundle's packed templates", () => {
  const page = (lang: string, words: string) =>
    `<!DOCTYPE html><html lang="${lang}"><head><style>body{margin:0}</style><title>${words}</title></head>` +
    `<body><script type="module">leave()</script><p>${words}</p><script>x()</script></body></html>`;
  const templates = { "/a/": verbatimTemplate(page("en", "Hello")), "/b/": verbatimTemplate(page("pl", "Cześć")) };

  it("keeps each style and script block once, and puts every page back exactly", () => {
    const packed = packTemplates(templates);
    expect(packed.shared).toEqual([
      "<style>body{margin:0}</style>",
      '<script type="module">leave()</script>',
      "<script>x()</script>",
    ]);
    for (const path of ["/a/", "/b/"] as const) {
      expect(packed.pages[path]).not.toContain("margin:0");
      expect(writePage(unpackTemplate(packed.pages[path]!, packed.shared))).toBe(writePage(templates[path]));
    }
  });

  it("refuses a page that names a block the bundle does not have", () => {
    const packed = packTemplates(templates);
    expect(() => unpackTemplate(packed.pages["/a/"]!, [])).toThrow(/no shared block 0/);
  });
});
