/**
 * Every answer the enquiry function gives when it cannot take an enquiry in at all, each with
 * its words in every language, defined once: the build makes a page of the site for each, in
 * each language (src/pages/enquire/problem/[problem].astro), and the function answers with the
 * page in the language of the form that was sent, and the status that fits. Where the answers
 * could be read, it sends the form back instead.
 */
import type { Words } from "../../i18n/words.ts";

export interface EnquiryProblem {
  title: Words;
  /** Plain words: what happened, whether anything was kept, what to do now. {limit}: the message's. */
  paragraphs: readonly Words[];
  /**
   * Netlify's rate limit shows one page, whatever the form's language: that page says it in
   * every language, and no translated copy is built.
   */
  everyLanguage?: true;
}

export const ENQUIRY_PROBLEMS = {
  // Someone opened the form's sending address itself, say from their history.
  "use-the-form": {
    title: {
      en: "Use the form to send us a message",
      pl: "Aby wysłać nam wiadomość, proszę skorzystać z formularza",
      ro: "Folosiți formularul ca să ne trimiteți un mesaj",
      ur: "ہمیں پیغام بھیجنے کے لیے فارم استعمال کریں",
      pa: "ਸਾਨੂੰ ਸੁਨੇਹਾ ਭੇਜਣ ਲਈ ਫ਼ਾਰਮ ਵਰਤੋ",
    },
    paragraphs: [
      {
        en: "This address only takes messages sent from the enquiry form on this site.",
        pl: "Ten adres przyjmuje tylko wiadomości wysłane przez formularz zapytania w tym serwisie.",
        ro: "Această adresă primește doar mesaje trimise din formularul de contact de pe acest site.",
        ur: "یہ ویب ایڈریس صرف وہی پیغامات لیتا ہے جو اس سائٹ کے رابطہ فارم سے بھیجے گئے ہوں۔",
        pa: "ਇਹ ਵੈੱਬ ਪਤਾ ਸਿਰਫ਼ ਉਹੀ ਸੁਨੇਹੇ ਲੈਂਦਾ ਹੈ, ਜੋ ਇਸ ਸਾਈਟ ਉੱਤੇ ਸੁਨੇਹਾ ਭੇਜਣ ਵਾਲੇ ਫ਼ਾਰਮ ਤੋਂ ਭੇਜੇ ਗਏ ਹੋਣ।",
      },
    ],
  },
  "other-site": {
    title: {
      en: "Your message was not sent",
      pl: "Państwa wiadomość nie została wysłana",
      ro: "Mesajul dumneavoastră nu a fost trimis",
      ur: "آپ کا پیغام نہیں بھیجا گیا",
      pa: "ਤੁਹਾਡਾ ਸੁਨੇਹਾ ਨਹੀਂ ਭੇਜਿਆ ਗਿਆ",
    },
    paragraphs: [
      {
        en: "It did not come from the enquiry form on this site, so we could not take it. We have not kept anything it said.",
        pl: "Nie została wysłana przez formularz zapytania w tym serwisie, więc nie mogliśmy jej przyjąć. Nie zachowaliśmy niczego z jej treści.",
        ro: "Nu a venit din formularul de contact de pe acest site, așa că nu l-am putut primi. Nu am păstrat nimic din ce conținea.",
        ur: "یہ اس سائٹ کے رابطہ فارم سے نہیں آیا تھا، اس لیے ہم اسے نہیں لے سکے۔ اس میں جو کچھ لکھا تھا، ہم نے اس میں سے کچھ بھی نہیں رکھا۔",
        pa: "ਇਹ ਇਸ ਸਾਈਟ ਉੱਤੇ ਸੁਨੇਹਾ ਭੇਜਣ ਵਾਲੇ ਫ਼ਾਰਮ ਤੋਂ ਨਹੀਂ ਆਇਆ ਸੀ, ਇਸ ਲਈ ਅਸੀਂ ਇਸ ਨੂੰ ਸਵੀਕਾਰ ਨਹੀਂ ਕਰ ਸਕੇ। ਇਸ ਵਿੱਚ ਜੋ ਵੀ ਲਿਖਿਆ ਸੀ, ਅਸੀਂ ਉਸ ਵਿੱਚੋਂ ਕੁਝ ਵੀ ਨਹੀਂ ਰੱਖਿਆ।",
      },
      {
        en: "To send us a message, use the enquiry form on this site.",
        pl: "Aby wysłać nam wiadomość, proszę skorzystać z formularza zapytania w tym serwisie.",
        ro: "Ca să ne trimiteți un mesaj, folosiți formularul de contact de pe acest site.",
        ur: "ہمیں پیغام بھیجنے کے لیے اس سائٹ کا رابطہ فارم استعمال کریں۔",
        pa: "ਸਾਨੂੰ ਸੁਨੇਹਾ ਭੇਜਣ ਲਈ, ਇਸ ਸਾਈਟ ਉੱਤੇ ਸੁਨੇਹਾ ਭੇਜਣ ਵਾਲਾ ਫ਼ਾਰਮ ਵਰਤੋ।",
      },
    ],
  },
  "not-read": {
    title: {
      en: "Your message was not sent",
      pl: "Państwa wiadomość nie została wysłana",
      ro: "Mesajul dumneavoastră nu a fost trimis",
      ur: "آپ کا پیغام نہیں بھیجا گیا",
      pa: "ਤੁਹਾਡਾ ਸੁਨੇਹਾ ਨਹੀਂ ਭੇਜਿਆ ਗਿਆ",
    },
    paragraphs: [
      {
        en: "Something went wrong and we could not read your answers. We have not kept anything you typed.",
        pl: "Coś poszło nie tak i nie mogliśmy odczytać Państwa odpowiedzi. Nie zachowaliśmy niczego, co Państwo wpisali.",
        ro: "A apărut o problemă și nu v-am putut citi răspunsurile. Nu am păstrat nimic din ce ați scris.",
        ur: "کچھ غلط ہو گیا اور ہم آپ کے جوابات نہیں پڑھ سکے۔ آپ نے جو کچھ ٹائپ کیا تھا، ہم نے اس میں سے کچھ بھی نہیں رکھا۔",
        pa: "ਕੋਈ ਗੜਬੜ ਹੋ ਗਈ ਅਤੇ ਅਸੀਂ ਤੁਹਾਡੇ ਜਵਾਬ ਪੜ੍ਹ ਨਹੀਂ ਸਕੇ। ਤੁਸੀਂ ਜੋ ਵੀ ਲਿਖਿਆ ਸੀ, ਅਸੀਂ ਉਸ ਵਿੱਚੋਂ ਕੁਝ ਵੀ ਨਹੀਂ ਰੱਖਿਆ।",
      },
      {
        en: "Your browser's Back button may take you back to the form with your answers still in it.",
        pl: "Przycisk „Wstecz” w przeglądarce może przenieść Państwa z powrotem do formularza, w którym nadal będą Państwa odpowiedzi.",
        ro: "Butonul Înapoi al browserului vă poate readuce la formular, cu răspunsurile dumneavoastră încă acolo.",
        ur: "ہو سکتا ہے آپ کے براؤزر کا واپس جانے والا (Back) بٹن آپ کو فارم پر واپس لے جائے اور آپ کے جوابات اس میں ابھی بھی موجود ہوں۔",
        pa: "ਹੋ ਸਕਦਾ ਹੈ ਕਿ ਤੁਹਾਡੇ ਬ੍ਰਾਊਜ਼ਰ ਦਾ ਪਿੱਛੇ ਜਾਣ ਵਾਲਾ (Back) ਬਟਨ ਤੁਹਾਨੂੰ ਫ਼ਾਰਮ ਉੱਤੇ ਵਾਪਸ ਲੈ ਜਾਵੇ, ਅਤੇ ਤੁਹਾਡੇ ਜਵਾਬ ਹਾਲੇ ਵੀ ਉਸ ਵਿੱਚ ਭਰੇ ਹੋਣ।",
      },
    ],
  },
  "too-large": {
    title: {
      en: "Your message was too long to send",
      pl: "Państwa wiadomość była zbyt długa, aby ją wysłać",
      ro: "Mesajul dumneavoastră era prea lung pentru a fi trimis",
      ur: "آپ کا پیغام بھیجنے کے لیے بہت لمبا تھا",
      pa: "ਤੁਹਾਡਾ ਸੁਨੇਹਾ ਭੇਜਣ ਲਈ ਬਹੁਤ ਲੰਮਾ ਸੀ",
    },
    paragraphs: [
      {
        en: "It was far longer than the form allows, so we could not read it. A message can be up to {limit} characters.",
        pl: "Była znacznie dłuższa, niż pozwala formularz, więc nie mogliśmy jej odczytać. Wiadomość może mieć do {limit} znaków.",
        ro: "Era mult mai lung decât permite formularul, așa că nu l-am putut citi. Un mesaj poate avea cel mult {limit} de caractere.",
        ur: "یہ فارم کی حد سے کہیں زیادہ لمبا تھا، اس لیے ہم اسے نہیں پڑھ سکے۔ ایک پیغام {limit} حروف تک ہو سکتا ہے۔",
        pa: "ਇਹ ਫ਼ਾਰਮ ਦੀ ਹੱਦ ਤੋਂ ਕਿਤੇ ਜ਼ਿਆਦਾ ਲੰਮਾ ਸੀ, ਇਸ ਲਈ ਅਸੀਂ ਇਸ ਨੂੰ ਪੜ੍ਹ ਨਹੀਂ ਸਕੇ। ਸੁਨੇਹਾ ਵੱਧ ਤੋਂ ਵੱਧ {limit} ਅੱਖਰਾਂ ਦਾ ਹੋ ਸਕਦਾ ਹੈ।",
      },
      {
        en: "We have not kept anything you typed. Your browser's Back button may take you back to the form with your answers still in it.",
        pl: "Nie zachowaliśmy niczego, co Państwo wpisali. Przycisk „Wstecz” w przeglądarce może przenieść Państwa z powrotem do formularza, w którym nadal będą Państwa odpowiedzi.",
        ro: "Nu am păstrat nimic din ce ați scris. Butonul Înapoi al browserului vă poate readuce la formular, cu răspunsurile dumneavoastră încă acolo.",
        ur: "آپ نے جو کچھ ٹائپ کیا تھا، ہم نے اس میں سے کچھ بھی نہیں رکھا۔ ہو سکتا ہے آپ کے براؤزر کا واپس جانے والا (Back) بٹن آپ کو فارم پر واپس لے جائے اور آپ کے جوابات اس میں ابھی بھی موجود ہوں۔",
        pa: "ਤੁਸੀਂ ਜੋ ਵੀ ਲਿਖਿਆ ਸੀ, ਅਸੀਂ ਉਸ ਵਿੱਚੋਂ ਕੁਝ ਵੀ ਨਹੀਂ ਰੱਖਿਆ। ਹੋ ਸਕਦਾ ਹੈ ਕਿ ਤੁਹਾਡੇ ਬ੍ਰਾਊਜ਼ਰ ਦਾ ਪਿੱਛੇ ਜਾਣ ਵਾਲਾ (Back) ਬਟਨ ਤੁਹਾਨੂੰ ਫ਼ਾਰਮ ਉੱਤੇ ਵਾਪਸ ਲੈ ਜਾਵੇ, ਅਤੇ ਤੁਹਾਡੇ ਜਵਾਬ ਹਾਲੇ ਵੀ ਉਸ ਵਿੱਚ ਭਰੇ ਹੋਣ।",
      },
    ],
  },
  // Shown by Netlify's rate limit, which answers before the function sees the message.
  "too-many": {
    title: {
      en: "You have sent a lot of messages in a short time",
      pl: "Wysłali Państwo wiele wiadomości w krótkim czasie",
      ro: "Ați trimis multe mesaje într-un timp scurt",
      ur: "آپ نے تھوڑے سے وقت میں بہت سے پیغامات بھیجے ہیں",
      pa: "ਤੁਸੀਂ ਥੋੜ੍ਹੇ ਸਮੇਂ ਵਿੱਚ ਬਹੁਤ ਸਾਰੇ ਸੁਨੇਹੇ ਭੇਜੇ ਹਨ",
    },
    paragraphs: [
      {
        en: "To keep the form working for everyone, it takes only so many messages a minute from one place. This one has not reached us.",
        pl: "Aby formularz działał dla wszystkich, przyjmuje on z jednego miejsca tylko określoną liczbę wiadomości na minutę. Ta wiadomość do nas nie dotarła.",
        ro: "Ca formularul să funcționeze pentru toată lumea, acesta primește doar un anumit număr de mesaje pe minut din același loc. Acest mesaj nu a ajuns la noi.",
        ur: "فارم کو سب کے لیے چلتا رکھنے کے لیے، یہ ایک جگہ سے ایک منٹ میں صرف ایک خاص تعداد تک پیغامات لیتا ہے۔ یہ پیغام ہم تک نہیں پہنچا۔",
        pa: "ਫ਼ਾਰਮ ਨੂੰ ਸਾਰਿਆਂ ਲਈ ਚਾਲੂ ਰੱਖਣ ਲਈ, ਇਹ ਇੱਕ ਥਾਂ ਤੋਂ ਇੱਕ ਮਿੰਟ ਵਿੱਚ ਸਿਰਫ਼ ਸੀਮਤ ਗਿਣਤੀ ਵਿੱਚ ਸੁਨੇਹੇ ਲੈਂਦਾ ਹੈ। ਇਹ ਸੁਨੇਹਾ ਸਾਡੇ ਤੱਕ ਨਹੀਂ ਪਹੁੰਚਿਆ।",
      },
      {
        en: "Wait a minute, then send it again. Your browser's Back button may take you back to the form with your answers still in it.",
        pl: "Proszę odczekać minutę, a potem wysłać ją ponownie. Przycisk „Wstecz” w przeglądarce może przenieść Państwa z powrotem do formularza, w którym nadal będą Państwa odpowiedzi.",
        ro: "Așteptați un minut, apoi trimiteți-l din nou. Butonul Înapoi al browserului vă poate readuce la formular, cu răspunsurile dumneavoastră încă acolo.",
        ur: "ایک منٹ انتظار کریں، پھر اسے دوبارہ بھیجیں۔ ہو سکتا ہے آپ کے براؤزر کا واپس جانے والا (Back) بٹن آپ کو فارم پر واپس لے جائے اور آپ کے جوابات اس میں ابھی بھی موجود ہوں۔",
        pa: "ਇੱਕ ਮਿੰਟ ਰੁਕੋ, ਫਿਰ ਇਸ ਨੂੰ ਦੁਬਾਰਾ ਭੇਜੋ। ਹੋ ਸਕਦਾ ਹੈ ਕਿ ਤੁਹਾਡੇ ਬ੍ਰਾਊਜ਼ਰ ਦਾ ਪਿੱਛੇ ਜਾਣ ਵਾਲਾ (Back) ਬਟਨ ਤੁਹਾਨੂੰ ਫ਼ਾਰਮ ਉੱਤੇ ਵਾਪਸ ਲੈ ਜਾਵੇ, ਅਤੇ ਤੁਹਾਡੇ ਜਵਾਬ ਹਾਲੇ ਵੀ ਉਸ ਵਿੱਚ ਭਰੇ ਹੋਣ।",
      },
    ],
    everyLanguage: true,
  },
} as const satisfies Record<string, EnquiryProblem>;

export type EnquiryProblemId = keyof typeof ENQUIRY_PROBLEMS;

export const ENQUIRY_PROBLEM_IDS = Object.keys(ENQUIRY_PROBLEMS) as EnquiryProblemId[];

/** Where the build puts a problem's page in English; pathIn-style prefixes give the others. */
export const problemPagePath = (id: EnquiryProblemId) => `/enquire/problem/${id}/` as const;
