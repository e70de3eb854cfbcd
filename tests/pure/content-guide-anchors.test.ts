/**
 * The editors' guide, content/README.md, and the rule registry (src/lib/content-checks/registry.ts)
 * agree: every message's link goes to a heading the guide has, as GitHub makes heading ids, and
 * the guide's table of checks lists the registry's rules. The table is written by hand and held
 * to the registry here, rather than generated, so the guide stays a plain file editors can change.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import GithubSlugger from "github-slugger";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { CONTENT_RULES, RULE_SOURCE } from "../../src/lib/content-checks/registry.ts";
import { ROOT } from "../support/content-fixture.ts";

const README = readFileSync(join(ROOT, "content", "README.md"), "utf8");
const TABLE_SECTION = "## The checks, and how to fix what they find";

/** The ids GitHub gives a Markdown file's headings: each heading's words, slugged in order. */
function headingIds(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(unified().use(remarkParse).parse(markdown) as Nodes, "heading", (heading) => {
    ids.add(slugger.slug(toString(heading)));
  });
  return ids;
}

/** Each rule whose guide anchor the guide has no heading for, as "rule id: #anchor". */
function missingGuideAnchors(readme: string): string[] {
  const ids = headingIds(readme);
  return CONTENT_RULES.filter((rule) => !ids.has(rule.guide)).map((rule) => `${rule.id}: #${rule.guide}`);
}

/** The cells of the guide's table of checks, row by row, without its header. */
function checksTable(readme: string): string[][] {
  const section = readme.slice(readme.indexOf(TABLE_SECTION)).split("\n### ")[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("|"));
  return rows.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim()),
  );
}

/** The table's rows as the registry has them. */
function registryTable(): string[][] {
  return CONTENT_RULES.map((rule) => [
    `[\`${rule.id}\`](#${rule.guide})`,
    rule.source === RULE_SOURCE ? "our own" : `\`${rule.source}\``,
    rule.severity,
    rule.summary,
  ]);
}

describe("the guide's anchors", () => {
  it("include every rule's: each message links to a heading content/README.md has", () => {
    expect(missingGuideAnchors(README)).toEqual([]);
  });

  it("are missed when a heading is renamed", () => {
    expect(README).toContain("\n### broken-link\n");
    expect(missingGuideAnchors(README.replace("\n### broken-link\n", "\n### Broken links\n"))).toEqual([
      "broken-link: #broken-link",
    ]);
  });

  it("are missed when a heading gains words, as the warnings' once had", () => {
    const renamed = README.replace("\n### review-due\n", "\n### review-due (a warning)\n");
    expect(missingGuideAnchors(renamed)).toEqual(["review-due: #review-due"]);
  });

  it("are missed for every rule a shared heading explains", () => {
    const renamed = README.replace("\n### image-alt and image-source\n", "\n### Images\n");
    expect(missingGuideAnchors(renamed)).toEqual([
      "image-alt: #image-alt-and-image-source",
      "image-source: #image-alt-and-image-source",
    ]);
  });

  it("are GitHub's: words in small letters, dashes for spaces, code kept, punctuation dropped", () => {
    const ids = headingIds("# A, b\n\n## Phone number: `<PhoneLink />`\n\n## A, b\n\n```md\n## In code\n```\n");
    expect([...ids]).toEqual(["a-b", "phone-number-phonelink-", "a-b-1"]);
  });
});

describe("the guide's table of checks", () => {
  it("lists the registry's rules, in its order, with where each comes from, its kind and what it finds", () => {
    expect(checksTable(README)).toEqual(registryTable());
  });

  it("is found out when a row goes missing", () => {
    const row = README.split("\n").find((line) => line.startsWith("| [`plain-words`]"));
    expect(row).toBeDefined();
    expect(checksTable(README.replace(`${row}\n`, ""))).not.toEqual(registryTable());
  });
});
