/**
 * Customer value from SQL: the grouped RFM rows (a few thousand, whatever the number of customers)
 * give the same fitted BG/NBD and Gamma-Gamma models as the in-sheet path fitting the whole log —
 * on CDNOW through DuckDB, and on a seeded log with refunds and missing amounts through the BigQuery
 * dialect on ZetaSQL.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTransactionLog } from '../../src/core/cohorts/index';
import { scoreParsedLog } from '../../src/core/models/index';
import { bigQuery, customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type SqlLogColumns } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { generateLog, logColumns, mulberry32 } from '../core/cohorts/generate';
import { CDNOW_LOG, readCdnow } from '../support/cdnow';
import { LOG_COLUMNS, logTableRows } from './fixtures';
import { zonedMidnight } from './zonedMidnight';

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  [db, zeta] = await Promise.all([DuckDb.open(), ZetaSql.start()]);
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

function expectSameFit(sql: ReturnType<typeof customerValueModelFromRows>, sheet: ReturnType<typeof scoreParsedLog>): void {
  for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(rel(sql.bgNbd.params[k], sheet.bgNbd.params[k]), k).toBeLessThan(1e-7);
  for (const k of ['p', 'q', 'v'] as const) expect(rel(sql.gammaGamma.params[k], sheet.gammaGamma.params[k]), k).toBeLessThan(1e-7);
  expect(rel(sql.bgNbd.logLikelihood, sheet.bgNbd.logLikelihood)).toBeLessThan(1e-10);
  expect(rel(sql.gammaGamma.logLikelihood, sheet.gammaGamma.logLikelihood)).toBeLessThan(1e-10);
  expect(sql.customers).toBe(sheet.summary.customers);
  expect(sql.gammaGamma.customers).toBe(sheet.summary.spendCustomers);
  expect(sql.leftOutOfSpend).toEqual(sheet.summary.leftOutOfSpend);
  expect(sql.rowsAfterEnd).toBe(sheet.summary.rowsAfterEnd);
  expect(sql.endDay).toBe(sheet.summary.endDay);
  expect(rel(sql.spendFrequencyCorrelation, sheet.summary.spendFrequencyCorrelation)).toBeLessThan(1e-9);
  expect([sql.bgNbd.converged, sql.gammaGamma.converged]).toEqual([sheet.bgNbd.converged, sheet.gammaGamma.converged]);
}

describe('CDNOW through DuckDB, observation to 1997-09-30', () => {
  const ZONE = 'America/New_York';
  const cdnow = readCdnow();
  const log = parseTransactionLog(
    { customerIds: cdnow.map((r) => r.id), dates: cdnow.map((r) => new Date(zonedMidnight(r.year, r.month, r.day, ZONE))), amounts: cdnow.map((r) => r.amount) },
    { timeZone: ZONE, firstRowNumber: 2 },
  );
  const endDay = Date.UTC(1997, 8, 30) / 86_400_000;
  const columns: SqlLogColumns = { id: { name: 'Customer ID', type: 'string' }, date: { name: 'Date', type: 'date' }, amount: { name: 'Amount', type: 'float' } };

  it('fits on a few thousand grouped rows the model the sheet fits on 69,659 rows', async () => {
    await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
    const rows = rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['cdnow'] }, columns, { timeZone: ZONE, endDay, refundsAreActivity: false })));
    const model = customerValueModelFromRows(rows);
    expect(model.rowsRead).toBe(69_659);
    expect(model.customers).toBe(23_570);
    expect(model.histories).toBeLessThan(10_000); // 8,685 distinct (x, t_x, T) for 23,570 customers
    const sheet = scoreParsedLog(log, { endDay, horizonMonths: 12, monthlyDiscountRate: 0.01 });
    expectSameFit(model, sheet);
    // docs/models.md: r = 0.252, α = 4.789, a = 0.723, b = 2.161; p = 6.275, q = 3.624, v = 14.984 on 9,450 customers.
    expect(model.bgNbd.params.r.toFixed(3)).toBe('0.252');
    expect(model.gammaGamma.customers).toBe(9450);
    expect(model.bgNbd.converged && model.gammaGamma.converged).toBe(true);
  });
});

describe('a seeded log with refunds and missing amounts, BigQuery dialect on ZetaSQL', () => {
  const zone = 'Pacific/Auckland';
  // Spend that varies between customers (each has a level, lognormal), so the Gamma-Gamma fit has a finite optimum.
  const rand = mulberry32(99);
  const level = new Map<string, number>();
  const rows = generateLog({ seed: 4242, zone, customers: 400, amounts: true }).map((r) => {
    if (typeof r.amount !== 'number' || r.amount < 0) return r;
    const key = String(r.id);
    if (!level.has(key)) level.set(key, 20 * Math.exp(Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()) * 0.6));
    return { ...r, amount: Math.round(level.get(key)! * (0.5 + rand()) * 100) / 100 };
  });
  const log = parseTransactionLog(logColumns(rows), { timeZone: zone, firstRowNumber: 2 });
  const table: ZetaTable = { path: ['orders'], columns: [LOG_COLUMNS.id, LOG_COLUMNS.date, LOG_COLUMNS.amount!], rows: logTableRows(rows).map((r) => r.slice(0, 3)) };
  const columns: SqlLogColumns = { id: LOG_COLUMNS.id, date: LOG_COLUMNS.date, amount: LOG_COLUMNS.amount };

  for (const endDay of [null, log.lastDay - 120]) {
    it(`observation end ${endDay === null ? 'the last day' : 'four months before it'}`, async () => {
      const result = await zeta.evaluate(rfmQuery(bigQuery, { table: ['orders'] }, columns, { timeZone: zone, endDay, refundsAreActivity: false }), [table]);
      const model = customerValueModelFromRows(rfmResultRows(result.rows));
      const sheet = scoreParsedLog(log, { endDay: endDay ?? undefined, horizonMonths: 12, monthlyDiscountRate: 0.01 });
      expect(sheet.summary.leftOutOfSpend.refunds + sheet.summary.leftOutOfSpend.missingAmounts).toBeGreaterThan(0);
      expectSameFit(model, sheet);
    });
  }
});

describe('refunds in the RFM rows (worked by hand)', () => {
  // Customer a: day 1 buys 10; day 2 only a refund of 5; day 3 buys 20 and returns 3 (net 17).
  const rows = [['a', 1, 10], ['a', 2, -5], ['a', 3, 20], ['a', 3, -3]];
  const columns: SqlLogColumns = { id: { name: 'id', type: 'string' }, date: { name: 'day', type: 'date' }, amount: { name: 'amount', type: 'float' } };
  const summary = async (refundsAreActivity: boolean) => {
    await db.loadRows('refunds', [{ name: 'id', type: 'VARCHAR' }, { name: 'day', type: 'DATE' }, { name: 'amount', type: 'DOUBLE' }], rows);
    const out = rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['refunds'] }, columns, { timeZone: 'UTC', endDay: null, refundsAreActivity })));
    const pick = (kind: string) => out.filter((r) => r.kind === kind).map(({ kind: _k, ...r }) => r);
    return { history: pick('history'), spend: pick('spend'), totals: pick('totals')[0], bounds: pick('bounds')[0] };
  };

  it('a day of refunds only is no purchase; a mixed day is one, at its net amount', async () => {
    const s = await summary(false);
    expect(s.history).toEqual([{ x: 1, tx: 2, age: 2, customers: 1, amount: null }]);
    expect(s.spend).toEqual([{ x: 1, tx: null, age: null, customers: 1, amount: 17 }]);
    expect(s.totals).toMatchObject({ x: 0, tx: 0, age: 0, customers: 1, amount: 22 });
    expect(s.bounds.amount).toBe(1); // one refund-only day
  });

  it('with refunds counted as purchases, the refund day is a repeat purchase left out of the spend model', async () => {
    const s = await summary(true);
    expect(s.history).toEqual([{ x: 2, tx: 2, age: 2, customers: 1, amount: null }]);
    expect(s.spend).toEqual([{ x: 1, tx: null, age: null, customers: 1, amount: 17 }]);
    expect(s.totals).toMatchObject({ x: 1, tx: 0, age: 0, customers: 1, amount: 22 });
    expect(s.bounds.amount).toBe(0);
  });
});
