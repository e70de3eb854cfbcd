/**
 * The editor and the build agree: the editor's fields come from the build's page schema, accept
 * and refuse the same settings, and know every building block in src/components/content/.
 * Also which builds include the editor at all (src/keystatic/mode.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BasicFormField } from "@keystatic/core";
import { describe, expect, it } from "vitest";
import keystaticConfig from "../../keystatic.config.ts";
import { REQUIRED_ATTRIBUTES } from "../../src/components/content/required-attributes.ts";
import { adminPolicy } from "../../src/keystatic/admin-headers.ts";
import { editorComponents } from "../../src/keystatic/content-components.ts";
import { ENQUIRY_LINK_DEFAULT_WORDS, fromEditorMdx, toEditorMdx } from "../../src/keystatic/mdx-field.ts";
import { adminMode, GITHUB_VARIABLES } from "../../src/keystatic/mode.ts";
import { siteForChecks } from "../../src/keystatic/integration.ts";
import { contentFixture, settings } from "../support/content-fixture.ts";
import { fieldsFromSchema } from "../../src/keystatic/page-fields.ts";
import { createPageSchema } from "../../src/lib/page-schema.ts";
import { ROOT } from "../../tools/project/copy.ts";
import { en } from "../../src/i18n/strings/en.ts";

const TODAY = "2026-11-25";
const schema = createPageSchema(TODAY);
const editorFields = fieldsFromSchema(schema, { today: TODAY }) as unknown as Record<string, BasicFormField<never>>;

/** What the editor makes of a stored settings block: the stored values, or the first refusal. */
function editorAccepts(settings: Record<string, unknown>): boolean {
  try {
    for (const [key, field] of Object.entries(editorFields)) field.validate(field.parse(settings[key] as never));
    return Object.keys(settings).every((key) => key in editorFields);
  } catch {
    return false;
  }
}

const page = {
  title: "Contact us",
  description: "How to ask about restorative justice in West Mercia, by phone or online.",
  lastReviewed: "2026-11-24",
};
const SAMPLES: Record<string, Record<string, unknown>> = {
  "a page": page,
  "a page in a menu": { ...page, navigation: { menu: "footer", order: 2, label: "Contact" } },
  "a menu entry with no label": { ...page, navigation: { menu: "main", order: 0 } },
  "a draft": { ...page, draft: true },
  "no title": { ...page, title: undefined },
  "a title too long": { ...page, title: "x".repeat(71) },
  "a description too short": { ...page, description: "Too short." },
  "a description too long": { ...page, description: "x".repeat(161) },
  "a menu label too long": { ...page, navigation: { order: 1, label: "x".repeat(31) } },
  "a menu order below 0": { ...page, navigation: { order: -1 } },
  "a menu order that is not whole": { ...page, navigation: { order: 1.5 } },
  "a menu with no order": { ...page, navigation: { menu: "main" } },
  "an unknown menu": { ...page, navigation: { menu: "side", order: 1 } },
  "an unknown menu setting": { ...page, navigation: { order: 1, lable: "Contact" } },
  "an unknown setting": { ...page, tittle: "Contact" },
  "a review date later than today": { ...page, lastReviewed: "2026-11-26" },
  "no review date": { ...page, lastReviewed: undefined },
  "a draft that is not true or false": { ...page, draft: "yes" },
};

describe("the editor's page settings", () => {
  it("are the schema's settings, in the schema's order", () => {
    const pageFields = Object.keys(keystaticConfig.collections["pages"].schema);
    expect(pageFields).toEqual([...Object.keys(schema.shape), "content"]);
  });

  it.each(Object.entries(SAMPLES))("agree with the build on %s", (_name, settings) => {
    const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    expect(editorAccepts(defined)).toBe(schema.safeParse(defined).success);
  });

  it("write back what they read, leaving out what the file left out", () => {
    const stored = { ...page, navigation: { menu: "main", order: 3 } };
    const written = Object.fromEntries(
      Object.entries(editorFields)
        .map(
          ([key, field]) =>
            [key, field.serialize(field.parse(stored[key as keyof typeof stored] as never)).value] as const,
        )
        .filter(([, value]) => value !== undefined),
    );
    expect(JSON.parse(JSON.stringify(written))).toEqual(stored);
  });

  it("refuse a setting the schema has but the editor cannot show", async () => {
    const { z } = await import("astro/zod");
    expect(() => fieldsFromSchema(z.object({ tags: z.array(z.string()) }))).toThrow(/"tags" has no editor field/);
  });
});

