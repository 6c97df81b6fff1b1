/** The add-on menu and the sidebar. Runs in AuthMode.NONE on open: menu building only. */

export const ADDON_TITLE = 'Retention analytics';

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open cohort report', 'showSidebar')
    .addItem('Refresh summary', 'refreshSummary')
    .addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE).setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}
