// A customer's forecast had they certainly not left. The BG/NBD forecast factorises exactly:
// E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) × E[Y(t) | alive, x, T], and spend and discounting are linear, so
// CLV = P(alive) × "CLV if still active". Computed directly (not as CLV ÷ P(alive)), it stays a number when
// P(alive) underflows to 0 — exactly the lapsed customers a win-back is aimed at.
import { bgNbdExpectedPurchasesIfAlive } from './bgnbd';
import { discountedExpectedPurchases } from './clv';
import type { CustomerValueResult } from './scoreCustomers';

export interface IfActive {
  /** Σ over the horizon's months of E[purchases in month i | alive now] / (1+d)^i; NaN for unscored customers. */
  discountedPurchases(index: number): number;
  /** Expected average value × discountedPurchases: the CLV had the customer certainly not left. */
  clv(index: number): number;
}

/** Per-customer forecasts given alive, computed on demand and cached per distinct (x, T). */
export function ifActive(result: CustomerValueResult): IfActive {
  const { rfm, bgNbd, summary, customers } = result;
  const horizon = { horizonMonths: summary.horizonMonths, monthlyDiscountRate: summary.monthlyDiscountRate, unit: summary.unit };
  const cache = new Map<string, number>();
  const discountedPurchases = (i: number): number => {
    const x = rfm.frequency[i];
    const T = rfm.age[i];
    if (!(customers.purchases[i] > 0)) return NaN;
    const key = `${x}|${T}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = discountedExpectedPurchases((t) => bgNbdExpectedPurchasesIfAlive(bgNbd.params, t, x, T), horizon).discounted;
      cache.set(key, value);
    }
    return value;
  };
  return {
    discountedPurchases,
    clv: (i) => customers.expectedAverageValue[i] * discountedPurchases(i),
  };
}
