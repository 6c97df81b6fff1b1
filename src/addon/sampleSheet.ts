import { dateCell } from '../core/cohorts';
import { sampleOrders } from '../core/sampleData';
import { t } from '../i18n';
import { cellDateFormat, currencyFormat } from '../report/formats';
import { freeSheetName } from '../report/ownedSheets';
import { sheetLanguage } from './language';

/**
 * The sidebar's sample: a new sheet of made-up orders (customer, date, amount, channel) with headers
 * in the spreadsheet's language. It is a plain sheet of the user's, not one the add-on owns: it is
 * source data to try the add-on on and to edit, it gets a name no sheet has ("Sample orders 2" when
 * that one exists), and the add-on never writes to it again.
 */
export function insertSampleSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const locale = ss.getSpreadsheetLocale();
  const language = sheetLanguage(locale);
  const day = dateCell(ss.getSpreadsheetTimeZone());
  const channels = [t(language, 'sample.online'), t(language, 'sample.store')];
  const rows: (string | number | Date)[][] = [
    [t(language, 'sample.customer'), t(language, 'sample.date'), t(language, 'sample.amount'), t(language, 'sample.channel')],
    ...sampleOrders().map((o) => [o.customer, day(o.day), o.amount, channels[o.channel]]),
  ];
  const taken = ss.getSheets().map((s) => s.getName());
  const sheet = ss.insertSheet(freeSheetName(taken, t(language, 'sample.sheetName')), taken.length);
  if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  const all = sheet.getRange(1, 1, rows.length, 4);
  all.setValues(rows);
  const formats = rows.map((_, r) => (r === 0 ? ['@', '@', '@', '@'] : ['@', cellDateFormat(language), currencyFormat(locale), '@']));
  all.setNumberFormats(formats);
  sheet.getRange(1, 1, 1, 4).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.activate();
  return sheet;
}
