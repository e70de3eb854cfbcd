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
  /** The enquiry form and the pages after it; the questions' own words are in questions.ts. */
  enquiry: {
    form: {
      title: "Trimiteți-ne un mesaj",
      description:
        "Trimiteți un mesaj echipei de justiție restaurativă din West Mercia și spuneți-ne cum vă putem contacta în siguranță.",
      intro:
        "Folosiți acest formular ca să ne întrebați orice despre justiția restaurativă. Faptul că întrebați nu înseamnă că trebuie să participați.",
      callBefore: "De asemenea, ne puteți suna gratuit la",
      callAfter: ".",
      whatHappensNext: "Ce se întâmplă în continuare",
      whatHappensNextText:
        "Mesajul dumneavoastră ajunge la echipa de justiție restaurativă din West Mercia. Cineva din echipă vă va contacta în modul pe care l-ați ales. Nu vă vom trimite un e-mail sau un SMS de confirmare.",
      privacyBefore: "Citiți",
      privacyLink: "notificarea noastră privind confidențialitatea",
      privacyAfter: "ca să aflați cum folosim și protejăm datele dumneavoastră.",
      send: "Trimiteți solicitarea",
      sendAgain: "Încercați să trimiteți din nou",
      errorSummaryTitle: "Există o problemă",
      error: "Eroare:",
      sendFailedTitle: "Mesajul dumneavoastră nu a fost trimis",
      sendFailedText:
        "A apărut o problemă în sistemul nostru. Răspunsurile dumneavoastră sunt încă în formularul de mai jos.",
      sendFailedCallBefore: "Încercați să îl trimiteți din nou. Dacă tot nu funcționează, sunați-ne gratuit la",
      sendFailedCallAfter: ".",
      honeypot: "Lăsați această casetă goală",
    },
    sent: {
      title: "Mesajul a fost trimis",
      description: "Solicitarea dumneavoastră a fost trimisă echipei de justiție restaurativă.",
      whatHappensNext: "Ce se întâmplă în continuare",
      readBy: "Cineva din echipa de justiție restaurativă din West Mercia vă va citi mesajul.",
      contactYou:
        "Vă va contacta în modul pe care l-ați indicat ca sigur. Nu v-am trimis un e-mail sau un SMS de confirmare.",
      reference: "Dacă ne sunați, ne puteți spune codul de referință, ca să vă găsim mesajul.",
    },
    received: {
      title: "Am primit mesajul dumneavoastră",
      description: "Solicitarea dumneavoastră este salvată și va fi transmisă echipei de justiție restaurativă.",
      saved:
        "Mesajul dumneavoastră este salvat în siguranță. Nu a ajuns încă la echipa de justiție restaurativă, din cauza unei probleme în sistemul nostru.",
      keepTrying:
        "Vom încerca în continuare să îl transmitem și va ajunge la echipă. Nu trebuie să îl trimiteți din nou.",
      whatHappensNext: "Ce se întâmplă în continuare",
      whenTheTeamHasIt:
        "Când echipa va primi mesajul dumneavoastră, vă va contacta în modul pe care l-ați indicat ca sigur. Acest lucru poate dura puțin mai mult decât de obicei.",
      reference:
        "Nu v-am trimis un e-mail sau un SMS de confirmare. Dacă ne sunați, ne puteți spune codul de referință, ca să vă găsim mesajul.",
    },
    referenceIs: "Codul dumneavoastră de referință este",
    talkSooner: {
      title: "Dacă aveți nevoie să vorbiți mai curând",
      callBefore: "Sunați-ne gratuit la",
      callAfter: ". Dacă sunteți în pericol acum, sunați la 999.",
      home: "Mergeți la pagina principală",
    },
    replyWithin: "{days} zile lucrătoare",
    /** On the sent and kept pages: when to call us. {within} is replyWithin. */
    ifNobodyBefore: "Dacă nu vă contactează nimeni în termen de {within}, sunați-ne gratuit la",
    ifNobodyAfter: ".",
    problem: {
      goToForm: "Mergeți la formularul de contact",
      ratherTalk: "Dacă preferați să vorbiți cu noi",
      callBefore: "Sunați-ne gratuit la",
      callAfter: ". Dacă sunteți în pericol acum, sunați la 999.",
    },
  },
} satisfies UiStrings;
