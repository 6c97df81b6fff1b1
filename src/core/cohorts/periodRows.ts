import type { DayNumber } from '../calendar';
import { churnFromLost, retentionRate } from '../rates';
import type { CohortCube } from './cube';
import { firstCohort } from './matrices';
import { periodInfo, type PeriodAxis } from './periodAxis';

/**
 * One period p of the whole customer base. S, N, E, lost and reactivated satisfy
 * E = S − lost + N + reactivated. For a log, "active in p" means a row in p; for a table, active at
 * the end of p (so S is who was active when p began, and reactivated is always 0).
 */
export interface PeriodRow {
  period: number;
  label: string;
  startDay: DayNumber;
  partial: boolean;
  /** S: active in p − 1 (table: active when p begins). */
  start: number;
  /** N: first purchase (log) or signup (table) in p. */
  newCustomers: number;
  /** E: active in p (table: active when p ends). */
  end: number;
  /** Log: active in p − 1, not in p. Table: cancelled within p (customers of S and new ones alike). */
  lost: number;
  /** Log: active in p, not in p − 1, not new. Table: 0. */
  reactivated: number;
  /** (E − N) / S; null when S = 0. */
  crr: number | null;
  /** lost / S; null when S = 0. */
  churn: number | null;
  /** Log: amounts of rows in p. Table: revenue per period of customers active when p ends. Null without amounts. */
  revenue: number | null;
  /** Revenue in p from customers active in p − 1, over revenue in p − 1; null when that is 0 or less. */
  revenueRetention: number | null;
}

export function periodRows(cube: CohortCube, axis: PeriodAxis, source: 'log' | 'table'): PeriodRow[] {
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
    const newCustomers = size[p];
    const lost = source === 'log' ? start - stayed : start + newCustomers - end;
    const reactivated = source === 'log' ? end - newCustomers - stayed : 0;
    const info = periodInfo(axis, p);
    rows.push({
      period: info.index,
      label: info.label,
      startDay: info.startDay,
      partial: info.partial,
      start,
      newCustomers,
      end,
      lost,
      reactivated,
      crr: start > 0 ? retentionRate(start, end, newCustomers) : null,
      churn: start > 0 ? churnFromLost(start, lost) : null,
      revenue: revenue ? periodRevenue : null,
      revenueRetention: retained && p > first && previousRevenue > 0 ? retainedRevenue / previousRevenue : null,
    });
    previousEnd = end;
    previousRevenue = periodRevenue;
  }
  return rows;
}
