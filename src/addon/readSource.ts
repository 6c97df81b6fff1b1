import { UserError } from '../core/errors';
import { isBlank, valueMessage, type CellColumn } from '../core/cells';
import { numberLocale } from '../core/numbers';
import { dateFormOf } from '../core/textDates';
import { parseCustomerTable, parseTransactionLog, productColumn, type CohortData } from '../core/cohorts';
import type { SourceSettings } from './protocol';
import { columnLetter, sheetReference, sourceSheetByName } from './sourceSheet';
import { languageOf, msg, t, type Param } from '../i18n';
import { typed } from '../i18n/messages';
import { moneyFormatOf } from '../report/formats';

/** How many cells of the amount column are looked at for a currency format. */
const MONEY_FORMAT_ROWS = 20;

type Role = 'id' | 'date' | 'amount' | 'quantity' | 'unitPrice' | 'segment' | 'signup' | 'cancel' | 'revenue';

/** A column's role in messages ("Choose the date column.") and as the header block labels it. */
const ROLE_WORDS = {
  id: 'source.role.id', date: 'source.role.date', amount: 'source.role.amount', quantity: 'source.role.quantity', unitPrice: 'source.role.unitPrice',
  segment: 'source.role.segment', signup: 'source.role.signup', cancel: 'source.role.cancel', revenue: 'source.role.revenue',
} as const satisfies Record<Role, string>;
const COLUMN_LABELS = {
  id: 'source.label.id', date: 'source.label.date', amount: 'source.label.amount', quantity: 'source.label.quantity', unitPrice: 'source.label.unitPrice',
  segment: 'source.label.segment', signup: 'source.label.signup', cancel: 'source.label.cancel', revenue: 'source.label.revenue',
} as const satisfies Record<Role, string>;

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
  amountDescription: Param | null;
  /** The header block's lines for the columns used: ["Date column", 'B ("Order date")'], labels as messages. */
  columnLines: [Param, string][];
  /** The number format of the report's money cells, from the amount (or unit price, or revenue) column's own: moneyFormatOf. */
  moneyFormat: string;
  /** The cells below the header of one of the `extraColumns` (row i = sheet row headerRow + 1 + i). */
  extraColumn: (column: number) => unknown[];
}

/** `extraColumns` (1-based) are read in the same batched read, for callers that need more than the roles. */
export function readSource(settings: SourceSettings, timeZone: string, locale: string, extraColumns: readonly number[] = []): SourceData {
  const sheet = sourceSheetByName(settings.sheetName);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const headerRow = settings.headerRow;
  if (lastRow <= headerRow) throw new UserError(msg('server.noRowsBelowHeader', { sheet: sheet.getName(), row: typed(headerRow) }));
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
  // Column names go into messages of the cohort engine as text, in the spreadsheet's language (the summary's):
  // its quotes around a header ('B („Date“)' in Czech), and a header cell that is no text (a date, a
  // number) named as the cell shows it in that language, never as a JavaScript value.
  const language = languageOf(locale);
  const columnRef = (c: number) => {
    const h = headers[c - 1];
    const letter = columnLetter(c);
    if (isBlank(h)) return letter;
    if (typeof h === 'string') return t(language, 'source.columnRef', { letter, header: h.trim() });
    return t(language, 'source.columnRefValue', { letter, value: valueMessage(h, timeZone) });
  };
  const columnName = (c: number) => t(language, 'source.column', { ref: columnRef(c) });
  const column = (c: number, role: Role, required: boolean): CellColumn | null => {
    if (!c) {
      if (required) throw new UserError(msg('server.chooseColumn', { role: msg(ROLE_WORDS[role]) }));
      return null;
    }
    if (c > lastColumn) throw new UserError(msg('server.columnPastEnd', { role: msg(ROLE_WORDS[role]), letter: columnLetter(c), sheet: sheet.getName() }));
    return { rows: span, index: c - first };
  };
  // Every row read is kept, skipped or the header: rows blank in the columns used count as skipped.
  const options = { timeZone, firstRowNumber: headerRow + 1, numberLocale: numberLocale(locale), dateForm: () => dateFormOf(locale), countTrailingBlankRows: true };
  const amountName = product ? `${columnName(k.quantity!)} × ${columnName(k.unitPrice!)}` : columnName(k.amount);
  const amounts = product
    ? productColumn(column(k.quantity!, 'quantity', true)!, column(k.unitPrice!, 'unitPrice', true)!, options.numberLocale)
    : column(k.amount, 'amount', false);
  const data: CohortData =
    settings.shape === 'log'
      ? parseTransactionLog(
          {
            customerIds: column(k.id, 'id', true)!,
            dates: column(k.date, 'date', true)!,
            amounts,
            segments: column(k.segment, 'segment', false),
            names: { customerIds: columnName(k.id), dates: columnName(k.date), amounts: amountName, segments: columnName(k.segment) },
          },
          options,
        )
      : parseCustomerTable(
          {
            customerIds: column(k.id, 'id', true)!,
            signupDates: column(k.signup, 'signup', true)!,
            cancelDates: column(k.cancel, 'cancel', false),
            revenue: column(k.amount, 'revenue', false),
            segments: column(k.segment, 'segment', false),
            names: { customerIds: columnName(k.id), signupDates: columnName(k.signup), cancelDates: columnName(k.cancel), revenue: columnName(k.amount), segments: columnName(k.segment) },
          },
          options,
        );
  const description = `${sheetReference(sheet.getName())}!A${headerRow}:${columnLetter(lastColumn)}${lastRow}`;
  const roles: [Role, number][] =
    settings.shape === 'log'
      ? [['id', k.id], ['date', k.date], ['amount', k.amount], ...(product ? ([['quantity', k.quantity!], ['unitPrice', k.unitPrice!]] as [Role, number][]) : []), ['segment', k.segment]]
      : [['id', k.id], ['signup', k.signup], ['cancel', k.cancel], ['revenue', k.amount], ['segment', k.segment]];
  const columnLines = roles.filter(([, c]) => c > 0).map(([role, c]): [Param, string] => [msg(COLUMN_LABELS[role]), columnRef(c)]);
  const extraColumn = (c: number) => {
    if (!extraColumns.includes(c)) throw new Error(`column ${c} was not read`); // i18n-exempt: a programming error (an Error, not a UserError)
    if (c > lastColumn) throw new UserError(msg('server.extraPastEnd', { letter: columnLetter(c), sheet: sheet.getName() }));
    return span.map((r) => r[c - first]);
  };
  const amountDescription = product ? msg('source.product', { amount: amountName }) : null;
  const moneyColumn = product ? k.unitPrice! : k.amount;
  const moneyFormat = moneyColumn > 0 && moneyColumn <= lastColumn ? moneyFormatOfColumn(sheet, headerRow + 1, moneyColumn, rows) : moneyFormatOf(null);
  return { data, rowsRead: rows, description, columnName, columnLines, extraColumn, amountDescription, moneyFormat };
}

/** The first few cells' formats (one call): the first that names a currency decides, as moneyFormatOf reads it. */
function moneyFormatOfColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, column: number, rows: number): string {
  const formats = sheet.getRange(firstRow, column, Math.min(rows, MONEY_FORMAT_ROWS), 1).getNumberFormats();
  const named = formats.map((r) => moneyFormatOf(r[0])).find((f) => f !== moneyFormatOf(null));
  return named ?? moneyFormatOf(null);
}
