import { describe, expect, it } from 'vitest';
import { customerLifetimeValue, discountedExpectedPurchases } from '../../../src/core/models/clv';
import { DAYS_PER_MONTH, monthsToUnit } from '../../../src/core/models/timeUnits';

describe('months in model time units', () => {
  it('uses 1 month = 365.25/12 days, so 12 months are a Julian year in any unit', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
    expect(monthsToUnit(12, 'days')).toBeCloseTo(365.25, 12);
    expect(monthsToUnit(12, 'weeks')).toBeCloseTo(365.25 / 7, 12);
    expect(monthsToUnit(1, 'weeks')).toBeCloseTo(4.348214285714286, 14);
  });
});

describe('discounted CLV over monthly steps', () => {
  // A customer buying at a constant rate: N(t) = λ t.
  const perWeek = 0.25;
  const linearWeeks = (t: number) => perWeek * t;
  const linearDays = (t: number) => (perWeek / 7) * t;

  it('sums each month\'s purchases discounted by (1+d)^i: a geometric series for a constant rate', () => {
    const value = 40;
    const [H, d] = [24, 0.01];
    const perMonth = perWeek * (DAYS_PER_MONTH / 7);
    const closedForm = value * perMonth * ((1 - (1 + d) ** -H) / d);
    expect(customerLifetimeValue(linearWeeks, value, { horizonMonths: H, monthlyDiscountRate: d, unit: 'weeks' })).toBeCloseTo(closedForm, 10);
  });

  it('is the undiscounted expected spend when d = 0, and reports N(H) as the horizon total', () => {
    const r = discountedExpectedPurchases(linearWeeks, { horizonMonths: 12, monthlyDiscountRate: 0, unit: 'weeks' });
    expect(r.discounted).toBeCloseTo(perWeek * (365.25 / 7), 12);
    expect(r.total).toBeCloseTo(perWeek * (365.25 / 7), 12);
  });

  it('gives the same value whether the model runs in days or weeks', () => {
    const h = { horizonMonths: 18, monthlyDiscountRate: 0.02 };
    const weekly = customerLifetimeValue(linearWeeks, 25, { ...h, unit: 'weeks' });
    const daily = customerLifetimeValue(linearDays, 25, { ...h, unit: 'days' });
    expect(daily).toBeCloseTo(weekly, 10);
  });

  it('discounts the first month once, like lifetimes (a purchase in month 1 is worth 1/(1+d))', () => {
    const firstMonthOnly = (t: number) => (t > 0 ? 1 : 0);
    const clv = customerLifetimeValue(firstMonthOnly, 100, { horizonMonths: 6, monthlyDiscountRate: 0.1, unit: 'days' });
    expect(clv).toBeCloseTo(100 / 1.1, 12);
  });
});

describe('CLV bad input', () => {
  it('refuses a horizon that is not a whole number of months and a negative discount rate', async () => {
    const { checkClvHorizon } = await import('../../../src/core/models/clv');
    expect(() => checkClvHorizon({ horizonMonths: 0, monthlyDiscountRate: 0.01, unit: 'weeks' })).toThrow(/^The horizon must be a whole number of months from 1 to 1,200; got 0$/);
    expect(() => checkClvHorizon({ horizonMonths: 6.5, monthlyDiscountRate: 0.01, unit: 'weeks' })).toThrow(/whole number of months from 1 to 1,200; got 6.5/);
    expect(() => checkClvHorizon({ horizonMonths: 12, monthlyDiscountRate: -0.01, unit: 'weeks' })).toThrow(/discount rate must be a number of 0 or more, such as 0.01 for 1% a month; got -0.01/);
  });
});
