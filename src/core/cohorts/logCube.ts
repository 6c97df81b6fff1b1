import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { integer } from '../../i18n/messages';
import { emptyCube, suffixSums, type CohortCube, type CubeNeeds } from './cube';
import type { Grouping } from './grouping';
import type { ResolvedCohortOptions } from './options';
import type { PeriodAxis } from './periodAxis';
import type { TransactionLog } from './parseLog';
import { createRowTallies, type RowTallies } from './skippedRows';

/** Customers × periods bits beyond this (in 32-bit words) are refused rather than allocated. */
const MAX_BITSET_WORDS = 64_000_000;

/** What the log's activity depends on: the lapse window and whether refunds are purchases. */
export type ActivityOptions = Pick<ResolvedCohortOptions, 'lapseAfter' | 'refundsAreActivity'>;

export interface LogCustomers {
  /** Relative period of each customer's first purchase on or before the last day; −1 = none. */
  cohort: Int32Array;
  /** Segment of each customer's earliest purchase row (the first such row in sheet order); null without segments. */
  segment: Int32Array | null;
  /** Rows after the as-of day and refunds that fit no cohort, counted for the report; refunds kept, noted. */
  tallies: RowTallies;
  /**
   * The customers × periods purchase bitset logCube counts from, filled in the same pass over the rows
   * that finds each customer's cohort: a customer's cohort is the first period they bought in, the
   * lowest set bit of their words, so the cube's row passes need no per-customer table beside it.
   */
  bought: Int32Array;
}

/**
 * Pass 1 over the rows: the purchase bitset, each customer's cohort (the first period they bought in,
 * read off it) and, with segments, the segment of their earliest purchase row.
 */
export function logCustomers(log: TransactionLog, axis: PeriodAxis, activity: ActivityOptions): LogCustomers {
  const customers = log.customers;
  const words = bitsetWords(customers, axis.count, activity.lapseAfter);
  const bought = new Int32Array(customers * words);
  const tallies = createRowTallies();
  const { dayPeriod, firstDay, lastDay } = axis;
  // A row is a purchase unless its amount is negative (a refund or cancellation) and refunds are not
  // activity: then it only counts in revenue.
  const refunds = !activity.refundsAreActivity ? log.amount : null;
  let segment: Int32Array | null = null;
  let late: number;
  if (log.segment !== null) {
    // Each customer's first purchase day and its row's segment side by side: one cache line a row, not two.
    const earliest = new Int32Array(2 * customers);
    for (let c = 0; c < customers; c++) earliest[2 * c] = NO_PURCHASE;
    late = firstPurchases(log.customer, log.day, log.rows, lastDay, refunds, log.segment, earliest, bought, customers, dayPeriod, firstDay);
    segment = new Int32Array(customers);
    for (let c = 0; c < customers; c++) segment[c] = earliest[2 * c + 1];
  } else {
    // Without segments only the bits are needed: at five million rows (half a million customers) one
    // random access a row into a per-customer table fewer.
    late = refunds !== null
      ? markNonRefunds(bought, customers, log.customer, log.day, log.rows, dayPeriod, firstDay, lastDay, refunds)
      : log.lastDay <= lastDay
        ? markEveryRow(bought, customers, log.customer, log.day, log.rows, dayPeriod, firstDay)
        : markPurchases(bought, customers, log.customer, log.day, log.rows, dayPeriod, firstDay, lastDay);
  }
  if (late > 0) {
    for (let k = 0; k < log.rows; k++) if (log.day[k] > lastDay) tallies.skip('after as-of day', log.dateColumnName, log.rowNumber[k]);
  }
  const cohort = new Int32Array(customers);
  firstPeriods(bought, words, cohort);
  if (log.amount) tallyRefunds(log, axis, cohort, activity, tallies);
  return { cohort, segment, tallies, bought };
}

/** Each customer's lowest set bit (their first purchase period) into `cohort`; −1 for none. */
function firstPeriods(bits: Int32Array, words: number, cohort: Int32Array): void {
  for (let c = 0; c < cohort.length; c++) {
    let first = -1;
    for (let w = 0; w < words; w++) {
      const x = bits[w * cohort.length + c];
      if (x !== 0) {
        first = (w << 5) + 31 - Math.clz32(x & -x);
        break;
      }
    }
    cohort[c] = first;
  }
}

