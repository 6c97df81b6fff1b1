import { isBlank, isSheetsErrorText, valueMessage } from '../cells';
import { msg } from '../../i18n/catalogue';
import { allOf, typed } from '../../i18n/messages';
import type { NumberLocale } from '../numbers';
import { isMissingIdText } from '../placeholders';
import { whyNotADate, type DateForm } from '../textDates';
import { cellAt, columnHeight, endOfData, isBlankRow, noDataRows, type NamedColumn } from './cellColumns';
import type { DayReader } from './dayReader';
import { headerText, isHeaderRow, repeatsHeaderRow } from './firstRow';
import { createRowTallies, skippedRowsMessage, type RowTallies } from './skippedRows';

/** What every parser needs besides the columns. */
export interface ParseOptions {
  /** The spreadsheet's IANA time zone: date cells are instants, read as days in this zone. */
  timeZone: string;
  /** Sheet row number of element 0 of every column, for messages. */
  firstRowNumber: number;
  /** How number text is read; defaults to "." as the decimal separator. */
  numberLocale?: NumberLocale;
  /**
   * The spreadsheet locale's numeric date form for date text (textDates.ts), asked for only when a
   * date cell holds text; without it only ISO date text is read.
   */
  dateForm?: () => DateForm | null;
  /** Row numbers are rows of a formula's range ("row 3 of the range"), not sheet rows. */
  rowsOfRange?: boolean;
  /**
   * Rows blank in every column at the end count as skipped blank rows (a sheet's rows read), rather
   * than being trimmed (a whole-column range A2:A ends in thousands of them).
   */
  countTrailingBlankRows?: boolean;
  /**
   * The id column is made by the caller, one customer per row (a formula's customer table: ids are
   * the rows of the range), so it takes no part in recognising a header row.
   */
  idsFromRows?: boolean;
}

export const DEFAULT_NUMBER_LOCALE: NumberLocale = { decimal: '.' };

/**
 * The rows a parser walks: checked for equal heights, trailing blanks trimmed, a header in the first
 * row recognised (firstRow.ts) and noted.
 */
export interface RowSpan {
  start: number;
  end: number;
  tallies: RowTallies;
}

export function rowSpan(columns: NamedColumn[], idColumn: NamedColumn, dateColumn: NamedColumn, options: ParseOptions, days: DayReader): RowSpan {
  const height = columnHeight(columns);
  const dataEnd = endOfData(columns, height);
  const end = options.countTrailingBlankRows && dataEnd > 0 ? height : dataEnd;
  const ofRange = options.rowsOfRange ?? false;
  const tallies = createRowTallies(ofRange);
  let start = 0;
  const headerColumns = options.idsFromRows ? columns.filter((c) => c !== idColumn) : columns;
  if (end > 0 && isHeaderRow(headerColumns, options.idsFromRows ? dateColumn : idColumn, dateColumn, end, days)) {
    start = 1;
    tallies.headerRow = options.firstRowNumber;
    tallies.headerText = headerText(headerColumns);
  }
  if (end === 0) throw noDataRows(msg('input.empty', { count: columns.length, columns: allOf(columns.map((c) => c.name)) }));
  if (end === start) {
    throw noDataRows(msg(ofRange ? 'input.onlyHeaderOfRange' : 'input.onlyHeader', { row: typed(options.firstRowNumber), cells: tallies.headerText ?? '' }));
  }
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
  days: DayReader,
): void {
  if (isBlankRow(columns, i)) return tallies.skip('blank row', '', row);
  if (!idOk) {
    const v = cellAt(idColumn, i);
    if (isBlank(v)) return tallies.skip('blank id', idColumn.name, row);
    if (isSheetsErrorText(v)) return tallies.skip('error value', idColumn.name, row, valueMessage(v));
    if (typeof v === 'string' && isMissingIdText(v)) return tallies.skip('placeholder id', idColumn.name, row, valueMessage(v));
    return tallies.skip('invalid id', idColumn.name, row, valueMessage(v, days.timeZone));
  }
  if (repeatsHeaderRow(columns, i, dateColumn, days)) return tallies.skip('repeated header', '', row);
  skipBadDate(tallies, dateColumn, i, row, days);
}

export function skipBadDate(tallies: RowTallies, column: NamedColumn, i: number, row: number, days: DayReader): void {
  const v = cellAt(column, i);
  if (isBlank(v)) return tallies.skip('blank date', column.name, row);
  if (isSheetsErrorText(v)) return tallies.skip('error value', column.name, row, valueMessage(v));
  // A number is a date only in a cell formatted as one (45296 is 2024-01-03): say how to fix it, as a single cell's message does.
  const why = typeof v === 'string' ? whyNotADate(v, days.textForm()) : typeof v === 'number' ? 'number not a date' : null;
  tallies.skip(why ?? 'not a date', column.name, row, valueMessage(v, days.timeZone));
}

/** Throws when every row was skipped, saying why. */
export function requireRows(kept: number, tallies: RowTallies): void {
  if (kept > 0) return;
  throw noDataRows(msg('input.allSkipped', { skipped: skippedRowsMessage(tallies.report()) ?? '' }));
}
