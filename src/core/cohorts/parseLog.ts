import type { DayNumber } from '../calendar';
import { valueMessage, type CellColumn } from '../cells';
import { AMOUNT_BAD, AMOUNT_ERROR, namedColumn, readAmount, type NamedColumn } from './cellColumns';
import { createDayReader, type DayReader } from './dayReader';
import { notePaddedIds } from './paddedIds';
import { createIdIndex, NEW_ID, NOT_AN_ID, type CustomerId, type IdIndex } from './idIndex';
import { keptRowNumbers } from './keptRows';
import { DEFAULT_NUMBER_LOCALE, requireRows, rowSpan, skipUnreadable, type ParseOptions } from './parseInput';
import { createSegmentIndex, SEGMENT_ERROR, type SegmentIndex } from './segmentIndex';
import type { RowTallies, SkippedRows } from './skippedRows';
import type { NumberLocale } from '../numbers';

/** A transaction log as sheet columns: one row per purchase or activity. */
export interface LogColumns {
  customerIds: CellColumn;
  dates: CellColumn;
  amounts?: CellColumn | null;
  segments?: CellColumn | null;
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
  /** Sheet row number per row (built on first use: see keptRows.ts). */
  readonly rowNumber: Int32Array;
  /** The id of each customer as the sheet holds it (built on first use, see idIndex.ts labels()). */
  readonly customerIds: CustomerId[];
  /** How many customers: customerIds.length, without building the labels. */
  customers: number;
  segmentNames: string[] | null;
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** How the date column is named in messages. */
  dateColumnName: string;
  /** How the amount column is named in messages; null without one. */
  amountColumnName: string | null;
  skipped: SkippedRows;
}

/** A log parse's options. */
export interface LogParseOptions extends ParseOptions {
  /**
   * The log is used only until the next parse that sets this too (a formula that parses, computes and
   * returns): its per-row arrays are lent from buffers kept for that next parse (lentRows below).
   */
  reuseRowArrays?: boolean;
}

/**
 * The per-row arrays of the last parse with reuseRowArrays, lent again to the next: at five million rows
 * they are 40 MB (60 with amounts) that would otherwise be allocated fresh on every call. Fresh memory
 * that size costs its page faults (the allocator returns it to the system when it is freed), and past
 * 32 MB of new array buffers V8 runs young-generation collections for "external memory pressure"
 * during the call. Grown to the largest call; the arrays handed out are views of them.
 */
const lentRows: { customer: Int32Array; day: Int32Array; amount: Float64Array } = { customer: new Int32Array(0), day: new Int32Array(0), amount: new Float64Array(0) };

function lentInt32(kept: Int32Array, capacity: number): Int32Array {
  return kept.length >= capacity ? kept.subarray(0, capacity) : new Int32Array(capacity);
}

// Local copies of imported constants used per row: where modules are transpiled one by one (tsx,
// vitest) every use of an imported binding is a getter call, a measurable cost over a million rows.
const NEW = NEW_ID;
const UNUSABLE = NOT_AN_ID;
const BAD_AMOUNT = AMOUNT_BAD;
const ERROR_AMOUNT = AMOUNT_ERROR;
const BAD_SEGMENT = SEGMENT_ERROR;
const amountOf = readAmount;

/**
 * One pass over the rows. The hot loop reads the id and date cells in place and settles a clean row with
 * a typed-array probe each (idIndex.ts, dayReader.ts); everything else — a new id, an unreadable cell,
 * the optional columns, the reasons rows are skipped — is a branch off it.
 */
export function parseTransactionLog(columns: LogColumns, options: LogParseOptions): TransactionLog {
  const names = columns.names ?? {};
  const idCol = namedColumn(names.customerIds ?? 'customer id', columns.customerIds); // i18n-exempt: a default column name for callers that name none (every adapter names its columns)
  const dateCol = namedColumn(names.dates ?? 'date', columns.dates);
  const amountCol = columns.amounts ? namedColumn(names.amounts ?? 'amount', columns.amounts) : null;
  const segmentCol = columns.segments ? namedColumn(names.segments ?? 'segment', columns.segments) : null;
  const all = [idCol, dateCol, ...(amountCol ? [amountCol] : []), ...(segmentCol ? [segmentCol] : [])];
  const days = createDayReader(options.timeZone, options.dateForm);
  const { start, end, tallies } = rowSpan(all, idCol, dateCol, options, days);

  const locale = options.numberLocale ?? DEFAULT_NUMBER_LOCALE;
  const ids = createIdIndex();
  const segmentIndex = segmentCol ? createSegmentIndex(days) : null;
  const capacity = end - start;
  const lend = options.reuseRowArrays === true;
  const customer = lend ? lentInt32(lentRows.customer, capacity) : new Int32Array(capacity);
  const day = lend ? lentInt32(lentRows.day, capacity) : new Int32Array(capacity);
  const amount = !amountCol ? null : lend && lentRows.amount.length >= capacity ? lentRows.amount.subarray(0, capacity) : new Float64Array(capacity);
  if (lend) {
    if (customer.buffer !== lentRows.customer.buffer) lentRows.customer = customer;
    if (day.buffer !== lentRows.day.buffer) lentRows.day = day;
    if (amount !== null && amount.buffer !== lentRows.amount.buffer) lentRows.amount = amount;
  }
  const segment = segmentCol ? new Int32Array(capacity) : null;
  const firstRowNumber = options.firstRowNumber;
  const shifts: number[] = []; // pairs k, shift (keptRows.ts)
  const read = readRows(start, end, firstRowNumber, idCol, dateCol, amountCol, segmentCol, all, ids, days, segmentIndex, tallies, locale, customer, day, amount, segment, shifts);
  const k = read.kept;
  const { firstDay, lastDay } = read;
  requireRows(k, tallies);
  if (ids.paddedLookups > 0) notePaddedIds(ids, tallies, idCol, keptRowNumbers(shifts, firstRowNumber, k), firstRowNumber, days.timeZone);

  let rowNumber: Int32Array | null = null;
  return {
    kind: 'log',
    rows: k,
    customer: customer.subarray(0, k),
    day: day.subarray(0, k),
    amount: amount ? amount.subarray(0, k) : null,
    segment: segment ? segment.subarray(0, k) : null,
    get rowNumber() {
      return (rowNumber ??= keptRowNumbers(shifts, firstRowNumber, k));
    },
    get customerIds() {
      return ids.labels();
    },
    customers: ids.count(),
    segmentNames: segmentIndex ? segmentIndex.names : null,
    firstDay,
    lastDay,
    dateColumnName: dateCol.name,
    amountColumnName: amountCol ? amountCol.name : null,
    skipped: tallies.report(),
  };
}

