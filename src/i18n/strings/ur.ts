/** The words the site's own components say, in Urdu: the keys of en.ts. */
import type { UiStrings } from "./en.ts";

export const ur = {
  siteName: "West Mercia میں بحالی انصاف",
  tagline:
    "Herefordshire، Shropshire، Telford and Wrekin اور Worcestershire میں جرم سے متاثر ہونے والے لوگوں کے لیے مدد",
  skipLink: "مرکزی مواد پر جائیں",
  menu: "مینیو",
  mainMenuLabel: "مرکزی",
  footerMenuLabel: "فوٹر",
  languagesLabel: "زبانیں",
  helpInYourLanguage: "اپنی زبان میں مدد",

  quickExit: {
    regionLabel: "فوری طور پر نکلنا",
    link: "اس سائٹ سے نکلیں",
    hint: " یا Esc دبائیں",
    pressAgain: "اس سائٹ سے نکلنے کے لیے دوبارہ Esc دبائیں۔",
    shiftTwiceMore: "Shift دب گیا۔ اس سائٹ سے نکلنے کے لیے Shift مزید 2 بار دبائیں۔",
    shiftOnceMore: "Shift دب گیا۔ اس سائٹ سے نکلنے کے لیے Shift ایک بار اور دبائیں۔",
  },

  footer: {
    callBefore: "بحالی انصاف کے بارے میں بات کرنے کے لیے ہمیں",
    callAfter: "پر مفت کال کریں۔",
    danger: "اگر آپ اس وقت خطرے میں ہیں تو 999 پر کال کریں۔",
  },

  getHelpNow: {
    title: "اگر آپ اس وقت خطرے میں ہیں تو 999 پر کال کریں۔",
    silentCall:
      "اگر آپ بول نہیں سکتے تو لائن پر رہیں۔ موبائل فون پر، جب آپ سے کہا جائے تو 55 دبائیں، اور آپ کی کال پولیس سے ملا دی جائے گی۔",
    callBefore: "ہم سے بحالی انصاف کے بارے میں بات کرنے کے لیے",
    callAfter: "پر مفت کال کریں۔ یہ لائن ہنگامی حالات کے لیے نہیں ہے۔",
  },

  contactDetails: {
    phone: "فون",
    phoneNote: "کال مفت ہے",
    openingHours: "اوقاتِ کار",
    email: "ای میل",
  },

  important: "اہم:",
  enquiryLink: "ہمیں آن لائن پیغام بھیجیں",
  lastReviewed: "صفحے کا آخری جائزہ:",
  draft: "مسودہ: یہ صفحہ لائیو سائٹ پر نہیں ہے۔",

  inEnglish: "(انگریزی میں)",

  interpreter: {
    callBefore: "ہمیں",
    callAfter:
      "پر مفت کال کریں۔ انگریزی میں ”{language}“ کہیں اور ہم آپ کے لیے ایک پیشہ ور ترجمان کا مفت انتظام کریں گے۔ آپ ملاقاتوں میں بھی ترجمان لے سکتے ہیں۔",
  },

  translation: {
    readInEnglish: "یہ صفحہ انگریزی میں پڑھیں",
    unreviewedShort: "ترجمہ ابھی جانچا نہیں گیا",
    unreviewed:
      "اس صفحے کا ترجمہ انگریزی سے کیا گیا ہے اور ابھی تک کسی دوسرے مترجم نے اس کی جانچ نہیں کی۔ اگر کوئی بات واضح نہ ہو تو ترجمان کے لیے کہیں۔",
    outOfDate: "یہ ترجمہ کیے جانے کے بعد انگریزی صفحہ بدل چکا ہے، اس لیے اس صفحے کا کچھ حصہ پرانا ہو سکتا ہے۔",
    outOfDateLink: "انگریزی صفحہ پڑھیں",
  },
} satisfies UiStrings;
