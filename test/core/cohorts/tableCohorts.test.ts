import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseCustomerTable, NO_CANCEL } from '../../../src/core/cohorts/index';
import { countPeriod } from '../../../src/core/customerTable';
import { both, differences, SCHEMES, ZONES } from './compare';
import { generateTable, tableColumns } from './generate';
import { refDay, referenceTable, type RefOptions } from './reference';
import { dayOf } from '../../support/days';



describe.each(ZONES)('customer table in %s, against the reference', (zone) => {
  const rows = generateTable({ seed: zone.length * 104729, zone, customers: 400, revenue: true, segments: true });
  const table = parseCustomerTable(tableColumns(rows), { timeZone: zone, firstRowNumber: 2 });

  it('reads every generated customer', () => {
    expect(table.skipped.total).toBe(0);
    expect(table.customers).toBe(rows.length);
  });

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}): every cell, per-period row and value; both modes agree`, () => {
      const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' };
      const report = computeCohortReport(table, both(o));
      expect(differences(report.total, referenceTable(rows, o))).toEqual([]);
      const unbounded = computeCohortReport(table, { ...both(o), mode: 'in-or-after' });
      expect(unbounded.total.counts).toEqual(report.total.counts);
      expect(computeCohortMatrices(table, both(o)).total.counts).toEqual(report.total.counts);
    });
  }

  it('per-period S, N, lost, E match the customer-table formula of =RETENTION (countPeriod)', () => {
    const report = computeCohortReport(table, { period: 'month' });
    const cancels = Array.from(table.cancelDay, (d) => (d === NO_CANCEL ? null : d));
    const periods = report.periods;
    for (let i = 0; i < report.total.perPeriod.length; i++) {
      const row = report.total.perPeriod[i];
      const p = periods.find((x) => x.startDay === row.startDay)!;
      const last = Math.min(p.endDay, report.lastDay);
      const counts = countPeriod(table.signupDay, cancels, p.startDay, last);
      expect({ start: row.start, newCustomers: row.newCustomers, newAndCancelled: row.newAndCancelled, lost: row.lost, end: row.end }).toEqual(counts);
    }
  });

  for (const asOfDay of [dayOf(2023, 9, 30), dayOf(2023, 10, 17), dayOf(2025, 1, 1)]) {
    it(`as of day ${asOfDay}: later signups left out, later cancels not yet known`, () => {
      for (const scheme of [SCHEMES[1], SCHEMES[2]]) {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in', asOfDay };
        const report = computeCohortReport(table, both(o));
        expect(differences(report.total, referenceTable(rows, o))).toEqual([]);
        expect(report.lastDay).toBe(asOfDay);
        const later = rows.filter((r) => refDay(r.signup, zone) > asOfDay).length;
        const counted = report.skipped.reasons.find((t) => t.reason === 'after as-of day')?.count ?? 0;
        expect(counted).toBe(later);
      }
    });
  }

  it('one segment, and a breakdown by segment', () => {
    const o: RefOptions = { zone, unit: 'quarter', weekStart: 'monday', mode: 'in' };
    for (const segment of table.segmentNames!) {
      expect(differences(computeCohortReport(table, { ...both(o), segment }).total, referenceTable(rows, { ...o, segment }))).toEqual([]);
    }
    const report = computeCohortReport(table, { ...both(o), bySegment: true });
    expect(report.segments.map((s) => s.name)).toEqual(['1', 'A', 'B', 'C', '(blank)']);
    for (const s of report.segments) {
      expect(differences(s.tables, referenceTable(rows, { ...o, segment: s.name }))).toEqual([]);
    }
  });
});

describe('customer table semantics', () => {
  const zone = 'Europe/Prague';
  const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day) - 3_600_000); // midnight CET

  it('a customer cancelling on the first day of a month is not active at the end of the previous one… but is of that month', () => {
    const table = parseCustomerTable(
      { customerIds: ['a', 'b', 'c'], signupDates: [d(2024, 1, 10), d(2024, 1, 20), d(2024, 1, 31)], cancelDates: [d(2024, 2, 1), '', d(2024, 1, 31)] },
      { timeZone: zone, firstRowNumber: 2 },
    );
    const report = computeCohortReport(table, { period: 'month', asOfDay: dayOf(2024, 3, 31) });
    // a: lost on Feb 1, so active at the end of January; c: lost the day it joined.
    expect(report.total.counts).toEqual([[2, 1, 1]]);
    expect(report.total.retention[0][0]).toBeCloseTo(2 / 3);
    const [jan, feb] = report.total.perPeriod;
    // c signed up and cancelled in January: neither new nor lost, counted apart.
    expect(jan).toMatchObject({ start: 0, newCustomers: 2, newAndCancelled: 1, lost: 0, end: 2, churn: null, crr: null });
    expect(feb).toMatchObject({ start: 2, newCustomers: 0, newAndCancelled: 0, lost: 1, end: 1, returning: 0, churn: 0.5, crr: 0.5 });
  });

  it('cancel before signup: row skipped and counted, with its row number', () => {
    const table = parseCustomerTable(
      { customerIds: ['a', 'b'], signupDates: [d(2024, 1, 10), d(2024, 1, 20)], cancelDates: [d(2024, 1, 9), ''] },
      { timeZone: zone, firstRowNumber: 5 },
    );
    expect(table.customers).toBe(1);
    expect(table.skipped.reasons).toEqual([
      { reason: 'cancel before signup', column: 'cancel date', count: 1, firstRows: [5], firstValue: null },
    ]);
  });

  it('a repeated id keeps its first row', () => {
    const table = parseCustomerTable(
      { customerIds: ['a', 12, 'a', '12'], signupDates: [d(2024, 1, 10), d(2024, 1, 11), d(2024, 2, 1), d(2024, 1, 12)] },
      { timeZone: zone, firstRowNumber: 2 },
    );
    expect(table.customerIds).toEqual(['a', 12, '12']);
    expect(table.skipped.reasons).toEqual([
      { reason: 'duplicate customer', column: 'customer id', count: 1, firstRows: [4], firstValue: '"a"' },
    ]);
  });
});
