/** The words the site's own components say, in Polish: the keys of en.ts. */
import type { UiStrings } from "./en.ts";

export const pl = {
  siteName: "Sprawiedliwość naprawcza w West Mercia",
  tagline:
    "Wsparcie dla osób pokrzywdzonych przestępstwem w Herefordshire, Shropshire, Telford and Wrekin oraz Worcestershire",
  skipLink: "Przejdź do treści głównej",
  menu: "Menu",
  mainMenuLabel: "Menu główne",
  footerMenuLabel: "Stopka",
  languagesLabel: "Języki",
  /** The link to the page for readers of every other language. */
  helpInYourLanguage: "Pomoc w Państwa języku",

  quickExit: {
    regionLabel: "Szybkie wyjście",
    link: "Opuść tę stronę",
    /** Follows the link's words; it starts with a space, as the two are read as one. */
    hint: " lub naciśnij Esc",
    /** Said by screen readers after one Esc in a box someone is typing in. */
    pressAgain: "Naciśnij Esc jeszcze raz, aby opuścić tę stronę.",
    /** Said after the first and the second of three presses of Shift. */
    shiftTwiceMore: "Naciśnięto Shift. Naciśnij Shift jeszcze 2 razy, aby opuścić tę stronę.",
    shiftOnceMore: "Naciśnięto Shift. Naciśnij Shift jeszcze raz, aby opuścić tę stronę.",
  },

  footer: {
    callBefore: "Proszę zadzwonić do nas bezpłatnie pod numer",
    callAfter: ", aby porozmawiać o sprawiedliwości naprawczej.",
    danger: "Jeśli są Państwo teraz w niebezpieczeństwie, proszę zadzwonić pod numer 999.",
  },

  getHelpNow: {
    title: "Jeśli są Państwo teraz w niebezpieczeństwie, proszę zadzwonić pod numer 999.",
    silentCall:
      "Jeśli nie mogą Państwo mówić, proszę się nie rozłączać. Z telefonu komórkowego proszę nacisnąć 55, gdy zostaną Państwo o to poproszeni. Wtedy połączenie zostanie przekazane na policję.",
    callBefore: "Aby porozmawiać z nami o sprawiedliwości naprawczej, proszę zadzwonić bezpłatnie pod numer",
    callAfter: ". Ta linia nie służy do zgłaszania nagłych wypadków.",
  },

  contactDetails: {
    phone: "Telefon",
    phoneNote: "połączenie bezpłatne",
    openingHours: "Godziny otwarcia",
    email: "E-mail",
  },

  /** Heard by screen readers before a warning's words; the "!" sign is hidden from them. */
  important: "Ważne:",
  enquiryLink: "wysłać nam wiadomość przez internet",
  lastReviewed: "Strona ostatnio sprawdzona:",
  draft: "Wersja robocza: tej strony nie ma w opublikowanym serwisie.",

  /** After a link to a page that has no translation in the reader's language. */
  inEnglish: "(po angielsku)",

  /** How to get an interpreter: said once per language, on the help page and in the notices. */
  interpreter: {
    callBefore: "Proszę zadzwonić do nas bezpłatnie pod numer",
    /** After the number. {language} is the language's English name, as the caller says it. */
    callAfter:
      ". Proszę powiedzieć po angielsku „{language}”, a bezpłatnie zapewnimy Państwu profesjonalnego tłumacza ustnego. Z tłumacza mogą Państwo korzystać także podczas spotkań.",
  },

  translation: {
    /** Links a translated page to the English page it was made from. */
    readInEnglish: "Ta strona po angielsku",
    unreviewedShort: "Tłumaczenie jeszcze niesprawdzone",
    unreviewed:
      "Ta strona została przetłumaczona z języka angielskiego i nie sprawdził jej jeszcze drugi tłumacz. Jeśli coś jest niejasne, proszę poprosić o tłumacza ustnego.",
    outOfDate:
      "Angielska wersja tej strony zmieniła się od czasu przygotowania tłumaczenia, więc część tej strony może być nieaktualna.",
    outOfDateLink: "Angielska wersja strony",
  },
  /** The enquiry form and the pages after it; the questions' own words are in questions.ts. */
  enquiry: {
    form: {
      title: "Wiadomość do nas",
      description:
        "Mogą Państwo wysłać wiadomość do zespołu sprawiedliwości naprawczej w West Mercia i napisać nam, jak można się z Państwem bezpiecznie skontaktować.",
      intro:
        "Za pomocą tego formularza mogą Państwo zapytać nas o wszystko, co dotyczy sprawiedliwości naprawczej. Zadanie pytania nie oznacza, że muszą Państwo wziąć udział.",
      callBefore: "Mogą Państwo też zadzwonić do nas bezpłatnie pod numer",
      callAfter: ".",
      whatHappensNext: "Co dalej",
      whatHappensNextText:
        "Państwa wiadomość trafi do zespołu sprawiedliwości naprawczej w West Mercia. Ktoś z zespołu skontaktuje się z Państwem w wybrany przez Państwa sposób. Nie wyślemy Państwu e-maila ani SMS-a z potwierdzeniem.",
      privacyBefore: "Proszę przeczytać naszą",
      privacyLink: "informację o ochronie prywatności",
      privacyAfter: "i dowiedzieć się, jak wykorzystujemy i chronimy Państwa dane.",
      send: "Wyślij zapytanie",
      sendAgain: "Spróbuj wysłać ponownie",
      errorSummaryTitle: "Wystąpił problem",
      error: "Błąd:",
      sendFailedTitle: "Państwa wiadomość nie została wysłana",
      sendFailedText: "Coś poszło nie tak po naszej stronie. Państwa odpowiedzi nadal są w formularzu poniżej.",
      sendFailedCallBefore:
        "Proszę spróbować wysłać ją ponownie. Jeśli nadal nie będzie to działać, proszę zadzwonić do nas bezpłatnie pod numer",
      sendFailedCallAfter: ".",
      honeypot: "Proszę zostawić to pole puste",
    },
    sent: {
      title: "Państwa zapytanie zostało wysłane",
      description: "Państwa zapytanie zostało wysłane do zespołu sprawiedliwości naprawczej.",
      whatHappensNext: "Co dalej",
      readBy: "Ktoś z zespołu sprawiedliwości naprawczej w West Mercia przeczyta Państwa wiadomość.",
      contactYou:
        "Ta osoba skontaktuje się z Państwem w sposób, który wskazali Państwo jako bezpieczny. Nie wysłaliśmy Państwu e-maila ani SMS-a z potwierdzeniem.",
      reference:
        "Jeśli zadzwonią Państwo do nas, mogą Państwo podać swój numer referencyjny, abyśmy mogli znaleźć Państwa wiadomość.",
    },
    received: {
      title: "Otrzymaliśmy Państwa wiadomość",
      description: "Państwa zapytanie zostało zapisane i zostanie przekazane do zespołu sprawiedliwości naprawczej.",
      saved:
        "Państwa wiadomość jest bezpiecznie zapisana. Z powodu problemu po naszej stronie nie dotarła jeszcze do zespołu sprawiedliwości naprawczej.",
      keepTrying:
        "Będziemy nadal próbować ją przekazać i dotrze ona do zespołu. Nie muszą Państwo wysyłać jej ponownie.",
      whatHappensNext: "Co dalej",
      whenTheTeamHasIt:
        "Gdy zespół otrzyma Państwa wiadomość, skontaktuje się z Państwem w sposób, który wskazali Państwo jako bezpieczny. Może to potrwać trochę dłużej niż zwykle.",
      reference:
        "Nie wysłaliśmy Państwu e-maila ani SMS-a z potwierdzeniem. Jeśli zadzwonią Państwo do nas, mogą Państwo podać swój numer referencyjny, abyśmy mogli znaleźć Państwa wiadomość.",
    },
    referenceIs: "Państwa numer referencyjny to",
    talkSooner: {
      title: "Jeśli potrzebują Państwo porozmawiać z nami wcześniej",
      callBefore: "Proszę zadzwonić do nas bezpłatnie pod numer",
      callAfter: ". Jeśli są Państwo teraz w niebezpieczeństwie, proszę zadzwonić pod numer 999.",
      home: "Przejdź do strony głównej",
    },
    replyWithin: "{days} dni roboczych",
    /** On the sent and kept pages: when to call us. {within} is replyWithin. */
    ifNobodyBefore:
      "Jeśli w ciągu {within} nikt się z Państwem nie skontaktuje, proszę zadzwonić do nas bezpłatnie pod numer",
    ifNobodyAfter: ".",
    problem: {
      goToForm: "Przejdź do formularza zapytania",
      ratherTalk: "Jeśli wolą Państwo z nami porozmawiać",
      callBefore: "Proszę zadzwonić do nas bezpłatnie pod numer",
      callAfter: ". Jeśli są Państwo teraz w niebezpieczeństwie, proszę zadzwonić pod numer 999.",
    },
  },
} satisfies UiStrings;
