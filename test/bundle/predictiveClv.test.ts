/**
 * The predictive =CLV through the built bundle. The published CDNOW figures (Fader, Hardie & Lee
 * 2005) rest on a 2,357-customer RFM summary, not on a log, so the test rebuilds a transaction log
 * that has exactly those histories (first purchase T weeks before 1997-09-30, x repeat purchase days,
 * the last one t_x weeks after the first, repeat purchases worth zbar) and checks that the formula,
 * fed that log as Sheets would feed it, recovers the published parameters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { cdnowHistories } from './cdnowHistories';

process.env.TZ = 'America/Los_Angeles';

describe('=CLV(customer_ids, dates, amounts, …) on the CDNOW sample histories', () => {
  let b: Bundle;
  let ids: unknown[][];
  let dates: unknown[][];
  let amounts: unknown[][];
  beforeAll(() => {
    b = loadBundle({ timeZone: 'Europe/Prague' });
    ({ ids, dates, amounts } = cdnowHistories(b));
  });

  it('recovers the published BG/NBD and Gamma-Gamma parameters', () => {
    const model = b.call('CLV', ids, dates, amounts, 12, 0.01, 'model') as unknown[][];
    const value = (label: string) => model.find((r) => r[0] === label)?.[1] as number;
    // The published figures, to their published precision (v: the file's cents give 15.448).
    expect(value('r')).toBeCloseTo(0.243, 3);
    expect(value('alpha')).toBeCloseTo(4.414, 3);
    expect(value('a')).toBeCloseTo(0.793, 3);
    expect(value('b')).toBeCloseTo(2.426, 3);
    expect(value('BG/NBD log-likelihood')).toBeCloseTo(-9582.4, 1);
    expect(value('p')).toBeCloseTo(6.25, 2);
    expect(value('q')).toBeCloseTo(3.74, 2);
    expect(value('v')).toBeCloseTo(15.44, 1);
    expect(value('Customers')).toBe(2357);
    expect(value('Time unit')).toBe('weeks');
    expect(value('BG/NBD converged')).toBe(true);
    expect(Object.prototype.toString.call(value('Observation end'))).toBe('[object Date]');
    // Each label alone in its cell, the value beside it.
    for (const row of model) {
      expect(row.length).toBe(2);
      expect(typeof row[0]).toBe('string');
    }
  });

  it('spills one row per customer, sorted by CLV, with the columns analysts need', () => {
    const grid = b.call('CLV', ids, dates, amounts) as unknown[][];
    expect(grid[0]).toEqual(['Customer', 'Purchases', 'P(alive)', 'Expected purchases, next 12 months', 'Expected average value', 'CLV', 'Past value', 'Last purchase']);
    expect(grid.length).toBe(1 + 2357);
    expect(new Set(grid.slice(1).map((r) => r[0])).size).toBe(2357);
    for (let i = 2; i < grid.length; i++) expect(grid[i - 1][5] as number).toBeGreaterThanOrEqual(grid[i][5] as number);
    for (const r of grid.slice(1)) {
      expect(r[2] as number).toBeGreaterThanOrEqual(0);
      expect(r[2] as number).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r[5] as number)).toBe(true);
    }
    // Customer 1 of the sample (x = 2): purchases counts the first purchase day too.
    expect(grid.find((r) => r[0] === 1)![1]).toBe(3);
  });

  it('spills the at-risk and lapsed lists through the bundle, the output word in any of the four languages', () => {
    const header = ['Customer', 'P(alive)', 'Past value', 'Expected loss of value', 'CLV', 'CLV if still active', 'Purchases', 'Last purchase',
      'Days since last purchase', 'Usual days between purchases', 'Last purchase vs usual'];
    const atRisk = b.call('CLV', ids, dates, amounts, 12, 0.01, 'at risk') as unknown[][];
    expect(atRisk[0]).toEqual(header);
    expect(atRisk.length).toBeGreaterThan(20);
    for (const r of atRisk.slice(1)) {
      expect(r[1] as number).toBeGreaterThanOrEqual(0.1);
      expect(r[1] as number).toBeLessThan(0.5);
      expect(Object.prototype.toString.call(r[7])).toBe('[object Date]');
      expect(r[10] as string).toMatch(/^last purchase (\d+ days? ago|on the last day observed); usually every (\d+ days|day)$/);
    }
    const lapsed = b.call('CLV', ids, dates, amounts, 12, 0.01, 'Lapsed') as unknown[][];
    expect(lapsed[0]).toEqual(header);
    for (const r of lapsed.slice(1)) expect(r[1] as number).toBeLessThan(0.1);
    for (const [word, same] of [['At-Risk', atRisk], ['ohrožení', atRisk], ['zagrożeni', atRisk], ['veszélyeztetett', atRisk], ['ztracení', lapsed], ['win back', lapsed]] as const) {
      expect(b.call('CLV', ids, dates, amounts, 12, 0.01, word), word).toEqual(same);
    }
  });

  it('keeps the formula form for numbers, and explains bad input', () => {
    expect(b.call('CLV', 50, 0.05)).toBeCloseTo(1000, 9);
    expect(b.call('CLV', [[50], [100]], [[0.05], [0.2]], 0.1) as number[][]).toHaveLength(2);
    const fewIds = [['a'], ['a'], ['b']];
    const fewDates = [[b.date(2024, 1, 1)], [b.date(2024, 2, 1)], [b.date(2024, 1, 5)]];
    expect(() => b.call('CLV', fewIds, fewDates, [[1], [2], [3]])).toThrow('CLV: The purchase model needs at least 10 customers with a purchase in the observation period; got 2');
    expect(() => b.call('CLV', ids, dates, amounts, 12, 0.01, 'everything')).toThrow('CLV: output must be "customers", "model", "at risk", or "lapsed" (got "everything")');
    expect(() => b.call('CLV', ids, dates, amounts, 0)).toThrow(/horizon_months must be a whole number of months/);
  });
});
