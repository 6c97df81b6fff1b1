// Cost to serve over the CLV's horizon: two customers who spend the same but cost three times as much to serve
// are not worth the same retention effort. Three kinds of cost, each forecast with the same model, horizon and
// monthly discounting as the CLV, and added:
//
// - a share of revenue c:               c × (the customer's discounted expected revenue, i.e. the gross CLV)
// - an amount per customer per month A: A × (discounted expected months the customer stays active)
// - a cost per purchase k (cost column): k × (discounted expected purchases)
//
// Each is P(alive) × the same quantity had the customer certainly not left, so net value factorises like the CLV
// does and the at-risk list can rank by the expected loss of net value, (1 − P(alive)) × net value if active.
import { discountedActiveMonthsIfAlive } from './bgnbdSurvival';
import type { IfActive } from './ifActive';
import type { CustomerValueResult } from './scoreCustomers';
import { monthsToUnit } from './timeUnits';

export interface CostRates {
  /** Cost as a share of revenue, 0 ≤ c ≤ 1 (0.25 = 25 % of what the customer spends). */
  revenueShare: number;
  /** Cost per customer per month while they are active, ≥ 0, in the currency of the amounts. */
  perCustomerMonth: number;
}

export const NO_COST: Readonly<CostRates> = { revenueShare: 0, perCustomerMonth: 0 };

export interface CostInput {
  /** The rates that apply to customer `index` (e.g. those of their segment). */
  rates: (index: number) => CostRates;
  /** Each customer's average cost per purchase day (from a cost column), by index; null without one. */
  costPerPurchase: ArrayLike<number> | null;
}

/** Per-customer columns, indexed by customer index; NaN for customers without a purchase. */
export interface CostColumns {
  /** Discounted expected cost to serve over the horizon had the customer certainly not left. */
  costIfActive: Float64Array;
  /** Expected cost to serve = P(alive) × costIfActive. */
  cost: Float64Array;
}

/** Discounted cost to serve per customer; see the header of this file for the three parts. */
export function costToServe(result: CustomerValueResult, active: IfActive, input: CostInput): CostColumns {
  const { customers, rfm, bgNbd, summary } = result;
  const n = customers.purchases.length;
  const costIfActive = new Float64Array(n).fill(NaN);
  const cost = new Float64Array(n).fill(NaN);
  const month = monthsToUnit(1, summary.unit);
  const months = new Map<string, number>();
  const activeMonths = (x: number, T: number): number => {
    const key = `${x}|${T}`;
    let value = months.get(key);
    if (value === undefined) {
      value = discountedActiveMonthsIfAlive(bgNbd.params, x, T, summary.horizonMonths, summary.monthlyDiscountRate, month);
      months.set(key, value);
    }
    return value;
  };
  for (let i = 0; i < n; i++) {
    if (!(customers.purchases[i] > 0)) continue;
    const { revenueShare, perCustomerMonth } = input.rates(i);
    const perPurchase = input.costPerPurchase ? input.costPerPurchase[i] : 0;
    let value = 0;
    if (revenueShare !== 0) value += revenueShare * active.clv(i);
    if (perPurchase !== 0) value += perPurchase * active.discountedPurchases(i);
    if (perCustomerMonth !== 0) value += perCustomerMonth * activeMonths(rfm.frequency[i], rfm.age[i]);
    costIfActive[i] = value;
    cost[i] = customers.probabilityAlive[i] * value;
  }
  return { costIfActive, cost };
}

export interface CostPerPurchase {
  /** Σ cost of the customer's rows on or before the end day ÷ their purchase days; NaN without a purchase. */
  perPurchase: Float64Array;
  /** Rows on or before the end day whose cost cell was blank, counted as 0. */
  blankCosts: number;
}

/**
 * Each customer's average cost per purchase day from a cost per row (NaN = blank, counted as 0). Rows after the
 * end day are ignored, like the purchases the models see; all purchase days count, the first one included.
 */
export function averageCostPerPurchase(
  customer: ArrayLike<number>,
  day: ArrayLike<number>,
  costPerRow: ArrayLike<number>,
  endDay: number,
  purchaseDays: ArrayLike<number>,
): CostPerPurchase {
  const n = purchaseDays.length;
  const sum = new Float64Array(n);
  let blankCosts = 0;
  for (let k = 0; k < customer.length; k++) {
    if (day[k] > endDay) continue;
    const c = costPerRow[k];
    if (Number.isNaN(c)) blankCosts++;
    else sum[customer[k]] += c;
  }
  const perPurchase = new Float64Array(n);
  for (let i = 0; i < n; i++) perPurchase[i] = purchaseDays[i] > 0 ? sum[i] / purchaseDays[i] : NaN;
  return { perPurchase, blankCosts };
}
