import type { DayNumber } from '../calendar';
import type { CohortCube } from './cube';
import type { RetentionMode } from './options';
import { periodInfo, type PeriodAxis } from './periodAxis';

export interface CohortInfo {
  /** Period index (periods.ts numbering). */
  period: number;
  label: string;
  startDay: DayNumber;
  size: number;
}

/**
 * Row i is cohort i, column k the offset k (period cohort + k). Every row has `offsets` cells;
 * cells in periods after the last observable one are null, never 0.
 */
export interface CohortMatrices {
  /** Cohorts with at least one customer, oldest first. */
  cohorts: CohortInfo[];
  /** Columns per row: offsets 0 … offsets − 1, up to the longest observable. */
  offsets: number;
  counts: (number | null)[][];
  /** counts / cohort size. */
  retention: (number | null)[][];
  /** Null without amounts (log) or a revenue column (table). */
  revenue: (number | null)[][] | null;
  /**
   * Retention per offset averaged over the cohorts whose period at that offset is complete, weighted by
   * cohort size: a partial last period would pull the average down with customers who have not come back yet.
   */
  average: (number | null)[];
}

/** The relative period of the first non-empty cohort of a one-group cube, or −1 when it is empty. */
export function firstCohort(cube: CohortCube): number {
  for (let c = 0; c < cube.periods; c++) if (cube.size[c] > 0) return c;
  return -1;
}

export function cohortMatrices(cube: CohortCube, axis: PeriodAxis, mode: RetentionMode): CohortMatrices {
  const P = cube.periods;
  const first = firstCohort(cube);
  const offsets = first < 0 ? 0 : P - first;
  const source = mode === 'in-or-after' ? cube.reach! : cube.active;
  const cohorts: CohortInfo[] = [];
  const counts: (number | null)[][] = [];
  const retention: (number | null)[][] = [];
  const revenue: (number | null)[][] | null = cube.revenue ? [] : null;
  const averageCount = new Float64Array(offsets);
  const averageSize = new Float64Array(offsets);
  const lastComplete = axis.lastIsPartial ? P - 2 : P - 1;

  for (let c = Math.max(first, 0); c < P; c++) {
    const size = cube.size[c];
    if (size === 0) continue;
    const info = periodInfo(axis, c);
    cohorts.push({ period: info.index, label: info.label, startDay: info.startDay, size });
    const countRow: (number | null)[] = new Array(offsets).fill(null);
    const retentionRow: (number | null)[] = new Array(offsets).fill(null);
    const revenueRow: (number | null)[] | null = cube.revenue ? new Array(offsets).fill(null) : null;
    for (let k = 0; c + k < P; k++) {
      const n = source[c * P + c + k];
      countRow[k] = n;
      retentionRow[k] = n / size;
      if (revenueRow && cube.revenue) revenueRow[k] = cube.revenue[c * P + c + k];
      if (c + k < lastComplete + 1) {
        averageCount[k] += n;
        averageSize[k] += size;
      }
    }
    counts.push(countRow);
    retention.push(retentionRow);
    if (revenue && revenueRow) revenue.push(revenueRow);
  }
  const average = Array.from(averageSize, (s, k) => (s > 0 ? averageCount[k] / s : null));
  return { cohorts, offsets, counts, retention, revenue, average };
}
