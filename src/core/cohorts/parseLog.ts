import type { DayNumber } from '../calendar';
import { describeValue } from '../cells';
import { AMOUNT_BAD, AMOUNT_ERROR, readAmount, type NamedColumn } from './cellColumns';
import { DayReader } from './dayReader';
import { IdIndex, NEW_ID, NOT_AN_ID, type CustomerId } from './idIndex';
import { DEFAULT_NUMBER_LOCALE, requireRows, rowSpan, skipUnreadable, type ParseOptions } from './parseInput';
import { SEGMENT_ERROR, SegmentIndex } from './segmentIndex';
import type { SkippedRows } from './skippedRows';

/** A transaction log as sheet columns: one row per purchase or activity. */
export interface LogColumns {
  customerIds: readonly unknown[];
  dates: readonly unknown[];
  amounts?: readonly unknown[] | null;
  segments?: readonly unknown[] | null;
  /** How each column is named in messages (argument names, header text…). */
  names?: { customerIds?: string; dates?: string; amounts?: string; segments?: string };
}

/** The rows of a log that could be read, as parallel typed arrays (row k of each is one purchase). */
export interface TransactionLog {
  kind: 'log';
  rows: number;
  /** Dense customer index per row: customerIds[customer[k]] is the id as the sheet holds it. */
  customer: Int32Array;
  day: Int32Array;
  /** Amount per row, NaN where the cell was blank; null without an amount column. */
  amount: Float64Array | null;
  /** Segment index per row into segmentNames; null without a segment column. */
  segment: Int32Array | null;
  /** Sheet row number per row. */
  rowNumber: Int32Array;
  customerIds: CustomerId[];
  segmentNames: string[] | null;
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** How the date column is named in messages. */
  dateColumnName: string;
  skipped: SkippedRows;
}

// Local copies of imported constants used per row: where modules are transpiled one by one (tsx,
// vitest) every use of an imported binding is a getter call, a measurable cost over a million rows.
const NEW = NEW_ID;
const UNUSABLE = NOT_AN_ID;
const BAD_AMOUNT = AMOUNT_BAD;
const ERROR_AMOUNT = AMOUNT_ERROR;
const BAD_SEGMENT = SEGMENT_ERROR;
const amountOf = readAmount;

export function parseTransactionLog(columns: LogColumns, options: ParseOptions): TransactionLog {
  const names = columns.names ?? {};
  const idCol: NamedColumn = { name: names.customerIds ?? 'customer id', values: columns.customerIds };
  const dateCol: NamedColumn = { name: names.dates ?? 'date', values: columns.dates };
  const amountCol = columns.amounts ? { name: names.amounts ?? 'amount', values: columns.amounts } : null;
  const segmentCol = columns.segments ? { name: names.segments ?? 'segment', values: columns.segments } : null;
  const all = [idCol, dateCol, ...(amountCol ? [amountCol] : []), ...(segmentCol ? [segmentCol] : [])];
  const days = new DayReader(options.timeZone, options.dateForm);
  const { start, end, tallies } = rowSpan(all, idCol, dateCol, options, days);

  const locale = options.numberLocale ?? DEFAULT_NUMBER_LOCALE;
  const ids = new IdIndex();
  const segmentIndex = segmentCol ? new SegmentIndex(days) : null;
  const capacity = end - start;
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const rowNumber = new Int32Array(capacity);
  const amount = amountCol ? new Float64Array(capacity) : null;
  const segment = segmentCol ? new Int32Array(capacity) : null;
  const idValues = idCol.values;
  const dateValues = dateCol.values;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let k = 0;

  for (let i = start; i < end; i++) {
    const row = options.firstRowNumber + i;
    const idv = idValues[i];
    let c = ids.find(idv);
    const d = days.day(dateValues[i]);
    if (c === UNUSABLE || d !== d) {
      skipUnreadable(tallies, all, i, row, idCol, c !== UNUSABLE, dateCol, days);
      continue;
    }
    if (amountCol && amount) {
      const a = amountOf(amountCol.values[i], locale);
      if (a === BAD_AMOUNT || a === ERROR_AMOUNT) {
        tallies.skip(a === BAD_AMOUNT ? 'bad amount' : 'error value', amountCol.name, row, describeValue(amountCol.values[i], days.timeZone));
        continue;
      }
      amount[k] = a;
    }
    if (segmentCol && segmentIndex && segment) {
      const s = segmentIndex.indexOf(segmentCol.values[i]);
      if (s === BAD_SEGMENT) {
        tallies.skip('error value', segmentCol.name, row, describeValue(segmentCol.values[i], days.timeZone));
        continue;
      }
      segment[k] = s;
    }
    if (amountCol && amount && amount[k] < 0) tallies.note('negative amount', amountCol.name, row);
    if (c === NEW) c = ids.add(idv as CustomerId);
    customer[k] = c;
    day[k] = d;
    rowNumber[k] = row;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    k++;
  }
  requireRows(k, tallies);

  return {
    kind: 'log',
    rows: k,
    customer: customer.subarray(0, k),
    day: day.subarray(0, k),
    amount: amount ? amount.subarray(0, k) : null,
    segment: segment ? segment.subarray(0, k) : null,
    rowNumber: rowNumber.subarray(0, k),
    customerIds: ids.labels,
    segmentNames: segmentIndex ? segmentIndex.names : null,
    firstDay,
    lastDay,
    dateColumnName: dateCol.name,
    skipped: tallies.report(),
  };
}
