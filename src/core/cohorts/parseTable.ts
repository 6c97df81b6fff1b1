import type { DayNumber } from '../calendar';
import { valueMessage, isBlank, type CellColumn } from '../cells';
import { AMOUNT_BAD, AMOUNT_ERROR, cellAt, namedColumn, readAmount, type NamedColumn } from './cellColumns';
import { createDayReader } from './dayReader';
import { notePaddedIds } from './paddedIds';
import { createIdIndex, NEW_ID, NOT_AN_ID, type CustomerId } from './idIndex';
import { isMissingIdText } from '../placeholders';
import { DEFAULT_NUMBER_LOCALE, requireRows, rowSpan, skipBadDate, skipUnreadable, type ParseOptions } from './parseInput';
import { createSegmentIndex, SEGMENT_ERROR } from './segmentIndex';
import type { SkippedRows } from './skippedRows';

/** A customer table as sheet columns: one row per customer. */
export interface TableColumns {
  customerIds: CellColumn;
  signupDates: CellColumn;
  /** Blank = still active. Without the column everyone is still active. */
  cancelDates?: CellColumn | null;
  /** Revenue per period (e.g. the monthly plan price), blank = none. */
  revenue?: CellColumn | null;
  segments?: CellColumn | null;
  names?: { customerIds?: string; signupDates?: string; cancelDates?: string; revenue?: string; segments?: string };
}

/** Cancel day of a customer who is still active. */
export const NO_CANCEL = 0x7fffffff;

/** The customers of a table that could be read; index i of each array is one customer. */
export interface CustomerTable {
  kind: 'table';
  customers: number;
  customerIds: CustomerId[];
  signupDay: Int32Array;
  /** NO_CANCEL for customers still active. */
  cancelDay: Int32Array;
  /** Revenue per period, NaN where blank; null without a revenue column. */
  revenue: Float64Array | null;
  segment: Int32Array | null;
  rowNumber: Int32Array;
  segmentNames: string[] | null;
  firstDay: DayNumber;
  /** The latest signup or cancel day. */
  lastDay: DayNumber;
  /** How the signup date column is named in messages. */
  dateColumnName: string;
  skipped: SkippedRows;
}

/**
 * Reads a customer table. A repeated id keeps its first row (later ones are skipped as "duplicate
 * customer"); a cancel date before the signup date skips the row ("cancel before signup"); a cancel
 * date that is a placeholder for a missing value ("NULL", "nan") is no cancel date, and noted.
 */
export function parseCustomerTable(columns: TableColumns, options: ParseOptions): CustomerTable {
  const names = columns.names ?? {};
  const idCol = namedColumn(names.customerIds ?? 'customer id', columns.customerIds); // i18n-exempt: a default column name for callers that name none (every adapter names its columns)
  const signupCol = namedColumn(names.signupDates ?? 'signup date', columns.signupDates); // i18n-exempt: a default column name for callers that name none (every adapter names its columns)
  const cancelCol = columns.cancelDates ? namedColumn(names.cancelDates ?? 'cancel date', columns.cancelDates) : null; // i18n-exempt: a default column name for callers that name none (every adapter names its columns)
  const revenueCol = columns.revenue ? namedColumn(names.revenue ?? 'revenue', columns.revenue) : null;
  const segmentCol = columns.segments ? namedColumn(names.segments ?? 'segment', columns.segments) : null;
  const all = [idCol, signupCol, ...[cancelCol, revenueCol, segmentCol].filter((c): c is NamedColumn => c !== null)];
  const days = createDayReader(options.timeZone, options.dateForm);
  const { start, end, tallies } = rowSpan(all, idCol, signupCol, options, days);

  const locale = options.numberLocale ?? DEFAULT_NUMBER_LOCALE;
  const ids = createIdIndex();
  const segmentIndex = segmentCol ? createSegmentIndex(days) : null;
  const capacity = end - start;
  const signupDay = new Int32Array(capacity);
  const cancelDay = new Int32Array(capacity);
  const rowNumber = new Int32Array(capacity);
  const revenue = revenueCol ? new Float64Array(capacity) : null;
  const segment = segmentCol ? new Int32Array(capacity) : null;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let k = 0;

  for (let i = start; i < end; i++) {
    const row = options.firstRowNumber + i;
    const idv = cellAt(idCol, i);
    const found = ids.find(idv);
    const signup = days.day(cellAt(signupCol, i));
    if (found === NOT_AN_ID || signup !== signup) {
      skipUnreadable(tallies, all, i, row, idCol, found !== NOT_AN_ID, signupCol, days);
      continue;
    }
    let cancel = NO_CANCEL;
    let placeholderCancel = false;
    const cancelCell = cancelCol ? cellAt(cancelCol, i) : '';
    if (cancelCol && !isBlank(cancelCell)) {
      cancel = days.day(cancelCell);
      if (cancel !== cancel && typeof cancelCell === 'string' && isMissingIdText(cancelCell)) {
        // "NULL", "nan", "NaT", "-": what exports write for a customer without a cancel date.
        cancel = NO_CANCEL;
        placeholderCancel = true;
      } else if (cancel !== cancel) {
        skipBadDate(tallies, cancelCol, i, row, days);
        continue;
      }
      if (cancel < signup) {
        tallies.skip('cancel before signup', cancelCol.name, row);
        continue;
      }
    }
    let r = NaN;
    if (revenueCol) {
      r = readAmount(cellAt(revenueCol, i), locale);
      if (r === AMOUNT_BAD || r === AMOUNT_ERROR) {
        tallies.skip(r === AMOUNT_BAD ? 'bad amount' : 'error value', revenueCol.name, row, valueMessage(cellAt(revenueCol, i), days.timeZone));
        continue;
      }
    }
    let s = 0;
    if (segmentCol && segmentIndex) {
      s = segmentIndex.indexOf(cellAt(segmentCol, i));
      if (s === SEGMENT_ERROR) {
        tallies.skip('error value', segmentCol.name, row, valueMessage(cellAt(segmentCol, i), days.timeZone));
        continue;
      }
    }
    if (found !== NEW_ID) {
      tallies.skip('duplicate customer', idCol.name, row, valueMessage(idv, days.timeZone));
      continue;
    }
    if (revenueCol && r < 0) tallies.note('negative amount', revenueCol.name, row);
    if (cancelCol && placeholderCancel) tallies.note('placeholder cancel date', cancelCol.name, row, valueMessage(cancelCell, days.timeZone));
    ids.add(idv as CustomerId);
    signupDay[k] = signup;
    cancelDay[k] = cancel;
    rowNumber[k] = row;
    if (revenue) revenue[k] = r;
    if (segment) segment[k] = s;
    if (signup < firstDay) firstDay = signup;
    const latest = cancel === NO_CANCEL ? signup : cancel;
    if (latest > lastDay) lastDay = latest;
    k++;
  }
  requireRows(k, tallies);
  notePaddedIds(ids, tallies, idCol, rowNumber.subarray(0, k), options.firstRowNumber, days.timeZone);

  return {
    kind: 'table',
    customers: k,
    customerIds: ids.labels(),
    signupDay: signupDay.subarray(0, k),
    cancelDay: cancelDay.subarray(0, k),
    revenue: revenue ? revenue.subarray(0, k) : null,
    segment: segment ? segment.subarray(0, k) : null,
    rowNumber: rowNumber.subarray(0, k),
    segmentNames: segmentIndex ? segmentIndex.names : null,
    firstDay,
    lastDay,
    dateColumnName: signupCol.name,
    skipped: tallies.report(),
  };
}
