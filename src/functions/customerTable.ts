import { UserError } from '../core/errors';
import { isBlank, toColumn, type CellValue } from '../core/cells';
import { countPeriod, type PeriodCounts } from '../core/customerTable';
import type { DayNumber } from '../core/calendar';
import { ArgReader, elementwise, rowOfRange, type Cell } from './args';
import { rowOf } from './counts';

/**
 * The customer-table form of RETENTION and CHURN: (signup_dates, cancel_dates, period_start,
 * period_end). The two date columns describe the customers; the period bounds may be single dates
 * or ranges of the same shape, giving one rate per period.
 */

export interface Customers {
  signups: Int32Array;
  cancels: (DayNumber | null)[];
}

export function readCustomers(reader: ArgReader, signupArg: CellValue, cancelArg: CellValue): Customers {
  const fn = reader.fn;
  const signupCol = toColumn(signupArg, 'signup_dates', fn);
  const cancelCol = toColumn(cancelArg, 'cancel_dates', fn);
  if (signupCol.length !== cancelCol.length) {
    // Whole-column ranges differ only in trailing blanks; anything else is a real mismatch.
    const longer = signupCol.length > cancelCol.length ? signupCol : cancelCol;
    const from = Math.min(signupCol.length, cancelCol.length);
    if (!longer.slice(from).every(isBlank)) {
      throw new UserError(
        `${fn}: signup_dates (${signupCol.length} rows) and cancel_dates (${cancelCol.length} rows) must be the same size`,
      );
    }
  }
  const n = Math.min(signupCol.length, cancelCol.length);
  const signups: number[] = [];
  const cancels: (DayNumber | null)[] = [];
  for (let i = 0; i < n; i++) {
    const s = signupCol[i];
    const c = cancelCol[i];
    if (isBlank(s)) {
      if (isBlank(c)) continue;
      throw new UserError(`${fn}: signup_dates is blank in ${rowOfRange(i + 1)}, but that customer has a cancel date`);
    }
    const signup = reader.day({ arg: 'signup_dates', row: i + 1, col: null, value: s });
    const cancel = isBlank(c) ? null : reader.day({ arg: 'cancel_dates', row: i + 1, col: null, value: c });
    if (cancel !== null && cancel < signup) {
      throw new UserError(`${fn}: the cancel date in ${rowOfRange(i + 1)} is before that customer's signup date`);
    }
    signups.push(signup);
    cancels.push(cancel);
  }
  if (signups.length === 0) throw new UserError(`${fn}: signup_dates holds no dates`);
  return { signups: Int32Array.from(signups), cancels };
}

/**
 * Applies `rate` to the counts of each period given by period_start/period_end (scalars or ranges).
 * S = 0 has no rate: the message says so rather than returning a misleading 0 or 100 %.
 */
export function perPeriod(
  reader: ArgReader,
  customers: Customers,
  periodStart: CellValue,
  periodEnd: CellValue,
  rate: (c: PeriodCounts) => number,
): number | (number | '')[][] {
  const fn = reader.fn;
  return elementwise(fn, [
    { name: 'period_start', value: periodStart },
    { name: 'period_end', value: periodEnd },
  ], (cells: Cell[]) => {
    const first = reader.day(cells[0]);
    const last = reader.day(cells[1]);
    if (last < first) throw new UserError(`${fn}: period_end is before period_start${rowOf(cells)}`);
    const counts = countPeriod(customers.signups, customers.cancels, first, last);
    if (counts.start === 0) {
      throw new UserError(
        `${fn}: no customer was active when the period${rowOf(cells)} began (S = 0), so the rate is undefined`,
      );
    }
    return rate(counts);
  });
}
