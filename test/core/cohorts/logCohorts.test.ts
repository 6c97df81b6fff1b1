import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../../../src/core/cohorts/index';
import { both, differences, SCHEMES, ZONES } from './compare';
import { generateLog, logColumns } from './generate';
import { referenceLog, type RefOptions } from './reference';
import { dayOf } from '../../support/days';

const MODES = ['in', 'in-or-after'] as const;


describe.each(ZONES)('transaction log in %s, against the reference', (zone) => {
  const rows = generateLog({ seed: zone.length * 7919, zone, customers: 260, amounts: true, segments: true });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });

  it('reads every generated row, counting refunds', () => {
    expect(log.skipped.total).toBe(0);
    expect(log.rows).toBe(rows.length);
    const refunds = rows.filter((r) => typeof r.amount === 'number' && r.amount < 0).length;
    expect(refunds).toBeGreaterThan(0);
    expect(log.skipped.notes).toEqual([expect.objectContaining({ reason: 'negative amount', count: refunds })]);
  });

  for (const scheme of SCHEMES) {
    for (const mode of MODES) {
      it(`${scheme.unit} (${scheme.weekStart}), "${mode}": every cell, per-period row and value`, () => {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode };
        const report = computeCohortReport(log, both(o));
        expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
        expect(report.total.cohorts.length).toBeGreaterThan(0);
        // The =COHORTS path computes the same matrices.
        const lean = computeCohortMatrices(log, both(o)).total;
        expect(lean.counts).toEqual(report.total.counts);
        expect(lean.revenue).toEqual(report.total.revenue);
      });
    }
  }

  const asOfDays = [
    dayOf(2023, 6, 30), // last day of a month, quarter and half year
    dayOf(2023, 11, 14), // mid-month: a partial last period
    dayOf(2024, 1, 1), // first day of a year
    dayOf(2025, 2, 3), // after the data: empty but observed periods
  ];
  for (const asOfDay of asOfDays) {
    it(`as of day ${asOfDay}, month and week, both modes`, () => {
      for (const scheme of [SCHEMES[0], SCHEMES[2]]) {
        for (const mode of MODES) {
          const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode, asOfDay };
          const report = computeCohortReport(log, both(o));
          expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
          expect(report.lastDay).toBe(asOfDay);
        }
      }
    });
  }

  it('one segment at a time (segment of the earliest row), week and quarter', () => {
    for (const segment of log.segmentNames!) {
      for (const scheme of [SCHEMES[1], SCHEMES[3]]) {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in', segment };
        expect(differences(computeCohortReport(log, both(o)).total, referenceLog(rows, o))).toEqual([]);
      }
    }
  });

  it('broken down by segment: each segment as its own reference, the total as everyone', () => {
    for (const mode of MODES) {
      const o: RefOptions = { zone, unit: 'month', weekStart: 'monday', mode };
      const report = computeCohortReport(log, { ...both(o), bySegment: true });
      expect(report.segments.map((s) => s.name)).toEqual(['1', 'A', 'B', 'C', '(blank)']);
      expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
      for (const s of report.segments) {
        expect(differences(s.tables, referenceLog(rows, { ...o, segment: s.name }))).toEqual([]);
      }
    }
  });

  it('without amounts or segments: no revenue tables', () => {
    const plain = rows.map(({ id, date }) => ({ id, date }));
    const parsed = parseTransactionLog(logColumns(plain), { timeZone: zone, firstRowNumber: 2 });
    const o: RefOptions = { zone, unit: 'month', weekStart: 'monday', mode: 'in' };
    const report = computeCohortReport(parsed, both(o));
    expect(report.hasRevenue).toBe(false);
    expect(report.total.revenue).toBeNull();
    expect(differences(report.total, referenceLog(plain, o))).toEqual([]);
  });
});
