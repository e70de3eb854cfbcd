/**
 * The service's phone number and email addresses belong to <PhoneLink /> and <ContactDetails />,
 * which read src/site.ts: written by hand, they go out of date when the number changes and
 * the number is not a link a phone can call.
 */
import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import { PHONE } from "../../../src/site.ts";
import type { PageSource } from "./page-source.ts";
import { placeOf, type Problem } from "./problem.ts";

/** The national number's digits, however they are spaced: "0800 952 3000", "+44 (0)800-952-3000". */
const nationalDigits = PHONE.tel.replace(/^\+44/, "").split("");
const ANY_SEPARATORS = "[\\s\\u00a0().-]*";
const PHONE_WRITTEN = new RegExp(
  `(?:\\+${ANY_SEPARATORS}4${ANY_SEPARATORS}4${ANY_SEPARATORS}(?:\\(0\\))?|\\b0)${ANY_SEPARATORS}${nationalDigits.join(ANY_SEPARATORS)}\\b`,
);
const EMAIL_WRITTEN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

export function checkContactDetails(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  visit(page.tree as Nodes, (node) => {
    if (node.type !== "text") return;
    const at = { file: page.file, ...placeOf(node), severity: "error" as const, rule: "hand-written-contact" };
    const phone = PHONE_WRITTEN.exec(node.value);
    if (phone) {
      problems.push({
        ...at,
        message: `The phone number ${phone[0].trim()} is written by hand.`,
        fix: "Write <PhoneLink /> instead. It shows the number from src/site.ts as a link that phones can call.",
      });
    }
    const email = EMAIL_WRITTEN.exec(node.value);
    if (email) {
      problems.push({
        ...at,
        message: `The email address ${email[0]} is written by hand.`,
        fix: "Write <ContactDetails /> instead. It shows the team's email address from src/site.ts, once it is set there.",
      });
    }
  });
  return problems;
}
