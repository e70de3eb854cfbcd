/**
 * settings-contact: the phone number or an email address typed into the
 * title or description, which people see in the browser tab and in search results. Settings
 * cannot hold a building block, and a number there goes as stale as one in the page.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { EMAIL_WRITTEN, PHONE_WRITTEN } from "./hand-written-contact.ts";
import { pageOf } from "./page.ts";
import { report, ruleMeta } from "./rule.ts";

/** Settings whose text is shown to people: in the page, the browser tab and search results. */
const SHOWN_SETTINGS = ["title", "description"] as const;

const settingsContact = lintRule<Root>(ruleMeta("settings-contact"), (tree, file) => {
  const page = pageOf(tree, file);
  for (const name of SHOWN_SETTINGS) {
    const value = page.settings?.[name];
    if (typeof value !== "string") continue;
    const phone = PHONE_WRITTEN.exec(value);
    if (phone) {
      report(
        file,
        `The ${name} setting has the phone number ${phone[0].trim()} written in it.`,
        page.placeOf([name]),
        `Take the number out of the ${name}. Say "call us free" or "phone us" in words, and let the page show the number with <PhoneLink />.`,
      );
    }
    const email = EMAIL_WRITTEN.exec(value);
    if (email) {
      report(
        file,
        `The ${name} setting has the email address ${email[0]} written in it.`,
        page.placeOf([name]),
        `Take the address out of the ${name}. Say "email us" in words, and let the page show the address with <ContactDetails />.`,
      );
    }
  }
});

export default settingsContact;
