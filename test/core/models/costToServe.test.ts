/**
 * Cost to serve over the horizon, against numbers computed another way: the survival curve of an active
 * customer against a closed form and against a direct numerical integral over the drop-out probability; the
 * discounted active months against hand-computed annuities and a fine Simpson rule; each customer's cost
 * against the sum of its three parts built from the scored columns; the average cost per purchase by hand.
 */
import { describe, expect, it } from 'vitest';
import { discountedActiveMonthsIfAlive, bgNbdSurvivalIfAlive } from '../../../src/core/models/bgnbdSurvival';
import { averageCostPerPurchase, costToServe } from '../../../src/core/models/costToServe';
import { ifActive } from '../../../src/core/models/ifActive';
import { scoreCustomers } from '../../../src/core/models/scoreCustomers';
import { seededUniform } from './random';
import { discountedActiveMonthsByQuadrature, discountedIntegral, survivalByQuadrature } from './survivalReference';
import { trustLog } from './trustLogs';

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

describe('the survival of an active customer', () => {
  it('is (k/t)·ln(1 + t/k) for r = a = b = 1 and no repeat purchase (p uniform), k = α + T', () => {
    const params = { r: 1, alpha: 3, a: 1, b: 1 };
    for (const [t, T] of [[1, 10], [13, 40], [52, 5], [520, 50]]) {
      const k = 3 + T;
      expect(bgNbdSurvivalIfAlive(params, t, 0, T)).toBeCloseTo((k / t) * Math.log1p(t / k), 12);
    }
    expect(bgNbdSurvivalIfAlive(params, 0, 0, 10)).toBe(1);
  });

  it('equals a direct numerical integral over the drop-out probability, for CDNOW-like and random parameters', () => {
    const uniform = seededUniform(11);
    const cases: { params: { r: number; alpha: number; a: number; b: number }; x: number; T: number; t: number }[] = [
      { params: { r: 0.267, alpha: 5.99, a: 0.48, b: 2.11 }, x: 3, T: 40, t: 52 },
      { params: { r: 0.267, alpha: 5.99, a: 0.48, b: 2.11 }, x: 60, T: 70, t: 2600 },
      { params: { r: 0.267, alpha: 5.99, a: 0.48, b: 2.11 }, x: 0, T: 10, t: 4.35 },
    ];
    for (let k = 0; k < 12; k++) {
      cases.push({
        params: { r: Math.exp(-2 + 3 * uniform()), alpha: Math.exp(4 * uniform()), a: 0.3 + 3 * uniform(), b: 0.5 + 5 * uniform() },
        x: Math.floor(uniform() * 20),
        T: 1 + 60 * uniform(),
        t: 1 + 500 * uniform(),
      });
    }
    for (const { params, x, T, t } of cases) {
      const expected = survivalByQuadrature(params, t, x, T);
      const actual = bgNbdSurvivalIfAlive(params, t, x, T);
      expect(Math.abs(actual - expected), `${JSON.stringify({ params, x, T, t })}: ${actual} vs ${expected}`).toBeLessThan(1e-7 * expected + 1e-12);
    }
  });
});

describe('discounted active months', () => {
  it('are the plain annuity Σ (1+d)^−i when nobody drops out (a → 0): 12 months at 1 % = (1 − 1.01^−12) / 0.01', () => {
    const noDropOut = { r: 0.5, alpha: 4, a: 1e-12, b: 1 };
    const month = WEEKS_PER_MONTH;
    // By hand: 1.01^12 = 1.126825030…, so (1 − 1/1.126825030) / 0.01 = 11.255077…
    expect(discountedActiveMonthsIfAlive(noDropOut, 3, 20, 12, 0.01, month)).toBeCloseTo(11.2550775, 6);
    expect(discountedActiveMonthsIfAlive(noDropOut, 3, 20, 24, 0, month)).toBeCloseTo(24, 9);
  });

  it('agree with the time integral done in closed form and the drop-out probability numerically (a second reference)', () => {
    const params = { r: 0.27, alpha: 6, a: 0.48, b: 2.1 };
    for (const [x, T, horizon, d] of [[0, 30, 12, 0.01], [4, 50, 24, 0], [40, 70, 60, 0.02]]) {
      const expected = discountedActiveMonthsByQuadrature(params, x, T, horizon, d, WEEKS_PER_MONTH, 20_000);
      expect(discountedActiveMonthsIfAlive(params, x, T, horizon, d, WEEKS_PER_MONTH)).toBeCloseTo(expected, 7);
      if (horizon > 24) continue;
      const bySimpson = discountedIntegral((m) => (m === 0 ? 1 : survivalByQuadrature(params, m * WEEKS_PER_MONTH, x, T, 4000)), horizon, d, 8);
      expect(bySimpson).toBeCloseTo(expected, 5);
    }
  });

  it('equal a fine Simpson integral of the survival curve, month by month, discounted', () => {
    const params = { r: 1, alpha: 3, a: 1, b: 1 };
    const T = 20;
    const k = 3 + T;
    const closed = (months: number) => {
      const t = months * WEEKS_PER_MONTH;
      return t === 0 ? 1 : (k / t) * Math.log1p(t / k);
    };
    for (const [horizon, d] of [[12, 0.01], [36, 0], [120, 0.02]]) {
      expect(discountedActiveMonthsIfAlive(params, 0, T, horizon, d, WEEKS_PER_MONTH)).toBeCloseTo(discountedIntegral(closed, horizon, d), 8);
    }
  });
});

