/** The words the site's own components say, in Panjabi: the keys of en.ts. */
import type { UiStrings } from "./en.ts";

export const pa = {
  siteName: "West Mercia ਵਿੱਚ ਮੁੜ-ਬਹਾਲੀ ਨਿਆਂ",
  tagline: "Herefordshire, Shropshire, Telford and Wrekin ਅਤੇ Worcestershire ਵਿੱਚ ਅਪਰਾਧ ਦਾ ਨੁਕਸਾਨ ਝੱਲਣ ਵਾਲੇ ਲੋਕਾਂ ਲਈ ਸਹਾਇਤਾ",
  skipLink: "ਮੁੱਖ ਸਮੱਗਰੀ ਉੱਤੇ ਜਾਓ",
  menu: "ਮੀਨੂ",
  mainMenuLabel: "ਮੁੱਖ",
  footerMenuLabel: "ਫੁੱਟਰ",
  languagesLabel: "ਭਾਸ਼ਾਵਾਂ",
  helpInYourLanguage: "ਤੁਹਾਡੀ ਭਾਸ਼ਾ ਵਿੱਚ ਮਦਦ",

  quickExit: {
    regionLabel: "ਜਲਦੀ ਬਾਹਰ ਨਿਕਲਣਾ",
    link: "ਇਹ ਸਾਈਟ ਛੱਡੋ",
    hint: " ਜਾਂ Esc ਦਬਾਓ",
    pressAgain: "ਇਹ ਸਾਈਟ ਛੱਡਣ ਲਈ Esc ਦੁਬਾਰਾ ਦਬਾਓ।",
    shiftTwiceMore: "Shift ਦਬਾਇਆ ਗਿਆ। ਇਹ ਸਾਈਟ ਛੱਡਣ ਲਈ Shift 2 ਵਾਰ ਹੋਰ ਦਬਾਓ।",
    shiftOnceMore: "Shift ਦਬਾਇਆ ਗਿਆ। ਇਹ ਸਾਈਟ ਛੱਡਣ ਲਈ Shift ਇੱਕ ਵਾਰ ਹੋਰ ਦਬਾਓ।",
  },

  footer: {
    callBefore: "ਮੁੜ-ਬਹਾਲੀ ਨਿਆਂ ਬਾਰੇ ਗੱਲ ਕਰਨ ਲਈ ਸਾਨੂੰ",
    callAfter: "ਉੱਤੇ ਮੁਫ਼ਤ ਫ਼ੋਨ ਕਰੋ।",
    danger: "ਜੇ ਤੁਸੀਂ ਇਸ ਵੇਲੇ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ, ਤਾਂ 999 ਉੱਤੇ ਫ਼ੋਨ ਕਰੋ।",
  },

  getHelpNow: {
    title: "ਜੇ ਤੁਸੀਂ ਇਸ ਵੇਲੇ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ, ਤਾਂ 999 ਉੱਤੇ ਫ਼ੋਨ ਕਰੋ।",
    silentCall:
      "ਜੇ ਤੁਸੀਂ ਬੋਲ ਨਹੀਂ ਸਕਦੇ, ਤਾਂ ਲਾਈਨ ਉੱਤੇ ਬਣੇ ਰਹੋ। ਮੋਬਾਈਲ ਤੋਂ, ਜਦੋਂ ਤੁਹਾਨੂੰ ਕਿਹਾ ਜਾਵੇ ਤਾਂ 55 ਦਬਾਓ, ਅਤੇ ਤੁਹਾਡੀ ਕਾਲ ਪੁਲਿਸ ਨਾਲ ਜੋੜ ਦਿੱਤੀ ਜਾਵੇਗੀ।",
    callBefore: "ਸਾਡੇ ਨਾਲ ਮੁੜ-ਬਹਾਲੀ ਨਿਆਂ ਬਾਰੇ ਗੱਲ ਕਰਨ ਲਈ",
    callAfter: "ਉੱਤੇ ਮੁਫ਼ਤ ਫ਼ੋਨ ਕਰੋ। ਇਹ ਲਾਈਨ ਐਮਰਜੈਂਸੀ ਲਈ ਨਹੀਂ ਹੈ।",
  },

  contactDetails: {
    phone: "ਫ਼ੋਨ",
    phoneNote: "ਫ਼ੋਨ ਕਰਨਾ ਮੁਫ਼ਤ ਹੈ",
    openingHours: "ਖੁੱਲ੍ਹਣ ਦਾ ਸਮਾਂ",
    email: "ਈਮੇਲ",
  },

  important: "ਜ਼ਰੂਰੀ:",
  enquiryLink: "ਸਾਨੂੰ ਔਨਲਾਈਨ ਸੁਨੇਹਾ ਭੇਜੋ",
  lastReviewed: "ਇਸ ਪੰਨੇ ਦੀ ਪਿਛਲੀ ਜਾਂਚ:",
  draft: "ਖਰੜਾ: ਇਹ ਪੰਨਾ ਲਾਈਵ ਸਾਈਟ ਉੱਤੇ ਨਹੀਂ ਹੈ।",

  inEnglish: "(ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ)",

  interpreter: {
    callBefore: "ਸਾਨੂੰ",
    callAfter:
      "ਉੱਤੇ ਮੁਫ਼ਤ ਫ਼ੋਨ ਕਰੋ। ਅੰਗਰੇਜ਼ੀ ਦਾ ਸ਼ਬਦ “{language}” ਬੋਲੋ, ਅਤੇ ਅਸੀਂ ਤੁਹਾਡੇ ਲਈ ਇੱਕ ਪੇਸ਼ੇਵਰ ਦੁਭਾਸ਼ੀਏ ਦਾ ਪ੍ਰਬੰਧ ਕਰਾਂਗੇ, ਬਿਨਾਂ ਕਿਸੇ ਖ਼ਰਚੇ ਦੇ। ਮੀਟਿੰਗਾਂ ਵਿੱਚ ਵੀ ਤੁਹਾਡੇ ਨਾਲ ਦੁਭਾਸ਼ੀਆ ਹੋ ਸਕਦਾ ਹੈ।",
  },

  translation: {
    readInEnglish: "ਇਹ ਪੰਨਾ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਪੜ੍ਹੋ",
    unreviewedShort: "ਅਨੁਵਾਦ ਦੀ ਹਾਲੇ ਜਾਂਚ ਨਹੀਂ ਹੋਈ",
    unreviewed:
      "ਇਸ ਪੰਨੇ ਦਾ ਅੰਗਰੇਜ਼ੀ ਤੋਂ ਅਨੁਵਾਦ ਕੀਤਾ ਗਿਆ ਹੈ, ਅਤੇ ਹਾਲੇ ਕਿਸੇ ਦੂਜੇ ਅਨੁਵਾਦਕ ਨੇ ਇਸ ਦੀ ਜਾਂਚ ਨਹੀਂ ਕੀਤੀ। ਜੇ ਕੋਈ ਗੱਲ ਸਪਸ਼ਟ ਨਾ ਹੋਵੇ, ਤਾਂ ਦੁਭਾਸ਼ੀਏ ਦੀ ਮੰਗ ਕਰੋ।",
    outOfDate: "ਇਹ ਅਨੁਵਾਦ ਕਰਨ ਤੋਂ ਬਾਅਦ ਅੰਗਰੇਜ਼ੀ ਪੰਨਾ ਬਦਲ ਗਿਆ ਹੈ, ਇਸ ਲਈ ਹੋ ਸਕਦਾ ਹੈ ਕਿ ਇਸ ਪੰਨੇ ਦੀਆਂ ਕੁਝ ਗੱਲਾਂ ਪੁਰਾਣੀਆਂ ਹੋਣ।",
    outOfDateLink: "ਅੰਗਰੇਜ਼ੀ ਪੰਨਾ ਪੜ੍ਹੋ",
  },
} satisfies UiStrings;
