// Sheets-shaped arguments built inside a vm realm (the emulator's, where dist/Code.js runs): 2-D ranges
// of one-cell rows, one Date object per date cell (as Sheets passes them: never one shared Date per
// day), text ids as a separate string per cell (as Sheets deserialises them: not interned, so equal
// ids are equal strings, not one shared object; short concatenations are flat copies).
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

const BUILD = `(function (rows, id, ms, amount, text) {
  var ids = new Array(rows), dates = new Array(rows), amounts = amount === null ? null : new Array(rows);
  for (var i = 0; i < rows; i++) {
    ids[i] = [text ? 'C' + String(id[i]).padStart(6, '0') : id[i]];
    dates[i] = [new Date(ms[i])];
    if (amounts !== null) amounts[i] = [amount[i]];
  }
  return { ids: ids, dates: dates, amounts: amounts };
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

/** The log's columns as ranges of the given realm. */
export function sheetColumns(context: vm.Context, log: LogData, zone: string, options: CellOptions = {}): SheetColumns {
  const ms = midnights(log, zone);
  const build = vm.runInContext(BUILD, context) as (...a: unknown[]) => SheetColumns;
  return build(log.rows, log.id, ms, options.amounts ? log.amount : null, options.ids === 'text');
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
