/**
 * hand-written-contact: the service's phone number and email addresses belong to
 * <PhoneLink /> and <ContactDetails />, which read src/site.ts. Typed by hand they go out of
 * date when the number changes, and the number is not a link a phone can call. The page's
 * settings are checked for the same by settings-contact.ts.
 */
import type { Nodes, Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { visit } from "unist-util-visit";
import { PHONE } from "../../site.ts";
import { linksOf } from "./links.ts";
import { report, ruleMeta } from "./rule.ts";

/** The national number's digits, however they are spaced: "0800 952 3000", "+44 (0)800-952-3000". */
const nationalDigits = PHONE.tel.replace(/^\+44/, "").split("");
const ANY_SEPARATORS = "[\\s\\u00a0().-]*";
export const PHONE_WRITTEN = new RegExp(
  `(?:\\+${ANY_SEPARATORS}4${ANY_SEPARATORS}4${ANY_SEPARATORS}(?:\\(0\\))?|\\b0)${ANY_SEPARATORS}${nationalDigits.join(ANY_SEPARATORS)}\\b`,
);
export const EMAIL_WRITTEN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

const handWrittenContact = lintRule<Root>(ruleMeta("hand-written-contact"), (tree, file) => {
  visit(tree as Nodes, (node) => {
    if (node.type !== "text") return;
    const phone = PHONE_WRITTEN.exec(node.value);
    if (phone) {
      report(
        file,
        `The phone number ${phone[0].trim()} is written by hand.`,
        node.position,
        "Write <PhoneLink /> instead. It shows the number from src/site.ts as a link that phones can call.",
      );
    }
    const email = EMAIL_WRITTEN.exec(node.value);
    if (email) {
      report(
        file,
        `The email address ${email[0]} is written by hand.`,
        node.position,
        "Write <ContactDetails /> instead. It shows the team's email address from src/site.ts, once it is set there.",
      );
    }
  });

  for (const { href, position } of linksOf(tree)) {
    if (/^tel:/i.test(href)) {
      report(
        file,
        `This phone link (${href}) is written by hand.`,
        position,
        "Write <PhoneLink /> instead. It always shows the number set in src/site.ts.",
      );
    } else if (/^mailto:/i.test(href)) {
      report(
        file,
        `This email link (${href}) is written by hand.`,
        position,
        "Write <ContactDetails /> instead. It shows the team's email address once it is set in src/site.ts.",
      );
    }
  }
});

export default handWrittenContact;
