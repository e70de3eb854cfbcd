/**
 * The words the site's own components say, in English. Each translation (pl.ts, ur.ts, …) has
 * the same keys, checked by the type: a missing or extra key fails `npm run check`. Text around
 * a phone number or link is split into the words before and after it, so each language can put
 * the number where its sentence needs it. The pages' own words are in content/.
 */
import { AREA, PHONE, SITE_NAME } from "../../site.ts";

export const en = {
  siteName: SITE_NAME,
  tagline: `Support for people harmed by crime in ${AREA}`,
  skipLink: "Skip to main content",
  menu: "Menu",
  mainMenuLabel: "Main",
  footerMenuLabel: "Footer",
  languagesLabel: "Languages",
  /** The link to the page for readers of every other language. */
  helpInYourLanguage: "Help in your language",

  quickExit: {
    regionLabel: "Quick exit",
    link: "Leave this site",
    /** Follows the link's words; it starts with a space, as the two are read as one. */
    hint: " or press Esc",
    /** Said by screen readers after one Esc in a box someone is typing in. */
    pressAgain: "Press Esc again to leave this site.",
    /** Said after the first and the second of three presses of Shift. */
    shiftTwiceMore: "Shift pressed. Press Shift 2 more times to leave this site.",
    shiftOnceMore: "Shift pressed. Press Shift 1 more time to leave this site.",
  },

  footer: {
    callBefore: "Call us free on",
    callAfter: "to talk about restorative justice.",
    danger: "If you are in danger now, call 999.",
  },

  getHelpNow: {
    title: "If you are in danger now, call 999.",
    silentCall:
      "If you cannot speak, stay on the line. On a mobile, press 55 when you are asked, and your call will be put through to the police.",
    callBefore: "To talk to us about restorative justice, call free on",
    callAfter: ". This line is not for emergencies.",
  },

  contactDetails: {
    phone: "Phone",
    phoneNote: PHONE.note as string,
    openingHours: "Opening hours",
    email: "Email",
  },

  /** Heard by screen readers before a warning's words; the "!" sign is hidden from them. */
  important: "Important:",
  enquiryLink: "send us a message online",
  lastReviewed: "Page last reviewed:",
  draft: "Draft: this page is not on the live site.",

  /** After a link to a page that has no translation in the reader's language. */
  inEnglish: "(in English)",

  /** How to get an interpreter: said once per language, on the help page and in the notices. */
  interpreter: {
    callBefore: "Call us free on",
    /** After the number. {language} is the language's English name, as the caller says it. */
    callAfter:
      ". Say “{language}” and we will arrange a professional interpreter for you, free of charge. You can have an interpreter at meetings too.",
  },

  translation: {
    /** Links a translated page to the English page it was made from. */
    readInEnglish: "Read this page in English",
    /** A line above the heading, linking to the full notice at the end of the page. */
    unreviewedShort: "Translation not yet checked",
    unreviewed:
      "This page was translated from English and has not yet been checked by a second translator. If anything is unclear, ask for an interpreter.",
    outOfDate: "The English page has changed since this translation was made, so some of this page may be out of date.",
    outOfDateLink: "Read the English page",
  },
  /** The enquiry form and the pages after it; the questions' own words are in questions.ts. */
  enquiry: {
    form: {
      title: "Send us a message",
      description:
        "Send a message to the West Mercia restorative justice team and tell us how it is safe to contact you.",
      intro: "Use this form to ask us anything about restorative justice. Asking does not mean you have to take part.",
      callBefore: "You can also call us free on",
      callAfter: ".",
      whatHappensNext: "What happens next",
      whatHappensNextText:
        "Your message goes to the West Mercia restorative justice team. Someone from the team will contact you in the way you chose. We will not send you an email or text to confirm.",
      privacyBefore: "Read our",
      privacyLink: "privacy notice",
      privacyAfter: "to find out how we use and protect your details.",
      send: "Send enquiry",
      sendAgain: "Try sending again",
      errorSummaryTitle: "There is a problem",
      error: "Error:",
      sendFailedTitle: "Your message has not been sent",
      sendFailedText: "Something went wrong on our side. Your answers are still in the form below.",
      sendFailedCallBefore: "Try sending it again. If it still does not work, call us free on",
      sendFailedCallAfter: ".",
      honeypot: "Leave this box empty",
    },
    sent: {
      title: "Your enquiry has been sent",
      description: "Your enquiry has been sent to the restorative justice team.",
      whatHappensNext: "What happens next",
      readBy: "Someone from the West Mercia restorative justice team will read your message.",
      contactYou:
        "They will contact you in the way you said is safe. We have not sent you an email or text to confirm.",
      reference: "If you call us, you can give your reference so we can find your message.",
    },
    received: {
      title: "We have your message",
      description: "Your enquiry is saved and will be passed to the restorative justice team.",
      saved:
        "Your message is saved safely. It has not reached the restorative justice team yet, because of a problem on our side.",
      keepTrying: "We will keep trying to pass it on, and it will reach them. You do not need to send it again.",
      whatHappensNext: "What happens next",
      whenTheTeamHasIt:
        "When the team has your message, they will contact you in the way you said is safe. This may take a little longer than usual.",
      reference:
        "We have not sent you an email or text to confirm. If you call us, you can give your reference so we can find your message.",
    },
    referenceIs: "Your reference is",
    talkSooner: {
      title: "If you need to talk sooner",
      callBefore: "Call us free on",
      callAfter: ". If you are in danger now, call 999.",
      home: "Go to the home page",
    },
    replyWithin: "{days} working days",
    /** On the sent and kept pages: when to call us. {within} is replyWithin. */
    ifNobodyBefore: "If nobody has contacted you within {within}, call us free on",
    ifNobodyAfter: ".",
    problem: {
      goToForm: "Go to the enquiry form",
      ratherTalk: "If you would rather talk to us",
      callBefore: "Call us free on",
      callAfter: ". If you are in danger now, call 999.",
    },
  },
};

export type UiStrings = typeof en;
