/**
 * What every rule of ours shares: its id as the report prints it (west-mercia-rj:<rule-id>),
 * the guide's section that explains it (both from registry.ts), and a message that says how
 * to fix the problem.
 */
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { guideUrl, RULE_SOURCE, type OwnRuleId } from "./registry.ts";

/** unified-lint-rule's description of one of our rules. */
export function ruleMeta(ruleId: OwnRuleId) {
  return { origin: `${RULE_SOURCE}:${ruleId}`, url: guideUrl(ruleId) };
}

/** One problem: what is wrong (the message) and how to put it right (its note). */
export function report(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  fix: string,
  ruleId?: OwnRuleId,
): VFileMessage {
  const message = file.message(reason, { place, ...(ruleId ? { ruleId, source: RULE_SOURCE } : {}) });
  message.note = `How to fix: ${fix}`;
  if (ruleId) message.url = guideUrl(ruleId);
  return message;
}
