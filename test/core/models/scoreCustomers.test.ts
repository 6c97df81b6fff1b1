import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors';
import { bgNbdConditionalExpectedPurchases, fitBgNbd } from '../../../src/core/models/bgnbd';
import { customerLifetimeValue } from '../../../src/core/models/clv';
import { fitGammaGamma, gammaGammaExpectedValue } from '../../../src/core/models/gammagamma';
import { scoreCustomers } from '../../../src/core/models/scoreCustomers';
import { CDNOW_CALIBRATION_END, parseCdnowLog, readCdnowLogText } from './cdnowData';
import { seededUniform } from './random';

describe('scoreCustomers on the full CDNOW log, calibration ending 1997-09-30', () => {
  const log = parseCdnowLog(readCdnowLogText());
  const options = { endDay: CDNOW_CALIBRATION_END, horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const weekly = scoreCustomers(log, { ...options, unit: 'weeks' });
  const daily = scoreCustomers(log, { ...options, unit: 'days' });

  it('fits both models on the RFM summary and reports them in the summary', () => {
    const { summary, rfm } = weekly;
    expect(summary.customers).toBe(23570);
    expect(summary.customerCount).toBe(23570);
    expect(summary.endDay).toBe(CDNOW_CALIBRATION_END);
    expect(summary.unit).toBe('weeks');
    expect(summary.bgNbdConverged && summary.gammaGammaConverged).toBe(true);
    const direct = fitBgNbd(rfm);
    expect(summary.r).toBe(direct.params.r);
    expect(summary.alpha).toBe(direct.params.alpha);
    expect(summary.bgNbdLogLikelihood).toBe(direct.logLikelihood);
    const spend = fitGammaGamma(rfm.spendCount, rfm.monetary);
    expect([summary.p, summary.q, summary.v]).toEqual([spend.params.p, spend.params.q, spend.params.v]);
    expect(summary.spendCustomers).toBe(spend.customers);
    expect(Math.abs(summary.spendFrequencyCorrelation)).toBeLessThan(0.3);
  });

  it('lands near the 1/10 sample\'s estimates (same population, ten times the customers)', () => {
    const { r, alpha, a, b, p, q, v } = weekly.summary;
    // sample: r 0.243, α 4.414, a 0.793, b 2.426; p 6.25, q 3.74, v 15.44
    expect(r).toBeGreaterThan(0.2);
    expect(r).toBeLessThan(0.3);
    expect(alpha).toBeGreaterThan(3.5);
    expect(alpha).toBeLessThan(5.5);
    expect(a).toBeGreaterThan(0.5);
    expect(a).toBeLessThan(1.1);
    expect(b).toBeGreaterThan(1.5);
    expect(b).toBeLessThan(3.5);
    expect(p).toBeGreaterThan(5);
    expect(p).toBeLessThan(7.5);
    expect(q).toBeGreaterThan(3);
    expect(q).toBeLessThan(4.5);
    expect(v).toBeGreaterThan(12);
    expect(v).toBeLessThan(19);
  });

  it('scores each customer as value × discounted purchases, from the customer\'s own history', () => {
    const { customers, rfm, bgNbd, gammaGamma } = weekly;
    for (const i of [0, 3, 4, 110, 23569]) {
      const [x, tx, T] = [rfm.frequency[i], rfm.recency[i], rfm.age[i]];
      const value = gammaGammaExpectedValue(gammaGamma.params, rfm.spendCount[i], rfm.monetary[i]);
      const cumulative = (t: number) => bgNbdConditionalExpectedPurchases(bgNbd.params, t, x, tx, T);
      expect(customers.expectedAverageValue[i]).toBe(value);
      expect(customers.clv[i]).toBeCloseTo(customerLifetimeValue(cumulative, value, { ...options, unit: 'weeks' }), 10);
      expect(customers.expectedPurchases[i]).toBeCloseTo(cumulative(365.25 / 7), 12);
      expect(customers.purchases[i]).toBe(x + 1);
      expect(customers.lastPurchaseDay[i]).toBe(rfm.lastDay[i]);
      expect(customers.pastValue[i]).toBe(rfm.pastValue[i]);
    }
    // customer 00004: three purchase days in calibration (1997-01-01, 01-18, 08-02)
    expect(customers.purchases[3]).toBe(3);
    expect(customers.pastValue[3]).toBeCloseTo(29.33 + 29.73 + 14.96, 10);
  });

  it('says what was left out', () => {
    expect(weekly.summary.leftOutOfSpend).toEqual({ refunds: 0, zeroAmounts: 1, missingAmounts: 0 });
    expect(weekly.summary.notes).toEqual([
      '1 zero amount left out of the spend model (repeat purchases, net per day)',
      '20573 rows after the observation end 1997-09-30 ignored',
    ]);
  });

  it('gives the same predictions whether fitted in days or in weeks', () => {
    // α scales with the unit and the log-likelihood by −Σx·ln 7 (the density of the times changes); r, a, b and
    // every prediction stay the same. A mix-up of weeks and months would break this.
    expect(daily.summary.alpha / weekly.summary.alpha).toBeCloseTo(7, 6);
    expect(daily.summary.r).toBeCloseTo(weekly.summary.r, 8);
    expect(daily.summary.b).toBeCloseTo(weekly.summary.b, 8);
    const sumX = weekly.rfm.frequency.reduce((s, x) => s + x, 0);
    expect(daily.summary.bgNbdLogLikelihood).toBeCloseTo(weekly.summary.bgNbdLogLikelihood - sumX * Math.log(7), 4);
    for (let i = 0; i < 23570; i += 997) {
      expect(daily.customers.clv[i]).toBeCloseTo(weekly.customers.clv[i], 6);
      expect(daily.customers.probabilityAlive[i]).toBeCloseTo(weekly.customers.probabilityAlive[i], 8);
    }
  });
});

/** A small log: customers buying on random days, amounts with the given share of refunds. */
function randomLog(customers: number, seed: number, refundShare = 0) {
  const uniform = seededUniform(seed);
  const customer: number[] = [];
  const day: number[] = [];
  const amount: (number | undefined)[] = [];
  for (let c = 0; c < customers; c++) {
    const first = Math.floor(uniform() * 60);
    const repeats = Math.floor(uniform() * 6);
    for (let k = 0; k <= repeats; k++) {
      customer.push(c);
      day.push(10_000 + first + (k === 0 ? 0 : Math.floor(uniform() * 300)));
      amount.push(uniform() < refundShare ? -15 : 10 + 50 * uniform());
    }
  }
  return { customer, day, amount };
}

describe('scoreCustomers edge cases', () => {
  it('leaves customers without purchases by the end day blank (NaN) but in place', () => {
    const log = randomLog(200, 5);
    const result = scoreCustomers(log, { customerCount: 202, endDay: 10_400 });
    expect(result.customers.clv.length).toBe(202);
    expect(result.customers.purchases[201]).toBe(0);
    expect(result.customers.clv[201]).toBeNaN();
    expect(result.customers.probabilityAlive[201]).toBeNaN();
    expect(result.customers.pastValue[201]).toBe(0);
    expect(result.summary.customers).toBe(200);
  });

  it('notes days of refunds only, which are not purchases', () => {
    const log = randomLog(300, 8, 0.1);
    const result = scoreCustomers(log, { endDay: 10_400 });
    // Every row is on its own customer-day here but for ties: count the days whose rows are all refunds.
    const days = new Map<string, boolean>();
    log.customer.forEach((c, i) => {
      if (log.day[i] > 10_400) return;
      const key = `${c}:${log.day[i]}`;
      days.set(key, (days.get(key) ?? true) && (log.amount[i] as number) < 0);
    });
    const refundOnly = [...days.values()].filter(Boolean).length;
    expect(refundOnly).toBeGreaterThan(0);
    expect(result.rfm.refundOnlyDays).toBe(refundOnly);
    expect(result.summary.notes).toContain(`${refundOnly} days with refunds only (negative amounts) not counted as purchases; their amounts count in past value`);
    expect(result.summary.leftOutOfSpend.refunds).toBe(0); // no purchase day nets below zero in this log
  });

  it('flags fits without a finite maximum instead of presenting them as estimates', () => {
    // Uniformly random purchase days show no drop-out heterogeneity (a, b → ∞), and amounts drawn alike for
    // everyone show no spend heterogeneity (q, v → ∞): both fits head for a limiting case of the model.
    const result = scoreCustomers(randomLog(300, 8, 0.1), { endDay: 10_400 });
    expect(result.summary.bgNbdConverged).toBe(false);
    expect(result.summary.gammaGammaConverged).toBe(false);
    expect(result.summary.notes[0]).toMatch(/^BG\/NBD: no finite best fit; the likelihood keeps rising as a → infinity and b → infinity/);
    expect(result.summary.notes[1]).toMatch(/^Gamma-Gamma: no finite best fit; .* q → infinity and v → infinity/);
    // Every customer with a purchase is scored (a customer whose rows are all refunds has none).
    expect(result.customers.clv.every((v, i) => (result.customers.purchases[i] === 0 ? Number.isNaN(v) : Number.isFinite(v)))).toBe(true);
  });

  it('refuses a log where nobody bought on two different days', () => {
    const n = 40;
    const log = { customer: Array.from({ length: n }, (_, i) => i), day: Array.from({ length: n }, (_, i) => 10_000 + i), amount: new Array(n).fill(20) };
    expect(() => scoreCustomers(log)).toThrow(UserError);
    expect(() => scoreCustomers(log)).toThrow(/Nobody made a repeat purchase: all 40 customers bought on one day only/);
  });

  it('refuses too few customers', () => {
    const log = randomLog(6, 9);
    expect(() => scoreCustomers(log)).toThrow(/at least 10 customers with a purchase in the observation period; got 6/);
  });

  it('refuses a log without amounts for the spend model', () => {
    const { customer, day } = randomLog(100, 10);
    expect(() => scoreCustomers({ customer, day })).toThrow(/spend model needs at least 10 customers with a repeat purchase of positive amount; got 0/);
  });

  it('checks horizon, discount rate and unit before doing any work', () => {
    const log = randomLog(100, 11);
    expect(() => scoreCustomers(log, { horizonMonths: 0 })).toThrow(/horizon must be a whole number of months/);
    expect(() => scoreCustomers(log, { monthlyDiscountRate: NaN })).toThrow(/discount rate/);
    expect(() => scoreCustomers(log, { unit: 'months' as never })).toThrow(/Time unit must be "days" or "weeks"; got "months"/);
  });
});
