/**
 * The size limits refuse with a message instead of allocating what a spreadsheet's runtime cannot:
 * more than 600 periods, a breakdown of more than 8,000,000 cohort cells (segments × periods ×
 * periods), a customers × periods bitset of more than 64,000,000 words. Each limit is tested just
 * inside and just outside.
 */
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, parseTransactionLog, type TransactionLog } from '../../../src/core/cohorts/index';
import { UserError } from '../../../src/core/errors';
import { dayOf, midnightOf } from '../../support/days';

const ZONE = 'UTC';
const opts = { timeZone: ZONE, firstRowNumber: 2 };
const at = (day: number) => new Date(midnightOf(day, ZONE));

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

// Monday 2000-01-03 starts an ISO week: weeks w = 0 … n − 1 after it.
const MONDAY = dayOf(2000, 1, 3);

describe('periods', () => {
  it('600 weeks are computed, 601 refused naming the first and last dates and their rows', () => {
    const fits = parseTransactionLog({ customerIds: ['a', 'b'], dates: [at(MONDAY), at(MONDAY + 599 * 7)] }, opts);
    expect(computeCohortMatrices(fits, { period: 'week' }).total.offsets).toBe(600);
    const over = parseTransactionLog({ customerIds: ['a', 'b'], dates: [at(MONDAY), at(MONDAY + 600 * 7)] }, opts);
    expect(userError(() => computeCohortMatrices(over, { period: 'week' }))).toBe(
      'the dates run from Jan 3, 2000 (row 2) to Jul 4, 2011 (row 3), 601 weeks: more than 600. Choose a longer period or check the date column for a mistyped year',
    );
  });
});

describe('breakdown by segment', () => {
  // n segments, one customer each, over 590 weeks: n × 590 × 590 cells.
  function log(segments: number): TransactionLog {
    const ids = Array.from({ length: segments }, (_, i) => `c${i}`);
    return parseTransactionLog(
      { customerIds: [...ids, 'last'], dates: [...ids.map(() => at(MONDAY)), at(MONDAY + 589 * 7)], segments: [...ids.map((_, i) => `s${i}`), 's0'] },
      opts,
    );
  }

  it('22 segments (7,658,200 cells) are computed; 23 (8,006,300) are refused', () => {
    const fits = computeCohortMatrices(log(22), { period: 'week', bySegment: true });
    expect(fits.segments.length).toBe(22);
    expect(userError(() => computeCohortMatrices(log(23), { period: 'week', bySegment: true }))).toBe(
      'a breakdown by 23 segments over 590 periods is too large: choose a longer period or a segment column with fewer values',
    );
  });
});

describe('customers × periods', () => {
  // A parsed log with `customers` customers, two rows spanning 590 weeks (19 words of 32 periods per customer).
  function wide(customers: number): TransactionLog {
    const base = parseTransactionLog({ customerIds: ['a', 'b'], dates: [at(MONDAY), at(MONDAY + 589 * 7)] }, opts);
    return { ...base, customer: Int32Array.from([0, customers - 1]), customerIds: new Array(customers), customers };
  }

  it('3,368,421 customers (63,999,999 words) are computed; 3,368,422 (64,000,018) are refused', () => {
    expect(computeCohortMatrices(wide(3_368_421), { period: 'week' }).total.cohorts.map((c) => c.size)).toEqual([1, 1]);
    expect(userError(() => computeCohortMatrices(wide(3_368_422), { period: 'week' }))).toBe(
      '3,368,422 customers over 590 periods is too large to compute: choose a longer period',
    );
  });
});
