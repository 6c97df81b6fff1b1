import { UserError } from '../errors';
import { emptyCube, suffixSums, type CohortCube, type CubeNeeds } from './cube';
import type { Grouping } from './grouping';
import type { PeriodAxis } from './periodAxis';
import type { TransactionLog } from './parseLog';
import { RowTallies } from './skippedRows';

/** Customers × periods bits beyond this (in 32-bit words) are refused rather than allocated. */
const MAX_BITSET_WORDS = 64_000_000;

export interface LogCustomers {
  /** Relative period of each customer's first row on or before the last day; −1 = none. */
  cohort: Int32Array;
  /** Segment of each customer's earliest row (the first such row in sheet order); null without segments. */
  segment: Int32Array | null;
  /** Rows after the as-of day, counted for the report. */
  tallies: RowTallies;
}

/** Pass 1 over the rows: each customer's cohort (and segment) from their earliest row. */
export function logCustomers(log: TransactionLog, axis: PeriodAxis): LogCustomers {
  const customers = log.customerIds.length;
  const firstDayOf = new Int32Array(customers).fill(0x7fffffff);
  const segment = log.segment ? new Int32Array(customers) : null;
  const tallies = new RowTallies();
  const { customer, day, rows } = log;
  const last = axis.lastDay;
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > last) {
      tallies.skip('after as-of day', log.dateColumnName, log.rowNumber[k]);
      continue;
    }
    const c = customer[k];
    if (d < firstDayOf[c]) {
      firstDayOf[c] = d;
      if (segment && log.segment) segment[c] = log.segment[k];
    }
  }
  const cohort = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const d = firstDayOf[c];
    cohort[c] = d === 0x7fffffff ? -1 : axis.dayPeriod[d - axis.firstDay];
  }
  return { cohort, segment, tallies };
}

/**
 * A log's cube. Which periods each customer was active in is kept as a customers × periods bitset
 * (a few words per customer), filled in one pass over the rows in any order, so duplicates and
 * several rows in one period cost nothing extra and no sorting is needed.
 */
export function logCube(log: TransactionLog, axis: PeriodAxis, people: LogCustomers, grouping: Grouping, needs: CubeNeeds): CohortCube {
  const P = axis.count;
  const cube = emptyCube(grouping.count, P, needs, log.amount !== null);
  const customers = log.customerIds.length;
  const words = (P + 31) >>> 5;
  if (customers * words > MAX_BITSET_WORDS) {
    throw new UserError(`${customers} customers over ${P} periods is too large to compute: choose a longer period`);
  }
  const bits = new Int32Array(customers * words);
  const { customer, day, rows } = log;
  const { dayPeriod, firstDay, lastDay } = axis;
  const { cohort } = people;
  const groupOf = grouping.of;
  const amount = log.amount;
  const revenue = cube.revenue;

  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > lastDay) continue;
    const c = customer[k];
    const g = groupOf === null ? 0 : groupOf[c];
    if (g < 0) continue;
    const p = dayPeriod[d - firstDay];
    bits[c * words + (p >>> 5)] |= 1 << (p & 31);
    if (revenue !== null && amount !== null) {
      const a = amount[k];
      if (a === a) revenue[(g * P + cohort[c]) * P + p] += a;
    }
  }

  countCustomerPeriods(cube, bits, words, cohort, groupOf);
  if (cube.reach) suffixSums(cube.reach, cube.groups * P, P);
  if (cube.retained && amount) addRetainedRevenue(cube.retained, log, axis, bits, words, cohort, groupOf);
  return cube;
}

// Per customer, walks the set bits in period order: active, continuing (also active in the period
// before) and the last active period, which reach needs.
function countCustomerPeriods(cube: CohortCube, bits: Int32Array, words: number, cohort: Int32Array, groupOf: Int32Array | null): void {
  const P = cube.periods;
  const { size, active, continuing, reach } = cube;
  for (let c = 0; c < cohort.length; c++) {
    const first = cohort[c];
    if (first < 0) continue;
    const g = groupOf === null ? 0 : groupOf[c];
    if (g < 0) continue;
    size[g * P + first]++;
    const base = (g * P + first) * P;
    let prev = -2;
    for (let w = first >>> 5; w < words; w++) {
      let x = bits[c * words + w];
      while (x !== 0) {
        const low = x & -x;
        const p = (w << 5) + 31 - Math.clz32(low);
        x ^= low;
        active[base + p]++;
        if (continuing !== null && p === prev + 1) continuing[base + p]++;
        prev = p;
      }
    }
    if (reach !== null) reach[base + prev]++;
  }
}

function addRetainedRevenue(
  retained: Float64Array,
  log: TransactionLog,
  axis: PeriodAxis,
  bits: Int32Array,
  words: number,
  cohort: Int32Array,
  groupOf: Int32Array | null,
): void {
  const P = axis.count;
  const { customer, day, rows } = log;
  const amount = log.amount!;
  for (let k = 0; k < rows; k++) {
    const d = day[k];
    if (d > axis.lastDay) continue;
    const a = amount[k];
    if (a !== a) continue;
    const c = customer[k];
    const g = groupOf === null ? 0 : groupOf[c];
    if (g < 0) continue;
    const p = axis.dayPeriod[d - axis.firstDay];
    if (p === 0) continue;
    const q = p - 1;
    if ((bits[c * words + (q >>> 5)] >>> (q & 31)) & 1) retained[(g * P + cohort[c]) * P + p] += a;
  }
}
