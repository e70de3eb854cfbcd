/**
 * The editor's checks panel (src/keystatic/editor-checks.ts) without a browser: the file it
 * writes from a draft, the site it is given, and where it says each problem is.
 * tests/browser/keystatic-editor.browser.test.ts shows the panel itself in the admin.
 */
import { describe, expect, it } from "vitest";
import { checkDraft, draftSource, siteMapOf } from "../../src/keystatic/editor-checks.ts";
import { siteForChecks } from "../../src/keystatic/integration.ts";
import { siteMapFromFiles } from "../../src/lib/content-checks/site-files.ts";
import { ROOT } from "../../tools/project/copy.ts";

const TODAY = "2026-12-01";
const site = siteForChecks(ROOT);
const settings = {
  title: "Meeting the person who harmed you",
  description: "What happens when you meet the person who harmed you, and how we help you get ready.",
  lastReviewed: "2026-11-30",
  draft: undefined,
};

describe("the checks panel's site", () => {
  it("is the site map the build uses, written so that it survives JSON", () => {
    const written = siteMapOf(JSON.parse(JSON.stringify(site)) as typeof site);
    expect(written).toEqual(siteMapFromFiles(ROOT));
    expect(site.blocks).toContain("Steps");
  });
});

describe("checkDraft", () => {
  it("writes the settings as YAML above the text, leaving out those not set", () => {
    expect(draftSource({ slug: "x", settings, text: "\nHello.\n" })).toBe(
      `---\ntitle: ${settings.title}\ndescription: ${settings.description}\nlastReviewed: 2026-11-30\n---\n\nHello.\n`,
    );
  });

  it("finds nothing wrong with a plain page", async () => {
    const result = await checkDraft(
      { slug: "meeting", settings, text: "\nWe help you talk. Read about [our process](/the-restorative-process/).\n" },
      { site, today: TODAY },
    );
    expect(result.items).toEqual([]);
    expect(result.grade?.ceiling).toBe(9);
  });

  it("says where each problem is: a setting, a line of the file, or the whole page", async () => {
    const result = await checkDraft(
      {
        slug: "meeting",
        settings: { ...settings, description: `${settings.description} Call 0800 952 3000.` },
        text: "\nRead about [our process](/no-such-page/).\n",
      },
      { site, today: TODAY },
    );
    expect(result.items.map(({ mustFix, where }) => ({ mustFix, where }))).toEqual([
      { mustFix: true, where: "Settings: description" },
      { mustFix: true, where: "Line 7" },
    ]);
    expect(result.items[1]?.near).toBe("Read about [our process](/no-such-page/).");
    expect(result.items.every((item) => item.fix?.startsWith("How to fix:"))).toBe(true);
    expect(result.items.map((item) => item.guide)).toEqual([
      "content/README.md#settings-contact",
      "content/README.md#broken-link",
    ]);
  });

  it("checks links only for their form when it has no site", async () => {
    const result = await checkDraft({ slug: "meeting", settings, text: "\nRead [this](/no-such-page/).\n" });
    expect(result.items.filter((item) => item.message.includes("/no-such-page/"))).toEqual([]);
  });
});

describe("checkDraft on a translation", () => {
  const polish = {
    title: "Kontakt z nami",
    description: "Jak zapytać o sprawiedliwość naprawczą w West Mercia, bezpłatnie i bezpiecznie.",
    lastReviewed: "2026-11-30",
    translation: { from: "0000000000000000", translated: "2026-11-30" },
  };
  const text = "\nMogą Państwo do nas zadzwonić. Zobacz [stronę główną](/pl/).\n";

  it("says, in the checks panel, that a translation made from an older English page is out of date", async () => {
    const result = await checkDraft(
      { slug: "contact-us", folder: "pl", settings: polish, text },
      { site, today: TODAY },
    );
    expect(result.items.map(({ message, mustFix }) => ({ message, mustFix }))).toEqual([
      {
        message:
          "content/pl/contact-us.mdx is out of date: content/contact-us.mdx has changed since it was translated.",
        mustFix: false,
      },
    ]);
    // The English reading grade is not asked of a Polish page.
    expect(result.grade).toBeUndefined();
  });

  it("finds nothing wrong once it is stamped with the English page as it is", async () => {
    const from = site.addresses.find(([address]) => address === "/contact-us/")?.[1].fingerprint;
    expect(from).toMatch(/^[0-9a-f]{16}$/);
    const stamped = { ...polish, translation: { ...polish.translation, from } };
    const result = await checkDraft(
      { slug: "contact-us", folder: "pl", settings: stamped, text },
      { site, today: TODAY },
    );
    expect(result.items).toEqual([]);
  });
});
