/**
 * The content rules (src/lib/content-checks/), as `npm run check:content`, the build and the
 * editor run them: each fires on the mistake it is for, with the file, line and column, the
 * right severity and how to fix it; the real pages pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import type { VFileMessage } from "vfile-message";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { requiredAttributesOf, type BlockProps } from "../../src/components/content/required-attributes.ts";
import { checkContent } from "../../src/lib/content-checks/check-content.ts";
import { checkPage, pageId, RULES } from "../../src/lib/content-checks/index.ts";
import { pageParser } from "../../src/lib/content-checks/page.ts";
import { buildingBlocksIn } from "../../src/lib/content-checks/site-files.ts";
import { contentFixture, ROOT, settings, type ContentFixture } from "../support/content-fixture.ts";

const TODAY = "2026-11-25";
const fixtures: ContentFixture[] = [];
afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

function fixtureWith(pages: Record<string, string>): ContentFixture {
  const fixture = contentFixture(pages);
  fixtures.push(fixture);
  return fixture;
}

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  source: string;
  message: string;
  fix: string;
}

function problemOf(file: string, message: VFileMessage): Problem {
  return {
    file,
    line: message.line ?? 0,
    column: message.column ?? 0,
    severity: message.fatal === true ? "error" : "warning",
    rule: message.ruleId ?? "",
    source: message.source ?? "",
    message: message.reason,
    fix: (message.note ?? "").replace(/^How to fix: /, ""),
  };
}

function problemsIn(dir: string, today?: string): Problem[] {
  return checkContent({ root: ROOT, contentDir: dir, ...(today ? { today } : {}) }).files.flatMap((file) =>
    file.messages.map((message) => problemOf(file.path, message)),
  );
}

/** settings() fills lines 1 to 5 and a blank line follows it, so a test page's text starts on line 7. */

/**
 * The problems found on one test page, `test-page.mdx`, written with the given text: by
 * default only our own rules' (the libraries' prose warnings are tested on their own).
 */
function problemsOn(text: string, extraPages: Record<string, string> = {}, source = "west-mercia-rj"): Problem[] {
  const fixture = fixtureWith({ "test-page": text, ...extraPages });
  return problemsIn(fixture.dir, TODAY).filter(
    (p) => p.file.endsWith("/test-page.mdx") && (source === "*" || p.source === source),
  );
}

const brief = (problems: Problem[]) => problems.map(({ line, severity, rule }) => ({ line, severity, rule }));

describe("the site's own pages", () => {
  // Today's real date: the pages' review dates move on as editors review them.
  const report = checkContent({ root: ROOT });

  it("all pass, with no errors", () => {
    const problems = report.files.flatMap((file) => file.messages.map((message) => problemOf(file.path, message)));
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(report.pageCount).toBeGreaterThanOrEqual(9);
  });

  it("are all within their reading grade ceiling: 9 for guidance, 11 for the legal pages", () => {
    for (const { file, grade, ceiling } of report.grades) {
      expect(ceiling, file).toBe(/privacy|accessibility/.test(file) ? 11 : 9);
      expect(grade, file).toBeLessThanOrEqual(ceiling);
      expect(grade, file).toBeGreaterThan(0);
    }
  });

  it("each use at least one building block", () => {
    const blocks = buildingBlocksIn(ROOT);
    for (const file of readdirSync(join(ROOT, "content")).filter((name) => name.endsWith(".mdx"))) {
      const tree = pageParser.parse(readFileSync(join(ROOT, "content", file), "utf8"));
      const used = new Set<string>();
      visit(tree as Nodes, (node) => {
        if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) used.add(node.name);
      });
      expect(
        [...used].filter((name) => blocks.includes(name)),
        file,
      ).not.toEqual([]);
    }
  });
});

