// A log with amounts but no segments (=RETENTION_BY_PERIOD and =COHORTS with amounts as most sheets call
// them) takes the plain log's path: the purchase bitset is filled in one pass (refunds set no bit unless
// they are activity), each customer's cohort read off it, and revenue and retained revenue added in one
// more pass that reads each row's cohort off the same bits. Checked against the naive reference on every
// period scheme, both refund choices, both modes and as-of days, with refunds dated before the customer's
// first purchase (left out of revenue and counted), customers with refunds only and blank amounts.
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../../../src/core/cohorts/index';
import { both, differences, SCHEMES, ZONES } from './compare';
import { generateLog, logColumns } from './generate';
import { referenceLog, refDay, refPeriodStart, type RefLogRow, type RefOptions } from './reference';
import { dayOf, midnightOf } from '../../support/days';
import { logCube, logCustomers } from '../../../src/core/cohorts/logCube';
import { resolveCohortOptions } from '../../../src/core/cohorts/options';
import { periodAxis } from '../../../src/core/cohorts/periodAxis';
import { groupCustomers } from '../../../src/core/cohorts/grouping';

const MODES = ['in', 'in-or-after'] as const;

/** Rows the generator rarely makes: refunds a year and more before a first purchase, refunds only, blanks. */
function craftedRows(zone: string): RefLogRow[] {
  const on = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), zone));
  return [
    { id: 'EARLY-1', date: on(2021, 2, 10), amount: -30 },
    { id: 'EARLY-1', date: on(2022, 3, 5), amount: 50 },
    { id: 'EARLY-1', date: on(2022, 4, 2), amount: 20 },
    { id: 'EARLY-1', date: on(2022, 5, 2), amount: -5 },
    { id: 777001, date: on(2021, 6, 1), amount: -12.5 },
    { id: 777001, date: on(2021, 6, 20), amount: -1 },
    { id: 777002, date: on(2021, 1, 4), amount: '' },
    { id: 777002, date: on(2021, 9, 4), amount: 99 },
    { id: 777002, date: on(2021, 10, 4), amount: '' },
  ];
}

/** Refund rows on or before `lastDay` dated in a period before their customer's first purchase (or of a customer without one). */
function refundsBeforeFirstPurchase(rows: RefLogRow[], o: RefOptions, lastDay: number): number {
  const start = (r: RefLogRow) => refPeriodStart(refDay(r.date, o.zone), o.unit, o.weekStart);
  const firstStart = new Map<number | string, number>();
  for (const r of rows) {
    if (refDay(r.date, o.zone) > lastDay || (typeof r.amount === 'number' && r.amount < 0)) continue;
    firstStart.set(r.id, Math.min(firstStart.get(r.id) ?? Infinity, start(r)));
  }
  return rows.filter((r) => typeof r.amount === 'number' && r.amount < 0 && refDay(r.date, o.zone) <= lastDay && !(start(r) >= (firstStart.get(r.id) ?? Infinity))).length;
}