/** 32-bit words per customer of the purchase bitset; refuses sizes beyond MAX_BITSET_WORDS (two bitsets with a lapse window). */
function bitsetWords(customers: number, periods: number, lapseAfter: number): number {
  const words = (periods + 31) >>> 5;
  if (customers * words * (lapseAfter > 1 ? 2 : 1) > MAX_BITSET_WORDS) {
    throw new UserError(msg('input.tooLarge', { customers: integer(customers), periods: integer(periods) }));
  }
  return words;
}

const NO_PURCHASE = 0x7fffffff;

/** The first row from `k` on with a negative amount (`rows` if none): refunds are few, rows many. */
function nextRefund(amount: Float64Array, k: number, rows: number): number {
  while (k < rows && !(amount[k] < 0)) k++;
  return k;
}

// The row passes below take arrays and numbers only: compiled code that checked the hidden class of
// the log, axis or options object would be thrown away when that class dies at a full collection
// (hiddenClass.ts), and they run once a call, too rarely for the objects' classes to be kept.

/**
 * Each purchase row's (customer, period) bit, and each customer's first purchase day with the segment
 * of that row (the first such row in sheet order) into earliest (day, segment per customer); rows after `lastDay`
 * are left out and counted. `refunds` is the amount column when negative amounts are not purchases,
 * else null.
 */
function firstPurchases(
  customer: Int32Array,
  day: Int32Array,
  rows: number,
  lastDay: number,
  refunds: Float64Array | null,
  rowSegment: Int32Array,
  earliest: Int32Array,
  bought: Int32Array,
  plane: number,
  dayPeriod: Int32Array,
  firstDay: number,
): number {
  let late = 0;
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > lastDay) {
      late++;
      continue;
    }
    if (refunds !== null && refunds[k] < 0) continue;
    const c = customer[k];
    const p = dayPeriod[d - firstDay];
    bought[(p >>> 5) * plane + c] |= 1 << (p & 31);
    if (d < earliest[2 * c]) {
      earliest[2 * c] = d;
      earliest[2 * c + 1] = rowSegment[k];
    }
  }
  return late;
}

// Refund rows on or before the last day: noted as kept, or, when refunds are not purchases and the
// refund is dated before the customer's first purchase (or they have none), skipped: there is no
// cohort period to put that money in.
function tallyRefunds(log: TransactionLog, axis: PeriodAxis, cohort: Int32Array, activity: ActivityOptions, tallies: RowTallies): void {
  const amount = log.amount!;
  const column = log.amountColumnName ?? 'amount';
  for (let k = nextRefund(amount, 0, log.rows); k < log.rows; k = nextRefund(amount, k + 1, log.rows)) {
    const d = log.day[k];
    if (d > axis.lastDay) continue;
    const c = cohort[log.customer[k]];
    if (!activity.refundsAreActivity && (c < 0 || axis.dayPeriod[d - axis.firstDay] < c)) {
      tallies.skip('refund before first purchase', column, log.rowNumber[k]);
    } else {
      tallies.note('negative amount', column, log.rowNumber[k]);
    }
  }
}

/**
 * A log's cube. Which periods each customer bought in is kept as a customers × periods bitset (a few
 * words per customer, filled by logCustomers in one pass over the rows in any order, so duplicates and
 * several rows in one period cost nothing extra and no sorting is needed). With a lapse window K > 1 a
 * second bitset holds the periods each customer is active in (bought in that period or one of the
 * K − 1 before). Counts come from the bits per customer; money from one more pass over the rows.
 */
export function logCube(
  log: TransactionLog,
  axis: PeriodAxis,
  people: LogCustomers,
  grouping: Grouping,
  needs: CubeNeeds,
  activity: ActivityOptions,
): CohortCube {
  const P = axis.count;
  const cube = emptyCube(grouping.count, P, needs, log.amount !== null);
  const customers = log.customers;
  const K = activity.lapseAfter;
  const words = bitsetWords(customers, P, K);
  const bits = people.bought;
  const { cohort } = people;
  const groupOf = grouping.of;
  const active = K > 1 ? widen(bits, customers, words, P, K) : bits;
  countCustomerPeriods(P, cube.size, cube.active, cube.continuing, cube.reach, active, bits, words, cohort, groupOf);
  if (cube.reach) suffixSums(cube.reach, cube.groups * P, P);
  const amount = log.amount;
  if (amount !== null && (cube.revenue !== null || cube.retained !== null)) {
    addRevenue(cube.revenue, cube.retained, P, log.customer, log.day, log.rows, amount, axis.dayPeriod, axis.firstDay, axis.lastDay, active, words, customers, groupOf);
  }
  return cube;
}

