/**
 * The at-risk and lapsed selection on hand-made customers, where every membership and every position follows
 * from the definitions by hand: the top share (⌈share × customers⌉, ties in), the floor and the threshold (floor
 * in, threshold out), the rankings, and the recency sentence.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors';
import { checkAtRiskOptions, DEFAULT_AT_RISK, selectAtRisk, topShareByPastValue } from '../../../src/core/models/atRisk';
import { describeRecency } from '../../../src/core/models/recency';
import { render } from '../../../src/i18n';

// Ten customers (index = position) and one who never bought (index 10).
const PAST = [500, 400, 400, 300, 200, 100, 90, 80, 70, 60, 999];
const ALIVE = [0.5, 0.1, 0.09, 0.49, 0.3, 0.05, 0.2, 0.9, 0.2, 0.01, 0.01];
const PURCHASES = [4, 3, 5, 2, 6, 2, 3, 1, 2, 2, 0];
const input = { pastValue: PAST, probabilityAlive: ALIVE, purchases: PURCHASES };
// A value if still active per customer, chosen so that the loss order differs from the past-value order.
const VALUE = [100, 50, 300, 1000, 80, 40, 70, 10, 500, 600, 0];

describe('the top share by past value', () => {
  it('is ⌈share × customers⌉ customers, rounded up, plus ties with the last of them; unscored customers do not count', () => {
    // 10 scored customers: 20 % → 2: the 500 and one 400, and the other 400 ties → 3 members.
    expect(topShareByPastValue(input, 0.2)).toEqual({ scored: 10, count: 2, threshold: 400, members: 3 });
    // 25 % of 10 = 2.5 → 3: 500, 400, 400.
    expect(topShareByPastValue(input, 0.25)).toEqual({ scored: 10, count: 3, threshold: 400, members: 3 });
    // 1 % → at least one customer.
    expect(topShareByPastValue(input, 0.01)).toEqual({ scored: 10, count: 1, threshold: 500, members: 1 });
    expect(topShareByPastValue(input, 1)).toEqual({ scored: 10, count: 10, threshold: 60, members: 10 });
    expect(topShareByPastValue({ pastValue: [1], probabilityAlive: [1], purchases: [0] }, 0.2).scored).toBe(0);
  });
});

describe('the at-risk and lapsed lists', () => {
  it('takes P(alive) from the floor (in) to the threshold (out), lapsed below the floor, within the top share', () => {
    // Top 60 % = 6 customers: 0 … 5. P(alive): 0.5 (= threshold: out), 0.1 (= floor: at risk), 0.09 (lapsed),
    // 0.49 (at risk), 0.3 (at risk), 0.05 (lapsed). Customers 6 … 9 are outside the top share whatever P(alive).
    const lists = selectAtRisk(input, (i) => VALUE[i], { topShare: 0.6, aliveBelow: 0.5, aliveFloor: 0.1 });
    expect(lists.topShare).toEqual({ scored: 10, count: 6, threshold: 100, members: 6 });
    // Expected loss = (1 − P) × value: 3 → 0.51 × 1000 = 510; 1 → 0.9 × 50 = 45; 4 → 0.7 × 80 = 56.
    expect(lists.atRisk.map((c) => c.index)).toEqual([3, 4, 1]);
    expect(lists.atRisk.map((c) => c.expectedLoss)).toEqual([0.51 * 1000, 0.7 * 80, 0.9 * 50]);
    expect(lists.atRisk.map((c) => c.valueIfActive)).toEqual([1000, 80, 50]);
    // Lapsed by past value: 2 (400) before 5 (100).
    expect(lists.lapsed.map((c) => c.index)).toEqual([2, 5]);
    expect(lists.lapsed[0].expectedLoss).toBeCloseTo(0.91 * 300, 12);
  });

  it('a floor of 0 leaves nobody lapsed; equal losses go to the larger past value, then the first customer', () => {
    const lists = selectAtRisk(input, () => 100, { topShare: 1, aliveBelow: 0.5, aliveFloor: 0 });
    expect(lists.lapsed).toEqual([]);
    // Everyone with P < 0.5 (not 0, 7 or the unscored 10).
    expect(new Set(lists.atRisk.map((c) => c.index))).toEqual(new Set([1, 2, 3, 4, 5, 6, 8, 9]));
    const tied = { pastValue: [10, 30, 30, 20], probabilityAlive: [0.25, 0.25, 0.25, 0.25], purchases: [2, 2, 2, 2] };
    const ranked = selectAtRisk(tied, () => 100, { topShare: 1, aliveBelow: 0.5, aliveFloor: 0 });
    expect(ranked.atRisk.map((c) => c.index)).toEqual([1, 2, 3, 0]);
    expect(ranked.atRisk.map((c) => c.expectedLoss)).toEqual([75, 75, 75, 75]);
  });

  it('asks for the value only of the customers it lists', () => {
    const asked: number[] = [];
    selectAtRisk(input, (i) => {
      asked.push(i);
      return VALUE[i];
    }, DEFAULT_AT_RISK);
    // Top 20 %: customers 0, 1, 2 (ties); 0 is at the threshold (0.5, out); 1 at risk, 2 lapsed.
    expect(asked.sort()).toEqual([1, 2]);
  });

  it('puts a customer whose value is not a number last', () => {
    const lists = selectAtRisk(input, (i) => (i === 3 ? NaN : VALUE[i]), { topShare: 0.6, aliveBelow: 0.5, aliveFloor: 0.1 });
    expect(lists.atRisk.map((c) => c.index)).toEqual([4, 1, 3]);
  });

  it('refuses thresholds out of range with a message naming the setting', () => {
    expect(() => checkAtRiskOptions({ topShare: 0, aliveBelow: 0.5, aliveFloor: 0.1 })).toThrow(UserError);
    expect(() => checkAtRiskOptions({ topShare: 1.2, aliveBelow: 0.5, aliveFloor: 0.1 })).toThrow(/^The top share by past value must be above 0% and at most 100% \(got 120%\)\.$/);
    expect(() => checkAtRiskOptions({ topShare: 0.2, aliveBelow: 0, aliveFloor: 0 })).toThrow(/^The P\(alive\) threshold must be above 0%/);
    expect(() => checkAtRiskOptions({ topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.5 })).toThrow(
      'The P(alive) floor must be at least 0% and below the threshold of 50% (got 50%).',
    );
    expect(() => checkAtRiskOptions({ topShare: 0.2, aliveBelow: 0.5, aliveFloor: -0.01 })).toThrow(/floor must be at least 0%/);
    expect(() => checkAtRiskOptions(DEFAULT_AT_RISK)).not.toThrow();
    expect(DEFAULT_AT_RISK).toEqual({ topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1 });
  });
});

const recencyText = (r: Parameters<typeof describeRecency>[0]) => {
  const m = describeRecency(r);
  return m ? render(m, 'en') : '';
};

describe('the recency sentence', () => {
  it('compares the last purchase with the customer’s usual gap, and says when there is none yet', () => {
    expect(recencyText({ daysSinceLast: 94, usualGapDays: 31 })).toBe('last purchase 94 days ago; usually every 31 days');
    expect(recencyText({ daysSinceLast: 94, usualGapDays: 30.5 })).toBe('last purchase 94 days ago; usually every 31 days');
    expect(recencyText({ daysSinceLast: 1, usualGapDays: 1.2 })).toBe('last purchase 1 day ago; usually every day');
    expect(recencyText({ daysSinceLast: 0, usualGapDays: 7 })).toBe('last purchase on the last day observed; usually every 7 days');
    expect(recencyText({ daysSinceLast: 94, usualGapDays: NaN })).toBe('only purchase 94 days ago; no usual gap yet');
    expect(recencyText({ daysSinceLast: NaN, usualGapDays: NaN })).toBe('');
  });
});

describe('past values are money: rounding noise ties nothing and breaks no tie', () => {
  // 0.10 + 0.20 is 0.30000000000000004 in floating point; a customer who paid 0.30 at once has 0.3.
  const noisy = 0.1 + 0.2;
  const exact = 0.3;

  it('two customers with the same money are a tie, decided by the next key', () => {
    expect(noisy).not.toBe(exact);
    // Lapsed (P(alive) below 10 %): by past value, then the larger expected loss; customer 1 has it.
    const lists = selectAtRisk({ pastValue: [noisy, exact], probabilityAlive: [0.01, 0.01], purchases: [2, 1] }, (i) => [10, 20][i], { topShare: 1, aliveBelow: 0.5, aliveFloor: 0.1 });
    expect(lists.lapsed.map((l) => l.index)).toEqual([1, 0]);
    // The same the other way round: the noise does not put the noisy sum first.
    const swapped = selectAtRisk({ pastValue: [exact, noisy], probabilityAlive: [0.01, 0.01], purchases: [1, 2] }, (i) => [20, 10][i], { topShare: 1, aliveBelow: 0.5, aliveFloor: 0.1 });
    expect(swapped.lapsed.map((l) => l.index)).toEqual([0, 1]);
  });

  it('the top share takes in a customer whose sum is a hair below the threshold', () => {
    // Top 50 % of two customers: one, and the other is tied with them to the cent.
    expect(topShareByPastValue({ pastValue: [noisy, exact], probabilityAlive: [0.2, 0.2], purchases: [2, 1] }, 0.5)).toEqual({ scored: 2, count: 1, threshold: noisy, members: 2 });
    const lists = selectAtRisk({ pastValue: [noisy, exact], probabilityAlive: [0.2, 0.3], purchases: [2, 1] }, () => 100, { topShare: 0.5, aliveBelow: 0.5, aliveFloor: 0.1 });
    expect(lists.atRisk.map((l) => l.index)).toEqual([0, 1]); // losses 80 and 70
  });
});
