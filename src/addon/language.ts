import { languageOf, supportedLanguage, type Language } from '../i18n';

/**
 * Which language the add-on speaks where.
 *
 * The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale, shared by everyone in the workbook)
 * decides what is written into cells and the custom functions' messages: a team reads the same sheet.
 *
 * The user's own language decides the menu and the sidebar, the result and error lines included.
 * Session.getActiveUserLocale() "gets the language setting of the current user as a string—for
 * example, en for English" and, unlike getActiveUser(), lists no authorization scope
 * (developers.google.com/apps-script/reference/base/session). AuthMode.NONE, in which onOpen runs
 * for an add-on not yet used in the document, is "a mode that does not allow access to any services
 * that require authorization" (developers.google.com/apps-script/reference/script/auth-mode), so the
 * user's locale is the one thing onOpen can ask there; the spreadsheet's locale needs the spreadsheet
 * (LIMITED or FULL), so it is not asked in NONE. Each is asked only if the one before gives nothing
 * the add-on speaks, and a service that refuses counts as no answer: then English.
 */
export function userInterfaceLanguage(authModeNone = false): Language {
  const user = supportedLanguage(ask(() => Session.getActiveUserLocale()));
  if (user || authModeNone) return user ?? 'en';
  return supportedLanguage(ask(spreadsheetLocale)) ?? 'en';
}

/** The language of cells and formula messages: the spreadsheet's locale's, English if not ours. */
export function sheetLanguage(locale: string): Language {
  return languageOf(locale);
}

function spreadsheetLocale(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
}

function ask(question: () => string): string {
  try {
    return question() ?? '';
  } catch {
    return '';
  }
}