describe("settings", () => {
  it("names a missing title on the settings line and says what to write", () => {
    const [problem, ...rest] = problemsOn(`${settings({ title: undefined })}\nHello there. This is a page.\n`);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 1, severity: "error", rule: "settings" });
    expect(problem?.message).toBe("The page has no title setting.");
    expect(problem?.fix).toMatch(/^Add a line such as title: /);
  });

  it("says by how much a description is too long for search results", () => {
    const description = "Restorative justice ".repeat(9).trim(); // 179 characters
    const [problem] = problemsOn(`${settings({ description })}\nHello there. This is a page.\n`);
    expect(problem).toMatchObject({ line: 3, rule: "settings" });
    expect(problem?.message).toBe("The description is 179 characters long. Search results cut it off after 160.");
    expect(problem?.fix).toMatch(/^Shorten it by at least 19 characters/);
  });

  it("refuses a review date in the future, and one that is not a real day", () => {
    const future = problemsOn(`${settings({ lastReviewed: "2026-12-01" })}\nHello there.\n`);
    expect(future.map((p) => p.message)).toEqual(["lastReviewed (2026-12-01) is later than today (2026-11-25)."]);
    expect(future[0]?.line).toBe(4);
    const unreal = problemsOn(`${settings({ lastReviewed: "2026-02-30" })}\nHello there.\n`);
    expect(unreal[0]?.message).toBe('lastReviewed is "2026-02-30", which is not a real date in the form YYYY-MM-DD.');
    const wrongOrder = problemsOn(`${settings({ lastReviewed: "25/11/2026" })}\nHello there.\n`);
    expect(wrongOrder[0]?.fix).toMatch(/such as lastReviewed: 2026-11-24/);
  });

  it("catches a misspelt setting and a menu that does not exist", () => {
    const problems = problemsOn(
      `---\ntittle: A test page\ntitle: A test page\ndescription: A page that exists only for the tests of the content checks.\nlastReviewed: 2026-11-20\nnavigation:\n  menu: top\n  order: 2\n---\n\nHello there.\n`,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, '"tittle" is not a setting pages have.'],
      [7, 'The menu "top" does not exist.'],
    ]);
  });

  it("explains settings it cannot read at all", () => {
    const [problem] = problemsOn(`---\ntitle: Safety: what to do\n---\n\nHello.\n`);
    expect(problem).toMatchObject({ line: 2, rule: "unreadable" });
    expect(problem?.fix).toMatch(/double quotes/);
  });
});

describe("links", () => {
  it("finds a link to a page that does not exist and suggests the nearest", () => {
    const problems = problemsOn(`${settings()}\nRead how to [contact us](/contact-uss/) today.\n`);
    expect(brief(problems)).toEqual([{ line: 7, severity: "error", rule: "broken-link" }]);
    expect(problems[0]?.message).toBe("The link to /contact-uss/ goes to a page that does not exist.");
    expect(problems[0]?.fix).toMatch(/Did you mean \/contact-us\/\?/);
  });

  it("accepts links to pages, form pages, files in public/ and real headings", () => {
    const text = `${settings()}\n[a](/contact-us/) [b](/enquire/) [c](/robots.txt) [d](/staying-safe-online/#private-browsing) [e](#hello) [f](https://www.gov.uk/)\n\n## Hello\n\nHi.\n`;
    expect(problemsOn(text)).toEqual([]);
  });

  it("finds links to missing headings, written as files, or without a leading slash", () => {
    const problems = problemsOn(
      `${settings()}\n[a](/privacy/#cookies-we-use)\n\n[b](/privacy.mdx)\n\n[c](contact-us)\n\n[d](https://restorativejustice-westmercia.netlify.app/privacy/)\n`,
    );
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [7, "broken-link"],
      [9, "broken-link"],
      [11, "broken-link"],
      [13, "broken-link"],
    ]);
    expect(problems[0]?.message).toMatch(/#cookies-we-use on \/privacy\/ goes to a heading that does not exist/);
    expect(problems[1]?.fix).toBe("Link to the page's address, not its file: /privacy/");
    expect(problems[2]?.fix).toMatch(/such as \/contact-us\/$/);
    expect(problems[3]?.fix).toMatch(/Write just the part after the domain, \/privacy\//);
  });

  it("finds a link to a draft page from a published one", () => {
    const draft = `${settings({ draft: "true" })}\nNot ready yet.\n`;
    const problems = problemsOn(`${settings()}\nSee [the new page](/new-page/).\n`, { "new-page": draft });
    expect(problems[0]?.message).toBe("The link to /new-page/ goes to a draft page, which is not on the live site.");
  });

  it("forbids links to the quick exit's destination, however they are written", () => {
    const problems = problemsOn(
      `${settings()}\n[weather](https://www.bbc.co.uk/weather) and <a href="http://bbc.co.uk/weather/">weather</a>.\n`,
    );
    expect(problems.map((p) => p.rule)).toEqual(["quick-exit-link", "quick-exit-link"]);
    expect(problems[0]?.fix).toMatch(/give that away/);
  });
});

