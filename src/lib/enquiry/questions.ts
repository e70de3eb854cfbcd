/**
 * Every question on the enquiry form, defined once, with its words in each of the site's
 * languages beside it. The form is drawn from these, the schema validates against them and the
 * team's email words each answer with them (in English, `inEmail`), so a label, an option or a
 * limit changed here changes all three. Wording follows the GOV.UK Design System: "(optional)"
 * on optional questions, and error messages that say what to do.
 */
import { countIn, LANGUAGES, type LanguageCode } from "../../i18n/languages.ts";
import { fill, type Words } from "../../i18n/words.ts";

/**
 * A question's words with its limit written in, as each language writes numbers. Done by hand,
 * not with toLocaleString, which wakes the locale data on the enquiry function's cold start.
 */
const withLimit = (limit: number, words: Words): Words =>
  Object.fromEntries(
    (Object.keys(LANGUAGES) as LanguageCode[]).map((code) => [
      code,
      fill(words[code], { limit: countIn(code, limit) }),
    ]),
  ) as unknown as Words;

// Each limit is named once here, because its hint and its error message both say it.
const MESSAGE_LIMIT = 3000;
const SAFE_TIMES_LIMIT = 500;
const NAME_LIMIT = 100;
const LANGUAGE_LIMIT = 100;
const COMMUNICATION_LIMIT = 500;
/** The longest address mail can be delivered to (RFC 5321's path limit, less its brackets). */
const EMAIL_LIMIT = 254;

/** Questions asked only when that way of contact is chosen, grouped on the form under a legend. */
export const SECTIONS = {
  phone: {
    en: "If we can phone you",
    pl: "Jeśli możemy do Państwa zadzwonić",
    ro: "Dacă vă putem suna",
    ur: "اگر ہم آپ کو فون کر سکتے ہیں",
    pa: "ਜੇ ਅਸੀਂ ਤੁਹਾਨੂੰ ਫ਼ੋਨ ਕਰ ਸਕਦੇ ਹਾਂ",
  },
  email: {
    en: "If we can email you",
    pl: "Jeśli możemy wysłać Państwu e-mail",
    ro: "Dacă vă putem scrie prin e-mail",
    ur: "اگر ہم آپ کو ای میل کر سکتے ہیں",
    pa: "ਜੇ ਅਸੀਂ ਤੁਹਾਨੂੰ ਈਮੇਲ ਕਰ ਸਕਦੇ ਹਾਂ",
  },
} as const satisfies Record<string, Words>;
export type Section = keyof typeof SECTIONS;

export interface Option {
  value: string;
  /** Beside the radio button. */
  label: Words;
  /** What the team reads in the email when this is chosen. */
  inEmail: string;
  /** Something the team must not miss, such as an instruction not to do something: bold in the email. */
  warning?: true;
}

/** What a wrong answer is told; the form page holds the first of these until an error is known. */
export interface Errors {
  /** Only questions that must be answered have one: it is what makes them required. */
  missing?: Words;
  /** Also for an option the question does not offer; without it, that reads as missing. */
  invalid?: Words;
  /** Without it, an answer over the limit reads as invalid. */
  tooLong?: Words;
}

interface Asked {
  /** The question as the visitor reads it: a text box's label or a fieldset's legend. */
  label: Words;
  hint?: Words;
  section?: Section;
  /** The label of this answer's line in the email, which is in English. */
  inEmail: string;
  errors: Errors;
}

/** How a text box is drawn: the props TextField takes besides its name, label and hint. */
export interface TextInput {
  type?: "text" | "email" | "tel";
  multiline?: boolean;
  /** Rows of a text area: fewer for a short answer. */
  rows?: number;
  autocomplete?: string;
  spellcheck?: boolean;
  narrow?: boolean;
}

export interface TextQuestion extends Asked {
  kind: "text";
  /** In characters as a person counts them; no maxlength attribute, which would cut text off unseen. */
  maxLength?: number;
  input?: TextInput;
}

export interface ChoiceQuestion extends Asked {
  kind: "choice";
  options: readonly Option[];
  /** Side by side for short answers such as Yes and No. */
  inline?: true;
}

export type Question = TextQuestion | ChoiceQuestion;

