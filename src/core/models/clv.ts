// Customer lifetime value over a horizon of whole months, discounted monthly: the `customer_lifetime_value`
// method of the `lifetimes` package, with the month length stated (timeUnits.ts) instead of per-unit factors.
import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { decimal, integer, percent, typed } from '../../i18n/messages';
import { monthsToUnit, type TimeUnit } from './timeUnits';

export interface ClvHorizon {
  /** Whole months ahead, 1 … 1200. */
  horizonMonths: number;
  /** Monthly discount rate d ≥ 0 (0.01 = 1% a month). */
  monthlyDiscountRate: number;
  /** Time unit of the purchase model. */
  unit: TimeUnit;
}

export const MAX_HORIZON_MONTHS = 1200;

/** @throws UserError naming the bad argument. */
export function checkClvHorizon({ horizonMonths, monthlyDiscountRate }: ClvHorizon): void {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > MAX_HORIZON_MONTHS) {
    throw new UserError(msg('model.error.horizon', { max: integer(MAX_HORIZON_MONTHS), got: typed(horizonMonths) }));
  }
  if (!Number.isFinite(monthlyDiscountRate) || monthlyDiscountRate < 0) {
    throw new UserError(msg('model.error.discount', { example: decimal(0.01), examplePercent: percent(0.01), got: typed(monthlyDiscountRate) }));
  }
}

/**
 * Σ_{i=1..H} (N(i) − N(i−1)) / (1+d)^i, where N(t) is the cumulative expected number of purchases after t
 * months: each month's expected purchases discounted to today. Multiply by the expected value per purchase
 * for the CLV. Also returns N(H), the undiscounted expected purchases over the horizon.
 */
export function discountedExpectedPurchases(
  cumulativePurchases: (t: number) => number,
  horizon: ClvHorizon,
): { discounted: number; total: number } {
  const month = monthsToUnit(1, horizon.unit);
  const factor = 1 / (1 + horizon.monthlyDiscountRate);
  let previous = 0;
  let discount = 1;
  let discounted = 0;
  for (let i = 1; i <= horizon.horizonMonths; i++) {
    const cumulative = cumulativePurchases(i * month);
    discount *= factor;
    discounted += (cumulative - previous) * discount;
    previous = cumulative;
  }
  return { discounted, total: previous };
}

/** CLV = expected value per purchase × discounted expected purchases over the horizon. */
export function customerLifetimeValue(
  cumulativePurchases: (t: number) => number,
  expectedValuePerPurchase: number,
  horizon: ClvHorizon,
): number {
  return expectedValuePerPurchase * discountedExpectedPurchases(cumulativePurchases, horizon).discounted;
}
