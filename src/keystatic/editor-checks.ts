/**
 * The content checks where editors write: a "Checks" panel under the page text in the editor,
 * updated as they type, listing every message the build would give the page (reading grade,
 * hard sentences, broken links, missing alt text, typed contact details, the settings…) with
 * how to fix each, and the guide's section on the check that found it. One definition: it runs
 * checkPage from src/lib/content-checks, the function the build and `npm run check:content` run,
 * on the page as it would be saved, and names each check as that folder's registry.ts does.
 *
 * Keystatic hands each field only its own value, so the settings fields publish theirs to a small
 * store here (see publishSettings) and the panel writes the page's file from them and the text:
 * the settings as YAML, then the MDX the text field would save. The site's addresses and
 * building blocks come from the files when the admin is built or started (integration.ts puts
 * them in import.meta.env.CONTENT_CHECKS_SITE); this file reads no files, so it runs in a browser.
 */
import type { ComponentSchema, FormField } from "@keystatic/core";
import { createElement, useEffect, useState, useSyncExternalStore, type ReactElement } from "react";
import { stringify } from "yaml";
import type { pageTextField } from "./mdx-field.ts";
import type { Destination, SiteMap } from "../lib/content-checks/index.ts";
import { guideUrl, ruleOf } from "../lib/content-checks/registry.ts";

/** What the integration writes for the panel: the site map's entries and the building blocks' names. */
export interface SiteForChecks {
  addresses: [address: string, destination: { draft: boolean; anchors?: string[]; fingerprint?: string }][];
  blocks: string[];
}

/** The site map as the rules take it, from what the integration wrote. */
export function siteMapOf(site: SiteForChecks): SiteMap {
  return new Map(
    site.addresses.map(([address, { draft, anchors, fingerprint }]): [string, Destination] => [
      address,
      {
        draft,
        ...(anchors ? { anchors: new Set(anchors) } : {}),
        ...(fingerprint ? { fingerprint } : {}),
      },
    ]),
  );
}

/** One problem, as the panel shows it. */
export interface CheckItem {
  /** Must be fixed before the change goes live (an error), or a reminder (a warning). */
  mustFix: boolean;
  /**
   * Where: "Settings: description", "Line 14" or "The whole page". Lines are the saved file's,
   * as the build's report and `npm run check:content` number them.
   */
  where: string;
  /** The text at that place, shortened, so the editor can find it. */
  near: string | undefined;
  message: string;
  /** "How to fix: …". */
  fix: string | undefined;
  /** The guide's section on the check that found it, such as content/README.md#broken-link. */
  guide: string | undefined;
}

export interface DraftResult {
  /** The page's Flesch-Kincaid reading grade and the most its page may have, once the text can be read. */
  grade: { grade: number; ceiling: number; words: number } | undefined;
  items: CheckItem[];
}

export interface Draft {
  /** The page's address (its file name), such as contact-us. */
  slug: string;
  /** A translation's folder in content/, its language: "pl" for content/pl/contact-us.mdx. */
  folder?: string | undefined;
  /** The settings as they would be written (undefined ones are left out). */
  settings: Record<string, unknown>;
  /** The page text as the text field would save it (MDX). */
  text: string;
}

/** The file the editor would write for a draft: the settings as YAML, then the text. */
export function draftSource(draft: Draft): string {
  const written = Object.fromEntries(Object.entries(draft.settings).filter(([, value]) => value !== undefined));
  // One line a setting, so a message's line names its setting. Keystatic's writer (js-yaml) may fold a
  // setting longer than 80 characters over two lines, so the saved file's lines after it can be
  // one further on than the panel says; the words it quotes say where.
  return `---\n${stringify(written, { lineWidth: 0 })}---\n${draft.text}`;
}

