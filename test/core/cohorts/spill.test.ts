import { describe, expect, it } from 'vitest';
import {
  cohortSpill,
  computeCohortMatrices,
  computeCohortReport,
  dateCell,
  parseCohortShow,
  parseRetentionMode,
  parseTransactionLog,
  periodSpill,
  periodSpillHeader,
} from '../../../src/core/cohorts/index';
import { dayOf, midnightOf } from '../../support/days';

const ZONE = 'Pacific/Auckland';
const on = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), ZONE));
const log = parseTransactionLog(
  {
    customerIds: ['a', 'b', 'a', 'c', 'a', 'b'],
    dates: [on(2024, 1, 31), on(2024, 1, 1), on(2024, 2, 1), on(2024, 2, 29), on(2024, 3, 10), on(2024, 3, 31)],
    amounts: [10, 20, 5, 7, 1, 2],
  },
  { timeZone: ZONE, firstRowNumber: 2 },
);

describe('=COHORTS layout', () => {
  const m = computeCohortMatrices(log, { period: 'month', asOfDay: dayOf(2024, 3, 15) }).total;

  it('header, then per cohort: first day as a date, size, one cell per offset; unobservable cells blank', () => {
    const grid = cohortSpill(m, 'counts', dateCell(ZONE));
    expect(grid[0]).toEqual(['Cohort', 'Customers', 0, 1, 2]);
    expect(grid.slice(1).map((r) => r.slice(1))).toEqual([
      [2, 2, 1, 1],
      [1, 1, 0, ''], // March is observed (partly): 0, not blank

    ]);
    // The date cell is midnight of the cohort's first day in the spreadsheet's zone.
    expect((grid[1][0] as Date).getTime()).toBe(midnightOf(dayOf(2024, 1, 1), ZONE));
    expect((grid[2][0] as Date).getTime()).toBe(midnightOf(dayOf(2024, 2, 1), ZONE));
  });

  it('retention and revenue views', () => {
    expect(cohortSpill(m, 'retention', (d) => d).slice(1).map((r) => r.slice(2))).toEqual([
      [1, 0.5, 0.5],
      [1, 0, ''],
    ]);
    // Rows after the as-of day (March 31) are left out of revenue too.
    expect(cohortSpill(m, 'revenue', (d) => d).slice(1).map((r) => r.slice(2))).toEqual([
      [30, 5, 1],
      [7, 0, ''],
    ]);
  });

  it('revenue without amounts is a clear error', () => {
    const plain = parseTransactionLog({ customerIds: ['a'], dates: [on(2024, 1, 1)] }, { timeZone: ZONE, firstRowNumber: 2 });
    expect(() => cohortSpill(computeCohortMatrices(plain).total, 'revenue', (d) => d)).toThrow(/^showing "revenue" needs an amounts column$/);
  });
});

describe('per-period layout', () => {
  it('one row per period, blanks where a rate is undefined, the partial period flagged', () => {
    const report = computeCohortReport(log, { period: 'month', asOfDay: dayOf(2024, 3, 15) });
    const grid = periodSpill(report.total.perPeriod, 'log', (d: number) => d);
    expect(grid[0]).toEqual(periodSpillHeader('log'));
    expect(grid[0]).toEqual(['Period', 'Label', 'Start', 'New', 'Returning', 'End', 'Lost', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial']);
    expect(grid.slice(1).map((r) => r.slice(1))).toEqual([
      ['2024-01', 0, 2, 0, 2, 0, '', '', 30, '', false],
      ['2024-02', 2, 1, 0, 2, 1, 0.5, 0.5, 12, 5 / 30, false],
      ['2024-03', 2, 0, 0, 1, 1, 0.5, 0.5, 1, 1 / 12, true],
    ]);
    expect(periodSpillHeader('table')[4]).toBe('New and cancelled');
  });
});

describe('argument readers', () => {
  it('show', () => {
    expect(parseCohortShow('')).toBe('retention');
    expect(parseCohortShow(' Counts ')).toBe('counts');
    expect(parseCohortShow('revenue')).toBe('revenue');
    expect(() => parseCohortShow('pie', 'show')).toThrow('show must be "retention", "customers", or "revenue" (got "pie")');
  });

  it('mode', () => {
    expect(parseRetentionMode(undefined)).toBe('in');
    expect(parseRetentionMode('In or after')).toBe('in-or-after');
    expect(parseRetentionMode('in_or_after')).toBe('in-or-after');
    expect(() => parseRetentionMode('sometimes')).toThrow(/^mode must be "in" or "in or after" \(got "sometimes"\)$/);
  });
});
