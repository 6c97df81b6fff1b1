import type { DayNumber } from '../calendar';
import { churnFromLost, retentionRate } from '../rates';
import type { CohortCube } from './cube';
import { firstCohort } from './matrices';
import { periodInfo, type PeriodAxis } from './periodAxis';

/**
 * One period p of the whole customer base. Always E = S − lost + N + returning, so
 * CRR = (E − N − returning) / S = 1 − lost / S = 1 − churn and 0 ≤ CRR ≤ 1.
 *
 * Log ("active in p" = bought in one of the K periods p − K + 1 … p, K the lapse window):
 * S active in p − 1, E active in p, N first purchase in p, returning active in p but not in p − 1 and
 * not new, lost active in p − 1 but not in p.
 *
 * Table ("active" = at the end of the period, as ChartMogul counts): S active when p begins, N signed
 * up in p and still active at its end, newAndCancelled signed up and cancelled within p, lost the
 * customers of S who cancelled in p, E active when p ends; returning is always 0.
 */
export interface PeriodRow {
  period: number;
  label: string;
  startDay: DayNumber;
  partial: boolean;
  /**
   * Log with a lapse window K > 1: one of the K − 1 periods after the first, when nobody has gone K
   * periods without a purchase yet, so nobody can be lost (lost is 0 by construction).
   */
  windowFilling: boolean;
  /** S: active in p − 1 (table: active when p begins). */
  start: number;
  /** N: first purchase in p (log); signed up in p and still active at its end (table). */
  newCustomers: number;
  /** Log: active in p, not in p − 1, not new (back after a lapse). Table: 0. */
  returning: number;
  /** Table: signed up and cancelled within p (neither in N nor in lost). Log: 0. */
  newAndCancelled: number;
  /** E: active in p (table: active when p ends). */
  end: number;
  /** Log: active in p − 1, not in p. Table: customers of S who cancelled within p. */
  lost: number;
  /** (E − N − returning) / S; null when S = 0. */
  crr: number | null;
  /** lost / S; null when S = 0. */
  churn: number | null;
  /** Log: amounts of rows in p. Table: revenue per period of customers active when p ends. Null without amounts. */
  revenue: number | null;
  /** Revenue in p from customers active in p − 1, over revenue in p − 1; null when that is 0 or less. */
  revenueRetention: number | null;
}

export function periodRows(cube: CohortCube, axis: PeriodAxis, lapseAfter = 1): PeriodRow[] {
  const P = cube.periods;
  const first = firstCohort(cube);
  if (first < 0) return [];
  const { size, active, continuing, revenue, retained } = cube;
  const rows: PeriodRow[] = [];
  let previousEnd = 0;
  let previousRevenue = 0;
  for (let p = first; p < P; p++) {
    let end = 0;
    let stayed = 0;
    let periodRevenue = 0;
    let retainedRevenue = 0;
    for (let c = first; c <= p; c++) {
      const cell = c * P + p;
      end += active[cell];
      if (continuing && c < p) stayed += continuing[cell];
      if (revenue) periodRevenue += revenue[cell];
      if (retained) retainedRevenue += retained[cell];
    }
    const start = previousEnd;
    // The cohort of p counted in p: a log's new customers all are; a table's are those still active at
    // the end of p, the rest signed up and cancelled within it.
    const newCustomers = active[p * P + p];
    const lost = start - stayed;
    const returning = end - newCustomers - stayed;
    const info = periodInfo(axis, p);
    rows.push({
      period: info.index,
      label: info.label,
      startDay: info.startDay,
      partial: info.partial,
      windowFilling: p > first && p < first + lapseAfter,
      start,
      newCustomers,
      returning,
      newAndCancelled: size[p] - newCustomers,
      end,
      lost,
      crr: start > 0 ? retentionRate(start, end, newCustomers + returning) : null,
      churn: start > 0 ? churnFromLost(start, lost) : null,
      revenue: revenue ? periodRevenue : null,
      revenueRetention: retained && p > first && previousRevenue > 0 ? retainedRevenue / previousRevenue : null,
    });
    previousEnd = end;
    previousRevenue = periodRevenue;
  }
  return rows;
}
