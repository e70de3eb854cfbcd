/** Where a translated page says in full how it stands: its caption above the heading links here. */
export const TRANSLATION_HELP_ID = "translation";