/** The questions in the order they appear, which is the order errors are listed in. */
export const QUESTIONS = {
  message: {
    kind: "text",
    label: {
      en: "Your message",
      pl: "Państwa wiadomość",
      ro: "Mesajul dumneavoastră",
      ur: "آپ کا پیغام",
      pa: "ਤੁਹਾਡਾ ਸੁਨੇਹਾ",
    },
    hint: withLimit(MESSAGE_LIMIT, {
      en: "Tell us what you would like to know. You do not need to say what happened. You can write up to {limit} characters.",
      pl: "Proszę napisać, czego chcieliby się Państwo dowiedzieć. Nie muszą Państwo pisać, co się stało. Mogą Państwo napisać do {limit} znaków.",
      ro: "Spuneți-ne ce ați dori să aflați. Nu trebuie să spuneți ce s-a întâmplat. Puteți scrie cel mult {limit} de caractere.",
      ur: "ہمیں بتائیں کہ آپ کیا جاننا چاہتے ہیں۔ آپ کو یہ بتانے کی ضرورت نہیں کہ کیا ہوا تھا۔ آپ {limit} حروف تک لکھ سکتے ہیں۔",
      pa: "ਸਾਨੂੰ ਦੱਸੋ ਕਿ ਤੁਸੀਂ ਕੀ ਜਾਣਨਾ ਚਾਹੁੰਦੇ ਹੋ। ਤੁਹਾਨੂੰ ਇਹ ਦੱਸਣ ਦੀ ਲੋੜ ਨਹੀਂ ਕਿ ਕੀ ਹੋਇਆ ਸੀ। ਤੁਸੀਂ ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰ ਲਿਖ ਸਕਦੇ ਹੋ।",
    }),
    maxLength: MESSAGE_LIMIT,
    input: { multiline: true },
    inEmail: "Their message",
    errors: {
      missing: {
        en: "Enter your message",
        pl: "Proszę wpisać wiadomość",
        ro: "Introduceți mesajul dumneavoastră",
        ur: "اپنا پیغام درج کریں",
        pa: "ਆਪਣਾ ਸੁਨੇਹਾ ਲਿਖੋ",
      },
      tooLong: withLimit(MESSAGE_LIMIT, {
        en: "Your message must be {limit} characters or less",
        pl: "Wiadomość może mieć najwyżej {limit} znaków",
        ro: "Mesajul dumneavoastră trebuie să aibă cel mult {limit} de caractere",
        ur: "آپ کا پیغام {limit} حروف یا اس سے کم ہونا چاہیے",
        pa: "ਤੁਹਾਡਾ ਸੁਨੇਹਾ {limit} ਜਾਂ ਇਸ ਤੋਂ ਘੱਟ ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ",
      }),
    },
  },
  contactMethod: {
    kind: "choice",
    label: {
      en: "How can we contact you?",
      pl: "Jak możemy się z Państwem skontaktować?",
      ro: "Cum vă putem contacta?",
      ur: "ہم آپ سے کیسے رابطہ کر سکتے ہیں؟",
      pa: "ਅਸੀਂ ਤੁਹਾਡੇ ਨਾਲ ਕਿਵੇਂ ਸੰਪਰਕ ਕਰ ਸਕਦੇ ਹਾਂ?",
    },
    hint: {
      en: "Only choose a way that is safe for you. Nobody else should be able to read or answer it.",
      pl: "Proszę wybrać tylko taki sposób, który jest dla Państwa bezpieczny. Nikt inny nie powinien móc przeczytać naszej wiadomości ani odebrać naszego telefonu.",
      ro: "Alegeți doar o cale care este sigură pentru dumneavoastră. Nimeni altcineva nu ar trebui să poată citi mesajele sau răspunde la apeluri.",
      ur: "صرف وہی طریقہ چنیں جو آپ کے لیے محفوظ ہو۔ کوئی اور اسے نہ پڑھ سکے اور نہ اس کا جواب دے سکے۔",
      pa: "ਸਿਰਫ਼ ਉਹੀ ਤਰੀਕਾ ਚੁਣੋ, ਜੋ ਤੁਹਾਡੇ ਲਈ ਸੁਰੱਖਿਅਤ ਹੋਵੇ। ਕੋਈ ਹੋਰ ਇਸ ਨੂੰ ਪੜ੍ਹ ਜਾਂ ਇਸ ਦਾ ਜਵਾਬ ਨਾ ਦੇ ਸਕੇ।",
    },
    options: [
      {
        value: "phone",
        label: { en: "Phone", pl: "Telefon", ro: "Telefon", ur: "فون", pa: "ਫ਼ੋਨ" },
        inEmail: "phone only",
      },
      {
        value: "email",
        label: { en: "Email", pl: "E-mail", ro: "E-mail", ur: "ای میل", pa: "ਈਮੇਲ" },
        inEmail: "email only",
      },
      {
        value: "either",
        label: {
          en: "Phone or email",
          pl: "Telefon lub e-mail",
          ro: "Telefon sau e-mail",
          ur: "فون یا ای میل",
          pa: "ਫ਼ੋਨ ਜਾਂ ਈਮੇਲ",
        },
        inEmail: "phone or email",
      },
    ],
    inEmail: "Contact by",
    errors: {
      missing: {
        en: "Select how we can contact you",
        pl: "Proszę wybrać, jak możemy się z Państwem skontaktować",
        ro: "Selectați cum vă putem contacta",
        ur: "منتخب کریں کہ ہم آپ سے کیسے رابطہ کر سکتے ہیں",
        pa: "ਚੁਣੋ ਕਿ ਅਸੀਂ ਤੁਹਾਡੇ ਨਾਲ ਕਿਵੇਂ ਸੰਪਰਕ ਕਰ ਸਕਦੇ ਹਾਂ",
      },
    },
  },
  phone: {
    kind: "text",
    label: { en: "Phone number", pl: "Numer telefonu", ro: "Număr de telefon", ur: "فون نمبر", pa: "ਫ਼ੋਨ ਨੰਬਰ" },
    hint: {
      en: "For a number outside the UK, include the country code.",
      pl: "Jeśli numer jest spoza Wielkiej Brytanii, proszę podać także numer kierunkowy kraju.",
      ro: "Pentru un număr din afara Regatului Unit, includeți prefixul țării.",
      ur: "اگر نمبر برطانیہ سے باہر کا ہے تو ملک کا کوڈ بھی شامل کریں۔",
      pa: "ਯੂਕੇ ਤੋਂ ਬਾਹਰ ਦੇ ਨੰਬਰ ਲਈ, ਦੇਸ਼ ਦਾ ਕੋਡ ਵੀ ਲਿਖੋ।",
    },
    section: "phone",
    input: { type: "tel", autocomplete: "tel", spellcheck: false, narrow: true },
    inEmail: "Phone",
    errors: {
      missing: {
        en: "Enter a phone number",
        pl: "Proszę wpisać numer telefonu",
        ro: "Introduceți un număr de telefon",
        ur: "فون نمبر درج کریں",
        pa: "ਫ਼ੋਨ ਨੰਬਰ ਦਰਜ ਕਰੋ",
      },
      invalid: {
        en: "Enter a phone number, like 01632 960 001 or 07700 900 982",
        pl: "Proszę wpisać numer telefonu, na przykład 01632 960 001 lub 07700 900 982",
        ro: "Introduceți un număr de telefon, de exemplu 01632 960 001 sau 07700 900 982",
        ur: "فون نمبر درج کریں، جیسے 01632\u00a0960\u00a0001 یا 07700\u00a0900\u00a0982",
        pa: "ਫ਼ੋਨ ਨੰਬਰ ਦਰਜ ਕਰੋ, ਜਿਵੇਂ 01632 960 001 ਜਾਂ 07700 900 982",
      },
    },
  },
  voicemail: {
    kind: "choice",
    label: {
      en: "Can we leave a voicemail?",
      pl: "Czy możemy zostawić wiadomość głosową?",
      ro: "Vă putem lăsa un mesaj vocal?",
      ur: "کیا ہم وائس میل چھوڑ سکتے ہیں؟",
      pa: "ਕੀ ਅਸੀਂ ਵੌਇਸਮੇਲ ਛੱਡ ਸਕਦੇ ਹਾਂ?",
    },
    section: "phone",
    options: [
      {
        value: "yes",
        label: { en: "Yes", pl: "Tak", ro: "Da", ur: "ہاں", pa: "ਹਾਂ" },
        inEmail: "You may leave a voicemail",
      },
      {
        value: "no",
        label: { en: "No", pl: "Nie", ro: "Nu", ur: "نہیں", pa: "ਨਹੀਂ" },
        inEmail: "Do NOT leave a voicemail",
        warning: true,
      },
    ],
    inline: true,
    inEmail: "Voicemail",
    errors: {
      missing: {
        en: "Select whether we can leave a voicemail",
        pl: "Proszę wybrać, czy możemy zostawić wiadomość głosową",
        ro: "Selectați dacă vă putem lăsa un mesaj vocal",
        ur: "منتخب کریں کہ ہم وائس میل چھوڑ سکتے ہیں یا نہیں",
        pa: "ਚੁਣੋ ਕਿ ਕੀ ਅਸੀਂ ਵੌਇਸਮੇਲ ਛੱਡ ਸਕਦੇ ਹਾਂ",
      },
    },
  },
  sayWhoWeAre: {
    kind: "choice",
    label: {
      en: "If someone else answers, can we say who we are?",
      pl: "Jeśli odbierze ktoś inny, czy możemy powiedzieć, kim jesteśmy?",
      ro: "Dacă răspunde altcineva, putem spune cine suntem?",
      ur: "اگر کوئی اور فون اٹھائے تو کیا ہم بتا سکتے ہیں کہ ہم کون ہیں؟",
      pa: "ਜੇ ਕੋਈ ਹੋਰ ਫ਼ੋਨ ਚੁੱਕੇ, ਤਾਂ ਕੀ ਅਸੀਂ ਦੱਸ ਸਕਦੇ ਹਾਂ ਕਿ ਅਸੀਂ ਕੌਣ ਹਾਂ?",
    },
    hint: {
      en: "If you choose no, we will not tell them where we are calling from or why.",
      pl: "Jeśli wybiorą Państwo „Nie”, nie powiemy tej osobie, skąd ani dlaczego dzwonimy.",
      ro: "Dacă alegeți „Nu”, nu îi vom spune persoanei respective de unde sunăm sau de ce.",
      ur: "اگر آپ ”نہیں“ چنیں تو ہم انہیں یہ نہیں بتائیں گے کہ ہم کہاں سے یا کیوں کال کر رہے ہیں۔",
      pa: "ਜੇ ਤੁਸੀਂ “ਨਹੀਂ” ਚੁਣਦੇ ਹੋ, ਤਾਂ ਅਸੀਂ ਉਹਨਾਂ ਨੂੰ ਇਹ ਨਹੀਂ ਦੱਸਾਂਗੇ ਕਿ ਅਸੀਂ ਕਿੱਥੋਂ ਜਾਂ ਕਿਉਂ ਫ਼ੋਨ ਕਰ ਰਹੇ ਹਾਂ।",
    },
    section: "phone",
    options: [
      {
        value: "yes",
        label: { en: "Yes", pl: "Tak", ro: "Da", ur: "ہاں", pa: "ਹਾਂ" },
        inEmail: "You may say you are calling from the restorative justice service",
      },
      {
        value: "no",
        label: { en: "No", pl: "Nie", ro: "Nu", ur: "نہیں", pa: "ਨਹੀਂ" },
        inEmail: "Do NOT say who you are or where you are calling from",
        warning: true,
      },
    ],
    inline: true,
    inEmail: "If someone else answers",
    errors: {
      missing: {
        en: "Select whether we can say who we are if someone else answers",
        pl: "Proszę wybrać, czy możemy powiedzieć, kim jesteśmy, jeśli odbierze ktoś inny",
        ro: "Selectați dacă putem spune cine suntem în cazul în care răspunde altcineva",
        ur: "منتخب کریں کہ اگر کوئی اور فون اٹھائے تو ہم بتا سکتے ہیں یا نہیں کہ ہم کون ہیں",
        pa: "ਚੁਣੋ ਕਿ ਜੇ ਕੋਈ ਹੋਰ ਫ਼ੋਨ ਚੁੱਕੇ, ਤਾਂ ਕੀ ਅਸੀਂ ਦੱਸ ਸਕਦੇ ਹਾਂ ਕਿ ਅਸੀਂ ਕੌਣ ਹਾਂ",
      },
    },
  },
  safeTimes: {
    kind: "text",
    label: {
      en: "Safe times to call (optional)",
      pl: "Bezpieczne pory na rozmowę telefoniczną (opcjonalnie)",
      ro: "Ore sigure pentru apeluri (opțional)",
      ur: "کال کرنے کے لیے محفوظ اوقات (اختیاری)",
      pa: "ਫ਼ੋਨ ਕਰਨ ਦੇ ਸੁਰੱਖਿਅਤ ਸਮੇਂ (ਵਿਕਲਪਿਕ)",
    },
    hint: withLimit(SAFE_TIMES_LIMIT, {
      en: "For example, weekday mornings. Up to {limit} characters.",
      pl: "Na przykład w dni powszednie rano. Do {limit} znaków.",
      ro: "De exemplu, dimineața, în zilele lucrătoare. Cel mult {limit} de caractere.",
      ur: "مثال کے طور پر، پیر سے جمعہ تک صبح کے وقت۔ {limit} حروف تک۔",
      pa: "ਉਦਾਹਰਨ ਲਈ, ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ ਸਵੇਰੇ। ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰ।",
    }),
    section: "phone",
    maxLength: SAFE_TIMES_LIMIT,
    inEmail: "Safe times to call",
    errors: {
      tooLong: withLimit(SAFE_TIMES_LIMIT, {
        en: "Safe times to call must be {limit} characters or less",
        pl: "Informacja o bezpiecznych porach na rozmowę może mieć najwyżej {limit} znaków",
        ro: "Textul despre orele sigure pentru apeluri trebuie să aibă cel mult {limit} de caractere",
        ur: "کال کرنے کے محفوظ اوقات {limit} حروف یا اس سے کم ہونے چاہییں",
        pa: "ਫ਼ੋਨ ਕਰਨ ਦੇ ਸੁਰੱਖਿਅਤ ਸਮਿਆਂ ਬਾਰੇ ਤੁਹਾਡਾ ਜਵਾਬ {limit} ਜਾਂ ਇਸ ਤੋਂ ਘੱਟ ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ",
      }),
    },
  },
  email: {
    kind: "text",
    label: { en: "Email address", pl: "Adres e-mail", ro: "Adresă de e-mail", ur: "ای میل ایڈریس", pa: "ਈਮੇਲ ਪਤਾ" },
    hint: {
      en: "We will reply to this address. Only give one that nobody else can read.",
      pl: "Odpowiemy na ten adres. Proszę podać tylko taki adres, do którego nikt inny nie ma dostępu.",
      ro: "Vă vom răspunde la această adresă. Dați-ne doar o adresă pe care nu o poate citi nimeni altcineva.",
      ur: "ہم اسی ایڈریس پر جواب دیں گے۔ صرف ایسا ایڈریس دیں جسے کوئی اور نہ پڑھ سکے۔",
      pa: "ਅਸੀਂ ਇਸ ਪਤੇ ਉੱਤੇ ਜਵਾਬ ਦੇਵਾਂਗੇ। ਸਿਰਫ਼ ਅਜਿਹਾ ਪਤਾ ਦਿਓ, ਜਿਸ ਨੂੰ ਕੋਈ ਹੋਰ ਨਾ ਪੜ੍ਹ ਸਕੇ।",
    },
    section: "email",
    // An address too long to deliver is simply not a correct one, so it has no message of its own.
    maxLength: EMAIL_LIMIT,
    input: { type: "email", autocomplete: "email", spellcheck: false },
    inEmail: "Email",
    errors: {
      missing: {
        en: "Enter an email address",
        pl: "Proszę wpisać adres e-mail",
        ro: "Introduceți o adresă de e-mail",
        ur: "ای میل ایڈریس درج کریں",
        pa: "ਈਮੇਲ ਪਤਾ ਦਰਜ ਕਰੋ",
      },
      invalid: {
        en: "Enter an email address in the correct format, like name@example.com",
        pl: "Proszę wpisać adres e-mail w prawidłowym formacie, na przykład name@example.com",
        ro: "Introduceți o adresă de e-mail în formatul corect, de exemplu name@example.com",
        ur: "ای میل ایڈریس درست شکل میں درج کریں، جیسے name@example.com",
        pa: "ਈਮੇਲ ਪਤਾ ਸਹੀ ਰੂਪ ਵਿੱਚ ਦਰਜ ਕਰੋ, ਜਿਵੇਂ name@example.com",
      },
    },
  },
  // Asked of everyone, in every language: the first right in the Victims' Code is to understand
  // and be understood. The email puts these answers first.
  interpreter: {
    kind: "choice",
    label: {
      en: "Do you need an interpreter? (optional)",
      pl: "Czy potrzebują Państwo tłumacza ustnego? (opcjonalnie)",
      ro: "Aveți nevoie de un interpret? (opțional)",
      ur: "کیا آپ کو ترجمان کی ضرورت ہے؟ (اختیاری)",
      pa: "ਕੀ ਤੁਹਾਨੂੰ ਦੁਭਾਸ਼ੀਏ ਦੀ ਲੋੜ ਹੈ? (ਵਿਕਲਪਿਕ)",
    },
    hint: {
      en: "We can arrange a professional interpreter for phone calls and meetings, free of charge.",
      pl: "Możemy bezpłatnie zapewnić profesjonalnego tłumacza ustnego na rozmowy telefoniczne i spotkania.",
      ro: "Vă putem asigura un interpret profesionist, gratuit, pentru apeluri telefonice și întâlniri.",
      ur: "ہم فون کالز اور ملاقاتوں کے لیے ایک پیشہ ور ترجمان کا مفت انتظام کر سکتے ہیں۔",
      pa: "ਅਸੀਂ ਫ਼ੋਨ ਕਾਲਾਂ ਅਤੇ ਮੀਟਿੰਗਾਂ ਲਈ ਇੱਕ ਪੇਸ਼ੇਵਰ ਦੁਭਾਸ਼ੀਏ ਦਾ ਪ੍ਰਬੰਧ ਕਰ ਸਕਦੇ ਹਾਂ, ਬਿਨਾਂ ਕਿਸੇ ਖ਼ਰਚੇ ਦੇ।",
    },
    options: [
      {
        value: "yes",
        label: { en: "Yes", pl: "Tak", ro: "Da", ur: "ہاں", pa: "ਹਾਂ" },
        inEmail: "NEEDED: arrange one before you contact them",
        warning: true,
      },
      { value: "no", label: { en: "No", pl: "Nie", ro: "Nu", ur: "نہیں", pa: "ਨਹੀਂ" }, inEmail: "Not needed" },
    ],
    inline: true,
    inEmail: "Interpreter",
    errors: {
      invalid: {
        en: "Select whether you need an interpreter",
        pl: "Proszę wybrać, czy potrzebują Państwo tłumacza ustnego",
        ro: "Selectați dacă aveți nevoie de un interpret",
        ur: "منتخب کریں کہ آپ کو ترجمان کی ضرورت ہے یا نہیں",
        pa: "ਚੁਣੋ ਕਿ ਕੀ ਤੁਹਾਨੂੰ ਦੁਭਾਸ਼ੀਏ ਦੀ ਲੋੜ ਹੈ",
      },
    },
  },
  interpreterLanguage: {
    kind: "text",
    label: {
      en: "If you need an interpreter, which language? (optional)",
      pl: "Jeśli potrzebują Państwo tłumacza ustnego, to jakiego języka? (opcjonalnie)",
      ro: "Dacă aveți nevoie de un interpret, pentru ce limbă? (opțional)",
      ur: "اگر آپ کو ترجمان کی ضرورت ہے تو کس زبان کا؟ (اختیاری)",
      pa: "ਜੇ ਤੁਹਾਨੂੰ ਦੁਭਾਸ਼ੀਏ ਦੀ ਲੋੜ ਹੈ, ਤਾਂ ਕਿਹੜੀ ਭਾਸ਼ਾ ਵਿੱਚ? (ਵਿਕਲਪਿਕ)",
    },
    hint: withLimit(LANGUAGE_LIMIT, {
      en: "Write it in any language. Up to {limit} characters.",
      pl: "Nazwę języka mogą Państwo wpisać w dowolnym języku. Do {limit} znaków.",
      ro: "Scrieți numele limbii în orice limbă. Cel mult {limit} de caractere.",
      ur: "کسی بھی زبان میں لکھیں۔ {limit} حروف تک۔",
      pa: "ਇਸ ਨੂੰ ਕਿਸੇ ਵੀ ਭਾਸ਼ਾ ਵਿੱਚ ਲਿਖੋ। ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰ।",
    }),
    maxLength: LANGUAGE_LIMIT,
    input: { narrow: true },
    inEmail: "Interpreter's language",
    errors: {
      tooLong: withLimit(LANGUAGE_LIMIT, {
        en: "The language must be {limit} characters or less",
        pl: "Nazwa języka może mieć najwyżej {limit} znaków",
        ro: "Numele limbii trebuie să aibă cel mult {limit} de caractere",
        ur: "زبان {limit} حروف یا اس سے کم ہونی چاہیے",
        pa: "ਭਾਸ਼ਾ ਬਾਰੇ ਤੁਹਾਡਾ ਜਵਾਬ {limit} ਜਾਂ ਇਸ ਤੋਂ ਘੱਟ ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ",
      }),
    },
  },
  communication: {
    kind: "text",
    label: {
      en: "Is there anything that would help you talk to us? (optional)",
      pl: "Czy coś pomogłoby Państwu w rozmowie z nami? (opcjonalnie)",
      ro: "Există ceva care v-ar ajuta să vorbiți cu noi? (opțional)",
      ur: "کیا کوئی ایسی چیز ہے جس سے آپ کو ہم سے بات کرنے میں مدد ملے؟ (اختیاری)",
      pa: "ਕੀ ਕੋਈ ਅਜਿਹੀ ਚੀਜ਼ ਹੈ, ਜੋ ਸਾਡੇ ਨਾਲ ਗੱਲ ਕਰਨ ਵਿੱਚ ਤੁਹਾਡੀ ਮਦਦ ਕਰੇਗੀ? (ਵਿਕਲਪਿਕ)",
    },
    hint: withLimit(COMMUNICATION_LIMIT, {
      en: "For example, British Sign Language, large print, Easy Read, or having someone with you. Up to {limit} characters.",
      pl: "Na przykład brytyjski język migowy (BSL), duży druk, Easy Read (tekst łatwy do czytania) lub obecność osoby towarzyszącej. Do {limit} znaków.",
      ro: "De exemplu, limbajul semnelor britanic (BSL), text cu litere mari, format Easy Read (ușor de citit) sau o persoană care să fie alături de dumneavoastră. Cel mult {limit} de caractere.",
      ur: "مثال کے طور پر، برطانوی اشاروں کی زبان (BSL)، بڑے حروف میں چھپائی، Easy Read (تصویروں کے ساتھ آسان تحریر)، یا کسی کا آپ کے ساتھ ہونا۔ {limit} حروف تک۔",
      pa: "ਉਦਾਹਰਨ ਲਈ, ਬ੍ਰਿਟਿਸ਼ ਸੈਨਤ ਭਾਸ਼ਾ (BSL), ਵੱਡੇ ਅੱਖਰਾਂ ਵਾਲੀ ਛਪਾਈ, Easy Read (ਸੌਖੇ ਸ਼ਬਦਾਂ ਅਤੇ ਤਸਵੀਰਾਂ ਵਾਲੀ ਜਾਣਕਾਰੀ), ਜਾਂ ਕਿਸੇ ਦਾ ਤੁਹਾਡੇ ਨਾਲ ਹੋਣਾ। ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰ।",
    }),
    maxLength: COMMUNICATION_LIMIT,
    input: { multiline: true, rows: 3 },
    inEmail: "What would help them talk to us",
    errors: {
      tooLong: withLimit(COMMUNICATION_LIMIT, {
        en: "What would help you talk to us must be {limit} characters or less",
        pl: "Informacja o tym, co pomogłoby Państwu w rozmowie z nami, może mieć najwyżej {limit} znaków",
        ro: "Textul despre ce v-ar ajuta să vorbiți cu noi trebuie să aibă cel mult {limit} de caractere",
        ur: "ہم سے بات کرنے میں کس چیز سے مدد ملے گی، اس کا جواب {limit} حروف یا اس سے کم ہونا چاہیے",
        pa: "ਸਾਡੇ ਨਾਲ ਗੱਲ ਕਰਨ ਵਿੱਚ ਕਿਹੜੀ ਚੀਜ਼ ਤੁਹਾਡੀ ਮਦਦ ਕਰੇਗੀ, ਇਸ ਬਾਰੇ ਤੁਹਾਡਾ ਜਵਾਬ {limit} ਜਾਂ ਇਸ ਤੋਂ ਘੱਟ ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ",
      }),
    },
  },
  name: {
    kind: "text",
    label: {
      en: "What name should we use? (optional)",
      pl: "Jakiego imienia mamy używać? (opcjonalnie)",
      ro: "Ce nume să folosim? (opțional)",
      ur: "ہم کون سا نام استعمال کریں؟ (اختیاری)",
      pa: "ਅਸੀਂ ਤੁਹਾਡੇ ਲਈ ਕਿਹੜਾ ਨਾਮ ਵਰਤੀਏ? (ਵਿਕਲਪਿਕ)",
    },
    hint: withLimit(NAME_LIMIT, {
      en: "A first name, or any name you are happy for us to use. Up to {limit} characters.",
      pl: "Imię albo dowolne inne imię, które Państwu odpowiada. Do {limit} znaków.",
      ro: "Un prenume sau orice nume pe care sunteți de acord să îl folosim. Cel mult {limit} de caractere.",
      ur: "پہلا نام، یا کوئی بھی ایسا نام جسے ہمارے استعمال کرنے پر آپ راضی ہوں۔ {limit} حروف تک۔",
      pa: "ਪਹਿਲਾ ਨਾਮ, ਜਾਂ ਕੋਈ ਵੀ ਨਾਮ ਜਿਸ ਨੂੰ ਸਾਡੇ ਵੱਲੋਂ ਵਰਤਣਾ ਤੁਹਾਨੂੰ ਠੀਕ ਲੱਗੇ। ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰ।",
    }),
    maxLength: NAME_LIMIT,
    input: { autocomplete: "given-name", spellcheck: false, narrow: true },
    inEmail: "Name to use",
    errors: {
      tooLong: withLimit(NAME_LIMIT, {
        en: "Name must be {limit} characters or less",
        pl: "Imię może mieć najwyżej {limit} znaków",
        ro: "Numele trebuie să aibă cel mult {limit} de caractere",
        ur: "نام {limit} حروف یا اس سے کم ہونا چاہیے",
        pa: "ਨਾਮ {limit} ਜਾਂ ਇਸ ਤੋਂ ਘੱਟ ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ",
      }),
    },
  },
  careCoordinator: {
    kind: "choice",
    label: {
      en: "Do you already have a care coordinator with us? (optional)",
      pl: "Czy mają już Państwo u nas koordynatora opieki? (opcjonalnie)",
      ro: "Aveți deja un coordonator de sprijin la noi? (opțional)",
      ur: "کیا ہمارے ہاں پہلے سے آپ کے کوئی کیئر کوآرڈینیٹر (care coordinator) ہیں؟ (اختیاری)",
      pa: "ਕੀ ਸਾਡੀ ਸੇਵਾ ਵਿੱਚ ਪਹਿਲਾਂ ਹੀ ਤੁਹਾਡਾ ਕੋਈ ਕੇਅਰ ਕੋਆਰਡੀਨੇਟਰ ਹੈ? (ਵਿਕਲਪਿਕ)",
    },
    options: [
      { value: "yes", label: { en: "Yes", pl: "Tak", ro: "Da", ur: "ہاں", pa: "ਹਾਂ" }, inEmail: "Yes" },
      { value: "no", label: { en: "No", pl: "Nie", ro: "Nu", ur: "نہیں", pa: "ਨਹੀਂ" }, inEmail: "No" },
      {
        value: "not-sure",
        label: { en: "Not sure", pl: "Nie wiem", ro: "Nu știu sigur", ur: "یقین نہیں", pa: "ਪੱਕਾ ਪਤਾ ਨਹੀਂ" },
        inEmail: "Not sure",
      },
    ],
    inEmail: "Already has a care coordinator",
    errors: {
      invalid: {
        en: "Select whether you already have a care coordinator",
        pl: "Proszę wybrać, czy mają już Państwo koordynatora opieki",
        ro: "Selectați dacă aveți deja un coordonator de sprijin",
        ur: "منتخب کریں کہ ہمارے ہاں پہلے سے آپ کے کوئی کیئر کوآرڈینیٹر ہیں یا نہیں",
        pa: "ਚੁਣੋ ਕਿ ਕੀ ਪਹਿਲਾਂ ਹੀ ਤੁਹਾਡਾ ਕੋਈ ਕੇਅਰ ਕੋਆਰਡੀਨੇਟਰ ਹੈ",
      },
    },
  },
} as const satisfies Record<string, Question>;

