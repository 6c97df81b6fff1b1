import { PERIOD_UNITS, periodMapper, type PeriodUnit } from '../periods';
import type { TransactionLog } from './parseLog';

/** The lapse window proposed to the analyst for one period unit. */
export interface LapseSuggestion {
  /** K: the fewest periods within which at least the target share of returns came. */
  periods: number;
  /** The share of returns that came within K periods of the customer's previous purchase period. */
  share: number;
}

export interface LapseSuggestions {
  /** Null for a unit when nobody bought in two different periods of it. */
  byPeriod: Record<PeriodUnit, LapseSuggestion | null>;
  /** The share of returns the suggestion covers at least. */
  target: number;
  /** Returns (by month) the suggestion was computed from. */
  returns: number;
}

export const LAPSE_TARGET = 0.8;

/**
 * A lapse window from the data: a "return" is a purchase in a later period than the same customer's
 * previous purchase, and its distance the number of periods between the two. A window of K periods
 * keeps a customer active across every return of distance ≤ K, so the suggestion is the smallest K
 * that covers the target share (80 %) of all returns. Refunds (negative amounts) are not purchases
 * unless `refundsAreActivity`.
 */
export function suggestLapse(log: TransactionLog, refundsAreActivity = false, target = LAPSE_TARGET): LapseSuggestions {
  const span = log.lastDay - log.firstDay + 1;
  const keys: number[] = [];
  for (let k = 0; k < log.rows; k++) {
    if (!refundsAreActivity && log.amount && log.amount[k] < 0) continue;
    keys.push(log.customer[k] * span + (log.day[k] - log.firstDay));
  }
  const sorted = Float64Array.from(keys).sort();
  const byPeriod = {} as Record<PeriodUnit, LapseSuggestion | null>;
  let monthlyReturns = 0;
  for (const unit of PERIOD_UNITS) {
    const periodOf = periodMapper({ unit, weekStart: 'monday' });
    const distances = new Map<number, number>();
    let returns = 0;
    let previousCustomer = -1;
    let previousPeriod = 0;
    for (let i = 0; i < sorted.length; i++) {
      const customer = Math.floor(sorted[i] / span);
      const period = periodOf(log.firstDay + (sorted[i] - customer * span));
      if (customer === previousCustomer && period > previousPeriod) {
        const d = period - previousPeriod;
        distances.set(d, (distances.get(d) ?? 0) + 1);
        returns++;
      }
      previousCustomer = customer;
      previousPeriod = period;
    }
    if (unit === 'month') monthlyReturns = returns;
    byPeriod[unit] = returns === 0 ? null : smallestCovering(distances, returns, target);
  }
  return { byPeriod, target, returns: monthlyReturns };
}

/** The smallest distance K whose returns, with those of every shorter distance, reach the target share. */
export function smallestCovering(distances: Map<number, number>, total: number, target: number): LapseSuggestion {
  let covered = 0;
  for (const d of [...distances.keys()].sort((a, b) => a - b)) {
    covered += distances.get(d)!;
    if (covered >= target * total) return { periods: d, share: covered / total };
  }
  return { periods: 1, share: 1 }; // not reached: every return is covered by the largest distance
}
