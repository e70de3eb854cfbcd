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
} satisfies UiStrings;
