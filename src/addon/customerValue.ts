import { parseIsoDay } from '../core/calendar';
import { dateCell, describeSkippedRows } from '../core/cohorts';
import { UserError } from '../core/errors';
import { scoreParsedLog } from '../core/models';
import { customerSegments, customerValueLayout, customerValueTables } from '../report/customerValueLayout';
import { replaceOwnedSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import { withDocumentLock } from './documentLock';
import type { CustomerValueOutcome, CustomerValueSettings } from './protocol';
import { readSource } from './readSource';

export const CUSTOMER_VALUE_SHEET_NAME = 'Customer value';

export const NEEDS_AMOUNTS =
  'Customer value needs a transaction log with an amount column: one row per purchase with the customer, the date and the amount. ' +
  'Choose "Transaction log" as the data shape and pick the amount column.';

/**
 * The sidebar's "Estimate customer value": read the source log, fit BG/NBD + Gamma-Gamma up to the
 * observation end (the as-of day, or the last date in the data), and write the "Customer value" sheet.
 * Under the document lock like the summary; everything is computed before the first write, and the
 * sheet is built aside and swapped in, so a failure leaves every sheet as it was.
 */
export function generateCustomerValue(settings: CustomerValueSettings): CustomerValueOutcome {
  if (settings.shape !== 'log' || !settings.columns.amount) throw new UserError(NEEDS_AMOUNTS);
  const asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
  if (settings.asOf && asOfDay === null) throw new UserError(`The "as of" date "${settings.asOf}" is not a valid date.`);
  return withDocumentLock('Someone else is writing this spreadsheet’s summary or customer value right now. Try again in a minute.', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const locale = ss.getSpreadsheetLocale();
    const source = readSource(settings, timeZone, locale);
    const log = source.data;
    if (log.kind !== 'log' || !log.amount) throw new UserError(NEEDS_AMOUNTS);
    const result = scoreParsedLog(log, {
      endDay: asOfDay ?? undefined,
      horizonMonths: settings.horizonMonths,
      monthlyDiscountRate: settings.monthlyDiscountRate,
    });
    const options = { topShare: settings.topShare, aliveBelow: settings.aliveBelow };
    const tables = customerValueTables(result, options, customerSegments(log), log.segmentNames);
    const layout = customerValueLayout(
      result,
      tables,
      options,
      log.customerIds,
      {
        title: CUSTOMER_VALUE_SHEET_NAME,
        sourceDescription: source.description,
        columnLines: source.columnLines,
        rowsRead: source.rowsRead,
        rowsSkipped: log.skipped.total,
        skippedText: describeSkippedRows(log.skipped),
        segmentColumn: settings.columns.segment ? source.columnName(settings.columns.segment) : '',
        asOfChosen: asOfDay !== null,
        generatedAt: new Date(),
        version: ADDON_VERSION,
        locale,
      },
      dateCell(timeZone),
    );
    const sheet = replaceOwnedSheet(ss, 'customerValue', CUSTOMER_VALUE_SHEET_NAME, layout);
    const n = (v: number) => v.toLocaleString('en-US');
    const months = settings.horizonMonths;
    return {
      sheetName: sheet.name,
      rowsRead: source.rowsRead,
      rowsSkipped: log.skipped.total,
      customers: tables.scored,
      atRisk: tables.atRisk.length,
      totalClv: tables.totalClv,
      message:
        `${n(tables.scored)} customers scored from ${n(source.rowsRead)} rows` +
        (log.skipped.total ? ` (${n(log.skipped.total)} skipped)` : '') +
        `: ${months}-month CLV ${n(Math.round(tables.totalClv))} in total, ${n(tables.atRisk.length)} top ${tables.atRisk.length === 1 ? 'customer' : 'customers'} at risk.` +
        ` Written to "${sheet.name}".`,
    };
  });
}
