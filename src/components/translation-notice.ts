/** How a translated page stands against its English page: what its notices say. */
export interface TranslationState {
  /** The English page has changed since the translation was made. */
  outOfDate: boolean;
  /** A second, fluent translator has checked it. */
  reviewed: boolean;
  /** The English page's address. */
  englishHref: string;
}

/** Where a translated page says in full how it stands: its caption above the heading links here. */
export const TRANSLATION_HELP_ID = "translation";
