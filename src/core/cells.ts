import { UserError } from './errors';
import { formatDay } from './calendar';
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
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
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
 * as #N/A, and dates as "the date 2024-01-01" in the spreadsheet's zone — never as a JavaScript
 * value or in the script's zone. Without a zone a date is just "a date".
 */
export function describeValue(v: CellValue, timeZone?: string): string {
  if (isDateValue(v)) {
    const ms = dateMs(v);
    if (ms !== ms) return 'an invalid date';
    return timeZone ? describeInstant(ms, timeZone) : 'a date';
  }
  if (typeof v === 'string') {
    if (isSheetsErrorText(v)) return v.trim();
    if (isInvisibleText(v)) return 'text that shows nothing (invisible characters only)';
    const t = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return `"${t}"`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? describeNumber(v) : 'an invalid number';
  if (v === '' || v === null || v === undefined) return 'blank';
  return 'a value of an unexpected kind';
}

function describeNumber(n: number): string {
  return String(Number(n.toPrecision(15))).replace(/e([+-])/, 'E$1');
}

// "the date 2024-01-01", or with the time of day when the cell holds one: "the date and time 2024-01-01 08:26".
function describeInstant(ms: number, timeZone: string): string {
  let local: number;
  try {
    local = ms + zoneOffsetMs(ms, timeZone);
  } catch {
    return 'a date';
  }
  const day = Math.floor(local / 86_400_000);
  const minutes = Math.floor((local - day * 86_400_000) / 60_000);
  if (minutes === 0) return `the date ${formatDay(day)}`;
  const hm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `the date and time ${formatDay(day)} ${hm}`;
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

/** Flattens a one-column or one-row range into a list, naming `argName` when it is neither. */
export function toColumn(v: CellValue, argName: string, fnName: string): CellValue[] {
  const grid = toGrid(v);
  if (grid.length === 0) return [];
  if (grid[0].length === 1) return grid.map((r) => r[0]);
  if (grid.length === 1) return grid[0].slice();
  throw new UserError(`${fnName}: ${argName} must be a single column or row (got ${grid.length} rows × ${grid[0].length} columns)`);
}