describe.each(ZONES)('a log with amounts and no segments in %s, against the reference', (zone) => {
  const rows = [...generateLog({ seed: zone.length * 7919, zone, customers: 300, amounts: true }).map(({ id, date, amount }) => ({ id, date, amount })), ...craftedRows(zone)];
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const lastDay = rows.reduce((m, r) => Math.max(m, refDay(r.date, zone)), -Infinity);

  it('is read whole, with amounts and without segments', () => {
    expect(log.rows).toBe(rows.length);
    expect(log.amount).not.toBeNull();
    expect(log.segment).toBeNull();
  });

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}), both modes and both refund choices: the report, the matrices, the refunds left out`, () => {
      for (const refundsAreActivity of [false, true]) {
        for (const mode of MODES) {
          const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode };
          const expected = referenceLog(rows, { ...o, refundsAreActivity });
          const options = { ...both(o), refundsAreActivity };
          const report = computeCohortReport(log, options);
          expect(differences(report.total, expected)).toEqual([]);
          expect(differences(computeCohortMatrices(log, options).total, expected)).toEqual([]);
          const left = report.skipped.reasons.find((r) => r.reason === 'refund before first purchase')?.count ?? 0;
          expect(left).toBe(refundsAreActivity ? 0 : refundsBeforeFirstPurchase(rows, o, lastDay));
        }
      }
      if (scheme.unit !== 'year') expect(refundsBeforeFirstPurchase(rows, { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' }, lastDay)).toBeGreaterThan(2);
    });
  }

  it('as of a day inside the data: the rows after it are left out, and counted', () => {
    for (const asOfDay of [dayOf(2022, 3, 31), dayOf(2023, 11, 14)]) {
      const o: RefOptions = { zone, unit: 'month', weekStart: 'monday', mode: 'in', asOfDay };
      const report = computeCohortReport(log, both(o));
      expect(differences(report.total, referenceLog(rows, o))).toEqual([]);
      const late = rows.filter((r) => refDay(r.date, zone) > asOfDay).length;
      expect(late).toBeGreaterThan(0);
      expect(report.skipped.reasons.find((r) => r.reason === 'after as-of day')?.count).toBe(late);
      expect(report.skipped.reasons.find((r) => r.reason === 'refund before first purchase')?.count ?? 0).toBe(refundsBeforeFirstPurchase(rows, o, asOfDay));
    }
  });
});

// The cube's retained revenue is defined (cube.ts) as the part of revenue[g, c, p] from customers counted
// in p − 1: nobody of cohort c was counted before its first period, so every cell p ≤ c holds 0. No
// report reads those cells, so only the cube itself can show a pass adding a row's money there.
describe('retained revenue in the cube of a log with amounts', () => {
  const zone = 'Europe/Prague';
  // The generated rows only: the crafted ones open the log with a blank amount, leaving the first cohort's first cell without money.
  const rows = generateLog({ seed: 4242, zone, customers: 300, amounts: true }).map(({ id, date, amount }) => ({ id, date, amount }));
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  for (const refundsAreActivity of [false, true]) {
    for (const lapseAfter of [1, 3]) {
      it(`is 0 on and below the diagonal (refunds are purchases: ${refundsAreActivity}, lapse window ${lapseAfter})`, () => {
        const options = resolveCohortOptions({ period: 'month', refundsAreActivity, lapseAfter }, 'log', null);
        const axis = periodAxis(log.firstDay, log.lastDay, { unit: 'month', weekStart: 'monday' });
        const people = logCustomers(log, axis, options);
        const cube = logCube(log, axis, people, groupCustomers(people.segment, log.segmentNames, options, axis.count), { continuing: true, reach: false, revenue: true }, options);
        const P = axis.count;
        expect(Math.abs(cube.revenue![0])).toBeGreaterThan(0); // money in the first cohort's first period, where a clamped p − 1 reads a real bit
        let onDiagonal = 0;
        let above = 0;
        for (let c = 0; c < P; c++) {
          for (let p = 0; p < P; p++) {
            const v = cube.retained![c * P + p];
            if (p <= c) expect(v, `cohort ${c}, period ${p}`).toBe(0);
            else if (v !== 0) above++;
            if (p === c) onDiagonal += Math.abs(cube.revenue![c * P + p]);
          }
        }
        expect(onDiagonal).toBeGreaterThan(0); // there is money a wrong pass could have put there
        expect(above).toBeGreaterThan(0);
      });
    }
  }
});

// A log with segments takes the same row passes: its pass over the rows fills the purchase bitset while it
// finds each customer's earliest row (whose segment decides their group), and money is added afterwards
// from the bits. Each segment against the reference, both refund choices, the refunds left out counted.
describe.each(ZONES)('a log with amounts and segments in %s, by segment, against the reference', (zone) => {
  const rows = [
    ...generateLog({ seed: zone.length * 104729, zone, customers: 300, amounts: true, segments: true }),
    ...craftedRows(zone).map((r, i) => ({ ...r, segment: i % 2 === 0 ? 'A' : 'B' })),
  ];
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const lastDay = rows.reduce((m, r) => Math.max(m, refDay(r.date, zone)), -Infinity);

  for (const scheme of [SCHEMES[0], SCHEMES[2]]) {
    it(`${scheme.unit} (${scheme.weekStart}), both refund choices: every segment's tables and the refunds left out`, () => {
      expect(log.segment).not.toBeNull();
      for (const refundsAreActivity of [false, true]) {
        const o: RefOptions = { zone, unit: scheme.unit, weekStart: scheme.weekStart, mode: 'in' };
        const report = computeCohortReport(log, { ...both(o), refundsAreActivity, bySegment: true });
        expect(report.segments.length).toBeGreaterThan(2);
        for (const s of report.segments) {
          expect(differences(s.tables, referenceLog(rows, { ...o, refundsAreActivity, segment: s.name })), s.name).toEqual([]);
        }
        expect(differences(report.total, referenceLog(rows, { ...o, refundsAreActivity }))).toEqual([]);
        const left = report.skipped.reasons.find((r) => r.reason === 'refund before first purchase')?.count ?? 0;
        expect(left).toBe(refundsAreActivity ? 0 : refundsBeforeFirstPurchase(rows, o, lastDay));
      }
    });
  }
});

describe('revenue and retained revenue in the cube of a log with segments', () => {
  const zone = 'Europe/Warsaw';
  const rows = generateLog({ seed: 9001, zone, customers: 300, amounts: true, segments: true });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  for (const refundsAreActivity of [false, true]) {
    for (const lapseAfter of [1, 3]) {
      it(`revenue is 0 below the diagonal, retained on and below it, in every segment (refunds are purchases: ${refundsAreActivity}, lapse window ${lapseAfter})`, () => {
        const options = resolveCohortOptions({ period: 'month', refundsAreActivity, lapseAfter, bySegment: true }, 'log', log.segmentNames);
        const axis = periodAxis(log.firstDay, log.lastDay, { unit: 'month', weekStart: 'monday' });
        const people = logCustomers(log, axis, options);
        const grouping = groupCustomers(people.segment, log.segmentNames, options, axis.count);
        expect(grouping.count).toBeGreaterThan(2);
        const cube = logCube(log, axis, people, grouping, { continuing: true, reach: false, revenue: true }, options);
        const P = axis.count;
        let onDiagonal = 0;
        let above = 0;
        for (let g = 0; g < grouping.count; g++) {
          for (let c = 0; c < P; c++) {
            for (let p = 0; p < P; p++) {
              const cell = (g * P + c) * P + p;
              if (p < c) expect(cube.revenue![cell], `segment ${g}, cohort ${c}, period ${p}`).toBe(0);
              if (p <= c) expect(cube.retained![cell], `segment ${g}, cohort ${c}, period ${p}`).toBe(0);
              else if (cube.retained![cell] !== 0) above++;
              if (p === c) onDiagonal += Math.abs(cube.revenue![cell]);
            }
          }
        }
        expect(onDiagonal).toBeGreaterThan(0);
        expect(above).toBeGreaterThan(0);
      });
    }
  }
});
