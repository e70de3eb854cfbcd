/** The words the site's own components say, in Romanian: the keys of en.ts. */
import type { UiStrings } from "./en.ts";

export const ro = {
  siteName: "Justiție restaurativă în West Mercia",
  tagline:
    "Sprijin pentru persoanele cărora li s-a făcut rău printr-o infracțiune în Herefordshire, Shropshire, Telford and Wrekin și Worcestershire",
  skipLink: "Treceți la conținutul principal",
  menu: "Meniu",
  mainMenuLabel: "Principal",
  footerMenuLabel: "Subsol",
  languagesLabel: "Limbi",
  helpInYourLanguage: "Ajutor în limba dumneavoastră",

  quickExit: {
    regionLabel: "Ieșire rapidă",
    link: "Părăsiți acest site",
    hint: " sau apăsați Esc",
    pressAgain: "Apăsați din nou Esc ca să părăsiți acest site.",
    shiftTwiceMore: "Ați apăsat Shift. Mai apăsați Shift de 2 ori ca să părăsiți acest site.",
    shiftOnceMore: "Ați apăsat Shift. Mai apăsați Shift o dată ca să părăsiți acest site.",
  },

  footer: {
    callBefore: "Sunați-ne gratuit la",
    callAfter: "ca să vorbim despre justiția restaurativă.",
    danger: "Dacă sunteți în pericol acum, sunați la 999.",
  },

  getHelpNow: {
    title: "Dacă sunteți în pericol acum, sunați la 999.",
    silentCall:
      "Dacă nu puteți vorbi, rămâneți la telefon. De pe un telefon mobil, apăsați 55 când vi se cere, iar apelul dumneavoastră va fi transferat la poliție.",
    callBefore: "Ca să vorbiți cu noi despre justiția restaurativă, sunați gratuit la",
    callAfter: ". Această linie nu este pentru urgențe.",
  },

  contactDetails: {
    phone: "Telefon",
    phoneNote: "apel gratuit",
    openingHours: "Program",
    email: "E-mail",
  },

  important: "Important:",
  enquiryLink: "trimiteți-ne un mesaj online",
  lastReviewed: "Pagină verificată ultima dată la:",
  draft: "Ciornă: această pagină nu este pe site-ul public.",

  inEnglish: "(în limba engleză)",

  interpreter: {
    callBefore: "Sunați-ne gratuit la",
    callAfter:
      ". Spuneți în engleză „{language}” și vă vom asigura un interpret profesionist, gratuit. Puteți avea interpret și la întâlniri.",
  },

  translation: {
    readInEnglish: "Citiți această pagină în limba engleză",
    unreviewedShort: "Traducere încă neverificată",
    unreviewed:
      "Această pagină a fost tradusă din limba engleză și nu a fost încă verificată de un al doilea traducător. Dacă ceva nu este clar, cereți un interpret.",
    outOfDate:
      "Pagina în limba engleză s-a schimbat de când a fost făcută această traducere, așa că unele părți din această pagină pot fi depășite.",
    outOfDateLink: "Citiți pagina în limba engleză",
  },
} satisfies UiStrings;
