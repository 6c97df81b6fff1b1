/**
 * Customer tables through SQL: the DuckDB and BigQuery (on ZetaSQL) dialects of tableQuery give the
 * in-sheet engine's CohortReport on seeded tables — signups and cancels near midnight in the zone,
 * cancels on the signup day, every period, as-of days, a segment, a breakdown — and its skip counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCohortReport, parseCustomerTable, type CohortOptions } from '../../src/core/cohorts/index';
import { bigQuery, cohortReportFromRows, cohortResultRows, duckDb, tableQuery, type SqlDialect, type SqlTableColumns } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { SCHEMES } from '../core/cohorts/compare';
import { generateTable, tableColumns } from '../core/cohorts/generate';
import { dayOf } from '../support/days';
import { sqlSettings } from './fixtures';
import { reportDifferences } from './reportDifferences';

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  [db, zeta] = await Promise.all([DuckDb.open(), ZetaSql.start()]);
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

const COLUMNS: SqlTableColumns = {
  id: { name: 'customer', type: 'string' }, signup: { name: 'signed_up', type: 'timestamp' }, cancel: { name: 'cancelled', type: 'timestamp' },
  revenue: { name: 'mrr', type: 'float' }, segment: { name: 'plan', type: 'string' }, order: { name: 'line', type: 'integer' },
};
const NAMES = { id: 'customer', date: 'signed_up', amount: 'mrr', cancel: 'cancelled' };

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('customer table in %s', (zone) => {
  const rows = generateTable({ seed: zone.length * 4099, zone, customers: 220, revenue: true, segments: true });
  const table = parseCustomerTable(tableColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const values = rows.map((r, i) => [String(r.id), r.signup, r.cancel === '' ? null : r.cancel, r.revenue === '' || r.revenue === undefined ? null : r.revenue, r.segment === undefined || r.segment === '' ? null : String(r.segment), i + 1]);
  const name = `t_${zone.replace(/\W/g, '_')}`;
  beforeAll(() =>
    db.loadRows(name, [
      { name: 'customer', type: 'VARCHAR' }, { name: 'signed_up', type: 'TIMESTAMPTZ' }, { name: 'cancelled', type: 'TIMESTAMPTZ' },
      { name: 'mrr', type: 'DOUBLE' }, { name: 'plan', type: 'VARCHAR' }, { name: 'line', type: 'BIGINT' },
    ], values),
  );
  const zetaTable: ZetaTable = { path: [name], columns: Object.values(COLUMNS).map((c) => c!), rows: values };

  async function viaSql(d: SqlDialect, o: CohortOptions) {
    const s = { ...sqlSettings(zone, o), today: null };
    const sql = tableQuery(d, { table: [name] }, COLUMNS, s);
    const result = d.name === 'duckdb' ? await db.query(sql) : (await zeta.evaluate(sql, [zetaTable])).rows;
    return cohortReportFromRows(cohortResultRows(result.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)))), s, true, NAMES, 'table').report;
  }

  for (const scheme of SCHEMES) {
    it(`${scheme.unit} (${scheme.weekStart}), broken down by segment: DuckDB and BigQuery's dialect`, async () => {
      const o: CohortOptions = { period: scheme.unit, weekStart: scheme.weekStart, bySegment: true };
      const expected = computeCohortReport(table, o);
      expect(reportDifferences(await viaSql(duckDb, o), expected)).toEqual([]);
      expect(reportDifferences(await viaSql(bigQuery, o), expected)).toEqual([]);
    });
  }

  it('as of days, one segment, "in or after"', async () => {
    for (const asOfDay of [dayOf(2023, 6, 30), dayOf(2023, 11, 14)]) {
      const o: CohortOptions = { period: 'month', asOfDay, segment: 'B', mode: 'in-or-after' };
      const report = await viaSql(duckDb, o);
      expect(reportDifferences(report, computeCohortReport(table, o))).toEqual([]);
    }
  });
});

describe("issue 8's worked example: new and cancelled in the period are counted apart", () => {
  // February 2024: S = 5 customers from January; 3 sign up in February, one of whom cancels on the 20th;
  // 2 of S cancel. So E = 5, N = 2, new and cancelled 1, lost 2: CRR = (5 − 2) / 5 = 0.6, churn 0.4.
  const values = [
    ['s1', '2024-01-03', '2024-02-10'], ['s2', '2024-01-08', '2024-02-29'], ['s3', '2024-01-15', null], ['s4', '2024-01-20', '2024-03-05'], ['s5', '2024-01-31', null],
    ['n1', '2024-02-02', null], ['n2', '2024-02-14', '2024-04-01'], ['n3', '2024-02-05', '2024-02-20'],
  ];
  const columns: SqlTableColumns = { id: { name: 'id', type: 'string' }, signup: { name: 'signup', type: 'string' }, cancel: { name: 'cancel', type: 'string' } };
  const zetaTable: ZetaTable = { path: ['example'], columns: [columns.id, columns.signup, columns.cancel!], rows: values };
  for (const d of [duckDb, bigQuery]) {
    it(d.name, async () => {
      if (d.name === 'duckdb') await db.loadRows('example', ['id', 'signup', 'cancel'].map((n) => ({ name: n, type: 'VARCHAR' as const })), values);
      const s = { ...sqlSettings('UTC', { asOfDay: dayOf(2024, 3, 31) }), today: null };
      const sql = tableQuery(d, { table: ['example'] }, columns, s);
      const result = d.name === 'duckdb' ? await db.query(sql) : (await zeta.evaluate(sql, [zetaTable])).rows;
      const rows = cohortResultRows(result.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
      const february = cohortReportFromRows(rows, s, false, { id: 'id', date: 'signup', amount: null, cancel: 'cancel' }, 'table').report.total.perPeriod.find((r) => r.label === '2024-02')!;
      expect([february.start, february.newCustomers, february.newAndCancelled, february.lost, february.end, february.returning]).toEqual([5, 2, 1, 2, 5, 0]);
      expect([february.crr, february.churn]).toEqual([0.6, 0.4]);
    });
  }
});

describe('unusable table rows', () => {
  it('are counted as the sheet counts them', async () => {
    const raw = [
      ['a', '2024-01-05', '', '10', 'x'], ['a', '2024-02-01', '', '10', 'x'], // a repeated id: the first row is kept
      ['b', '2024-01-09', '2024-01-03', '5', 'x'], // cancelled before signing up
      ['c', '2024-01-09', 'soon', '5', 'x'], // a cancel date that is not a date
      ['d', 'yesterday', '', '5', 'x'], ['', '2024-01-09', '', '5', 'x'], ['e', '2024-01-10', '2024-03-01', 'lots', 'y'],
      ['f', '2024-01-10', '2024-01-20', '-3', 'y'], // cancels in the signup month; a negative revenue is kept
      [null, null, null, null, null],
    ];
    await db.loadRows('bad', ['id', 'signup', 'cancel', 'revenue', 'segment'].map((n) => ({ name: n, type: 'VARCHAR' as const })), raw);
    const columns: SqlTableColumns = {
      id: { name: 'id', type: 'string' }, signup: { name: 'signup', type: 'string' }, cancel: { name: 'cancel', type: 'string' },
      revenue: { name: 'revenue', type: 'string' }, segment: { name: 'segment', type: 'string' }, order: { name: '__row', type: 'integer' },
    };
    const s = { ...sqlSettings('UTC', {}), today: null };
    const rows = cohortResultRows((await db.query(tableQuery(duckDb, { table: ['bad'] }, columns, s))).map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
    const { report, rowsRead } = cohortReportFromRows(rows, s, true, { id: 'id', date: 'signup', amount: 'revenue', cancel: 'cancel' }, 'table');
    expect(rowsRead).toBe(9);
    expect(report.skipped.reasons.map((t) => [t.reason, t.column, t.count])).toEqual([
      ['blank row', '', 1], ['blank id', 'id', 1], ['not a date', 'signup', 1], ['not a date', 'cancel', 1],
      ['cancel before signup', 'cancel', 1], ['bad amount', 'revenue', 1], ['duplicate customer', 'id', 1],
    ]);
    expect(report.skipped.notes.map((t) => [t.reason, t.count])).toEqual([['negative amount', 1]]);
    // January 2024: a and f signed up; f cancelled within January, so only a is active at its end.
    expect(report.total.cohorts.map((c) => [c.label, c.size])).toEqual([['2024-01', 2]]);
    expect(report.total.counts[0][0]).toBe(1);
  });
});

describe('a text cancel column with placeholders for "no cancel date"', () => {
  // What exports write where a customer has not cancelled: the sheet reads them as no cancel date and notes
  // them (src/core/placeholders.ts, parseTable.ts); the SQL path must read them the same way.
  const zone = 'Europe/Warsaw';
  const PLACEHOLDERS = ['NULL', 'null ', '-', 'n/a', 'N/A', 'NaN', 'NaT', 'None', '(blank)', '\u200b', '—', '?'];
  const rows = generateTable({ seed: 8080, zone, customers: 200, revenue: true, segments: true });
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  let k = 0;
  // Every third customer without a cancel date gets a placeholder; one cancel is text that is not a date at all.
  const cancels = rows.map((r, i) => (r.cancel instanceof Date ? r.cancel : i % 3 === 0 ? PLACEHOLDERS[k++ % PLACEHOLDERS.length] : i === 4 ? 'soon' : ''));
  const sheetRows = rows.map((r, i) => ({ ...r, cancel: cancels[i] as never }));
  const table = parseCustomerTable(tableColumns(sheetRows), { timeZone: zone, firstRowNumber: 2 });
  const values = rows.map((r, i) => [String(r.id), r.signup, cancels[i] instanceof Date ? ymd.format(cancels[i] as Date) : cancels[i], r.revenue === '' || r.revenue === undefined ? null : r.revenue, r.segment === undefined || r.segment === '' ? null : String(r.segment), i + 1]);
  const columns: SqlTableColumns = { ...COLUMNS, cancel: { name: 'cancelled', type: 'string' } };

  it('DuckDB and BigQuery (ZetaSQL) read them as the sheet does: no cancel date, noted, not skipped', async () => {
    expect(k).toBeGreaterThan(PLACEHOLDERS.length);
    await db.loadRows('placeholders', [
      { name: 'customer', type: 'VARCHAR' }, { name: 'signed_up', type: 'TIMESTAMPTZ' }, { name: 'cancelled', type: 'VARCHAR' },
      { name: 'mrr', type: 'DOUBLE' }, { name: 'plan', type: 'VARCHAR' }, { name: 'line', type: 'BIGINT' },
    ], values);
    const zetaTable: ZetaTable = { path: ['placeholders'], columns: Object.values(columns).map((c) => c!), rows: values };
    const o: CohortOptions = { period: 'month', bySegment: true };
    const expected = computeCohortReport(table, o);
    // The sheet's own reading, said independently: the placeholders are notes, 'soon' is the one skipped row.
    expect(expected.skipped.notes.map((t) => [t.reason, t.count])).toEqual([['placeholder cancel date', k]]);
    expect(expected.skipped.reasons.map((t) => [t.reason, t.count])).toEqual([['not a date', 1]]);
    for (const d of [duckDb, bigQuery]) {
      const s = { ...sqlSettings(zone, o), today: null };
      const sql = tableQuery(d, { table: ['placeholders'] }, columns, s);
      const result = d.name === 'duckdb' ? await db.query(sql) : (await zeta.evaluate(sql, [zetaTable])).rows;
      const { report } = cohortReportFromRows(cohortResultRows(result.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)))), s, true, NAMES, 'table');
      expect(reportDifferences(report, expected), d.name).toEqual([]);
      expect(report.skipped.notes.map((t) => [t.reason, t.column, t.count]), d.name).toEqual([['placeholder cancel date', 'cancelled', k]]);
      expect(report.skipped.reasons.map((t) => [t.reason, t.column, t.count]), d.name).toEqual([['not a date', 'cancelled', 1]]);
    }
  });
});