/** Sets each row's (customer, period) bit: the whole of the row pass when nothing else is needed. Returns the rows after `lastDay`, left out. */
function markPurchases(
  bits: Int32Array,
  plane: number,
  customer: Int32Array,
  day: Int32Array,
  rows: number,
  dayPeriod: Int32Array,
  firstDay: number,
  lastDay: number,
): number {
  let late = 0;
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > lastDay) {
      late++;
      continue;
    }
    const p = dayPeriod[d - firstDay];
    bits[(p >>> 5) * plane + customer[k]] |= 1 << (p & 31);
  }
  return late;
}

/**
 * markPurchases when no row is after the last day (no as-of day inside the data): four rows a turn, their
 * four words read before any is written. In the one-row loop V8 checks each array's class and reloads its
 * length and data pointer after every store into `bits`; with half a million customers the bitset no
 * longer fits a core's cache, and those instructions kept fewer of the rows' cache misses under way at
 * once. Four rows whose words coincide (one customer's rows side by side, as logs sorted by customer
 * have them) are set one after the other instead.
 */
function markEveryRow(bits: Int32Array, plane: number, customer: Int32Array, day: Int32Array, rows: number, dayPeriod: Int32Array, firstDay: number): number {
  let k = 0;
  for (; k + 3 < rows; k += 4) {
    const p0 = dayPeriod[day[k] - firstDay];
    const p1 = dayPeriod[day[k + 1] - firstDay];
    const p2 = dayPeriod[day[k + 2] - firstDay];
    const p3 = dayPeriod[day[k + 3] - firstDay];
    const i0 = (p0 >>> 5) * plane + customer[k];
    const i1 = (p1 >>> 5) * plane + customer[k + 1];
    const i2 = (p2 >>> 5) * plane + customer[k + 2];
    const i3 = (p3 >>> 5) * plane + customer[k + 3];
    if (i0 === i1 || i0 === i2 || i0 === i3 || i1 === i2 || i1 === i3 || i2 === i3) {
      bits[i0] |= 1 << (p0 & 31);
      bits[i1] |= 1 << (p1 & 31);
      bits[i2] |= 1 << (p2 & 31);
      bits[i3] |= 1 << (p3 & 31);
    } else {
      const w0 = bits[i0];
      const w1 = bits[i1];
      const w2 = bits[i2];
      const w3 = bits[i3];
      bits[i0] = w0 | (1 << (p0 & 31));
      bits[i1] = w1 | (1 << (p1 & 31));
      bits[i2] = w2 | (1 << (p2 & 31));
      bits[i3] = w3 | (1 << (p3 & 31));
    }
  }
  for (; k < rows; k++) {
    const p = dayPeriod[day[k] - firstDay];
    bits[(p >>> 5) * plane + customer[k]] |= 1 << (p & 31);
  }
  return 0;
}

/** markPurchases when refunds (negative amounts) are not purchases: those rows set no bit. */
function markNonRefunds(
  bits: Int32Array,
  plane: number,
  customer: Int32Array,
  day: Int32Array,
  rows: number,
  dayPeriod: Int32Array,
  firstDay: number,
  lastDay: number,
  amount: Float64Array,
): number {
  let late = 0;
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > lastDay) {
      late++;
      continue;
    }
    if (amount[k] < 0) continue;
    const p = dayPeriod[d - firstDay];
    bits[(p >>> 5) * plane + customer[k]] |= 1 << (p & 31);
  }
  return late;
}

