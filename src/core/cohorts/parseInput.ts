import { describeValue, isBlank, isSheetsErrorText } from '../cells';
import type { NumberLocale } from '../numbers';
import { cellAt, columnHeight, endOfData, isBlankRow, isHeaderText, noDataRows, type NamedColumn } from './cellColumns';
import { RowTallies, describeSkippedRows } from './skippedRows';

/** What every parser needs besides the columns. */
export interface ParseOptions {
  /** The spreadsheet's IANA time zone: date cells are instants, read as days in this zone. */
  timeZone: string;
  /** Sheet row number of element 0 of every column, for messages. */
  firstRowNumber: number;
  /** How number text is read; defaults to "." as the decimal separator. */
  numberLocale?: NumberLocale;
}

export const DEFAULT_NUMBER_LOCALE: NumberLocale = { decimal: '.' };

/**
 * The rows a parser walks: checked for equal heights, trailing blanks trimmed, a header row in the
 * first row recognised by the text in its date column.
 */
export interface RowSpan {
  start: number;
  end: number;
  tallies: RowTallies;
}

export function rowSpan(columns: NamedColumn[], dateColumn: NamedColumn, options: ParseOptions): RowSpan {
  const height = columnHeight(columns);
  const end = endOfData(columns, height);
  const tallies = new RowTallies();
  let start = 0;
  if (end > 0 && isHeaderText(cellAt(dateColumn, 0))) {
    start = 1;
    tallies.headerRow = options.firstRowNumber;
  }
  if (end === 0) throw noDataRows(`${columns.map((c) => c.name).join(' and ')} ${columns.length > 1 ? 'are' : 'is'} empty`);
  if (end === start) throw noDataRows(`the range holds only a header row (row ${options.firstRowNumber})`);
  return { start, end, tallies };
}

/** Why a row whose id or date could not be read is skipped; each row is counted once. */
export function skipUnreadable(
  tallies: RowTallies,
  columns: NamedColumn[],
  i: number,
  row: number,
  idColumn: NamedColumn,
  idOk: boolean,
  dateColumn: NamedColumn,
): void {
  if (isBlankRow(columns, i)) return tallies.skip('blank row', 'all columns', row);
  if (!idOk) {
    const v = cellAt(idColumn, i);
    if (isBlank(v)) return tallies.skip('blank id', idColumn.name, row);
    if (isSheetsErrorText(v)) return tallies.skip('error value', idColumn.name, row, describeValue(v));
    return tallies.skip('invalid id', idColumn.name, row, describeValue(v));
  }
  skipBadDate(tallies, dateColumn, i, row);
}

export function skipBadDate(tallies: RowTallies, column: NamedColumn, i: number, row: number): void {
  const v = cellAt(column, i);
  if (isBlank(v)) return tallies.skip('blank date', column.name, row);
  if (isSheetsErrorText(v)) return tallies.skip('error value', column.name, row, describeValue(v));
  tallies.skip('not a date', column.name, row, describeValue(v));
}

/** Throws when every row was skipped, saying why. */
export function requireRows(kept: number, tallies: RowTallies): void {
  if (kept > 0) return;
  throw noDataRows(`every row was skipped. ${describeSkippedRows(tallies.report())}`);
}
