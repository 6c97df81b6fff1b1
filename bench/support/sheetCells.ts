// Sheets-shaped arguments built inside a vm realm (the emulator's, where dist/Code.js runs): 2-D ranges
// of one-cell rows, one Date object per date cell (as Sheets passes them: never one shared Date per
// day), text ids as a separate string per cell (as Sheets deserialises them: not interned, so equal
// ids are equal strings, not one shared object; short concatenations are flat copies — JSON.parse
// would intern strings of up to 10 characters, one shared object per distinct id, an easier input).
// Each column is built in a loop of its own, as Sheets hands each range argument (=COHORTS(A2:A, B2:B))
// over as an array of its own: built in one loop, a row's id cell sat next to its Date in memory, a
// layout no real call has, which favoured number ids (read beside the Date read next), while text
// ids, built by a second call whose Dates were then dropped, sat among the holes those left.
import vm from 'node:vm';
import { startOfDayInZone } from '../../src/core/timeZone';
import type { LogData } from './logData';

export type Range = unknown[][];

export interface SheetColumns {
  ids: Range;
  dates: Range;
  /** Null unless asked for. */
  amounts: Range | null;
}

export interface CellOptions {
  /** "text" ids read "C000123" (logData.textId). Default "number". */
  ids?: 'number' | 'text';
  amounts?: boolean;
}

const BUILD_IDS = `(function (rows, id, text) {
  var ids = new Array(rows);
  for (var i = 0; i < rows; i++) ids[i] = [text ? 'C' + String(id[i]).padStart(6, '0') : id[i]];
  return ids;
})`;

const BUILD_DATES = `(function (rows, ms) {
  var dates = new Array(rows);
  for (var i = 0; i < rows; i++) dates[i] = [new Date(ms[i])];
  return dates;
})`;

const BUILD_NUMBERS = `(function (rows, values) {
  var cells = new Array(rows);
  for (var i = 0; i < rows; i++) cells[i] = [values[i]];
  return cells;
})`;

/** The instant of each row's date: its midnight in `zone`. */
function midnights(log: LogData, zone: string): Float64Array {
  const midnight = new Map<number, number>();
  const ms = new Float64Array(log.rows);
  for (let i = 0; i < log.rows; i++) {
    const d = log.day[i];
    let t = midnight.get(d);
    if (t === undefined) midnight.set(d, (t = startOfDayInZone(d, zone)));
    ms[i] = t;
  }
  return ms;
}

/** The log's columns as ranges of the given realm, one column after the other. */
export function sheetColumns(context: vm.Context, log: LogData, zone: string, options: CellOptions = {}): SheetColumns {
  const ids = idColumn(context, log, options.ids ?? 'number');
  const dates = (vm.runInContext(BUILD_DATES, context) as (...a: unknown[]) => Range)(log.rows, midnights(log, zone));
  const amounts = options.amounts ? (vm.runInContext(BUILD_NUMBERS, context) as (...a: unknown[]) => Range)(log.rows, log.amount) : null;
  return { ids, dates, amounts };
}

/** The log's customer id column alone, as a range of the given realm. */
export function idColumn(context: vm.Context, log: LogData, ids: 'number' | 'text'): Range {
  return (vm.runInContext(BUILD_IDS, context) as (...a: unknown[]) => Range)(log.rows, log.id, ids === 'text');
}

const SEGMENTS = ['ads', 'organic', 'referral', 'partner'];

const BUILD_SPAN = `(function (rows, id, ms, amount, segments) {
  var span = new Array(rows);
  for (var i = 0; i < rows; i++) span[i] = [id[i], new Date(ms[i]), amount[i], segments[id[i] % segments.length]];
  return span;
})`;

/**
 * The log as the sidebar reads a source sheet: one getValues() grid of rows [id, date, amount, segment]
 * (the segment is the customer's acquisition channel), built in the given realm.
 */
export function sheetSpan(context: vm.Context, log: LogData, zone: string): Range {
  const build = vm.runInContext(BUILD_SPAN, context) as (...a: unknown[]) => Range;
  return build(log.rows, log.id, midnights(log, zone), log.amount, SEGMENTS);
}
