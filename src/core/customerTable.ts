import type { DayNumber } from './calendar';

/**
 * Period counts for a customer table (one row per customer: signup day, cancel day or null), counted
 * as ChartMogul does. Calendar days, inclusive bounds. A customer whose cancel day is d is lost on day d.
 *   S                = active when the period begins: signed up before `first`, not cancelled before `first`
 *   N                = signed up on a day from `first` to `last` and still active at its end
 *   newAndCancelled  = signed up and cancelled within the period (in neither N nor lost)
 *   lost             = customers of S who cancelled on a day from `first` to `last`
 *   E                = active when the period ends: signed up by `last`, not cancelled by `last`
 * so E = S − lost + N, CRR = (E − N) / S = 1 − lost / S, whenever no cancel day precedes its signup
 * day (the adapters reject those).
 */
export interface PeriodCounts {
  start: number;
  newCustomers: number;
  newAndCancelled: number;
  lost: number;
  end: number;
}

export function countPeriod(
  signups: ArrayLike<DayNumber>,
  cancels: ArrayLike<DayNumber | null>,
  first: DayNumber,
  last: DayNumber,
): PeriodCounts {
  let start = 0;
  let newCustomers = 0;
  let newAndCancelled = 0;
  let lost = 0;
  let end = 0;
  for (let i = 0; i < signups.length; i++) {
    const s = signups[i];
    const c = cancels[i];
    if (s > last) continue;
    const cancelled = c !== null && c !== undefined;
    const gone = cancelled && c <= last;
    if (s < first) {
      if (cancelled && c < first) continue;
      start++;
      if (gone) lost++;
    } else if (gone) {
      newAndCancelled++;
    } else {
      newCustomers++;
    }
    if (!gone) end++;
  }
  return { start, newCustomers, newAndCancelled, lost, end };
}
