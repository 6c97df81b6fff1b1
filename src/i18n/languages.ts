/**
 * The languages the add-on speaks, and how a Sheets or Apps Script locale string maps onto one.
 * Sheets locales look like "cs_CZ" (getSpreadsheetLocale); Session.getActiveUserLocale() gives the
 * language alone ("cs") or with a region ("pt_BR"); browsers write "cs-CZ". Anything else is English.
 */

export const LANGUAGES = ['en', 'cs', 'pl', 'hu'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The add-on's language for a locale string, or null when it speaks none of it. */
export function supportedLanguage(locale: string | null | undefined): Language | null {
  const lang = String(locale ?? '').trim().split(/[_-]/)[0].toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : null;
}

/** The language for a locale string; English when it is none of ours. */
export function languageOf(locale: string | null | undefined): Language {
  return supportedLanguage(locale) ?? 'en';
}

/**
 * The language of the menu and the sidebar: the user's own when the add-on speaks it, else the
 * spreadsheet's, else English. Either locale may be missing (an empty string or null): Apps Script
 * cannot tell the spreadsheet's locale in AuthMode.NONE, for instance.
 */
export function userLanguage(userLocale: string | null | undefined, spreadsheetLocale: string | null | undefined): Language {
  return supportedLanguage(userLocale) ?? supportedLanguage(spreadsheetLocale) ?? 'en';
}