describe("the editor's building blocks", () => {
  it("are every component in src/components/content/", () => {
    const files = readdirSync(join(ROOT, "src/components/content"))
      .filter((file) => file.endsWith(".astro"))
      .map((file) => file.slice(0, -".astro".length));
    expect(Object.keys(editorComponents).sort()).toEqual(files.sort());
  });

  it("ask for each attribute a block requires, and will not save it empty", () => {
    for (const [block, attributes] of Object.entries(REQUIRED_ATTRIBUTES)) {
      const schema = editorComponents[block as keyof typeof editorComponents].schema as Record<
        string,
        BasicFormField<string>
      >;
      expect(Object.keys(schema), block).toEqual(Object.keys(attributes));
      for (const field of Object.values(schema)) {
        expect(() => field.validate(field.parse(""))).toThrow();
        expect(field.validate(field.parse("More about letters"))).toBe("More about letters");
      }
    }
  });

  it("give <EnquiryLink /> the words the component shows by default", () => {
    const component = readFileSync(join(ROOT, "src/components/content/EnquiryLink.astro"), "utf8");
    expect(component).toContain("<slot>{ui.enquiryLink}</slot>");
    expect(ENQUIRY_LINK_DEFAULT_WORDS).toBe(en.enquiryLink);
    const text = "Call us or <EnquiryLink />.\n\n<Warning>Taking part is your choice.</Warning>\n";
    expect(toEditorMdx(text)).toContain(`<EnquiryLink>${ENQUIRY_LINK_DEFAULT_WORDS}</EnquiryLink>`);
    expect(fromEditorMdx(`Call us or <EnquiryLink>${ENQUIRY_LINK_DEFAULT_WORDS}</EnquiryLink>.\n`)).toBe(
      "\nCall us or <EnquiryLink />.\n",
    );
    expect(fromEditorMdx("<Warning>\n  Taking part is your choice.\n</Warning>\n\n* a\n")).toBe(
      "\n<Warning>Taking part is your choice.</Warning>\n\n- a\n",
    );
  });
});

describe("which builds have the editor", () => {
  const github = {
    ...Object.fromEntries(GITHUB_VARIABLES.map((name) => [name, "x"])),
    KEYSTATIC_SECRET: "s".repeat(64),
  };

  it("is on with npm start, saving locally, and off in a plain build (the live site's default)", () => {
    expect(adminMode({}, "dev")).toBe("local");
    expect(adminMode({}, "build")).toBe("off");
    expect(adminMode({ NETLIFY: "true" }, "build")).toBe("off");
    expect(adminMode({ KEYSTATIC_GITHUB_CLIENT_ID: "x" }, "build")).toBe("off");
  });

  it("saves through GitHub when the App's variables are all set, unless KEYSTATIC=off", () => {
    expect(adminMode({ ...github, NETLIFY: "true" }, "build")).toBe("github");
    expect(adminMode({ ...github, KEYSTATIC: "off" }, "build")).toBe("off");
    expect(adminMode({ KEYSTATIC: "off" }, "dev")).toBe("off");
  });

  it("leaves the editor out of deploy previews and branch deploys unless asked for there", () => {
    for (const CONTEXT of ["deploy-preview", "branch-deploy"]) {
      expect(adminMode({ ...github, NETLIFY: "true", CONTEXT }, "build")).toBe("off");
      expect(adminMode({ ...github, NETLIFY: "true", CONTEXT, KEYSTATIC: "github" }, "build")).toBe("github");
    }
    expect(adminMode({ ...github, NETLIFY: "true", CONTEXT: "production" }, "build")).toBe("github");
  });

  it("refuses a KEYSTATIC_SECRET too short to seal the sign-in, in the build rather than at sign-in", () => {
    const short = { ...github, KEYSTATIC_SECRET: "s".repeat(31) };
    expect(() => adminMode(short, "build")).toThrow(/KEYSTATIC_SECRET must be at least 32 characters/);
    expect(() => adminMode({ ...short, KEYSTATIC: "github" }, "build")).toThrow(/at least 32/);
    expect(adminMode({ ...github, KEYSTATIC_SECRET: "s".repeat(32) }, "build")).toBe("github");
  });

  it("refuses local saving on Netlify and GitHub mode without its variables", () => {
    expect(adminMode({ KEYSTATIC: "local" }, "build")).toBe("local");
    expect(() => adminMode({ KEYSTATIC: "local", NETLIFY: "true" }, "build")).toThrow(/not Netlify/);
    expect(() => adminMode({ KEYSTATIC: "github" }, "build")).toThrow(/KEYSTATIC_GITHUB_CLIENT_ID/);
    expect(() => adminMode({ KEYSTATIC: "yes" }, "build")).toThrow(/off, local or github/);
  });

  it("gives the admin page a policy that allows its own scripts by hash and nothing from other sites", () => {
    const policy = adminPolicy('<script>a()</script><script type="module" src="/x.js"></script>', false);
    expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'; /);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("ws:");
    expect(policy).not.toContain("raw.githubusercontent.com");
  });

  it("lets GitHub mode read a public repository's files, which Keystatic fetches from raw.githubusercontent.com", () => {
    const connect = /connect-src ([^;]+)/.exec(adminPolicy("", false, true))?.[1]?.split(" ");
    expect(connect).toEqual(["'self'", "https://api.github.com", "https://raw.githubusercontent.com"]);
  });
});

describe("what the admin's public scripts tell about the site", () => {
  it("in GitHub mode, nothing of a draft page: neither its address nor its headings", () => {
    const fixture = contentFixture({
      "plans-for-spring": `${settings({ draft: "true", title: "Plans for spring" })}\n## Meeting the new team\n\nSoon.\n`,
    });
    try {
      const withDrafts = siteForChecks(ROOT, { contentDir: fixture.dir });
      expect(withDrafts.addresses).toContainEqual(["/plans-for-spring/", expect.objectContaining({ draft: true })]);
      const live = siteForChecks(ROOT, { contentDir: fixture.dir, withDrafts: false });
      expect(JSON.stringify(live)).not.toMatch(/plans-for-spring|meeting-the-new-team/);
      expect(live.addresses.length).toBe(withDrafts.addresses.length - 1);
    } finally {
      fixture.remove();
    }
  });
});