/** Runs every content check on a draft and says where each problem is in the editor's words. */
export async function checkDraft(
  draft: Draft,
  options: { site?: SiteForChecks | undefined; today?: string | undefined } = {},
): Promise<DraftResult> {
  const source = draftSource(draft);
  const lines = source.split("\n");
  // The line of the closing --- of the settings: the page text starts after it.
  const settingsEnd = lines.indexOf("---", 1) + 1;
  // Loaded on first use, in a file of its own, so the rest of the admin does not wait for it.
  const { checkPage } = await import("../lib/content-checks/index.ts");
  const id = `${draft.folder ? `${draft.folder}/` : ""}${draft.slug || "new-page"}`;
  const file = await checkPage({
    path: `content/${id}.mdx`,
    source,
    id,
    siteMap: options.site ? siteMapOf(options.site) : undefined,
    blocks: options.site?.blocks,
    today: options.today,
  });
  const items = file.messages.map((message): CheckItem => {
    const line = message.line ?? 1;
    const inSettings = line > 1 && line < settingsEnd;
    const setting = inSettings ? /^\s*([A-Za-z]+):/.exec(lines[line - 1] ?? "")?.[1] : undefined;
    const text = line > settingsEnd ? (lines[line - 1] ?? "").trim() : "";
    const rule = ruleOf(message);
    return {
      mustFix: message.fatal === true,
      where: inSettings
        ? `Settings${setting ? `: ${setting}` : ""}`
        : message.ruleId?.startsWith("settings")
          ? "Settings"
          : line > settingsEnd
            ? `Line ${line}`
            : "The whole page",
      near: text ? (text.length > 80 ? `${text.slice(0, 77)}…` : text) : undefined,
      message: message.reason,
      fix: message.note ?? undefined,
      guide: rule ? guideUrl(rule.id) : undefined,
    };
  });
  return { grade: file.data.reading, items };
}

/**
 * The settings the editor holds for the open page, each published by its field's input. One
 * page is open at a time; opening another replaces each value as its field shows it.
 */
