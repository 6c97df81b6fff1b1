import { UserError } from '../core/errors';
import { isBlank, toColumn, type CellValue } from '../core/cells';
import { isMissingIdText } from '../core/placeholders';
import { countPeriod, type PeriodCounts } from '../core/customerTable';
import type { DayNumber } from '../core/calendar';
import { ArgReader, elementwise, rowOfRange, type Cell } from './args';
import { rowOf } from './counts';
import { msg } from '../i18n/catalogue';

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
      const rows = (count: number) => msg('fn.rows', { count });
      throw new UserError(msg('fn.tableSizes', { fn, signups: rows(signupCol.length), cancels: rows(cancelCol.length) }));
    }
  }
  const n = Math.min(signupCol.length, cancelCol.length);
  const signups: number[] = [];
  const cancels: (DayNumber | null)[] = [];
  for (let i = 0; i < n; i++) {
    const s = signupCol[i];
    const c = cancelCol[i];
    // "NULL", "nan", "NaT", "-": what exports write for a customer without a cancel date, as in =RETENTION_BY_PERIOD.
    const noCancel = isBlank(c) || (typeof c === 'string' && isMissingIdText(c));
    if (isBlank(s)) {
      if (noCancel) continue;
      throw new UserError(msg('fn.signupBlank', { fn, place: rowOfRange(i + 1) }));
    }
    const signup = reader.day({ arg: 'signup_dates', row: i + 1, col: null, value: s });
    const cancel = noCancel ? null : reader.day({ arg: 'cancel_dates', row: i + 1, col: null, value: c });
    if (cancel !== null && cancel < signup) {
      throw new UserError(msg('fn.cancelBeforeSignup', { fn, place: rowOfRange(i + 1) }));
    }
    signups.push(signup);
    cancels.push(cancel);
  }
  if (signups.length === 0) throw new UserError(msg('fn.noSignups', { fn }));
  return { signups: Int32Array.from(signups), cancels };
}

/**
 * Applies `rate` to the counts of each period given by period_start/period_end (scalars or ranges).
 * S = 0 has no rate: rather than a misleading 0 or 100 %, a single period gets a message saying so and a
 * period of a range a blank cell (as in =RETENTION_BY_PERIOD), the other periods keeping their rates.
 */
export function perPeriod(
  reader: ArgReader,
  customers: Customers,
  periodStart: CellValue,
  periodEnd: CellValue,
  rate: (c: PeriodCounts) => number,
): number | '' | (number | '')[][] {
  const fn = reader.fn;
  return elementwise(fn, [
    { name: 'period_start', value: periodStart },
    { name: 'period_end', value: periodEnd },
  ], (cells: Cell[]) => {
    const first = reader.day(cells[0]);
    const last = reader.day(cells[1]);
    const place = rowOf(cells);
    if (last < first) throw new UserError(place ? msg('fn.periodEndFirstAt', { fn, place }) : msg('fn.periodEndFirst', { fn }));
    const counts = countPeriod(customers.signups, customers.cancels, first, last);
    if (counts.start === 0) {
      // One period of a range without a rate is a blank cell, as =RETENTION_BY_PERIOD leaves it: the
      // first period of a table always starts with nobody, and must not take the other periods' rates
      // with it. A single period asked for alone has nothing else to show, so it says why.
      if (place) return '';
      throw new UserError(msg('fn.noCustomersAtStart', { fn }));
    }
    return rate(counts);
  });
}