describe("images", () => {
  it("needs alt text, in Markdown and in HTML", () => {
    const problems = problemsOn(`${settings()}\n![](/robots.txt)\n\n<img src="/robots.txt" />\n`);
    expect(brief(problems)).toEqual([
      { line: 7, severity: "error", rule: "image-alt" },
      { line: 9, severity: "error", rule: "image-alt" },
    ]);
    expect(problems[0]?.message).toBe("The image /robots.txt has no alt text.");
  });

  it("must be one of the site's own files", () => {
    const problems = problemsOn(
      `${settings()}\n![A map](https://maps.example.com/a.png)\n\n![A map](/images/none.png)\n`,
    );
    expect(problems.map((p) => p.message)).toEqual([
      "The image https://maps.example.com/a.png is on another website.",
      "The image /images/none.png does not exist.",
    ]);
  });
});

describe("headings", () => {
  it("finds a second main heading and a skipped level, Steps included", () => {
    const problems = problemsOn(
      `${settings()}\n# Welcome\n\n## Part\n\n#### Detail\n\nText.\n\n## Steps\n\n<Steps>\n<Step title="One">\n\nDo this.\n\n</Step>\n</Steps>\n\n#### Too deep\n`,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, '"Welcome" is a second main heading. The page\'s title is already its main heading.'],
      [11, '"Detail" is a level 4 heading straight after a level 2, so it skips a level.'],
    ]);
    expect(problems[1]?.fix).toBe("Start it with ### instead.");
  });

  it("finds Steps with no heading above them", () => {
    const problems = problemsOn(`${settings()}\n<Steps>\n<Step title="One">\n\nDo this.\n\n</Step>\n</Steps>\n`);
    expect(problems[0]?.message).toBe('"One" is a level 3 heading straight after a level 1, so it skips a level.');
  });
});

describe("plain English", () => {
  const hard =
    "Notwithstanding the aforementioned considerations, participation in restorative interventions necessitates comprehensive consideration of organisational, procedural and psychological circumstances, particularly regarding confidentiality, accountability and subsequent communication.";

  it("fails a page above its reading grade and prints its three hardest sentences", () => {
    const text = `${settings()}\n${hard}\n\nYou can call us.\n\nAdministrative documentation accompanies every referral.\n\nIndividualised accessibility accommodations are considered.\n`;
    const problem = problemsOn(text).find((p) => p.line === 1);
    expect(problem).toMatchObject({ rule: "reading-grade", severity: "error" });
    expect(problem?.message).toMatch(
      /^The page is too hard to read: reading grade \d+(\.\d)?, where the most we allow is 9\.$/,
    );
    const listed = problem?.fix.match(/line \d+ \(grade [\d.]+\): /g) ?? [];
    expect(listed).toHaveLength(3);
    expect(problem?.fix).toContain(`line 7 (grade`);
    expect(problem?.fix).not.toContain("You can call us.");
  });

  it("fails one long hard paragraph on an otherwise easy page", () => {
    const easy = "You can talk to us. We will listen. It is your choice. You can stop at any time. ".repeat(6);
    const problems = problemsOn(`${settings()}\n${easy}\n\n${hard} ${hard}\n\n${easy}\n`).filter(
      (p) => p.severity === "error",
    );
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[9, "reading-grade"]]);
    expect(problems[0]?.message).toMatch(/^This paragraph of 48 words is too hard to read: reading grade/);
  });

  it("counts each list item as its own sentence", () => {
    const list = Array.from({ length: 12 }, (_, i) => `- talk to us about item ${i}`).join("\n");
    expect(problemsOn(`${settings()}\nYou can:\n\n${list}\n`)).toEqual([]);
  });
});

