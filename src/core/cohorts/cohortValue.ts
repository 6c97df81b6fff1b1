import type { DayNumber } from '../calendar';
import { formulaClv } from '../rates';
import type { CohortCube } from './cube';
import { periodInfo, type PeriodAxis } from './periodAxis';

/** Revenue and lifetime value of one cohort, from the periods observed so far. */
export interface CohortValue {
  period: number;
  label: string;
  startDay: DayNumber;
  size: number;
  /** All revenue of the cohort's customers up to the last observable day. Null without amounts. */
  revenueToDate: number | null;
  /** revenueToDate / size. */
  revenuePerCustomer: number | null;
  /** Σ over observed periods of the cohort's customers counted in that period. */
  customerPeriods: number;
  /** revenueToDate / customerPeriods: what an active customer brings in per period. */
  revenuePerActivePeriod: number | null;
  /**
   * Observed churn: customers lost over the cohort's period-to-period transitions into complete
   * periods, over the customers active before those transitions. Null when no such transition has any.
   */
  churn: number | null;
  /** formulaClv(revenuePerActivePeriod, churn, 0) = revenuePerActivePeriod / churn; null when churn is 0 or null. */
  clv: number | null;
}

export function cohortValues(cube: CohortCube, axis: PeriodAxis): CohortValue[] {
  const P = cube.periods;
  const { size, active, continuing, revenue } = cube;
  // A partial last period would count every customer who has not come back *yet* as lost.
  const lastComplete = axis.lastIsPartial ? P - 2 : P - 1;
  const values: CohortValue[] = [];
  for (let c = 0; c < P; c++) {
    if (size[c] === 0) continue;
    let customerPeriods = 0;
    let revenueToDate = 0;
    let exposed = 0;
    let lost = 0;
    for (let p = c; p < P; p++) {
      customerPeriods += active[c * P + p];
      if (revenue) revenueToDate += revenue[c * P + p];
      if (p > c && p <= lastComplete && continuing) {
        const before = active[c * P + p - 1];
        exposed += before;
        lost += before - continuing[c * P + p];
      }
    }
    const info = periodInfo(axis, c);
    const perActive = revenue && customerPeriods > 0 ? revenueToDate / customerPeriods : null;
    const churn = exposed > 0 ? lost / exposed : null;
    values.push({
      period: info.index,
      label: info.label,
      startDay: info.startDay,
      size: size[c],
      revenueToDate: revenue ? revenueToDate : null,
      revenuePerCustomer: revenue ? revenueToDate / size[c] : null,
      customerPeriods,
      revenuePerActivePeriod: perActive,
      churn,
      clv: perActive !== null && churn !== null && churn > 0 ? formulaClv(perActive, churn, 0) : null,
    });
  }
  return values;
}
