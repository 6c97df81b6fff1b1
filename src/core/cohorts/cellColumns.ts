import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { integer, type AnyMessage } from '../../i18n/messages';
import { isBlank, isSheetsErrorText, type CellColumn } from '../cells';
import { parseNumberText, type NumberLocale } from '../numbers';
import { holdHiddenClass } from './hiddenClass';

/**
 * A column of raw cell values as Sheets hands them over, named for messages. Exactly one of `list` and
 * `rows` is set: the cells are list[i], or rows[i][index] of a range read in place. Hot loops read
 * them directly; everything else goes through cellAt.
 */
export interface NamedColumn {
  name: string;
  length: number;
  list: readonly unknown[] | null;
  rows: readonly (readonly unknown[])[] | null;
  index: number;
}

export function namedColumn(name: string, cells: CellColumn): NamedColumn {
  if (Array.isArray(cells)) return { name, length: cells.length, list: cells, rows: null, index: 0 };
  const { rows, index } = cells as Exclude<CellColumn, readonly unknown[]>;
  return { name, length: rows.length, list: null, rows, index };
}

holdHiddenClass(namedColumn('', []));

/** The cell of row i (0-based) of a column. */
export function cellAt(c: NamedColumn, i: number): unknown {
  return c.list !== null ? c.list[i] : c.rows![i][c.index];
}

/** The shared height of the given columns, or a UserError naming the two that differ. */
export function columnHeight(columns: NamedColumn[]): number {
  const [first, ...rest] = columns;
  for (const c of rest) {
    if (c.length !== first.length) {
      throw new UserError(msg('input.sizes', { column: c.name, rows: integer(c.length), first: first.name, firstRows: integer(first.length) }));
    }
  }
  return first.length;
}

/**
 * Whole-column ranges such as A2:A end in thousands of blank rows: the index after the last row that
 * has anything in it. The common case, a blank id, is settled by one comparison per row.
 */
export function endOfData(columns: NamedColumn[], height: number): number {
  let end = height;
  outer: while (end > 0) {
    for (const c of columns) {
      const v = cellAt(c, end - 1);
      if (v !== '' && !isBlank(v)) break outer;
    }
    end--;
  }
  return end;
}

export function isBlankRow(columns: NamedColumn[], i: number): boolean {
  for (const c of columns) if (!isBlank(cellAt(c, i))) return false;
  return true;
}

/** "no data rows: …" (the message says why). */
export function noDataRows(why: AnyMessage): UserError {
  return new UserError(why);
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