describe("page addresses", () => {
  it("follow the site's: folders and names slugged, index dropped", () => {
    expect(pageId("content/index.mdx")).toBe("index");
    expect(pageId("/site/content/Going to Court.mdx")).toBe("going-to-court");
    expect(pageId("content/guides/index.mdx")).toBe("guides");
    expect(pageId("content/guides/after-court.mdx")).toBe("guides/after-court");
  });
});

describe("review dates", () => {
  it("warns, without failing, about a page not reviewed for 12 months", () => {
    const fixture = fixtureWith({ "test-page": `${settings({ lastReviewed: "2025-11-25" })}\nHello there.\n` });
    const problems = problemsIn(fixture.dir, TODAY).filter(
      (p) => p.file.endsWith("/test-page.mdx") && p.source === "west-mercia-rj",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/test-page\.mdx$/),
        line: 4,
        column: 1,
        severity: "warning",
        rule: "review-due",
      }),
    ]);
    expect(problems[0]?.message).toBe("This page was last reviewed on 2025-11-25, more than 12 months ago.");
    expect(problemsOn(`${settings({ lastReviewed: "2025-11-26" })}\nHello there.\n`)).toEqual([]);
  });
});

describe("contact details written by hand", () => {
  it("finds the phone number in any spacing, email addresses and tel: and mailto: links", () => {
    const problems = problemsOn(
      `${settings()}\nCall 0800 952 3000 or +44 (0)800-952-3000.\n\nWrite to team@example.org.\n\n[Call](tel:08009523000) or [write](mailto:a@b.org).\n\nCall 999 in an emergency.\n`,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, "The phone number 0800 952 3000 is written by hand."],
      [9, "The email address team@example.org is written by hand."],
      [11, "This phone link (tel:08009523000) is written by hand."],
      [11, "This email link (mailto:a@b.org) is written by hand."],
    ]);
    expect(problems[0]?.fix).toMatch(/^Write <PhoneLink \/> instead/);
    const spaced = problemsOn(`${settings()}\nCall +44 800 952 3000.\n`);
    expect(spaced.map((p) => p.rule)).toEqual(["hand-written-contact"]);
  });
});

describe("building blocks", () => {
  it("names a misspelt block and lists the real ones; needs a Details summary", () => {
    const problems = problemsOn(`${settings()}\n<Warnign>Careful.</Warnign>\n\n<Details>\n\nMore.\n\n</Details>\n`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, "<Warnign> is not one of our building blocks."],
      [9, "<Details> needs a summary."],
    ]);
    expect(problems[0]?.fix).toContain("<Warning>");
    expect(problems[0]?.fix).toContain("<GetHelpNow>");
    expect(problems[1]?.fix).toBe('Write it like this: <Details summary="More about letters">');
  });

  it("types each block's Props from the attributes it requires, as the rule reads them", () => {
    expectTypeOf<BlockProps<"Step">>().toEqualTypeOf<{ title: string }>();
    expectTypeOf<BlockProps<"Details">>().toEqualTypeOf<{ summary: string }>();
    expect(requiredAttributesOf("Details").map(([name]) => name)).toEqual(["summary"]);
    expect(requiredAttributesOf("Warning")).toEqual([]);
  });

  it("needs a Step title that is more than spaces", () => {
    const text = `${settings()}
## Steps

<Steps>
<Step title=" ">

Hi.

</Step>
</Steps>
`;
    const problems = problemsOn(text).filter((p) => p.rule === "building-block");
    expect(problems.map((p) => [p.line, p.message, p.fix])).toEqual([
      [10, "<Step> needs a title.", 'Write it like this: <Step title="A practitioner meets you">'],
    ]);
  });

  it("explains MDX it cannot read, with the line", () => {
    const [problem, ...rest] = problemsOn(`${settings()}\nHello.\n\nIf a < b then {oops.\n`);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 9, rule: "unreadable" });
    expect(problem?.fix).toMatch(/write < as \\</);
  });
});

