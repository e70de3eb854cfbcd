/**
 * How to ask for an interpreter, in languages the site has no pages in: each shown on the page
 * "Help in your language" in its own script, with lang and dir. The site's own languages say
 * it in their strings files (strings/<code>.ts, `interpreter`).
 */
export interface InterpreterHelp {
  /** BCP 47, for lang. */
  tag: string;
  dir: "ltr" | "rtl";
  /** The language's name in itself. */
  name: string;
  /** Its name in English: what the caller says on the phone. */
  englishName: string;
  /** Words before the phone number (the page puts the number between the two). */
  callBefore: string;
  /** Words after it. */
  callAfter: string;
}

export const MORE_LANGUAGES: readonly InterpreterHelp[] = [
  {
    tag: "bg",
    dir: "ltr",
    name: "Български",
    englishName: "Bulgarian",
    callBefore: "Помагаме безплатно на хора, пострадали от престъпление в Уест Мърсия. Обадете ни се безплатно на",
    callAfter:
      ". Кажете „Bulgarian“ и ще ви осигурим професионален преводач, без да плащате. Можете да имате преводач и на срещите.",
  },
  {
    tag: "lt",
    dir: "ltr",
    name: "Lietuvių",
    englishName: "Lithuanian",
    callBefore:
      "Nemokamai padedame žmonėms, nukentėjusiems nuo nusikaltimų West Mercia regione. Skambinkite mums nemokamai numeriu",
    callAfter:
      ". Pasakykite „Lithuanian“ ir mes be jokio mokesčio surasime jums profesionalų vertėją. Vertėjas gali dalyvauti ir susitikimuose.",
  },
  {
    tag: "sk",
    dir: "ltr",
    name: "Slovenčina",
    englishName: "Slovak",
    callBefore:
      "Bezplatne pomáhame ľuďom, ktorým v oblasti West Mercia ublížil trestný čin. Zavolajte nám zadarmo na číslo",
    callAfter:
      ". Povedzte „Slovak“ a bezplatne vám zabezpečíme profesionálneho tlmočníka. Tlmočníka môžete mať aj na stretnutiach.",
  },
  {
    tag: "pt",
    dir: "ltr",
    name: "Português",
    englishName: "Portuguese",
    callBefore:
      "Ajudamos gratuitamente as pessoas prejudicadas por crimes na região de West Mercia. Ligue grátis para o número",
    callAfter:
      ". Diga “Portuguese” e providenciaremos um intérprete profissional, sem qualquer custo. Também pode ter um intérprete nas reuniões.",
  },
  {
    tag: "ar",
    dir: "rtl",
    name: "العربية",
    englishName: "Arabic",
    callBefore: "نقدم مساعدة مجانية للأشخاص الذين تضرروا من جريمة في منطقة ويست ميرسيا. اتصل بنا مجانًا على الرقم",
    callAfter: ". قل ”Arabic“ وسنوفر لك مترجمًا فوريًا محترفًا دون أي تكلفة. ويمكن أن يرافقك مترجم في الاجتماعات أيضًا.",
  },
  {
    tag: "ckb",
    dir: "rtl",
    name: "کوردی سۆرانی",
    englishName: "Kurdish Sorani",
    callBefore:
      "ئێمە بە خۆڕایی یارمەتی ئەو کەسانە دەدەین کە لە وێست مەرسیا بەهۆی تاوانەوە زیانیان پێ گەیشتووە. بە خۆڕایی بە ژمارەی",
    callAfter:
      "پەیوەندیمان پێوە بکە. بڵێ «Kurdish Sorani» و ئێمە بە خۆڕایی وەرگێڕێکی پسپۆڕ بۆت دابین دەکەین. دەتوانیت لە کۆبوونەوەکانیشدا وەرگێڕت لەگەڵ بێت.",
  },
  {
    tag: "bn",
    dir: "ltr",
    name: "বাংলা",
    englishName: "Bengali",
    callBefore: "ওয়েস্ট মার্সিয়া এলাকায় অপরাধে ক্ষতিগ্রস্ত মানুষদের আমরা বিনামূল্যে সাহায্য করি। আমাদের",
    callAfter:
      "নম্বরে বিনা খরচে ফোন করুন। ফোনে “Bengali” বলুন, তাহলে আমরা বিনামূল্যে আপনার জন্য একজন পেশাদার দোভাষীর ব্যবস্থা করে দেব। মিটিংয়েও আপনার সঙ্গে একজন দোভাষী থাকতে পারেন।",
  },
  {
    tag: "pa-Arab",
    dir: "rtl",
    name: "پنجابی",
    englishName: "Panjabi",
    callBefore: "اسیں ویسٹ مرسیا وچ جرم توں متاثر لوکاں دی مفت مدد کردے آں۔ سانوں",
    callAfter:
      "نمبر تے مفت فون کرو۔ ”Panjabi“ آکھو تے اسیں تہاڈے لئی اک پیشہ ور ترجمان دا انتظام کر دیاں گے، بغیر کسے خرچے دے۔ ملاقاتاں وچ وی ترجمان تہاڈے نال ہو سکدا اے۔",
  },
];
