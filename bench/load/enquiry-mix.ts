/**
 * The enquiries a load test sends, made in advance from a seed so a run can be made again:
 * unique valid ones, invalid ones (one thing wrong, as people get it wrong) and exact repeats of
 * an earlier valid one (a double click, a refresh). Each valid one carries the idempotency key
 * and reference the function must derive from it, so the tally can find its email.
 */
import { enquiryDigest } from "../../src/lib/enquiry/reference.ts";
import { parseEnquiry, type EnquiryAnswers } from "../../src/lib/enquiry/schema.ts";

export type Kind = "valid" | "invalid" | "repeat";

export interface Job {
  index: number;
  kind: Kind;
  contentType: string;
  body: Buffer;
  /** For a valid enquiry or a repeat: what the function derives from its content. */
  idempotencyKey?: string;
  reference?: string;
}

export interface MixOptions {
  requests: number;
  /** Shares of all requests, 0 to 1. */
  invalidShare: number;
  repeatShare: number;
  multipartShare: number;
  seed: number;
  /** Makes this run's messages, and so their keys, unlike any other run's. */
  runTag: string;
}

/** A small seeded generator (mulberry32). */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}
type Random = ReturnType<typeof randomFrom>;

const PHONES = ["07700 900982", "+44 7700 900982", "(01632) 960 001", "020 7946 0000", "+1 202-555-0143"];
const OPENINGS = [
  "Could I write a letter to the person who hurt me?",
  "I would like to know more about meeting them.",
  "Is it too late to ask? It happened years ago.",
  "Can someone explain the process to me <b>before</b> I decide?",
  "Ich möchte wissen, wie das abläuft. 😀",
];

function validAnswers(index: number, runTag: string, random: Random): EnquiryAnswers {
  const contactMethod = random.pick(["phone", "email", "either"] as const);
  // The message makes each enquiry unique, so each gets its own idempotency key.
  const answers: EnquiryAnswers = {
    message: `${random.pick(OPENINGS)}\r\n\r\nLoad test ${runTag}, enquiry ${index}.`,
    contactMethod,
  };
  if (contactMethod !== "email") {
    answers.phone = random.pick(PHONES);
    answers.voicemail = random.pick(["yes", "no"]);
    answers.sayWhoWeAre = random.pick(["yes", "no"]);
    if (random.next() < 0.5) answers.safeTimes = "Weekday mornings";
  }
  if (contactMethod !== "phone") answers.email = `person${index}@example.com`;
  if (random.next() < 0.5) answers.name = random.pick(["Sam", "Alex", "Jo O'Neill", "Zoë"]);
  if (random.next() < 0.3) answers.careCoordinator = random.pick(["yes", "no", "not-sure"]);
  return answers;
}

function invalidAnswers(index: number, runTag: string, random: Random): EnquiryAnswers {
  const answers = validAnswers(index, runTag, random);
  random.pick([
    () => delete answers.contactMethod,
    () => Object.assign(answers, { contactMethod: "phone", phone: "12", voicemail: "no", sayWhoWeAre: "no" }),
    () => Object.assign(answers, { contactMethod: "email", email: "not an address" }),
    () => Object.assign(answers, { message: "  \r\n " }),
    () => Object.assign(answers, { message: "x".repeat(3001) }),
    () => Object.assign(answers, { name: "n".repeat(101) }),
    () => Object.assign(answers, { careCoordinator: "perhaps" }),
  ])();
  return answers;
}

/** The form as a browser posts it, with the empty honeypot; urlencoded, as the site's form, or multipart. */
function encodeForm(answers: EnquiryAnswers, index: number, multipart: boolean) {
  const entries = Object.entries(answers).filter((entry): entry is [string, string] => entry[1] !== undefined);
  entries.push(["website", ""]);
  if (!multipart) {
    return {
      contentType: "application/x-www-form-urlencoded",
      body: Buffer.from(new URLSearchParams(entries).toString()),
    };
  }
  const boundary = `----load-enquiry-${index}`;
  const parts = entries.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}

export function makeJobs(options: MixOptions): Job[] {
  const random = randomFrom(options.seed);
  const jobs: Job[] = [];
  const valid: Job[] = [];
  for (let index = 0; index < options.requests; index++) {
    const roll = random.next();
    if (roll < options.repeatShare && valid.length > 0) {
      // A recent one: at 50 connections it may well still be in flight.
      const original = valid[Math.max(0, valid.length - 1 - Math.floor(random.next() * 200))]!;
      jobs.push({ ...original, index, kind: "repeat" });
      continue;
    }
    const invalid = roll < options.repeatShare + options.invalidShare;
    const answers = invalid
      ? invalidAnswers(index, options.runTag, random)
      : validAnswers(index, options.runTag, random);
    const result = parseEnquiry(answers);
    if (result.ok === invalid) throw new Error(`Enquiry ${index} was meant to be ${invalid ? "invalid" : "valid"}.`);
    const job: Job = {
      index,
      kind: invalid ? "invalid" : "valid",
      ...encodeForm(answers, index, random.next() < options.multipartShare),
      ...(result.ok ? enquiryDigest(result.enquiry) : {}),
    };
    jobs.push(job);
    if (!invalid) valid.push(job);
  }
  return jobs;
}
