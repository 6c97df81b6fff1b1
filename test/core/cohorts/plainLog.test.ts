// A log of ids and dates only (no amounts, no segments: =COHORTS as most sheets call it) takes a path of
// its own: the purchase bitset is filled in one pass and each customer's cohort read off it as their
// first purchase period. Checked against the naive reference, on every period scheme (weeks: several
// 32-bit words per customer, first purchases in any of them), as-of days (rows after it left out and
// counted) and lapse windows.
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../../../src/core/cohorts/index';
import { both, differences, SCHEMES, ZONES } from './compare';
import { generateLog, logColumns } from './generate';
import { referenceLog, refDay, refPeriodStart, type RefLogRow, type RefOptions, type Unit } from './reference';
import { dayOf, midnightOf } from '../../support/days';

const MODES = ['in', 'in-or-after'] as const;

// From a period's start day, a day inside the next period (periods are at most this long).
const LONGEST: Record<Unit, number> = { week: 7, month: 31, quarter: 92, year: 366 };

/**
 * Lapse window K as plain purchases: a customer is active in a period when they bought in it or in one
 * of the K − 1 before, so each row gets a copy on the first day of each of the K − 1 periods after its
 * own (those on or before the last day). The earliest row, and so the cohort, stays the same.
 */
function withLapse(rows: RefLogRow[], o: RefOptions, K: number, lastDay: number): RefLogRow[] {
  const out = [...rows];
  for (const r of rows) {
    let start = refPeriodStart(refDay(r.date, o.zone), o.unit, o.weekStart);
    for (let j = 1; j < K; j++) {
      start = refPeriodStart(start + LONGEST[o.unit], o.unit, o.weekStart);
      if (start > lastDay) break;
      out.push({ id: r.id, date: new Date(midnightOf(start, o.zone)) });
    }
  }
  return out;
}

describe.each(ZONES)('a log without amounts or segments in %s, against the reference', (zone) => {
  const rows = generateLog({ seed: zone.length * 104729, zone, customers: 300 }).map(({ id, date }) => ({ id, date }));
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const lastDay = rows.reduce((m, r) => Math.max(m, refDay(r.date, zone)), -Infinity);

  it('is read whole, with neither amounts nor segments', () => {
    expect(log.rows).toBe(rows.length);
    expect(log.amount).toBeNull();
    expect(log.segment).toBeNull();
  });

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}), both modes: the report and the =COHORTS matrices`, () => {
      for (const mode of MODES) {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode };
        const expected = referenceLog(rows, o);
        expect(expected.cohorts.length).toBeGreaterThan(scheme.unit === 'week' ? 32 : 1); // weeks: first purchases in several words
        expect(differences(computeCohortReport(log, both(o)).total, expected)).toEqual([]);
        expect(differences(computeCohortMatrices(log, both(o)).total, expected)).toEqual([]);
      }
    });
  }

  it('as of a day inside the data: the rows after it are left out, and counted', () => {
    for (const asOfDay of [dayOf(2023, 6, 30), dayOf(2023, 11, 14)]) {
      const late = rows.filter((r) => refDay(r.date, zone) > asOfDay).length;
      expect(late).toBeGreaterThan(0);
      for (const scheme of [SCHEMES[0], SCHEMES[2]]) {
        for (const mode of MODES) {
          const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode, asOfDay };
          const report = computeCohortReport(log, both(o));
          expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
          expect(report.skipped.reasons).toEqual([expect.objectContaining({ reason: 'after as-of day', count: late })]);
        }
      }
    }
  });

  it('lapse windows of 2 and 5 periods: active in a period = bought in it or in one of the K − 1 before', () => {
    for (const scheme of [SCHEMES[0], SCHEMES[2], SCHEMES[3]]) {
      for (const K of [2, 5]) {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' };
        const expected = referenceLog(withLapse(rows, o, K, lastDay), o);
        const matrices = computeCohortMatrices(log, { ...both(o), lapseAfter: K }).total;
        expect(differences(matrices, expected)).toEqual([]);
      }
    }
  });
});

// The rows are set four at a time when none is after the last day (logCube.ts markEveryRow); rows whose
// words coincide in a four (one customer's rows side by side, as logs sorted by customer have them) must
// all keep their bits. Sorted by customer and date, and lengths that leave 1, 2 or 3 rows over.
describe('a log sorted by customer, four rows at a time', () => {
  const zone = 'America/New_York';
  const generated = generateLog({ seed: 31337, zone, customers: 200 }).map(({ id, date }) => ({ id, date }));
  const sorted = [...generated].sort((a, b) => String(a.id).localeCompare(String(b.id)) || a.date.getTime() - b.date.getTime());
  for (const drop of [0, 1, 2, 3]) {
    const rows = sorted.slice(0, sorted.length - ((sorted.length % 4) + drop));
    it(`${rows.length} rows (${rows.length % 4} over a multiple of four), week and month, both modes`, () => {
      const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
      let sameNeighbours = 0;
      for (let k = 1; k < rows.length; k++) if (rows[k].id === rows[k - 1].id) sameNeighbours++;
      expect(sameNeighbours).toBeGreaterThan(rows.length / 2);
      for (const scheme of [SCHEMES[0], SCHEMES[2]]) {
        for (const mode of MODES) {
          const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode };
          expect(differences(computeCohortMatrices(log, both(o)).total, referenceLog(rows, o))).toEqual([]);
        }
      }
    });
  }
});