describe("contact details in the settings", () => {
  it("finds the phone number or an email address in a description or title, on its line", () => {
    const problems = problemsOn(
      `${settings({ title: "Call 0800 952 3000", description: "How to ask about restorative justice, or write to team@example.org today." })}\nHello there.\n`,
    ).filter((p) => p.rule === "settings-contact");
    expect(problems.map((p) => [p.line, p.column, p.severity, p.message])).toEqual([
      [2, 1, "error", "The title setting has the phone number 0800 952 3000 written in it."],
      [3, 1, "error", "The description setting has the email address team@example.org written in it."],
    ]);
    expect(problems[0]?.fix).toMatch(/<PhoneLink \/>/);
  });
});

describe("plain words (GOV.UK's words to avoid)", () => {
  it("warns at the word itself and gives the plainer one", () => {
    const problems = problemsOn(
      `${settings()}\nWe will facilitate a meeting.\n\nYou can ask us in order to find out more.\n`,
    );
    expect(problems.map((p) => [p.line, p.column, p.severity, p.rule, p.message])).toEqual([
      [7, 9, "warning", "plain-words", `"facilitate" is a word GOV.UK's style guide asks us to avoid.`],
      [9, 16, "warning", "plain-words", `"in order to" is a word GOV.UK's style guide asks us to avoid.`],
    ]);
    expect(problems[1]?.fix).toBe('Write "to" instead, if it says the same thing.');
  });
});

describe("the libraries' rules", () => {
  it("retext-passive warns about the passive voice, in plain words", () => {
    const problems = problemsOn(`${settings()}\nYour letter was written by the practitioner.\n`, {}, "retext-passive");
    expect(problems.map((p) => [p.line, p.column, p.severity, p.message])).toEqual([
      [7, 17, "warning", '"written" is in the passive voice, which hides who does it.'],
    ]);
    expect(problems[0]?.fix).toMatch(/^Say who does what/);
  });

  it("retext-readability warns about one hard sentence, even on an easy page", () => {
    const hard =
      "Participation necessitates comprehensive consideration of organisational, procedural and psychological circumstances beforehand.";
    const problems = problemsOn(`${settings()}\nYou can talk to us.\n\n${hard}\n`, {}, "retext-readability");
    expect(problems.map((p) => [p.line, p.column, p.severity, p.rule])).toEqual([[9, 1, "warning", "readability"]]);
    expect(problems[0]?.message).toMatch(/^This sentence is hard to read: "Participation necessitates/);
  });

  it("remark-lint-no-duplicate-headings warns about two headings with the same words", () => {
    const problems = problemsOn(`${settings()}\n## Next\n\nHi.\n\n## Next\n\nHi.\n`, {}, "remark-lint");
    expect(problems.map((p) => [p.line, p.column, p.severity, p.rule])).toEqual([
      [11, 1, "warning", "no-duplicate-headings"],
    ]);
  });

  it("all report with the severity the rule table gives", () => {
    expect(RULES.filter((rule) => rule.severity === "warning").map((rule) => rule.ruleId)).toEqual([
      "review-due",
      "plain-words",
      "translation-source",
      "sentence-length",
      "english-only-link",
      "no-duplicate-headings",
      "readability",
      "(the passive words, such as been-written)",
    ]);
  });
});

describe("checkPage, as the editor calls it", () => {
  it("checks an unsaved draft against a site map it is given, reading no files", async () => {
    const file = await checkPage({
      path: "content/draft.mdx",
      source: `${settings()}\nSee [us](/contact-us/), [them](/nowhere/) and [this part](#here).\n\n## Here\n\nHi.\n`,
      siteMap: new Map([["/contact-us/", { draft: false }]]),
      blocks: ["PhoneLink"],
      today: TODAY,
    });
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.fatal])).toEqual([[7, 25, "broken-link", true]]);
    expect(file.messages[0]?.reason).toBe("The link to /nowhere/ goes to a page that does not exist.");
    expect(file.messages[0]?.note).toMatch(
      /^How to fix: Check the address\. Did you mean \/[a-z-]+\/\? Page addresses/,
    );
    expect(file.data.reading?.ceiling).toBe(9);
  });
});
