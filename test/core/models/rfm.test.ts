import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors';
import { summarizeRfm } from '../../../src/core/models/rfm';
import { CDNOW_CALIBRATION_END, parseCdnowLog, readCdnowLogText, readCdnowSummaryWithSpend } from './cdnowData';
import { dayOf } from '../../support/days';
import { seededUniform } from './random';

describe('RFM summary of a hand-made log', () => {
  // customer, day, amount — deliberately not in order
  const rows: [number, number, number | undefined][] = [
    [0, 100, 10],
    [3, 145, 7],
    [0, 107, 20],
    [0, 100, 5], // same day as the first row: one transaction of 15
    [0, 114, -20], // a day of refunds only: not a purchase
    [0, 121, 30],
    [0, 121, -30], // nets to 0: a zero-amount day
    [0, 128, NaN], // no amount
    [0, 135, 40],
    [0, 200, 99], // after the end: ignored
    [2, 150, 12], // on the end day: included
    [3, 140, undefined], // first purchase of customer 3, no amount
    [4, 151, 5], // customer 4 only buys after the end
  ];
  const log = {
    customer: rows.map((r) => r[0]),
    day: rows.map((r) => r[1]),
    amount: rows.map((r) => r[2]),
  };
  const rfm = summarizeRfm(log, { endDay: 150, unit: 'days' });

  it('merges same-day rows, counts repeat days and measures t_x and T from the first purchase', () => {
    expect(rfm.customerCount).toBe(5);
    expect(rfm.activeCustomers).toBe(3);
    // customer 0: days 100, 107, 121, 128, 135 (114 holds only a refund) → x = 4, t_x = 35, T = 150 − 100
    expect(Array.from(rfm.transactionDays)).toEqual([5, 0, 1, 2, 0]);
    expect(Array.from(rfm.frequency)).toEqual([4, NaN, 0, 1, NaN]);
    expect(Array.from(rfm.recency)).toEqual([35, NaN, 0, 5, NaN]);
    expect(Array.from(rfm.age)).toEqual([50, NaN, 0, 10, NaN]);
    expect(Array.from(rfm.firstDay)).toEqual([100, NaN, 150, 140, NaN]);
    expect(Array.from(rfm.lastDay)).toEqual([135, NaN, 150, 145, NaN]);
  });

  it('averages only positive repeat days into monetary value and counts what it left out', () => {
    // customer 0: repeat days 107 (20), 121 (30 − 30 = 0), 128 (none), 135 (40) → mean of 20 and 40
    expect(Array.from(rfm.monetary)).toEqual([30, NaN, NaN, 7, NaN]);
    expect(Array.from(rfm.spendCount)).toEqual([2, 0, 0, 1, 0]);
    // the first purchase day never enters the spend model, so customer 3's missing first amount is not counted
    expect(rfm.leftOutOfSpend).toEqual({ refunds: 0, zeroAmounts: 1, missingAmounts: 1 });
    expect(rfm.refundOnlyDays).toBe(1);
  });

  it('a day of refunds only is not a purchase (it still counts in past value), unless refunds are purchases', () => {
    const asPurchases = summarizeRfm(log, { endDay: 150, unit: 'days', refundsArePurchases: true });
    expect(Array.from(asPurchases.transactionDays)).toEqual([6, 0, 1, 2, 0]);
    expect(asPurchases.leftOutOfSpend).toEqual({ refunds: 1, zeroAmounts: 1, missingAmounts: 1 });
    expect(asPurchases.refundOnlyDays).toBe(0);
    expect(Array.from(asPurchases.pastValue)).toEqual(Array.from(rfm.pastValue));
    // A refund before the first purchase neither starts the customer's history nor counts as a purchase.
    const early = summarizeRfm({ customer: [0, 0, 0, 1], day: [10, 20, 30, 40], amount: [-5, 8, 9, -3] }, { endDay: 50, unit: 'days' });
    expect(Array.from(early.firstDay)).toEqual([20, NaN]);
    expect(Array.from(early.transactionDays)).toEqual([2, 0]);
    expect(Array.from(early.age)).toEqual([30, NaN]);
    expect(Array.from(early.pastValue)).toEqual([12, -3]);
    expect(early.activeCustomers).toBe(1);
  });

  it('sums all known amounts up to the end as past value, refunds included', () => {
    expect(Array.from(rfm.pastValue)).toEqual([15 + 20 - 20 + 0 + 40, 0, 12, 7, 0]);
    expect(rfm.rowsAfterEnd).toBe(2);
  });

  it('states times in weeks when asked (days / 7)', () => {
    const weekly = summarizeRfm(log, { endDay: 150, unit: 'weeks' });
    expect(weekly.unit).toBe('weeks');
    expect(weekly.recency[0]).toBeCloseTo(5, 14);
    expect(weekly.age[0]).toBeCloseTo(50 / 7, 14);
  });

  it('ends at the last day in the data by default', () => {
    const all = summarizeRfm(log, { unit: 'days' });
    expect(all.endDay).toBe(200);
    expect(all.rowsAfterEnd).toBe(0);
    expect(all.transactionDays[0]).toBe(6);
    expect(all.transactionDays[4]).toBe(1);
  });

  it('works without an amount column', () => {
    const counts = summarizeRfm({ customer: log.customer, day: log.day }, { endDay: 150 });
    expect(Array.from(counts.transactionDays)).toEqual([6, 0, 1, 2, 0]);
    expect(counts.leftOutOfSpend.missingAmounts).toBe(6); // customer 0's five repeat days, customer 3's one
    expect(Array.from(counts.pastValue)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('RFM of customers with many rows in shuffled order', () => {
  // Customer 0 has 300 rows over 40 days (many per day, refunds among them), customer 1 has 20, customer 2
  // one: the per-customer day order must come out the same for short and long histories. The reference
  // works customer by customer with a Map of day → net amount, without sorting the log.
  const rand = seededUniform(7);
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (const [c, n, span] of [[0, 300, 40], [1, 20, 15], [2, 1, 1]]) {
    for (let k = 0; k < n; k++) {
      customer.push(c);
      day.push(1000 + Math.floor(rand() * span));
      amount.push(Math.round((rand() - 0.2) * 1000) / 100);
    }
  }
  for (let i = customer.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    for (const col of [customer, day, amount]) [col[i], col[j]] = [col[j], col[i]];
  }
  const endDay = 1030;
  const rfm = summarizeRfm({ customer, day, amount }, { endDay, unit: 'days' });

  it('gives each customer the days, recency and spend a per-customer count gives', () => {
    for (const c of [0, 1, 2]) {
      const net = new Map<number, number>();
      const bought = new Set<number>();
      for (let i = 0; i < customer.length; i++) {
        if (customer[i] !== c || day[i] > endDay) continue;
        net.set(day[i], (net.get(day[i]) ?? 0) + amount[i]);
        if (amount[i] >= 0) bought.add(day[i]);
      }
      const days = [...bought].sort((a, b) => a - b);
      const repeat = days.slice(1).map((d) => net.get(d)!).filter((v) => v > 0);
      expect(rfm.transactionDays[c]).toBe(days.length);
      expect(rfm.firstDay[c]).toBe(days[0]);
      expect(rfm.recency[c]).toBe(days[days.length - 1] - days[0]);
      expect(rfm.spendCount[c]).toBe(repeat.length);
      if (repeat.length > 0) expect(rfm.monetary[c]).toBeCloseTo(repeat.reduce((a, b) => a + b, 0) / repeat.length, 9);
      expect(rfm.pastValue[c]).toBeCloseTo([...net.values()].reduce((a, b) => a + b, 0), 9);
    }
  });
});

describe('RFM bad input', () => {
  const ok = { customer: [0, 1, 0], day: [10, 11, 12], amount: [1, 2, 3] };
  it('names the problem and the row', () => {
    expect(() => summarizeRfm({ ...ok, day: [10, 11] })).toThrow(/one entry per row; got 3 ids, 2 dates and 3 amounts/);
    expect(() => summarizeRfm({ ...ok, customer: [0, -1, 0] })).toThrow(/Row 2: the customer index must be a whole number ≥ 0; got -1/);
    expect(() => summarizeRfm({ ...ok, day: [10, 11.5, 12] })).toThrow(/Row 2: the date must be a whole day number/);
    expect(() => summarizeRfm({ ...ok, amount: [1, Infinity, 3] })).toThrow(/Row 2: the amount must be a finite number or empty/);
    expect(() => summarizeRfm({ customer: [], day: [] })).toThrow(/empty/);
    expect(() => summarizeRfm(ok, { endDay: 5 })).toThrow(/No purchases on or before the observation end Jan 6, 1970/);
    expect(() => summarizeRfm(ok, { endDay: 5 })).toThrow(UserError);
  });
});

describe('RFM of the raw CDNOW log against the published 1/10 sample', () => {
  const log = parseCdnowLog(readCdnowLogText());
  const sample = readCdnowSummaryWithSpend();
  const round2 = (v: number) => Math.round(v * 100) / 100;

  /**
   * The sample's IDs are renumbered (sample ID 1 is log customer 00004, ID 2 is 00021, ID 6 is 00111), so
   * customers cannot be paired by ID. They can be paired by order: the sample lists its customers by first
   * purchase day, then log id. Walking the log's customers in that order, each sample row must be matched by a
   * later customer with the same x, t_x, T and zbar (to the file's 2 decimals). Returns how many rows match.
   */
  function matchInOrder(endDay: number, extraDaysInT: number): number {
    const rfm = summarizeRfm(log, { endDay, unit: 'weeks' });
    const order = Array.from({ length: rfm.customerCount }, (_, i) => i).sort(
      (i, j) => rfm.firstDay[i] - rfm.firstDay[j] || i - j,
    );
    let position = 0;
    let matched = 0;
    for (const row of sample) {
      let k = position;
      for (; k < order.length; k++) {
        const c = order[k];
        const zbar = rfm.spendCount[c] > 0 ? rfm.monetary[c] : 0;
        if (
          rfm.frequency[c] === row.x &&
          round2(rfm.recency[c]) === row.tx &&
          round2(rfm.age[c] + extraDaysInT / 7) === row.T &&
          Math.abs(zbar - row.zbar) < 0.0051
        ) {
          break;
        }
      }
      if (k < order.length) {
        matched++;
        position = k + 1;
      }
    }
    return matched;
  }

  it('reproduces x, t_x, T and zbar of all 2,357 sample customers with the calibration end 1997-09-30 inclusive', () => {
    // T = (1997-09-30 − first purchase day) / 7: 272 days = 38.86 weeks for a customer who started on 1997-01-01.
    expect(CDNOW_CALIBRATION_END - dayOf(1997, 1, 1)).toBe(272);
    expect(matchInOrder(CDNOW_CALIBRATION_END, 0)).toBe(2357);
  });

  it('does not with purchases on 1997-09-30 excluded (T unchanged), so the end day is inclusive', () => {
    expect(matchInOrder(CDNOW_CALIBRATION_END - 1, 1)).toBeLessThan(2357);
  });

  it('covers all 23,570 customers, all acquired in 1997-Q1', () => {
    const rfm = summarizeRfm(log, { endDay: CDNOW_CALIBRATION_END, unit: 'weeks' });
    expect(rfm.activeCustomers).toBe(23570);
    expect(Math.min(...rfm.firstDay)).toBe(dayOf(1997, 1, 1));
    expect(Math.max(...rfm.firstDay)).toBeLessThanOrEqual(dayOf(1997, 3, 31));
  });
});
