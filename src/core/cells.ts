import { UserError } from './errors';

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

/** How a value is quoted inside an error message: text in quotes, dates as dates, long text cut. */
export function describeValue(v: CellValue): string {
  if (isDateValue(v)) return 'a date';
  if (typeof v === 'string') {
    const t = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return `"${t}"`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === '' || v === null || v === undefined) return 'blank';
  return String(v);
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
  throw new UserError(`${fnName}: ${argName} must be a single column or row (got ${grid.length} rows × ${grid[0].length} columns)`);
}
