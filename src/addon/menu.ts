import { t } from '../i18n';
import { userInterfaceLanguage } from './language';

/**
 * The add-on menu and the sidebar. onOpen runs in AuthMode.NONE until the add-on is used in the
 * document: it only builds the menu, in the user's language (see language.ts for what it may ask).
 */

/** The add-on's name, a brand: title case (Google's editor add-on style guide), the same in every language. */
export const ADDON_TITLE = 'Retention Analytics'; // i18n-exempt: the brand name

/** The open (or install) event; only its authMode matters here. */
export interface OpenEvent {
  authMode?: unknown;
}

export function onOpen(e?: OpenEvent): void {
  // Apps Script's AuthMode values print as their names.
  const language = userInterfaceLanguage(!!e && String(e.authMode) === 'NONE');
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(language, 'menu.openReport'), 'showSidebar')
    .addItem(t(language, 'menu.refresh'), 'refreshSummary')
    .addToUi();
}

/**
 * Opens the sidebar in the user's language: written into <html lang>, which the client reads before
 * it shows anything (so there is no flash of English), and which screen readers use.
 */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar');
  html.setContent(withLanguage(html.getContent(), userInterfaceLanguage()));
  SpreadsheetApp.getUi().showSidebar(html.setTitle(ADDON_TITLE).setWidth(300));
}

export function withLanguage(page: string, language: string): string {
  return page.replace(/<html lang="[^"]*">/, `<html lang="${language}">`); // i18n-exempt: markup, not text
}