describe('the cost to serve of each customer', () => {
  // A sound seeded log, no discounting: the discounted expected purchases are then the "expected purchases".
  const rows = trustLog('sound', 4);
  const result = scoreCustomers(
    { customer: rows.map((r) => r.customer), day: rows.map((r) => r.day), amount: rows.map((r) => r.amount) },
    { horizonMonths: 12, monthlyDiscountRate: 0 },
  );
  const c = result.customers;
  const { r, alpha, a, b } = result.summary;

  it('adds share × revenue, a monthly amount × active months and a cost per purchase × purchases, each times P(alive)', () => {
    const perPurchase = Array.from(c.purchases, (_, i) => 0.5 + (i % 7));
    const rates = (i: number) => (i % 2 ? { revenueShare: 0.25, perCustomerMonth: 3 } : { revenueShare: 0.1, perCustomerMonth: 0 });
    const costs = costToServe(result, ifActive(result), { rates, costPerPurchase: Float64Array.from(perPurchase) });
    const checked = [0, 1, 2, 3, 10, 11, 50, 51, 99, 100];
    for (const i of checked) {
      const alive = c.probabilityAlive[i];
      const x = result.rfm.frequency[i];
      const T = result.rfm.age[i];
      const months = discountedActiveMonthsByQuadrature({ r, alpha, a, b }, x, T, 12, 0, WEEKS_PER_MONTH);
      const { revenueShare, perCustomerMonth } = rates(i);
      // Revenue: the gross CLV; purchases: the expected purchases (undiscounted = discounted at d = 0).
      const expected = revenueShare * c.clv[i] + perCustomerMonth * alive * months + perPurchase[i] * c.expectedPurchases[i];
      expect(Math.abs(costs.cost[i] - expected), `customer ${i}: ${costs.cost[i]} vs ${expected}`).toBeLessThan(1e-5 * expected);
      expect(costs.costIfActive[i] * alive, `customer ${i}`).toBeCloseTo(costs.cost[i], 9);
    }
  });

  it('is zero for everyone without rates or a cost column', () => {
    const costs = costToServe(result, ifActive(result), { rates: () => ({ revenueShare: 0, perCustomerMonth: 0 }), costPerPurchase: null });
    for (let i = 0; i < c.purchases.length; i++) expect(costs.cost[i]).toBe(0);
  });
});

describe('the CLV had the customer certainly not left', () => {
  it('is CLV ÷ P(alive), and stays a number where P(alive) underflows to 0', () => {
    const rows = trustLog('sound', 5);
    const result = scoreCustomers({ customer: rows.map((r) => r.customer), day: rows.map((r) => r.day), amount: rows.map((r) => r.amount) });
    const active = ifActive(result);
    const c = result.customers;
    let checked = 0;
    for (let i = 0; i < c.purchases.length; i++) {
      if (c.probabilityAlive[i] > 1e-6) {
        expect(active.clv(i)).toBeCloseTo(c.clv[i] / c.probabilityAlive[i], 8);
        checked++;
      }
      expect(Number.isFinite(active.clv(i))).toBe(true);
    }
    expect(checked).toBeGreaterThan(700);
  });
});

describe('the average cost per purchase day', () => {
  it('sums each customer’s costs up to the end day and divides by their purchase days; blanks count as 0', () => {
    // Customer 0: day 10 (costs 1 and 2, one purchase day), day 12 (cost 4), day 30 (after the end: ignored).
    // Customer 1: day 11 (blank), day 12 (6). Customer 2: no purchase.
    const customer = [0, 0, 0, 0, 1, 1];
    const day = [10, 10, 12, 30, 11, 12];
    const cost = [1, 2, 4, 100, NaN, 6];
    const { perPurchase, blankCosts } = averageCostPerPurchase(customer, day, cost, 20, [2, 2, 0]);
    expect(perPurchase[0]).toBe(3.5);
    expect(perPurchase[1]).toBe(3);
    expect(perPurchase[2]).toBeNaN();
    expect(blankCosts).toBe(1);
  });
});