/** What readRows kept: rows, and the span of their days. */
interface ReadRows {
  kept: number;
  firstDay: number;
  lastDay: number;
}

/**
 * The hot loop, in a function of its own that touches only arrays, numbers and the objects made per
 * parse whose hidden classes are held (hiddenClass.ts): the caller's arguments (the columns, the
 * options) have classes that die at a full collection, and compiled code that checked them would be
 * thrown away with them.
 */
function readRows(
  start: number,
  end: number,
  firstRowNumber: number,
  idCol: NamedColumn,
  dateCol: NamedColumn,
  amountCol: NamedColumn | null,
  segmentCol: NamedColumn | null,
  all: NamedColumn[],
  ids: IdIndex,
  days: DayReader,
  segmentIndex: SegmentIndex | null,
  tallies: RowTallies,
  locale: NumberLocale,
  customer: Int32Array,
  day: Int32Array,
  amount: Float64Array | null,
  segment: Int32Array | null,
  shifts: number[],
): ReadRows {
  const { list: idList, rows: idRows, index: idAt } = idCol;
  const { list: dateList, rows: dateRows, index: dateAt } = dateCol;
  const amountList = amountCol ? amountCol.list : null;
  const amountRows = amountCol ? amountCol.rows : null;
  const amountAt = amountCol ? amountCol.index : 0;
  const segmentList = segmentCol ? segmentCol.list : null;
  const segmentRows = segmentCol ? segmentCol.rows : null;
  const segmentAt = segmentCol ? segmentCol.index : 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let shift = -1;
  let k = 0;

  // Ids that index flat tables are put off (idIndex.ts: deferred) and looked up after the loop; before
  // any other id is added the ones put off so far are resolved, so customers keep the order of their
  // first rows. `pending`: the first kept row that may still hold a placeholder.
  let pending = 0;
  for (let i = start; i < end; i++) {
    const idv = idList !== null ? idList[i] : idRows![i][idAt];
    let c = ids.deferred(idv);
    if (c === NEW) c = ids.find(idv);
    const d = days.day(dateList !== null ? dateList[i] : dateRows![i][dateAt]);
    if (c === UNUSABLE || d !== d) {
      skipUnreadable(tallies, all, i, firstRowNumber + i, idCol, c !== UNUSABLE, dateCol, days);
      continue;
    }
    if (amountCol !== null && amount !== null) {
      const v = amountList !== null ? amountList[i] : amountRows![i][amountAt];
      // A finite number is the common case, read here: a call returning a double would box it per row.
      const a = typeof v === 'number' && v - v === 0 ? v : amountOf(v, locale);
      if (a === BAD_AMOUNT || a === ERROR_AMOUNT) {
        tallies.skip(a === BAD_AMOUNT ? 'bad amount' : 'error value', amountCol.name, firstRowNumber + i, valueMessage(v, days.timeZone));
        continue;
      }
      amount[k] = a;
    }
    if (segmentCol !== null && segmentIndex !== null && segment !== null) {
      const v = segmentList !== null ? segmentList[i] : segmentRows![i][segmentAt];
      const s = segmentIndex.indexOf(v);
      if (s === BAD_SEGMENT) {
        tallies.skip('error value', segmentCol.name, firstRowNumber + i, valueMessage(v, days.timeZone));
        continue;
      }
      segment[k] = s;
    }
    if (amountCol !== null && amount !== null && amount[k] < 0) tallies.note('negative amount', amountCol.name, firstRowNumber + i);
    if (c === NEW) {
      if (pending < k) {
        ids.resolveDeferred(customer, pending, k);
        pending = k;
        c = ids.find(idv); // one put off may have been this customer ("A1 " after "A1")
      }
      if (c === NEW) c = ids.add(idv as CustomerId);
    }
    customer[k] = c;
    day[k] = d;
    if (i - k !== shift) {
      shift = i - k;
      shifts.push(k, shift);
    }
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    k++;
  }
  if (pending < k) ids.resolveDeferred(customer, pending, k);
  return { kept: k, firstDay, lastDay };
}
