/**
 * The DuckDB dialect of the SQL builder against the in-sheet engine: the same CohortReport, every
 * table, on seeded synthetic logs (zones with timestamps near midnight, every period and week start,
 * both modes, as-of days, one segment and a breakdown) and on CDNOW.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCohortReport, parseTransactionLog, suggestLapse, type CohortOptions, type CohortReport } from '../../src/core/cohorts/index';
import { cohortQuery, cohortReportFromRows, cohortResultRows, duckDb, lapseSuggestionFromRows, type SqlLogColumns } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { dayOf } from '../support/days';
import { SCHEMES, ZONES } from '../core/cohorts/compare';
import { generateLog, logColumns } from '../core/cohorts/generate';
import type { RefLogRow } from '../core/cohorts/reference';
import { reportDifferences } from './reportDifferences';
import { LOG_COLUMNS, loadLogTable, sqlSettings, withEarlyRefunds } from './fixtures';
import { periodSets, refundsBeforeFirstPurchase } from '../support/periodSets';
import { CDNOW_LOG, readCdnow } from '../support/cdnow';
import { zonedMidnight } from './zonedMidnight';

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const COLUMNS = LOG_COLUMNS;

const loadLog = (table: string, rows: RefLogRow[]) => loadLogTable(db, table, rows);

const settings = sqlSettings;

async function viaDuckDb(table: string, zone: string, o: CohortOptions, columns = COLUMNS): Promise<CohortReport> {
  const sql = cohortQuery(duckDb, { table: [table] }, columns, settings(zone, o));
  const rows = cohortResultRows(await db.query(sql));
  return cohortReportFromRows(rows, settings(zone, o), !!columns.amount, { id: 'customer', date: 'ordered_at', amount: 'amount' }).report;
}

describe.each(ZONES)('DuckDB dialect = in-sheet engine, log in %s', (zone) => {
  const rows = generateLog({ seed: zone.length * 104729, zone, customers: 300, amounts: true, segments: true });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const table = `log_${zone.replace(/\W/g, '_')}`;
  beforeAll(() => loadLog(table, rows));

  for (const scheme of SCHEMES) {
    for (const mode of ['in', 'in-or-after'] as const) {
      it(`${scheme.unit} (${scheme.weekStart}), "${mode}", broken down by segment`, async () => {
        const o: CohortOptions = { period: scheme.unit, weekStart: scheme.weekStart, mode, bySegment: true };
        const expected = computeCohortReport(log, o);
        expect(reportDifferences(await viaDuckDb(table, zone, o), expected)).toEqual([]);
      });
    }
  }

  it('as of days (month end, mid-month, after the data), one segment', async () => {
    for (const asOfDay of [dayOf(2023, 6, 30), dayOf(2023, 11, 14), dayOf(2025, 2, 3)]) {
      for (const o of [{ period: 'month', asOfDay }, { period: 'week', asOfDay, mode: 'in-or-after', segment: 'B' }] as CohortOptions[]) {
        const expected = computeCohortReport(log, o);
        expect(reportDifferences(await viaDuckDb(table, zone, o), expected)).toEqual([]);
      }
    }
  });
});

describe('DuckDB dialect = in-sheet engine on CDNOW', () => {
  const ZONE = 'America/New_York';
  const text = readFileSync(CDNOW_LOG, 'utf8');
  const cdnow = readCdnow();
  // The engine reads Date cells at midnight in the zone, as Sheets hands them over.
  const log = parseTransactionLog(
    {
      customerIds: cdnow.map((r) => r.id),
      dates: cdnow.map((r) => new Date(zonedMidnight(r.year, r.month, r.day, ZONE))),
      amounts: cdnow.map((r) => r.amount),
    },
    { timeZone: ZONE, firstRowNumber: 2 },
  );
  const columns: SqlLogColumns = { id: { name: 'Customer ID', type: 'string' }, date: { name: 'Date', type: 'date' }, amount: { name: 'Amount', type: 'float' } };
  beforeAll(() => db.loadCdnow('cdnow', text));

  it('reads the same 69,659 rows', async () => {
    const rows = cohortResultRows(await db.query(cohortQuery(duckDb, { table: ['cdnow'] }, columns, settings(ZONE, {}))));
    expect(rows.find((r) => r.kind === 'bounds')?.customers).toBe(69_659);
  });

  for (const o of [{ period: 'month' }, { period: 'month', lapseAfter: 3 }, { period: 'week', weekStart: 'sunday', mode: 'in-or-after', lapseAfter: 4 }, { period: 'quarter', asOfDay: dayOf(1997, 9, 30) }] as CohortOptions[]) {
    it(`${JSON.stringify(o)}: every table`, async () => {
      const expected = computeCohortReport(log, o);
      const actual = await viaDuckDb('cdnow', ZONE, o, columns);
      expect(reportDifferences(actual, expected)).toEqual([]);
      expect(actual.total.cohorts[0].size).toBe(o.period === 'month' ? 7846 : actual.total.cohorts[0].size);
    });
  }

  it('K = 3 by month: June 1998 loses 993 of 3,682 customers (churn 27.0 %), as docs/metrics.md says; K = 1: 1,042 of 1,488', async () => {
    for (const [lapseAfter, start, lost] of [[3, 3682, 993], [1, 1488, 1042]]) {
      const june = (await viaDuckDb('cdnow', ZONE, { period: 'month', lapseAfter }, columns)).total.perPeriod.find((r) => r.label === '1998-06')!;
      expect([june.start, june.lost, Number(june.churn!.toFixed(3))]).toEqual([start, lost, Number((lost / start).toFixed(3))]);
      expect(june.crr! + june.churn!).toBeCloseTo(1, 12);
    }
  });
});

describe('input types and unusable rows', () => {
  const ZONE = 'Europe/Prague';
  // 23:30 UTC on 31 January is already 1 February in Prague; a DATE column has no zone.
  const raw: unknown[][] = [
    ['a', '2024-01-15', new Date('2024-01-15T10:00:00Z'), 19737, '10.5', 'x'],
    ['a', '2024-02-01T08:00', new Date('2024-01-31T23:30:00Z'), 19753, '2', 'y'],
    ['b', ' 2024-02-03 ', new Date('2024-02-03T12:00:00Z'), 19756, '', null],
    ['c', '2024-02-30', new Date('2024-02-03T12:00:00Z'), 19756, '1', 'x'], // no such day
    ['d', '03/02/2024', new Date('2024-02-03T12:00:00Z'), 19756, '1', 'x'], // not ISO
    ['  ', '2024-02-03', new Date('2024-02-03T12:00:00Z'), 19756, '1', 'x'], // blank id
    ['e', '', null, null, '1', 'x'], // blank date
    ['f', '2024-02-04', new Date('2024-02-04T12:00:00Z'), 19757, 'abc', 'x'], // bad amount
    [null, null, null, null, null, null], // blank row
  ];
  beforeAll(() =>
    db.loadRows('types', [
      { name: 'id', type: 'VARCHAR' }, { name: 'text_date', type: 'VARCHAR' }, { name: 'ts', type: 'TIMESTAMPTZ' },
      { name: 'day', type: 'DATE' }, { name: 'amount_text', type: 'VARCHAR' }, { name: 'segment', type: 'VARCHAR' },
    ], raw),
  );
  const run = async (date: SqlLogColumns['date']) => {
    const columns: SqlLogColumns = { id: { name: 'id', type: 'string' }, date, amount: { name: 'amount_text', type: 'string' }, segment: { name: 'segment', type: 'string' } };
    return cohortResultRows(await db.query(cohortQuery(duckDb, { table: ['types'] }, columns, settings(ZONE, {}))));
  };
  const skips = (rows: Awaited<ReturnType<typeof run>>) => Object.fromEntries(rows.filter((r) => r.kind === 'skip').map((r) => [r.label, r.customers]));

  it('ISO text dates, with or without a time; other text is "not a date"', async () => {
    const rows = await run({ name: 'text_date', type: 'string' });
    expect(skips(rows)).toEqual({ 'blank row': 1, 'blank id': 1, 'blank date': 1, 'not a date': 2, 'bad amount': 1 });
    const bounds = rows.find((r) => r.kind === 'bounds')!;
    expect([bounds.cohort, bounds.period, bounds.customers]).toEqual([19737, 19756, 9]); // 2024-01-15 … 2024-02-03 (the row of 2024-02-04 has a bad amount)
  });

  it('a TIMESTAMP counts on its day in the spreadsheet zone, a DATE on its own day', async () => {
    const ts = await run({ name: 'ts', type: 'timestamp' });
    const dates = await run({ name: 'day', type: 'date' });
    const monthOf = (rows: Awaited<ReturnType<typeof run>>) => rows.filter((r) => r.kind === 'cell' && r.label === 'x').map((r) => r.period).sort();
    // Customer a's second row: 1 February in Prague (timestamp) but 31 January as a DATE (19753 = 2024-01-31).
    const feb = (2024 - 1970) * 12 + 1;
    expect(ts.filter((r) => r.kind === 'cell' && r.period === feb).reduce((s, r) => s + r.customers!, 0)).toBe(4);
    expect(dates.filter((r) => r.kind === 'cell' && r.period === feb).reduce((s, r) => s + r.customers!, 0)).toBe(3);
    expect(monthOf(ts).length).toBeGreaterThan(0);
  });
});

/** The counts the compute step makes (the parse-time ones need sheet rows): as [reason, count], sorted. */
function computedTallies(report: CohortReport): [string, number][] {
  const kept = ['refund before first purchase', 'after as-of day', 'negative amount'];
  return [...report.skipped.reasons, ...report.skipped.notes]
    .filter((t) => kept.includes(t.reason))
    .map((t): [string, number] => [t.reason, t.count])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe('lapse window and refunds (docs/metrics.md): DuckDB dialect = in-sheet engine = independent sets', () => {
  const zone = 'Pacific/Auckland';
  const rows = withEarlyRefunds(generateLog({ seed: 90_001, zone, customers: 320, amounts: true, segments: true }));
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  beforeAll(() => loadLog('lapse', rows));
  const setRows = rows.map((r) => ({ id: r.id, date: r.date, amount: r.amount }));

  for (const lapseAfter of [1, 2, 3, 5]) {
    for (const refundsAreActivity of [false, true]) {
      it(`K = ${lapseAfter}, refunds ${refundsAreActivity ? 'are' : 'are not'} purchases: week (sunday), month, quarter, both modes, by segment`, async () => {
        for (const scheme of [{ unit: 'week', weekStart: 'sunday' }, { unit: 'month', weekStart: 'monday' }, { unit: 'quarter', weekStart: 'monday' }] as const) {
          for (const mode of ['in', 'in-or-after'] as const) {
            const o: CohortOptions = { period: scheme.unit, weekStart: scheme.weekStart, mode, bySegment: true, lapseAfter, refundsAreActivity };
            const expected = computeCohortReport(log, o);
            const actual = await viaDuckDb('lapse', zone, o);
            const label = `${scheme.unit} ${mode}`;
            expect(reportDifferences(actual, expected), label).toEqual([]);
            expect(computedTallies(actual), label).toEqual(computedTallies(expected));
            if (scheme.weekStart === 'sunday') continue; // the set count knows ISO (Monday) weeks only
            const sets = periodSets(setRows, { zone, unit: scheme.unit, lapseAfter, refundsAreActivity });
            const pick = (r: { label: string; partial: boolean; start: number; newCustomers: number; returning: number; end: number; lost: number; crr: number | null; churn: number | null }) =>
              [r.label, r.partial, r.start, r.newCustomers, r.returning, r.end, r.lost, r.crr, r.churn];
            expect(actual.total.perPeriod.map(pick), label).toEqual(sets.map(pick));
            actual.total.perPeriod.forEach((r, i) => expect(r.revenue, `${label} ${r.label}`).toBeCloseTo(sets[i].revenue!, 6));
            const skippedRefunds = actual.skipped.reasons.find((t) => t.reason === 'refund before first purchase')?.count ?? 0;
            expect(skippedRefunds, label).toBe(refundsBeforeFirstPurchase(setRows, { zone, unit: scheme.unit, lapseAfter, refundsAreActivity }));
          }
        }
      });
    }
  }

  it('the skipped refunds are named by the amount column, the kept ones noted; as of a day too', async () => {
    const o: CohortOptions = { period: 'month', asOfDay: dayOf(2023, 11, 14), lapseAfter: 3 };
    const actual = await viaDuckDb('lapse', zone, o);
    const expected = computeCohortReport(log, o);
    expect(reportDifferences(actual, expected)).toEqual([]);
    expect(computedTallies(actual)).toEqual(computedTallies(expected));
    expect([...actual.skipped.reasons, ...actual.skipped.notes].map((t) => [t.reason, t.column]).sort()).toEqual([
      ['after as-of day', 'ordered_at'], ['negative amount', 'amount'], ['refund before first purchase', 'amount'],
    ]);
  });

  it("suggests the sheet source's lapse window: the smallest K covering 80 % of returns", async () => {
    for (const refundsAreActivity of [false, true]) {
      const expected = suggestLapse(log, refundsAreActivity).byPeriod;
      for (const unit of ['week', 'month', 'quarter', 'year'] as const) {
        // Weeks are counted from Monday whatever the report's week start, as in the sheet.
        const sql = cohortQuery(duckDb, { table: ['lapse'] }, COLUMNS, settings(zone, { period: unit, weekStart: 'sunday', refundsAreActivity }));
        expect(lapseSuggestionFromRows(cohortResultRows(await db.query(sql))), `${unit} ${refundsAreActivity}`).toEqual(expected[unit]);
      }
    }
    expect(suggestLapse(log).byPeriod.month!.periods).toBeGreaterThan(1); // a case where it matters
  });

  it('a log of refunds only says so, as the engine does', async () => {
    const refunds = rows.filter((r) => typeof r.amount === 'number' && r.amount < 0);
    await loadLog('refunds_only', refunds);
    const only = parseTransactionLog(logColumns(refunds), { timeZone: zone, firstRowNumber: 2 });
    const expected = (() => {
      try {
        computeCohortReport(only, { period: 'month' });
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    })();
    expect(expected).toMatch(/^no purchases: every row has a negative value in amount\./);
    await expect(viaDuckDb('refunds_only', zone, { period: 'month' })).rejects.toThrow(expected);
    // Counted as activity, the same rows are purchases.
    const asActivity = await viaDuckDb('refunds_only', zone, { period: 'month', refundsAreActivity: true });
    expect(reportDifferences(asActivity, computeCohortReport(only, { period: 'month', refundsAreActivity: true }))).toEqual([]);
  });
});
