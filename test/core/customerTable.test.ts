import { describe, expect, it } from 'vitest';
import { countPeriod } from '../../src/core/customerTable';
import { mulberry32 } from '../../tools/seededRandom';
import { churnFromLost, churnFromCounts, formulaClv, retentionRate } from '../../src/core/rates';

const rng = mulberry32; // seeded, so failures reproduce

/**
 * Reference by simulation: walk the days of the period and track each customer's state, instead of
 * comparing against the period bounds. A customer who joins during the period and leaves before its
 * end is "new and cancelled"; a customer present at the start who leaves is lost.
 */
function simulate(signups: number[], cancels: (number | null)[], first: number, last: number) {
  const activeOn = (i: number, day: number) => signups[i] <= day && (cancels[i] === null || cancels[i]! > day);
  let start = 0, fresh = 0, flash = 0, lost = 0, end = 0;
  for (let i = 0; i < signups.length; i++) {
    const before = activeOn(i, first - 1);
    if (before) start++;
    let joined = false;
    let left = false;
    for (let d = first; d <= last; d++) {
      if (signups[i] === d) joined = true;
      if (cancels[i] === d && (before || joined)) left = true;
    }
    if (joined && !left) fresh++;
    if (joined && left) flash++;
    if (before && left) lost++;
    if (activeOn(i, last)) end++;
  }
  return { start, newCustomers: fresh, newAndCancelled: flash, lost, end };
}

describe('customer-table period counts', () => {
  it('match a day-by-day simulation on random tables; E = S + N − lost and CRR = 1 − churn ≤ 1', () => {
    const rand = rng(7);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const signups: number[] = [];
      const cancels: (number | null)[] = [];
      for (let i = 0; i < n; i++) {
        const s = Math.floor(rand() * 60);
        signups.push(s);
        cancels.push(rand() < 0.4 ? null : s + Math.floor(rand() * 30));
      }
      const first = Math.floor(rand() * 50);
      const last = first + Math.floor(rand() * 20);
      const got = countPeriod(Int32Array.from(signups), cancels, first, last);
      expect(got).toEqual(simulate(signups, cancels, first, last));
      expect(got.end).toBe(got.start + got.newCustomers - got.lost);
      if (got.start > 0) {
        const crr = retentionRate(got.start, got.end, got.newCustomers);
        expect(crr).toBeCloseTo(1 - churnFromLost(got.start, got.lost), 12);
        expect(crr).toBeGreaterThanOrEqual(0);
        expect(crr).toBeLessThanOrEqual(1);
      }
    }
  });

  it('the worked example: S = 5 in February 2024, 3 signups of which 1 cancels, 2 of S cancel', () => {
    // Days of 2024 as plain numbers: February is days 31 … 59 (Jan 1 = day 0).
    const feb1 = 31;
    const feb29 = 59;
    const signups = [0, 3, 10, 20, 25, feb1 + 2, feb1 + 9, feb1 + 14];
    const cancels = [null, feb1 + 4, null, feb1 + 27, null, null, null, feb1 + 19]; // the last: 20 February
    const got = countPeriod(Int32Array.from(signups), cancels, feb1, feb29);
    expect(got).toEqual({ start: 5, newCustomers: 2, newAndCancelled: 1, lost: 2, end: 5 });
    expect(retentionRate(got.start, got.end, got.newCustomers)).toBeCloseTo(0.6, 15);
    expect(churnFromLost(got.start, got.lost)).toBeCloseTo(0.4, 15);
  });
});

describe('rates on counts', () => {
  it('reproduce the worked examples', () => {
    expect(retentionRate(1000, 800, 200)).toBeCloseTo(0.6, 15);
    expect(retentionRate(100, 105, 10)).toBeCloseTo(0.95, 15);
    expect(churnFromLost(100, 5)).toBeCloseTo(0.05, 15);
    expect(churnFromCounts(100, 105, 10)).toBeCloseTo(0.05, 15);
  });

  it('CLV equals the discounted sum of the survival series', () => {
    expect(formulaClv(50, 0.05)).toBeCloseTo(1000, 9);
    expect(formulaClv(100, 0.2, 0.1)).toBeCloseTo(366.6667, 3);
    for (const [v, c, d] of [[80, 0.1, 0.01], [20, 0.3, 0.2], [5, 0.02, 0]]) {
      let sum = 0;
      for (let t = 0; t < 20_000; t++) sum += (v * (1 - c) ** t) / (1 + d) ** t;
      expect(formulaClv(v, c, d)).toBeCloseTo(sum, 6);
    }
  });
});
