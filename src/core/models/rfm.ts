// Recency-frequency-monetary summary of a transaction log, in the definitions of the customer-base
// literature (Fader, Hardie & Lee 2005): the inputs of the BG/NBD and Gamma-Gamma models.
import { msg } from '../../i18n/catalogue';
import { date } from '../../i18n/messages';
import { UserError } from '../errors';
import { DAYS_PER_UNIT, type TimeUnit } from './timeUnits';

/** A transaction log as parallel columns, one entry per row. */
export interface TransactionLog {
  /** Dense customer index per row, a whole number 0 … customerCount−1. */
  customer: ArrayLike<number>;
  /** Calendar day of the row as a day number (whole days since 1970-01-01). */
  day: ArrayLike<number>;
  /** Amount per row; NaN, null or undefined mean "no amount". Omit the column when there are no amounts. */
  amount?: ArrayLike<number | null | undefined>;
}

export interface RfmOptions {
  /** Last day of the observation period (inclusive); later rows are ignored. Default: the last day in the log. */
  endDay?: number;
  /** Unit of recency and age. Default 'weeks'. */
  unit?: TimeUnit;
  /** Number of customers (length of the output columns). Default: largest index + 1. */
  customerCount?: number;
  /**
   * A row with a negative amount (a refund) is not a purchase by default: a customer-day of refunds only is
   * no transaction (it still counts in pastValue). True counts such days as transactions too.
   */
  refundsArePurchases?: boolean;
}

/** Repeat transaction days left out of the spend model, by reason. */
export interface LeftOutOfSpend {
  /** Net amount of the day below 0. */
  refunds: number;
  /** Net amount of the day exactly 0. */
  zeroAmounts: number;
  /** No amount on any row of the day. */
  missingAmounts: number;
}

/**
 * Per-customer columns indexed by customer index, plus totals. A "transaction" is a customer-day with a
 * purchase: rows of one customer on the same day are merged and their amounts summed; a day whose rows are all
 * refunds (negative amounts) is not a transaction unless refunds are purchases. Customers without a transaction
 * on or before `endDay` have transactionDays 0 and NaN in every other per-customer column except pastValue
 * (0, or the sum of their refunds).
 */
export interface RfmSummary {
  unit: TimeUnit;
  endDay: number;
  customerCount: number;
  /** Customers with at least one transaction on or before endDay. */
  activeCustomers: number;
  /** Distinct transaction days on or before endDay. */
  transactionDays: Int32Array;
  /** x: number of repeat transactions (transaction days after the first). */
  frequency: Float64Array;
  /** t_x: time from the first to the last transaction, in `unit`. */
  recency: Float64Array;
  /** T: time from the first transaction to endDay, in `unit`. */
  age: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Mean net amount of the repeat transactions with a positive amount (the first transaction excluded). */
  monetary: Float64Array;
  /** Number of repeat transactions averaged into `monetary`. */
  spendCount: Int32Array;
  /** Sum of all known amounts on or before endDay, refunds included. */
  pastValue: Float64Array;
  leftOutOfSpend: LeftOutOfSpend;
  /** Customer-days of refunds only (negative amounts), not counted as transactions. */
  refundOnlyDays: number;
  /** Rows dated after endDay, ignored. */
  rowsAfterEnd: number;
}

/** Guards the per-customer arrays against sparse ids (a customer index of 1e9 would allocate gigabytes). */
const MAX_CUSTOMERS = 50_000_000;

function isMissing(a: number | null | undefined): boolean {
  return a === null || a === undefined || Number.isNaN(a);
}

/** A customer's rows up to this many are put in day order by insertion; more by a native sort. */
const INSERTION_ROWS = 32;

/**
 * Row order sorted by (customer, day), rows of one customer-day in log order: a stable counting sort by
 * customer, then each customer's rows (a handful, usually) by day. O(n + number of customers) whatever
 * the span of the days, and no callback per row.
 */
function sortRows(rows: Int32Array, customer: ArrayLike<number>, day: ArrayLike<number>, customerCount: number): Int32Array {
  const start = new Int32Array(customerCount + 1);
  for (let k = 0; k < rows.length; k++) start[customer[rows[k]] + 1]++;
  for (let c = 0; c < customerCount; c++) start[c + 1] += start[c];
  const out = new Int32Array(rows.length);
  const next = start.slice(0, customerCount);
  for (let k = 0; k < rows.length; k++) out[next[customer[rows[k]]]++] = rows[k];
  for (let c = 0; c < customerCount; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to - from > INSERTION_ROWS) {
      // Rows are in ascending row order here; the tie-break on it keeps equal days in log order.
      out.subarray(from, to).sort((i, j) => day[i] - day[j] || i - j);
      continue;
    }
    for (let k = from + 1; k < to; k++) {
      const row = out[k];
      const d = day[row];
      let j = k - 1;
      while (j >= from && day[out[j]] > d) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = row;
    }
  }
  return out;
}

/**
 * Builds the RFM summary. O(n + number of customers) time with typed arrays.
 * @throws UserError for mismatched column lengths, invalid customer indexes, days or amounts, or no rows on or before endDay.
 */
export function summarizeRfm(log: TransactionLog, options: RfmOptions = {}): RfmSummary {
  return summarize(log.customer, log.day, log.amount, options.unit ?? 'weeks', options.endDay, options.customerCount, options.refundsArePurchases ?? false);
}

