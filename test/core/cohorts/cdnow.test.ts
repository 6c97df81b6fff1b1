import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../../../src/core/cohorts/index';
import { differences } from './compare';
import { referenceLog, type RefLogRow } from './reference';
import { dayOf, midnightOf } from '../../support/days';

// The real CDNOW log: a header line, then "  00001 19970101 1 11.77" with CRLF line ends.
const ZONE = 'America/New_York';
const text = readFileSync(fileURLToPath(new URL('../../../examples/cdnow/CDNOW_master.txt', import.meta.url)), 'utf8');
const lines = text.split('\r\n').filter((l) => l.trim() !== '');
const header = lines[0].trim().split(/\s+/);
const rows: RefLogRow[] = lines.slice(1).map((line) => {
  const [id, ymd, , dollars] = line.trim().split(/\s+/);
  const day = dayOf(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)));
  return { id, date: new Date(midnightOf(day, ZONE)), amount: Number(dollars) };
});
// As a sheet range with its header row, starting on sheet row 1.
const columns = {
  customerIds: [header[0], ...rows.map((r) => r.id)],
  dates: [header[1], ...rows.map((r) => r.date)],
  amounts: [header[3], ...rows.map((r) => r.amount)],
};

describe('CDNOW', () => {
  const log = parseTransactionLog(columns, { timeZone: ZONE, firstRowNumber: 1 });

  it('reads all 69,659 purchases of 23,570 customers, the header row recognised', () => {
    expect(log.rows).toBe(69_659);
    expect(log.customerIds.length).toBe(23_570);
    expect(log.skipped.total).toBe(0);
    expect(log.skipped.headerRow).toBe(1);
    expect(log.customerIds[0]).toBe('00001'); // text ids keep their leading zeros
  });

  it('by month: the January 1997 cohort has 7,846 customers, 1,157 of whom bought again in February', () => {
    const m = computeCohortMatrices(log, { period: 'month' }).total;
    expect(m.cohorts.map((c) => [c.label, c.size])).toEqual([
      ['1997-01', 7846],
      ['1997-02', 8476],
      ['1997-03', 7248],
    ]);
    expect(m.counts[0][0]).toBe(7846);
    expect(m.counts[0][1]).toBe(1157);
    expect(m.offsets).toBe(18); // January 1997 … June 1998
    expect(m.counts[2][16]).toBeNull(); // March 1997 + 16 = July 1998: not observed
    expect(m.counts[2][15]).not.toBeNull();
  });

  it('the whole monthly report equals the reference, both modes', () => {
    for (const mode of ['in', 'in-or-after'] as const) {
      const report = computeCohortReport(log, { period: 'month', mode });
      expect(differences(report.total, referenceLog(rows, { zone: ZONE, unit: 'month', weekStart: 'monday', mode }))).toEqual([]);
    }
  });

  it('the weekly and quarterly matrices equal the reference', () => {
    for (const unit of ['week', 'quarter'] as const) {
      const report = computeCohortReport(log, { period: unit });
      expect(differences(report.total, referenceLog(rows, { zone: ZONE, unit, weekStart: 'monday', mode: 'in' }))).toEqual([]);
    }
  });

  it('every per-period row satisfies E = S − lost + N + returning', () => {
    const report = computeCohortReport(log, { period: 'week' });
    for (const r of report.total.perPeriod) expect(r.end).toBe(r.start - r.lost + r.newCustomers + r.returning);
    expect(report.total.perPeriod.some((r) => r.returning > 0)).toBe(true);
  });
});