/** Periods each customer is active in with lapse window K: every purchase period and the K − 1 after it. */
function widen(bought: Int32Array, customers: number, words: number, periods: number, K: number): Int32Array {
  const active = new Int32Array(bought.length);
  for (let c = 0; c < customers; c++) {
    let until = -1; // last period already marked active
    for (let w = 0; w < words; w++) {
      let x = bought[w * customers + c];
      while (x !== 0) {
        const low = x & -x;
        const p = (w << 5) + 31 - Math.clz32(low);
        x ^= low;
        const to = Math.min(p + K - 1, periods - 1);
        for (let q = Math.max(p, until + 1); q <= to; q++) active[(q >>> 5) * customers + c] |= 1 << (q & 31);
        until = to;
      }
    }
  }
  return active;
}

// Per customer, walks the active periods in order: active, continuing (also active in the period
// before); and the last purchase period, which reach ("in or after") needs.
function countCustomerPeriods(
  P: number,
  size: Int32Array,
  counts: Int32Array,
  continuing: Int32Array | null,
  reach: Int32Array | null,
  active: Int32Array,
  bought: Int32Array,
  words: number,
  cohort: Int32Array,
  groupOf: Int32Array | null,
): void {
  for (let c = 0; c < cohort.length; c++) {
    const first = cohort[c];
    if (first < 0) continue;
    const g = groupOf === null ? 0 : groupOf[c];
    if (g < 0) continue;
    size[g * P + first]++;
    const base = (g * P + first) * P;
    let prev = -2;
    for (let w = first >>> 5; w < words; w++) {
      let x = active[w * cohort.length + c];
      while (x !== 0) {
        const low = x & -x;
        const p = (w << 5) + 31 - Math.clz32(low);
        x ^= low;
        counts[base + p]++;
        if (continuing !== null && p === prev + 1) continuing[base + p]++;
        prev = p;
      }
    }
    if (reach !== null) reach[base + (active === bought ? prev : lastBit(bought, c, cohort.length, words))]++;
  }
}

function lastBit(bits: Int32Array, c: number, plane: number, words: number): number {
  for (let w = words - 1; w >= 0; w--) {
    const x = bits[w * plane + c];
    if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
  }
  return -1;
}

/**
 * Revenue, and the part of it from customers active in the period before (retained), in one pass over
 * the rows once the bits are complete. Each row's cohort is read off its customer's active words, their
 * lowest set bit (nobody is active before their first purchase, and a customer without one has no
 * bits), not from the cohort table: one random customer's words a row, not two tables, which at 3.3
 * million rows (333,333 customers) no longer fit a core's cache. Money dated before the cohort's first
 * period (a refund when refunds are not purchases) fits no cohort cell and is left out (logCustomers
 * counted it).
 */
function addRevenue(
  revenue: Float64Array | null,
  retained: Float64Array | null,
  P: number,
  customer: Int32Array,
  day: Int32Array,
  rows: number,
  amount: Float64Array,
  dayPeriod: Int32Array,
  firstDay: number,
  lastDay: number,
  active: Int32Array,
  words: number,
  plane: number,
  groupOf: Int32Array | null,
): void {
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > lastDay) continue;
    const a = amount[k];
    if (a !== a) continue;
    const c = customer[k];
    let w = 0;
    let x = active[c];
    while (x === 0 && ++w < words) x = active[w * plane + c];
    if (x === 0) continue; // no purchase: refunds only (tallied in logCustomers), or left out by its group
    const first = (w << 5) + 31 - Math.clz32(x & -x);
    const g = groupOf === null ? 0 : groupOf[c];
    if (g < 0) continue;
    const p = dayPeriod[d - firstDay];
    if (p < first) continue;
    const cell = (g * P + first) * P + p;
    if (revenue !== null) revenue[cell] += a;
    if (retained !== null) {
      const q = p > 0 ? p - 1 : 0;
      // Whether the customer was active in p − 1, as 0 or 1 and added times the amount rather than
      // branched on: taken for about half the rows, unpredictably, such a branch made every mispredicted
      // row wait for the read of a random customer's words. A row in its cohort's first period adds 0
      // (the last factor is 1 only when p > first), and q is clamped so that p = 0 reads a real word.
      retained[cell] += a * ((active[(q >>> 5) * plane + c] >>> (q & 31)) & ((first - p) >>> 31)); // a is finite: a blank (NaN) was left out above
    }
  }
}