export type EnquiryField = keyof typeof QUESTIONS;

/** The form's fields in the order they appear. */
export const ENQUIRY_FIELDS = Object.keys(QUESTIONS) as readonly EnquiryField[];

/** The questions answered by choosing an option. */
export type ChoiceField = {
  [F in EnquiryField]: (typeof QUESTIONS)[F] extends { kind: "choice" } ? F : never;
}[EnquiryField];

/** The values a choice question accepts, e.g. "yes" | "no". */
export type AnswerTo<F extends ChoiceField> = (typeof QUESTIONS)[F]["options"][number]["value"];

/** The option a choice question offers for a value, if it offers one. */
export function optionFor<Q extends ChoiceQuestion>(
  question: Q,
  value: string,
): (Option & { value: Q["options"][number]["value"] }) | undefined {
  return question.options.find((option) => option.value === value);
}

/**
 * The message each field most often needs, which the form page holds until an error is known:
 * a missing answer before a wrong one, a wrong one before one that is too long.
 */
export const FIRST_MESSAGE_FOR = Object.fromEntries(
  ENQUIRY_FIELDS.map((field) => {
    const errors: Errors = QUESTIONS[field].errors;
    const message = errors.missing ?? errors.invalid ?? errors.tooLong;
    if (message === undefined) throw new Error(`The ${field} question needs an error message`);
    return [field, message];
  }),
) as Readonly<Record<EnquiryField, Words>>;