const settingsStore = (() => {
  let values: Readonly<Record<string, unknown>> = {};
  const listeners = new Set<() => void>();
  return {
    get: () => values,
    set: (key: string, value: unknown) => {
      if (values[key] === value) return;
      values = { ...values, [key]: value };
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

type AnyFormField = FormField<never, never, unknown>;
type PageTextField = ReturnType<typeof pageTextField>;

/** The settings' fields, each also publishing its value for the checks panel. */
export function publishSettings<Fields extends object>(schema: Fields): Fields {
  return Object.fromEntries(
    Object.entries(schema as Record<string, ComponentSchema>).map(([key, field]) => {
      if (field.kind !== "form") return [key, field];
      const form = field as AnyFormField;
      const Inner = form.Input as (props: Parameters<AnyFormField["Input"]>[0]) => ReactElement | null;
      function Input(props: Parameters<AnyFormField["Input"]>[0]) {
        useEffect(() => settingsStore.set(key, props.value), [props.value]);
        return createElement(Inner, props);
      }
      return [key, { ...form, Input }];
    }),
  ) as Fields;
}

/** The settings as the file would have them, from the published values (the address from the slug field). */
export function writtenSettings(
  schema: Record<string, ComponentSchema>,
  slugField: string,
  values: Readonly<Record<string, unknown>>,
) {
  let slug = "";
  const settings: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (field.kind !== "form" || !(key in values)) continue;
    try {
      if (key === slugField && field.formKind === "slug") {
        const out = field.serializeWithSlug(values[key]);
        slug = out.slug;
        settings[key] = out.value;
      } else if (field.formKind === undefined || field.formKind === "slug") {
        settings[key] = field.serialize(values[key]).value;
      }
    } catch {
      // A value the field cannot write yet (a date half typed) is left out; the checks then say it is missing.
    }
  }
  return { slug, settings };
}

/** How long typing must pause before the checks run again. */
export const CHECK_DELAY_MS = 400;

let siteCache: SiteForChecks | null | undefined;

function site(): SiteForChecks | undefined {
  if (siteCache === undefined) {
    const written = import.meta.env["CONTENT_CHECKS_SITE"] as string | undefined;
    siteCache = written ? (JSON.parse(written) as SiteForChecks) : null;
  }
  return siteCache ?? undefined;
}

function today(): string | undefined {
  return (import.meta.env["CONTENT_CHECKS_TODAY"] as string | undefined) || undefined;
}

interface PanelProps {
  settingsSchema: Record<string, ComponentSchema>;
  slugField: string;
  folder: string | undefined;
  /** The page text as it would be saved. */
  text: () => string;
  /** Changes whenever the text does. */
  value: unknown;
}

function ChecksPanel({ settingsSchema, slugField, folder, text, value }: PanelProps) {
  const settings = useSyncExternalStore(settingsStore.subscribe, settingsStore.get, settingsStore.get);
  const [result, setResult] = useState<DraftResult | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      let draft: Draft;
      try {
        draft = { ...writtenSettings(settingsSchema, slugField, settings), folder, text: text() };
      } catch (error) {
        setFailure(String(error));
        return;
      }
      // Without the site (a build that did not go through integration.ts), links are checked for their form only.
      checkDraft(draft, { site: site(), today: today() }).then(
        (next) => {
          if (!current) return;
          setFailure(undefined);
          setResult(next);
        },
        (error: unknown) => current && setFailure(String(error)),
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // text() reads value; settingsSchema never changes.
  }, [settings, value]);
  return createElement(PanelView, { result, failure });
}

const colours = { error: "#b00020", warning: "#6b4e00", text: "#1f1f1f", border: "#8a8a8a" };

function PanelView({ result, failure }: { result: DraftResult | undefined; failure: string | undefined }) {
  const errors = result?.items.filter((item) => item.mustFix).length ?? 0;
  const warnings = (result?.items.length ?? 0) - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary = failure
    ? `The checks could not run: ${failure}`
    : !result
      ? "Checking the page…"
      : result.items.length === 0
        ? "No problems found."
        : `${count(errors, "problem")} to fix before the change goes live${warnings ? `, ${count(warnings, "reminder")} to look at` : ""}.`;
  return createElement(
    "section",
    {
      "aria-labelledby": "page-checks-heading",
      "data-page-checks": result ? (result.items.length ? "problems" : "clear") : "checking",
      style: {
        margin: "24px",
        padding: "16px",
        border: `1px solid ${colours.border}`,
        borderRadius: "6px",
        color: colours.text,
        background: "#ffffff",
        fontSize: "14px",
        lineHeight: 1.5,
      },
    },
    createElement("h2", { id: "page-checks-heading", style: { fontSize: "18px", margin: "0 0 8px" } }, "Checks"),
    createElement(
      "p",
      { style: { margin: "0 0 8px" } },
      "The same checks run when the site is built. Fix each problem before the change goes live; content/README.md explains each check.",
    ),
    result?.grade?.words
      ? createElement(
          "p",
          { "data-reading-grade": result.grade.grade, style: { margin: "0 0 8px" } },
          `Reading grade ${result.grade.grade}: the most allowed for this page is ${result.grade.ceiling} (lower is easier; ${count(result.grade.words, "word")}).`,
        )
      : null,
    createElement("p", { role: "status", style: { margin: "0 0 8px", fontWeight: 700 } }, summary),
    result && result.items.length
      ? createElement(
          "ul",
          { style: { margin: 0, paddingLeft: "20px" } },
          result.items.map((item, index) =>
            createElement(
              "li",
              { key: index, style: { margin: "0 0 12px" } },
              createElement(
                "strong",
                { style: { color: item.mustFix ? colours.error : colours.warning } },
                item.mustFix ? "Must fix" : "To look at",
              ),
              ` – ${item.where}${item.near ? `, near “${item.near}”` : ""}: `,
              item.message,
              item.fix ? createElement("span", { style: { display: "block" } }, item.fix) : null,
              item.guide
                ? createElement("span", { style: { display: "block" } }, `The guide explains this check: ${item.guide}`)
                : null,
            ),
          ),
        )
      : null,
  );
}

/**
 * The page text field with the checks panel under Keystatic's own editor. settingsSchema is the
 * page's other fields (given to publishSettings), from which the panel writes the settings,
 * slugField the one whose value names the file, and folder a translation's language.
 */
export function withChecks(
  field: PageTextField,
  settings: { schema: Record<string, ComponentSchema>; slugField: string; folder?: string },
): PageTextField {
  const decoder = new TextDecoder();
  const Inner = field.Input;
  function Input(props: Parameters<PageTextField["Input"]>[0]) {
    const text = () => {
      const out = field.serialize(props.value, { slug: undefined });
      return out.content ? decoder.decode(out.content) : "";
    };
    return createElement(
      "div",
      null,
      createElement(Inner, props),
      createElement(ChecksPanel, {
        settingsSchema: settings.schema,
        slugField: settings.slugField,
        folder: settings.folder,
        text,
        value: props.value,
      }),
    );
  }
  return { ...field, Input };
}
