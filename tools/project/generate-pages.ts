/**
 * Realistic guidance pages for the growth benchmark: the same shape as the pages in content/
 * (settings block, short paragraphs, ## and ### headings, lists, the building blocks, links
 * to other pages), with words drawn from the site's own subjects. Seeded, so the same count
 * always gives the same pages and two runs build the same thing.
 */

/** A small, fast, seeded random source (mulberry32): the same seed, the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRIMES = [
  "burglary",
  "car crime",
  "fraud",
  "online abuse",
  "assault",
  "criminal damage",
  "theft",
  "harassment",
  "antisocial behaviour",
  "a road crime",
  "robbery",
  "stalking",
];
const PLACES = ["Herefordshire", "Shropshire", "Telford and Wrekin", "Worcestershire", "West Mercia"];
const PEOPLE = ["you", "your family", "a friend", "a young person", "an older person", "a neighbour"];
const TOPICS = [
  "what to expect",
  "before a meeting",
  "after a meeting",
  "writing a letter",
  "recorded messages",
  "bringing a supporter",
  "changing your mind",
  "keeping safe",
  "getting support",
  "talking to the practitioner",
];
const SENTENCES = [
  "You are in control at every step.",
  "Taking part is always your choice.",
  "You can stop at any time, for any reason.",
  "A trained practitioner will explain your options first.",
  "Every meeting is risk assessed before it happens.",
  "Meetings take place in a safe, neutral place.",
  "You can bring a friend or family member with you.",
  "You do not have to meet the person who harmed you.",
  "You could write a letter or record a message instead.",
  "It does not replace the police or the courts.",
  "It can still help when nobody was charged.",
  "The person who harmed you must accept some responsibility.",
  "You can come back to us at any time, even years later.",
  "We will help you find the right support.",
  "There is no right or wrong way to feel.",
  "Asking about it does not mean you have to take part.",
  "Your care coordinator can talk it through with you.",
  "The practitioner can pass on messages for you.",
];
const LIST_ITEMS = [
  "how the crime has affected you",
  "the questions you want answered",
  "what you hope will come out of it",
  "who you would like to bring with you",
  "the way you would like to communicate",
  "what would help you feel safe",
  "how much time you need to decide",
  "what support you have around you",
];
const REAL_PAGES = [
  ["/what-is-restorative-justice/", "what restorative justice is"],
  ["/the-restorative-process/", "the restorative process"],
  ["/is-it-right-for-you/", "whether restorative justice is right for you"],
  ["/support-afterwards/", "support after restorative justice"],
  ["/staying-safe-online/", "staying safe online"],
  ["/contact-us/", "how to contact us"],
] as const;

export interface GeneratedPage {
  /** The path under content/, e.g. "guides/burglary-in-shropshire-0007.mdx". */
  file: string;
  /** Where the build publishes it, e.g. "/guides/burglary-in-shropshire-0007/". */
  href: string;
  text: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** `count` pages under content/guides/, each linking to a few others so all are reachable. */
export function generatePages(count: number, seed = 2026): GeneratedPage[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], howMany: number): T[] => [...items].sort(() => next() - 0.5).slice(0, howMany);
  const sentences = (howMany: number) => some(SENTENCES, howMany).join(" ");

  const heads = Array.from({ length: count }, (_, index) => {
    const crime = pick(CRIMES);
    const place = pick(PLACES);
    const topic = pick(TOPICS);
    // At most 54 characters: page titles may have 70.
    const title = `${capitalise(crime)}: ${topic}`;
    const slug = `${slugify(`${crime} ${place} ${topic}`)}-${String(index + 1).padStart(4, "0")}`;
    return { crime, place, topic, title, slug, href: `/guides/${slug}/` };
  });

  return heads.map((head, index) => {
    // The next page and two others: a ring, so every page has a way in.
    const others = [...new Set([heads[(index + 1) % count]!, pick(heads), pick(heads)])].filter(
      (other) => other !== head,
    );
    const [realHref, realText] = pick(REAL_PAGES);
    const blocks: string[] = [
      `This page covers ${head.topic}. It is for ${pick(PEOPLE)} after ${head.crime} in ${head.place}. ${sentences(2)}`,
      `## ${capitalise(head.topic)}`,
      sentences(3),
      `Things a practitioner may ask about:\n\n${some(LIST_ITEMS, 3 + Math.floor(next() * 3))
        .map((item) => `- ${item}`)
        .join("\n")}`,
      `## How it could work for you`,
    ];
    if (next() < 0.5) {
      blocks.push(
        `<Steps>\n${some(LIST_ITEMS, 3)
          .map((item) => `<Step title="Talk about ${item}">\n\n${sentences(2)}\n\n</Step>`)
          .join("\n")}\n</Steps>`,
      );
    } else {
      for (const question of some(TOPICS, 2)) blocks.push(`### ${capitalise(question)}`, sentences(2));
    }
    if (next() < 0.4) {
      blocks.push(`<Details summary="More about ${head.topic}">\n\n${sentences(3)}\n\n</Details>`);
    }
    if (next() < 0.3) blocks.push(`<Warning>${pick(SENTENCES)}</Warning>`);
    blocks.push(
      `## Related pages`,
      others.map((other) => `- [${other.title}](${other.href})`).join("\n") + `\n- [${realText}](${realHref})`,
      `## What happens next`,
      `To talk it through, call us free on <PhoneLink /> or <EnquiryLink />. ${pick(SENTENCES)}`,
    );
    const description = `${capitalise(head.topic)} for people harmed by ${head.crime} in ${head.place}, and how restorative justice could help.`;
    const settings = [
      "---",
      `title: "${head.title}"`,
      `description: ${description.slice(0, 160)}`,
      "lastReviewed: 2026-11-01",
      "---",
    ].join("\n");
    return { file: `guides/${head.slug}.mdx`, href: head.href, text: `${settings}\n\n${blocks.join("\n\n")}\n` };
  });
}
