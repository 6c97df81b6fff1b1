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

/** The log's columns as ranges of the given realm. */
export function sheetColumns(context: vm.Context, log: LogData, zone: string, options: CellOptions = {}): SheetColumns {
  const midnight = new Map<number, number>();
  const ms = new Float64Array(log.rows);
  for (let i = 0; i < log.rows; i++) {
    const d = log.day[i];
    let t = midnight.get(d);
    if (t === undefined) midnight.set(d, (t = startOfDayInZone(d, zone)));
    ms[i] = t;
  }
  const build = vm.runInContext(BUILD, context) as (...a: unknown[]) => SheetColumns;
  return build(log.rows, log.id, ms, options.amounts ? log.amount : null, options.ids === 'text');
}
