/**
 * Translations that stay true to their English page: the fingerprint (what changes it and what
 * does not), the stamp, the translations command, and the content checks a translation gets.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pageFingerprint } from "../../src/i18n/fingerprint.ts";
import { TRANSLATIONS } from "../../src/i18n/languages.ts";
import { stampTranslation, translationFiles } from "../../src/i18n/translation-files.ts";
import { runTranslationsCommand } from "../../src/i18n/translations-command.ts";
import { checkContent } from "../../src/lib/content-checks/check-content.ts";
import { checkPage } from "../../src/lib/content-checks/index.ts";
import { siteMapFromFiles } from "../../src/lib/content-checks/site-files.ts";
import { contentFixture, ROOT, type ContentFixture } from "../support/content-fixture.ts";

const TODAY = "2026-11-25";
const PAGE = `---
title: Talking it through
description: A page that exists only for these tests, long enough to pass the checks.
navigation:
  menu: main
  order: 3
lastReviewed: 2026-11-20
---

Some words that
run over two lines.

* one
* two

<Warning>Take your time.</Warning>

<Details summary="More about it">

More words.

</Details>
`;

describe("a page's fingerprint", () => {
  it("is the same however the file spells the page out", () => {
    const respelt = PAGE.replace("Some words that\nrun over two lines.", "Some words that run over two lines.")
      .replace("* one\n* two", "- one\n- two")
      .replace("<Warning>Take your time.</Warning>", "<Warning>\n  Take your time.\n</Warning>")
      .replace("navigation:\n  menu: main\n  order: 3", "navigation:\n  order: 3\n  menu: main")
      .replaceAll("\n", "\r\n");
    expect(respelt).not.toBe(PAGE);
    expect(pageFingerprint(respelt)).toBe(pageFingerprint(PAGE));
  });

  it("does not change when the page is reviewed or made a draft", () => {
    const reviewed = PAGE.replace("lastReviewed: 2026-11-20", "lastReviewed: 2026-11-24\ndraft: true");
    expect(pageFingerprint(reviewed)).toBe(pageFingerprint(PAGE));
  });

  it("changes with a word, a setting readers see, a block's attribute or the order of the text", () => {
    const fingerprint = pageFingerprint(PAGE);
    for (const changed of [
      PAGE.replace("Some words", "Other words"),
      PAGE.replace("title: Talking it through", "title: Talking it over"),
      PAGE.replace("order: 3", "order: 4"),
      PAGE.replace('summary="More about it"', 'summary="More about this"'),
      PAGE.replace("* one\n* two", "* two\n* one"),
      PAGE.replace("Take your time.", "Take **your** time."),
    ]) {
      expect(changed).not.toBe(PAGE);
      expect(pageFingerprint(changed), changed).not.toBe(fingerprint);
    }
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("the translations in content/", () => {
  it("are each stamped with their English page as it is now, in every language", () => {
    const translations = translationFiles(ROOT);
    expect(new Set(translations.map(({ code }) => code))).toEqual(new Set(TRANSLATIONS));
    expect(translations.filter(({ state }) => state !== "up-to-date")).toEqual([]);
  });
});

describe("stamping and the translations command", () => {
  let project: string;
  afterEach(() => rmSync(project, { recursive: true, force: true }));
  const copy = () => {
    project = mkdtempSync(join(tmpdir(), "translations-"));
    cpSync(join(ROOT, "content"), join(project, "content"), { recursive: true });
    return project;
  };
  const run = (root: string, args: string[]) => {
    const lines: string[] = [];
    const code = runTranslationsCommand(root, args, { today: TODAY, print: (line) => lines.push(line) });
    return { code, lines };
  };

  it("says which translations an English change left out of date, and stamps them back", () => {
    const root = copy();
    const english = join(root, "content", "contact-us.mdx");
    writeFileSync(english, readFileSync(english, "utf8").replace(/\n\n([^\n<]+)/, "\n\nA new first sentence. $1"));
    const listed = run(root, []);
    expect(listed.code).toBe(1);
    const stale = listed.lines.filter((line) => line.includes("out of date"));
    expect(stale.map((line) => line.split(" ")[0])).toEqual(
      TRANSLATIONS.map((code) => `content/${code}/contact-us.mdx`),
    );

    const polish = join(root, "content", "pl", "contact-us.mdx");
    const before = readFileSync(polish, "utf8");
    expect(run(root, ["stamp", "content/pl/contact-us.mdx"]).code).toBe(0);
    const after = readFileSync(polish, "utf8");
    // Only the two lines of the stamp change; the rest keeps its bytes.
    const changed = after.split("\n").filter((line, index) => line !== before.split("\n")[index]);
    expect(changed).toEqual([`  from: "${pageFingerprint(readFileSync(english, "utf8"))}"`, `  translated: ${TODAY}`]);
    expect(run(root, []).lines.filter((line) => line.includes("out of date"))).toHaveLength(TRANSLATIONS.length - 1);
    // Stamping again writes the same bytes.
    run(root, ["stamp", "content/pl/contact-us.mdx"]);
    expect(readFileSync(polish, "utf8")).toBe(after);
  });

  it("refuses to stamp a file that is not a translation", () => {
    const root = copy();
    expect(() => stampTranslation(root, "content/contact-us.mdx", TODAY)).toThrow(/not a translation/);
  });
});

describe("the content checks on translations", () => {
  let fixture: ContentFixture | undefined;
  afterEach(() => fixture?.remove());

  it("warn that each translation of a changed English page is out of date, naming its file", () => {
    fixture = contentFixture();
    const english = join(fixture.dir, "what-is-restorative-justice.mdx");
    writeFileSync(english, readFileSync(english, "utf8").replace("## ", "## Changed: "));
    const report = checkContent({ root: ROOT, contentDir: fixture.dir, today: TODAY });
    const outOfDate = report.files.flatMap((file) =>
      file.messages.filter((message) => message.ruleId === "translation-source").map((message) => message.reason),
    );
    expect(outOfDate.map((reason) => reason.replace(/^.*?\/(\w+\/what-is)/, "$1"))).toEqual(
      [...TRANSLATIONS]
        .sort()
        .map(
          (code) =>
            `${code}/what-is-restorative-justice.mdx is out of date: content/what-is-restorative-justice.mdx has changed since it was translated.`,
        ),
    );
    expect(report.files.flatMap((file) => file.messages.filter((message) => message.fatal === true))).toEqual([]);
  });

  it("hold a translation to the rules of any language, and not to the English ones", async () => {
    const long = Array.from({ length: 30 }, (_, index) => `słowo${index}`).join(" ");
    const file = await checkPage({
      path: "content/pl/contact-us.mdx",
      source: `---
title: Kontakt z nami
description: Jak się z nami skontaktować, bezpłatnie, telefonicznie albo przez internet.
lastReviewed: 2026-11-20
---

${long}.

Zobacz [prywatność](/privacy/) i [kontakt](/contact-us/). Zadzwoń pod 0800 952 3000.
`,
      siteMap: new Map([
        ["/privacy/", { draft: false }],
        ["/contact-us/", { draft: false }],
        ["/pl/contact-us/", { draft: false }],
      ]),
      today: TODAY,
    });
    const found = file.messages.map((message) => [message.ruleId, message.reason]);
    expect(found).toEqual([
      ["settings", "The page has no translation setting."],
      ["sentence-length", expect.stringMatching(/^This sentence has 30 words/)],
      ["english-only-link", "This links to /privacy/, which is in English."],
      ["english-only-link", "This links to /contact-us/, which is in English."],
      ["hand-written-contact", expect.any(String)],
    ]);
    const fixes = file.messages.filter((message) => message.ruleId === "english-only-link").map((m) => m.note);
    expect(fixes[0]).toContain('<InEnglish href="/privacy/">');
    expect(fixes[1]).toContain("/pl/contact-us/");
  });

  it("know the enquiry form is in every language: a translation links to its own, not the English one", async () => {
    const siteMap = siteMapFromFiles(ROOT);
    for (const code of TRANSLATIONS) expect(siteMap.has(`/${code}/enquire/`), code).toBe(true);
    const file = await checkPage({
      path: "content/pl/contact-us.mdx",
      source: `---
title: Kontakt z nami
description: Jak się z nami skontaktować.
lastReviewed: 2026-11-20
---

Proszę wysłać [wiadomość](/pl/enquire/) albo [wiadomość po angielsku](/enquire/).
`,
      siteMap,
      today: TODAY,
    });
    const links = file.messages.filter((message) => /link/.test(message.ruleId ?? ""));
    expect(links.map((message) => [message.ruleId, message.reason, message.note])).toEqual([
      [
        "english-only-link",
        "This links to /enquire/, which is in English.",
        "How to fix: Link to the page in this language instead: /pl/enquire/.",
      ],
    ]);
  });

  it("count words in Urdu as Urdu divides them", async () => {
    const sentence = Array.from({ length: 26 }, () => "لفظ").join(" ");
    const file = await checkPage({
      path: "content/ur/x.mdx",
      source: `---\ntitle: x\n---\n\n${sentence}۔ ایک چھوٹا جملہ۔\n`,
      today: TODAY,
    });
    expect(file.messages.filter((m) => m.ruleId === "sentence-length").map((m) => m.reason)).toEqual([
      expect.stringMatching(/^This sentence has 26 words/),
    ]);
  });
});
