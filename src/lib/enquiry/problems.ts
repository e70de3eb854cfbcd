/**
 * Every answer the enquiry function gives when it cannot take an enquiry in at all, each with
 * its words, defined once: the build makes a page of the site for each
 * (src/pages/enquire/problem/[problem].astro), and the function answers with that page and
 * the status that fits. Where the answers could be read, it sends the form back instead.
 */
import { count } from "./questions.ts";
import { MESSAGE_MAX_LENGTH } from "./schema.ts";

export interface EnquiryProblem {
  title: string;
  /** Plain words: what happened, whether anything was kept, what to do now. */
  paragraphs: readonly string[];
}

const limit = count(MESSAGE_MAX_LENGTH);

export const ENQUIRY_PROBLEMS = {
  // Someone opened the form's sending address itself, say from their history.
  "use-the-form": {
    title: "Use the form to send us a message",
    paragraphs: ["This address only takes messages sent from the enquiry form on this site."],
  },
  "other-site": {
    title: "Your message was not sent",
    paragraphs: [
      "It did not come from the enquiry form on this site, so we could not take it. We have not kept anything it said.",
      "To send us a message, use the enquiry form on this site.",
    ],
  },
  "not-read": {
    title: "Your message was not sent",
    paragraphs: [
      "Something went wrong and we could not read your answers. We have not kept anything you typed.",
      "Your browser's Back button may take you back to the form with your answers still in it.",
    ],
  },
  "too-large": {
    title: "Your message was too long to send",
    paragraphs: [
      `It was far longer than the form allows, so we could not read it. A message can be up to ${limit} characters.`,
      "We have not kept anything you typed. Your browser's Back button may take you back to the form with your answers still in it.",
    ],
  },
  // Shown by Netlify's rate limit, which answers before the function sees the message.
  "too-many": {
    title: "You have sent a lot of messages in a short time",
    paragraphs: [
      "To keep the form working for everyone, it takes only so many messages a minute from one place. This one has not reached us.",
      "Wait a minute, then send it again. Your browser's Back button may take you back to the form with your answers still in it.",
    ],
  },
} as const satisfies Record<string, EnquiryProblem>;

export type EnquiryProblemId = keyof typeof ENQUIRY_PROBLEMS;

export const ENQUIRY_PROBLEM_IDS = Object.keys(ENQUIRY_PROBLEMS) as EnquiryProblemId[];

/** Where the build puts a problem's page, and where the function reads it from. */
export const problemPagePath = (id: EnquiryProblemId) => `/enquire/problem/${id}/` as const;
