import { emptyCube, type CohortCube, type CubeNeeds } from './cube';
import type { Grouping } from './grouping';
import type { PeriodAxis } from './periodAxis';
import { NO_CANCEL, type CustomerTable } from './parseTable';
import { createRowTallies, type RowTallies } from './skippedRows';

export interface TableCustomers {
  /** Relative signup period per customer; −1 = signed up after the as-of day. */
  cohort: Int32Array;
  /** Last relative period at whose end the customer is still active (cohort − 1 if none). */
  lastActive: Int32Array;
  tallies: RowTallies;
}

/**
 * Each customer is active from signup until the day before the cancel day, so "active at the end
 * of p" holds for the periods cohort … (cancel period − 1). A cancel after the last observable day
 * is not known yet on that day, so such a customer counts as still active.
 */
export function tableCustomers(table: CustomerTable, axis: PeriodAxis): TableCustomers {
  const n = table.customers;
  const cohort = new Int32Array(n);
  const lastActive = new Int32Array(n);
  const tallies = createRowTallies();
  const { dayPeriod, firstDay, lastDay } = axis;
  for (let i = 0; i < n; i++) {
    const s = table.signupDay[i];
    if (s > lastDay) {
      tallies.skip('after as-of day', table.dateColumnName, table.rowNumber[i]);
      cohort[i] = -1;
      continue;
    }
    const d = table.cancelDay[i];
    cohort[i] = dayPeriod[s - firstDay];
    lastActive[i] = d === NO_CANCEL || d > lastDay ? axis.count - 1 : dayPeriod[d - firstDay] - 1;
  }
  return { cohort, lastActive, tallies };
}

/** A table's cube: counts through difference arrays (+1 where a customer's run starts, −1 after it ends). */
export function tableCube(table: CustomerTable, axis: PeriodAxis, people: TableCustomers, grouping: Grouping, needs: CubeNeeds): CohortCube {
  const P = axis.count;
  const cube = emptyCube(grouping.count, P, { ...needs, reach: false }, table.revenue !== null);
  const { size, active, continuing, revenue, retained } = cube;
  const groupOf = grouping.of;
  for (let i = 0; i < table.customers; i++) {
    const c = people.cohort[i];
    if (c < 0) continue;
    const g = groupOf === null ? 0 : groupOf[i];
    if (g < 0) continue;
    size[g * P + c]++;
    const last = people.lastActive[i];
    if (last < c) continue;
    const base = (g * P + c) * P;
    addRun(active, base, c, last, P);
    if (continuing) addRun(continuing, base, c + 1, last, P);
    const r = table.revenue ? table.revenue[i] : NaN;
    if (r === r && revenue) {
      // Summed directly, not through a difference array, so untouched cells stay exactly 0.
      for (let p = c; p <= last; p++) revenue[base + p] += r;
      if (retained) for (let p = c + 1; p <= last; p++) retained[base + p] += r;
    }
  }
  for (const a of [active, continuing]) if (a) prefixSums(a, grouping.count * P, P);
  // Active at the end of every period from signup on, the table's "in or after" equals "in".
  cube.reach = needs.reach ? active : null;
  return cube;
}

// Marks periods from…to (inclusive) of the row at `base` in a difference array.
function addRun(a: Int32Array, base: number, from: number, to: number, periods: number): void {
  if (from > to) return;
  a[base + from] += 1;
  if (to + 1 < periods) a[base + to + 1] -= 1;
}

function prefixSums(a: Int32Array, rows: number, periods: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * periods;
    for (let p = 1; p < periods; p++) a[base + p] += a[base + p - 1];
  }
}
