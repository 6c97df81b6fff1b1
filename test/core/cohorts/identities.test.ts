import { describe, expect, it } from 'vitest';
import { computeCohortReport, parseCustomerTable, parseTransactionLog, type CohortTables } from '../../../src/core/cohorts/index';
import { generateLog, generateTable, logColumns, tableColumns } from './generate';

const UNITS = ['week', 'month', 'quarter', 'year'] as const;

function checkRows(tables: CohortTables, kind: 'log' | 'table'): void {
  let previousEnd = 0;
  for (const r of tables.perPeriod) {
    expect(r.end).toBe(r.start - r.lost + r.newCustomers + r.returning);
    expect(r.start).toBe(previousEnd);
    if (kind === 'table') expect(r.returning).toBe(0);
    else expect(r.newAndCancelled).toBe(0);
    for (const n of [r.start, r.newCustomers, r.end, r.lost, r.returning, r.newAndCancelled]) expect(n).toBeGreaterThanOrEqual(0);
    if (r.start === 0) {
      expect(r.crr).toBeNull();
      expect(r.churn).toBeNull();
    } else {
      expect(r.crr).toBeCloseTo((r.end - r.newCustomers - r.returning) / r.start, 12);
      expect(r.churn).toBeCloseTo(r.lost / r.start, 12);
      expect(r.crr! + r.churn!).toBeCloseTo(1, 12);
      expect(r.crr!).toBeLessThanOrEqual(1);
      expect(r.churn!).toBeLessThanOrEqual(1);
    }
    previousEnd = r.end;
  }
}

/** Counts and revenue add up over a breakdown by segment. */
function checkAdditive(total: CohortTables, parts: CohortTables[]): void {
  for (const row of total.perPeriod) {
    const same = parts.map((p) => p.perPeriod.find((r) => r.startDay === row.startDay));
    const sum = (f: (r: NonNullable<(typeof same)[number]>) => number) => same.reduce((s, r) => s + (r ? f(r) : 0), 0);
    expect([sum((r) => r.start), sum((r) => r.newCustomers), sum((r) => r.end), sum((r) => r.lost), sum((r) => r.returning), sum((r) => r.newAndCancelled)]).toEqual([
      row.start,
      row.newCustomers,
      row.end,
      row.lost,
      row.returning,
      row.newAndCancelled,
    ]);
    if (row.revenue !== null) expect(sum((r) => r.revenue!)).toBeCloseTo(row.revenue, 6);
  }
  expect(parts.reduce((s, p) => s + p.cohorts.reduce((t, c) => t + c.size, 0), 0)).toBe(total.cohorts.reduce((t, c) => t + c.size, 0));
}

describe('per-period identities on generated data', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const zone = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Prague'][seed % 3];

    it(`log, seed ${seed}: E = S − lost + N + returning, S = previous E, CRR = 1 − churn, several lapse windows`, () => {
      const log = parseTransactionLog(logColumns(generateLog({ seed, zone, customers: 150, amounts: true, segments: true })), {
        timeZone: zone,
        firstRowNumber: 2,
      });
      for (const period of UNITS) {
        for (const [lapseAfter, refundsAreActivity] of [[1, false], [1, true], [seed % 2 ? 2 : 5, false]] as const) {
          const report = computeCohortReport(log, { period, bySegment: true, lapseAfter, refundsAreActivity });
          checkRows(report.total, 'log');
          report.segments.forEach((s) => checkRows(s.tables, 'log'));
          checkAdditive(report.total, report.segments.map((s) => s.tables));
          if (period === 'week') expect(report.total.perPeriod.some((r) => r.returning > 0)).toBe(true);
        }
      }
    });

    it(`table, seed ${seed}: E = S − lost + N, returning = 0, CRR = 1 − churn`, () => {
      const table = parseCustomerTable(tableColumns(generateTable({ seed, zone, customers: 200, revenue: true, segments: true })), {
        timeZone: zone,
        firstRowNumber: 2,
      });
      for (const period of UNITS) {
        const report = computeCohortReport(table, { period, bySegment: true });
        checkRows(report.total, 'table');
        report.segments.forEach((s) => checkRows(s.tables, 'table'));
        checkAdditive(report.total, report.segments.map((s) => s.tables));
      }
    });
  }
});
