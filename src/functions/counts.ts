import { UserError } from '../core/errors';
import { ArgReader, rowOfRange, type Cell } from './args';
import { msg } from '../i18n/catalogue';
import { typed, type AnyMessage } from '../i18n/messages';

/**
 * The count form shared by RETENTION and CHURN: start (S), end (E) and new (N) customers of one
 * period, checked so that no impossible combination yields a plausible-looking rate.
 */
export interface Counts {
  start: number;
  end: number;
  newCustomers: number;
}

export function readCount(reader: ArgReader, cell: Cell, positive: boolean): number {
  const expected = msg(positive ? 'fn.expect.positive' : 'fn.expect.customers');
  const n = reader.number(cell, expected);
  if (positive ? !(n > 0) : n < 0) reader.fail(cell, expected);
  // Customers are counted, not measured: 10.5 customers is a mistake (an average, a share typed in
  // the wrong cell). A formula's rounding noise (299.99999999999994 for 300) is the whole number.
  const whole = Math.round(n);
  if (Math.abs(n - whole) > WHOLE_TOLERANCE * Math.max(1, whole) || (positive && whole < 1)) {
    reader.fail(cell, msg(positive ? 'fn.expect.wholePositive' : 'fn.expect.wholeCustomers'));
  }
  return whole;
}

/** How far from a whole number a count may be and still be read as it: rounding noise of a formula. */
const WHOLE_TOLERANCE = 1e-9;

export function readCounts(reader: ArgReader, [start, end, fresh]: Cell[]): Counts {
  const counts = {
    start: readCount(reader, start, true),
    end: readCount(reader, end, false),
    newCustomers: readCount(reader, fresh, false),
  };
  const place = rowOf([start, end, fresh]);
  const fn = reader.fn;
  if (counts.end < counts.newCustomers) {
    const values = { fn, end: typed(counts.end), new: typed(counts.newCustomers) };
    throw new UserError(place ? msg('fn.endBelowNewAt', { ...values, place }) : msg('fn.endBelowNew', values));
  }
  if (counts.end - counts.newCustomers > counts.start) {
    const values = { fn, kept: typed(counts.end - counts.newCustomers), start: typed(counts.start) };
    throw new UserError(place ? msg('fn.moreThanStartAt', { ...values, place }) : msg('fn.moreThanStart', values));
  }
  return counts;
}

/** "row 3 of the range", for messages about a whole row, whichever argument is a range; null for scalars. */
export function rowOf(cells: Cell[]): AnyMessage | null {
  const cell = cells.find((c) => c.row !== null);
  return cell === undefined || cell.row === null ? null : rowOfRange(cell.row, cell.col);
}
