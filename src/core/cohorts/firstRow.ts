import { describeValue, isBlank, isSheetsErrorText } from '../cells';
import { headerScore, type Role } from '../detect/roles';
import { cellAt, type NamedColumn } from './cellColumns';
import type { DayReader } from './dayReader';

/**
 * Whether the first row of the columns is a header rather than a data row. A header's date cell is
 * text that is no date, and every cell of it is text or blank. Such a row is a header when one of
 * its cells names a column the way headers do ("Date", "Customer id", "Datum objednávky"…), or else
 * when its id cell is text too and no later row has the same shape (text wherever it has text,
 * blank wherever it is blank): a log whose dates are all unreadable text is data to skip and count,
 * not a header followed by data.
 */
export function isHeaderRow(columns: NamedColumn[], idColumn: NamedColumn, dateColumn: NamedColumn, end: number, days: DayReader): boolean {
  const isLabel = (v: unknown) => typeof v === 'string' && !isBlank(v) && !isSheetsErrorText(v) && Number.isNaN(days.day(v));
  if (!isLabel(cellAt(dateColumn, 0))) return false;
  const shape = columns.map((c) => (isBlank(cellAt(c, 0)) ? BLANK : isLabel(cellAt(c, 0)) ? LABEL : OTHER));
  if (shape.includes(OTHER)) return false;
  if (columns.some((c) => namesAColumn(cellAt(c, 0)))) return true;
  if (!isLabel(cellAt(idColumn, 0))) return false;
  for (let i = 1; i < end; i++) {
    if (!isLabel(cellAt(dateColumn, i))) continue; // the common case: a date
    const same = columns.every((c, k) => (shape[k] === BLANK ? isBlank(cellAt(c, i)) : isLabel(cellAt(c, i))));
    if (same) return false;
  }
  return true;
}

/**
 * Whether row i, whose date could not be read, repeats the header row (exports glued together): its
 * date cell names a column the way headers do ("Date", "Datum") and every non-blank cell of it, two
 * at least, is text that is no date. Only rows already failing are asked, so the parse loop pays nothing.
 */
export function repeatsHeaderRow(columns: NamedColumn[], i: number, dateColumn: NamedColumn, days: DayReader): boolean {
  if (!namesAColumn(cellAt(dateColumn, i))) return false;
  let labels = 0;
  for (const c of columns) {
    const v = cellAt(c, i);
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || isSheetsErrorText(v) || !Number.isNaN(days.day(v))) return false;
    labels++;
  }
  return labels >= 2;
}

const BLANK = 0;
const LABEL = 1;
const OTHER = 2;

const ROLES: Role[] = ['id', 'date', 'signup', 'cancel', 'amount', 'segment'];

/** Whether a cell names a column the way headers do, in English, Czech, Polish or Hungarian. */
export function namesAColumn(v: unknown): boolean {
  return typeof v === 'string' && ROLES.some((role) => headerScore(v, role) >= 0.8);
}

/** The header row's non-blank cells as messages quote them: '"Customer", "Order date"'. */
export function headerText(columns: NamedColumn[]): string {
  return columns
    .map((c) => cellAt(c, 0))
    .filter((v) => !isBlank(v))
    .map((v) => describeValue(v))
    .join(', ');
}
