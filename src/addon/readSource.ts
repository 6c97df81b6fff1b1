import { UserError } from '../core/errors';
import { describeValue, isBlank, type CellColumn } from '../core/cells';
import { numberLocale } from '../core/numbers';
import { dateFormOf } from '../core/textDates';
import { parseCustomerTable, parseTransactionLog, productColumn, type CohortData } from '../core/cohorts';
import type { SourceSettings } from './protocol';
import { columnLetter, sheetReference, sourceSheetByName } from './sourceSheet';

/**
 * Reads the source sheet the settings name, in one batched read, into the cohort engine's input.
 * Messages name columns by letter and header, and rows by their sheet row numbers.
 */
export interface SourceData {
  data: CohortData;
  rowsRead: number;
  /** The range read, as a valid A1 reference: 'O''Brien''s sales'!A1:D92. */
  description: string;
  columnName: (column: number) => string;
  /** How the amount was made when it is not a column of the sheet ("quantity × unit price …"), else null. */
  amountDescription: string | null;
  /** The header block's lines for the columns used: ["Date column", 'B ("Order date")']. */
  columnLines: [string, string][];
  /** The cells below the header of one of the `extraColumns` (row i = sheet row headerRow + 1 + i). */
  extraColumn: (column: number) => unknown[];
}

/** `extraColumns` (1-based) are read in the same batched read, for callers that need more than the roles. */
export function readSource(settings: SourceSettings, timeZone: string, locale: string, extraColumns: readonly number[] = []): SourceData {
  const sheet = sourceSheetByName(settings.sheetName);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const headerRow = settings.headerRow;
  if (lastRow <= headerRow) throw new UserError(`Sheet "${sheet.getName()}" has no rows below the header row ${headerRow}.`);
  const headers = sheet.getRange(headerRow, 1, 1, lastColumn).getValues()[0];
  const rows = lastRow - headerRow;
  const k = settings.columns;
  // One batched read of the span of columns the report uses: the columns to the right of it, or left
  // of it, of a wide sheet are never read.
  // A log without an amount column but with a quantity and a unit price: amount = quantity × unit price.
  const product = settings.shape === 'log' && !k.amount && !!k.quantity && !!k.unitPrice;
  const used = [k.id, k.date, k.amount, k.signup, k.cancel, k.segment, ...extraColumns, ...(product ? [k.quantity!, k.unitPrice!] : [])]
    .filter((c) => c > 0 && c <= lastColumn);
  const first = used.length ? Math.min(...used) : 1;
  const span = used.length ? sheet.getRange(headerRow + 1, first, rows, Math.max(...used) - first + 1).getValues() : [];
  const columnRef = (c: number) => {
    const h = headers[c - 1];
    // A header cell that is no text (a date, a number) is named as the cell shows it, never as a JavaScript value.
    const shown = typeof h === 'string' ? `"${h.trim()}"` : describeValue(h, timeZone);
    return isBlank(h) ? columnLetter(c) : `${columnLetter(c)} (${shown})`;
  };
  const columnName = (c: number) => `column ${columnRef(c)}`;
  const column = (c: number, role: string, required: boolean): CellColumn | null => {
    if (!c) {
      if (required) throw new UserError(`Choose the ${role} column.`);
      return null;
    }
    if (c > lastColumn) throw new UserError(`The ${role} column ${columnLetter(c)} is past the last column of "${sheet.getName()}".`);
    return { rows: span, index: c - first };
  };
  // Every row read is kept, skipped or the header: rows blank in the columns used count as skipped.
  const options = { timeZone, firstRowNumber: headerRow + 1, numberLocale: numberLocale(locale), dateForm: () => dateFormOf(locale), countTrailingBlankRows: true };
  const amountName = product ? `${columnName(k.quantity!)} × ${columnName(k.unitPrice!)}` : columnName(k.amount);
  const amounts = product
    ? productColumn(column(k.quantity!, 'quantity', true)!, column(k.unitPrice!, 'unit price', true)!, options.numberLocale)
    : column(k.amount, 'amount', false);
  const data: CohortData =
    settings.shape === 'log'
      ? parseTransactionLog(
          {
            customerIds: column(k.id, 'customer id', true)!,
            dates: column(k.date, 'date', true)!,
            amounts,
            segments: column(k.segment, 'segment', false),
            names: { customerIds: columnName(k.id), dates: columnName(k.date), amounts: amountName, segments: columnName(k.segment) },
          },
          options,
        )
      : parseCustomerTable(
          {
            customerIds: column(k.id, 'customer id', true)!,
            signupDates: column(k.signup, 'signup date', true)!,
            cancelDates: column(k.cancel, 'cancel date', false),
            revenue: column(k.amount, 'revenue', false),
            segments: column(k.segment, 'segment', false),
            names: { customerIds: columnName(k.id), signupDates: columnName(k.signup), cancelDates: columnName(k.cancel), revenue: columnName(k.amount), segments: columnName(k.segment) },
          },
          options,
        );
  const description = `${sheetReference(sheet.getName())}!A${headerRow}:${columnLetter(lastColumn)}${lastRow}`;
  const roles: [string, number][] =
    settings.shape === 'log'
      ? [['Customer id column', k.id], ['Date column', k.date], ['Amount column', k.amount],
        ...(product ? ([['Quantity column', k.quantity!], ['Unit price column', k.unitPrice!]] as [string, number][]) : []), ['Segment column', k.segment]]
      : [['Customer id column', k.id], ['Signup date column', k.signup], ['Cancel date column', k.cancel], ['Revenue column', k.amount], ['Segment column', k.segment]];
  const columnLines = roles.filter(([, c]) => c > 0).map(([label, c]): [string, string] => [label, columnRef(c)]);
  const extraColumn = (c: number) => {
    if (!extraColumns.includes(c)) throw new Error(`column ${c} was not read`);
    if (c > lastColumn) throw new UserError(`Column ${columnLetter(c)} is past the last column of "${sheet.getName()}".`);
    return span.map((r) => r[c - first]);
  };
  const amountDescription = product ? `quantity × unit price: ${amountName}, per row` : null;
  return { data, rowsRead: rows, description, columnName, columnLines, extraColumn, amountDescription };
}