// The work, on the columns and options taken apart: the loops below then touch arrays and numbers only,
// so their optimized code does not depend on the hidden classes of the caller's objects, which die at
// a full collection (see src/core/cohorts/hiddenClass.ts) and would take the compiled loops with them.
function summarize(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  amount: ArrayLike<number | null | undefined> | undefined,
  unit: TimeUnit,
  endDayOption: number | undefined,
  customerCountOption: number | undefined,
  refundsArePurchases: boolean,
): RfmSummary {
  const unitDays = DAYS_PER_UNIT[unit];
  if (unitDays === undefined) throw new UserError(`Time unit must be "days" or "weeks"; got ${JSON.stringify(unit)}`); // i18n-exempt: an API invariant, unreachable from a sheet
  const n = customer.length;
  if (day.length !== n || (amount && amount.length !== n)) {
    const amounts = amount ? ` and ${amount.length} amounts` : '';
    throw new UserError(`The customer ids, dates and amounts must have one entry per row; got ${n} ids, ${day.length} dates${amounts}`); // i18n-exempt: an API invariant, unreachable from a sheet
  }
  if (n === 0) throw new UserError(msg('model.error.emptyLog'));

  let maxCustomer = -1;
  let lastDayInData = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    if (!Number.isInteger(c) || c < 0) throw new UserError(`Row ${i + 1}: the customer index must be a whole number ≥ 0; got ${c}`); // i18n-exempt: an API invariant, unreachable from a sheet
    if (c > maxCustomer) maxCustomer = c;
    const d = day[i];
    if (!Number.isInteger(d)) throw new UserError(`Row ${i + 1}: the date must be a whole day number (days since 1970-01-01); got ${d}`); // i18n-exempt: an API invariant, unreachable from a sheet
    if (d > lastDayInData) lastDayInData = d;
    if (amount) {
      const a = amount[i];
      if (!isMissing(a) && !Number.isFinite(a)) throw new UserError(`Row ${i + 1}: the amount must be a finite number or empty; got ${a}`); // i18n-exempt: an API invariant, unreachable from a sheet
    }
  }
  const customerCount = customerCountOption ?? maxCustomer + 1;
  if (customerCount > MAX_CUSTOMERS) {
    throw new UserError(`Customer indexes must be dense (0, 1, 2, …); got an index of ${customerCount - 1}`); // i18n-exempt: an API invariant, unreachable from a sheet
  }
  if (!Number.isInteger(customerCount) || customerCount <= maxCustomer) {
    throw new UserError(`The customer count (${customerCount}) must be a whole number above the largest customer index (${maxCustomer})`); // i18n-exempt: an API invariant, unreachable from a sheet
  }
  const endDay = endDayOption ?? lastDayInData;
  if (!Number.isInteger(endDay)) throw new UserError(`The observation end must be a whole day number; got ${endDay}`); // i18n-exempt: an API invariant, unreachable from a sheet

  let kept = 0;
  for (let i = 0; i < n; i++) if (day[i] <= endDay) kept++;
  if (kept === 0) {
    throw new UserError(msg('model.error.nothingBeforeEnd', { date: date(endDay) }));
  }
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (day[i] <= endDay) rows[k++] = i;
  const order = sortRows(rows, customer, day, customerCount);

  const transactionDays = new Int32Array(customerCount);
  const frequency = new Float64Array(customerCount).fill(NaN);
  const recency = new Float64Array(customerCount).fill(NaN);
  const age = new Float64Array(customerCount).fill(NaN);
  const firstDay = new Float64Array(customerCount).fill(NaN);
  const lastDay = new Float64Array(customerCount).fill(NaN);
  const monetary = new Float64Array(customerCount).fill(NaN);
  const spendCount = new Int32Array(customerCount);
  const pastValue = new Float64Array(customerCount);
  const leftOutOfSpend: LeftOutOfSpend = { refunds: 0, zeroAmounts: 0, missingAmounts: 0 };
  let refundOnlyDays = 0;
  let activeCustomers = 0;

  let k = 0;
  while (k < kept) {
    const c = customer[order[k]];
    let first = NaN;
    let days = 0;
    let spendSum = 0;
    let spendDays = 0;
    let past = 0;
    let current = NaN;
    while (k < kept && customer[order[k]] === c) {
      // One customer-day: all rows of customer c on day `d`; a transaction unless they are all refunds.
      const d = day[order[k]];
      let net = 0;
      let known = false;
      let purchase = refundsArePurchases;
      while (k < kept && customer[order[k]] === c && day[order[k]] === d) {
        const a = amount ? amount[order[k]] : undefined;
        if (!isMissing(a)) {
          net += a as number;
          known = true;
        }
        if (!((a as number) < 0)) purchase = true; // a blank amount is a purchase without an amount
        k++;
      }
      if (known) past += net;
      if (!purchase) {
        refundOnlyDays++;
        continue;
      }
      if (days === 0) first = d;
      current = d;
      if (days > 0) {
        if (!known) leftOutOfSpend.missingAmounts++;
        else if (net < 0) leftOutOfSpend.refunds++;
        else if (net === 0) leftOutOfSpend.zeroAmounts++;
        else {
          spendSum += net;
          spendDays++;
        }
      }
      days++;
    }
    pastValue[c] = past;
    if (days === 0) continue; // refunds only: no purchase to model
    activeCustomers++;
    transactionDays[c] = days;
    frequency[c] = days - 1;
    recency[c] = (current - first) / unitDays;
    age[c] = (endDay - first) / unitDays;
    firstDay[c] = first;
    lastDay[c] = current;
    spendCount[c] = spendDays;
    monetary[c] = spendDays > 0 ? spendSum / spendDays : NaN;
  }

  return {
    unit, endDay, customerCount, activeCustomers, transactionDays, frequency, recency, age, firstDay, lastDay,
    monetary, spendCount, pastValue, leftOutOfSpend, refundOnlyDays, rowsAfterEnd: n - kept,
  };
}
