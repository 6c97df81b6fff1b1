import { UserError } from './errors';
import { msg, renderValue } from '../i18n/catalogue';
import { date, typed, type Param } from '../i18n/messages';
import { isInvisibleText } from './placeholders';
import { zoneOffsetMs } from './timeZone';

/**
 * What a sheet cell value is. Sheets hands custom functions and getValues() numbers, strings,
 * booleans, Date objects and "" for blanks. Dates may come from another JS realm (Sheets' own, or a
 * vm context in tests), so they are recognised by their internal tag, never with `instanceof Date`.
 */

export type CellValue = unknown;

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isDateValue(v: CellValue): v is Date {
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]'; // i18n-exempt: a type tag
}

/** The instant of a Date cell, or NaN for an invalid Date. */
export function dateMs(v: Date): number {
  return Date.prototype.getTime.call(v);
}

/** Sheets' error values arrive in custom functions as strings such as "#N/A" or "#DIV/0!". */
export function isSheetsErrorText(v: CellValue): boolean {
  return typeof v === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/.test(v.trim());
}

/**
 * How a value is named inside a message, the way the user sees it in the cell: text in quotes (long
 * text cut), numbers as Sheets shows them (0.3, not 0.30000000000000004), TRUE/FALSE, error values
 * as #N/A, and dates as "the date Jan 1, 2024" in the spreadsheet's zone and the reader's language —
 * never as a JavaScript value or in the script's zone. Without a zone a date is just "a date".
 */
export function valueMessage(v: CellValue, timeZone?: string): Param {
  if (isDateValue(v)) {
    const ms = dateMs(v);
    if (ms !== ms) return msg('value.invalidDate');
    return timeZone ? describeInstant(ms, timeZone) : msg('value.someDate');
  }
  if (typeof v === 'string') {
    if (isSheetsErrorText(v)) return v.trim();
    if (isInvisibleText(v)) return msg('value.invisible');
    const t = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return `"${t}"`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? typed(v) : msg('value.invalidNumber');
  if (v === '' || v === null || v === undefined) return msg('value.blank');
  return msg('value.unexpected');
}

/** valueMessage in English, for messages not yet in the catalogue. */
export function describeValue(v: CellValue, timeZone?: string): string {
  const m = valueMessage(v, timeZone);
  return typeof m === 'string' ? m : renderValue(m, 'en');
}

// "the date Jan 1, 2024", or with the time of day when the cell holds one: "the date and time Jan 1, 2024 08:26".
function describeInstant(ms: number, timeZone: string): Param {
  let local: number;
  try {
    local = ms + zoneOffsetMs(ms, timeZone);
  } catch {
    return msg('value.someDate');
  }
  const day = Math.floor(local / 86_400_000);
  const minutes = Math.floor((local - day * 86_400_000) / 60_000);
  if (minutes === 0) return msg('value.date', { date: date(day) });
  const hm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return msg('value.dateTime', { date: date(day), time: hm });
}

/** A 2-D range or a single value, as Sheets passes arguments, normalised to a grid. */
export function toGrid(v: CellValue): CellValue[][] {
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return v.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return [[v]];
}

export function isRange(v: CellValue): v is CellValue[][] {
  return Array.isArray(v);
}

/**
 * The cells of one column as a caller holds them: a list, or column `index` of a grid of rows (a range
 * as Sheets passes it), read in place: copying a million-cell column costs time and 8 MB.
 */
export type CellColumn = readonly CellValue[] | ColumnOfRows;

export interface ColumnOfRows {
  rows: readonly (readonly CellValue[])[];
  index: number;
}

/** Like toColumn, but a one-column range is read in place rather than copied. */
export function columnOf(v: CellValue, argName: string, fnName: string): CellColumn {
  if (Array.isArray(v) && v.length > 0 && Array.isArray(v[0]) && v[0].length === 1) return { rows: v as CellValue[][], index: 0 };
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0])) return v[0] as CellValue[];
  return toColumn(v, argName, fnName);
}

/** Flattens a one-column or one-row range into a list, naming `argName` when it is neither. */
export function toColumn(v: CellValue, argName: string, fnName: string): CellValue[] {
  const grid = toGrid(v);
  if (grid.length === 0) return [];
  if (grid[0].length === 1) return grid.map((r) => r[0]);
  if (grid.length === 1) return grid[0].slice();
  throw new UserError(msg('fn.oneColumn', { fn: fnName, arg: argName, size: sizeMessage(grid.length, grid[0].length) }));
}

/** "3 rows × 1 column". */
export function sizeMessage(rows: number, columns: number): Param {
  return msg('fn.size', { rows: msg('fn.rows', { count: rows }), columns: msg('fn.columns', { count: columns }) });
}
