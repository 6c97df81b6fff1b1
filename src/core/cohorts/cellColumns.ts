import { UserError } from '../errors';
import { isBlank, isSheetsErrorText } from '../cells';
import { parseNumberText, type NumberLocale } from '../numbers';

/** Columns of raw cell values as Sheets hands them over, all the same height. */
export interface NamedColumn {
  name: string;
  values: readonly unknown[];
}

/** The shared height of the given columns, or a UserError naming the two that differ. */
export function columnHeight(columns: NamedColumn[]): number {
  const [first, ...rest] = columns;
  for (const c of rest) {
    if (c.values.length !== first.values.length) {
      throw new UserError(
        `${c.name} has ${c.values.length} rows but ${first.name} has ${first.values.length}: the columns must cover the same rows`,
      );
    }
  }
  return first.values.length;
}

/**
 * Whole-column ranges such as A2:A end in thousands of blank rows: the index after the last row that
 * has anything in it. The common case, a blank id, is settled by one comparison per row.
 */
export function endOfData(columns: NamedColumn[], height: number): number {
  let end = height;
  outer: while (end > 0) {
    for (const c of columns) {
      const v = c.values[end - 1];
      if (v !== '' && !isBlank(v)) break outer;
    }
    end--;
  }
  return end;
}

export function isBlankRow(columns: NamedColumn[], i: number): boolean {
  for (const c of columns) if (!isBlank(c.values[i])) return false;
  return true;
}

export function noDataRows(what: string): UserError {
  return new UserError(`no data rows: ${what}`);
}

export const AMOUNT_BAD = Number.POSITIVE_INFINITY;
export const AMOUNT_ERROR = Number.NEGATIVE_INFINITY;

/**
 * An amount cell: a number, number text read in the spreadsheet's locale, NaN for a blank (no
 * amount), AMOUNT_ERROR for a Sheets error value, AMOUNT_BAD for anything else.
 */
export function readAmount(v: unknown, locale: NumberLocale): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : AMOUNT_BAD;
  if (typeof v === 'string') {
    if (isBlank(v)) return NaN;
    if (isSheetsErrorText(v)) return AMOUNT_ERROR;
    const p = parseNumberText(v, locale);
    return p.ok ? p.value : AMOUNT_BAD;
  }
  if (v === null || v === undefined) return NaN;
  return AMOUNT_BAD;
}
