/**
 * Customer value at warehouse scale (src/core/sql/valueQuery.ts): the group rows and the candidates give
 * the very sheet the per-customer rows give — totals, top customers by CLV, the at-risk and lapsed lists
 * (their lengths, and their first rows in the same order), CLV by segment, the model's warnings — while
 * bringing back a bounded number of rows. On CDNOW and a seeded log through DuckDB, and the BigQuery
 * text on ZetaSQL; with the sheet's row limits and with small ones, so the cuts are exercised.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, customerQuery, customerValueModelFromRows, duckDb, rfmQuery, type SqlDialect, type SqlLogColumns, type SqlSource } from '../../src/core/sql';
import { candidatePlan, valueGroupRows } from '../../src/core/sql/narrowing';
import { valueCandidatesQuery, valueGroupsQuery } from '../../src/core/sql/valueQuery';
import { sqlCustomerValueTables, type SqlCustomerValueRequest } from '../../src/addon/sqlCustomerValue';
import type { AtRiskOptions, CostRateSettings } from '../../src/core/models';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql } from '../../tools/zetasql/zetasql';
import { CDNOW_LOG } from '../support/cdnow';
import { LOG_COLUMNS, loadLogTable, zetaOrders } from './fixtures';
import { BAD_ROWS, simulate } from './simulatedLog';

const ZONE = 'Europe/Prague';
const ROWS = [...simulate(4242, 1500), ...BAD_ROWS];

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  [db, zeta] = await Promise.all([DuckDb.open(), ZetaSql.start()]);
  await loadLogTable(db, 'orders', ROWS);
  await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

const plain = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
// The two paths fit the models twice, on the same histories summed in another order (DuckDB's threads
// decide it): the fits stop where the likelihood is flat to floating-point resolution, a few 1e-9 apart
// (3.3e-9 on CDNOW's total CLV in one CI run), and the parameters are held to 1e-6 below. What the fit
// decides (P(alive), CLV, expected loss) is held to that; what it does not (past value, days) to 1e-9.
const FITTED = 1e-6;

interface Case {
  d: SqlDialect;
  run: (sql: string) => Promise<unknown[][]>;
  source: SqlSource;
  columns: SqlLogColumns;
  endDay: number | null;
  lists: AtRiskOptions;
  limits: { topRows: number; listRows: number };
  /** A cost to serve: both paths net of it. */
  costs?: CostRateSettings;
}

async function bothPaths(c: Case) {
  const s = { timeZone: ZONE, endDay: c.endDay, refundsAreActivity: false };
  const horizon = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const base = {
    ...horizon, lists: c.lists, asOfChosen: false, sourceDescription: 'test', columnLines: [], segmentColumn: c.columns.segment ? 'segment' : '',
    names: { id: 'customer', date: 'ordered_at', amount: 'amount' }, costs: c.costs,
  } satisfies Partial<SqlCustomerValueRequest>;
  const customerRows = await c.run(customerQuery(c.d, c.source, c.columns, s));
  const modelRows = await c.run(rfmQuery(c.d, c.source, c.columns, s));
  const full = sqlCustomerValueTables({ ...base, modelRows, customerRows, ...(c.columns.cost ? { costColumn: c.columns.cost.name } : {}) });
  const settings = { ...s, topShare: c.lists.topShare };
  const groupRows = await c.run(valueGroupsQuery(c.d, c.source, c.columns, settings));
  const groups = valueGroupRows(groupRows);
  const plan = candidatePlan(groups, customerValueModelFromRows(groups.rfm), horizon, c.lists, c.limits, c.costs ?? null, Boolean(c.columns.cost));
  const candidates = await c.run(valueCandidatesQuery(c.d, c.source, c.columns, { ...settings, ...plan }));
  const narrowed = sqlCustomerValueTables({
    ...base, modelRows: groupRows, customerRows: candidates, narrowed: true, limits: c.limits, ...(c.columns.cost ? { costColumn: c.columns.cost.name } : {}),
  });
  return {
    full, narrowed, customers: customerRows.length, candidates: candidates.length, groups: groups.groups.length, topGroups: plan.topGroups.length, grid: Boolean(plan.riskGrid),
    before: modelRows.length + customerRows.length, after: groupRows.length + candidates.length,
  };
}

function expectSameSheet({ full, narrowed }: Awaited<ReturnType<typeof bothPaths>>, limits: Case['limits']): void {
  const f = full.tables;
  const n = narrowed.tables;
  expect(n.scored).toBe(f.scored);
  expect(rel(n.totalClv, f.totalClv)).toBeLessThan(FITTED);
  expect(rel(n.totalPastValue, f.totalPastValue)).toBeLessThan(1e-9);
  expect(n.topShare).toEqual({ ...f.topShare, threshold: expect.closeTo(f.topShare.threshold, 6) });
  // The lists' lengths, and their first rows: the same customers, in the same order, with the same numbers.
  expect([n.atRiskCount, n.lapsedCount]).toEqual([f.atRisk.length, f.lapsed.length]);
  const ids = (t: typeof f, v: typeof full, which: number[]) => which.map((i) => String(v.ids[i]));
  expect(ids(n, narrowed, n.top)).toEqual(ids(f, full, f.top.slice(0, limits.topRows)));
  for (const list of ['atRisk', 'lapsed'] as const) {
    const want = f[list].slice(0, limits.listRows);
    expect(n[list].map((r) => String(narrowed.ids[r.index])), list).toEqual(want.map((r) => String(full.ids[r.index])));
    n[list].forEach((r, k) => {
      for (const key of ['pastValue', 'daysSinceLast'] as const) expect(rel(r[key], want[k][key]), `${list} ${k} ${key}`).toBeLessThan(1e-9);
      for (const key of ['probabilityAlive', 'expectedLoss', 'clv', 'clvIfActive', 'costIfActive', 'netIfActive'] as const) {
        if (!f.hasCosts && (key === 'costIfActive' || key === 'netIfActive')) continue;
        expect(rel(r[key], want[k][key]), `${list} ${k} ${key}`).toBeLessThan(FITTED);
      }
    });
  }
  n.top.forEach((i, k) => expect(rel(narrowed.result.customers.clv[i], full.result.customers.clv[f.top[k]])).toBeLessThan(FITTED));
  expect(n.segments?.map((s) => [s.name, s.customers])).toEqual(f.segments?.map((s) => [s.name, s.customers]));
  n.segments?.forEach((s, k) => expect(rel(s.clvSum, f.segments![k].clvSum)).toBeLessThan(FITTED));
  // With a cost to serve: the total and each segment's cost and net value (the segments ordered by it, above).
  expect(n.hasCosts).toBe(f.hasCosts);
  if (f.hasCosts) {
    expect(f.totalCost).toBeGreaterThan(0);
    expect(rel(n.totalCost, f.totalCost)).toBeLessThan(FITTED);
    n.segments?.forEach((s, k) => {
      for (const key of ['costSum', 'netSum', 'netMean'] as const) expect(rel(s[key], f.segments![k][key]), `${s.name} ${key}`).toBeLessThan(FITTED);
    });
    // The note under the at-risk list: how many of them cost more to serve than they bring (over the whole list).
    expect(n.atRiskNegative).toBe(f.atRisk.filter((r) => r.netIfActive < 0).length);
  } else expect(Number.isNaN(n.totalCost)).toBe(true);
  // The model block: every customer's counts (not the candidates'), the same fit (fitted again on rows grouped in another order).
  const a = narrowed.result.summary;
  const b = full.result.summary;
  for (const key of ['customers', 'spendCustomers', 'bgNbdConverged', 'gammaGammaConverged', 'leftOutOfSpend', 'rowsAfterEnd', 'endDay', 'warnings'] as const) expect(a[key], key).toEqual(b[key]);
  for (const key of ['r', 'alpha', 'a', 'b', 'spendFrequencyCorrelation'] as const) expect(rel(a[key], b[key]), key).toBeLessThan(1e-6);
  // Gamma-Gamma's likelihood is a long flat ridge along which p and v grow together (q follows): before the
  // fits were polished by Newton steps (src/core/models/newtonPolish.ts) one CI run stopped 3.8e-6 apart in
  // p on it; both fits now agree to ~1e-11. What the ridge keeps fixed, the mean spend p·v/(q − 1), is held
  // like the CLVs it decides; p, q, v, which the ridge leaves freest, to 1e-4.
  expect(rel((a.p * a.v) / (a.q - 1), (b.p * b.v) / (b.q - 1)), 'mean spend p·v/(q − 1)').toBeLessThan(FITTED);
  for (const key of ['p', 'q', 'v'] as const) expect(rel(a[key], b[key]), key).toBeLessThan(1e-4);
}

const duck = (source: SqlSource, columns: SqlLogColumns) => ({ d: duckDb, source, columns, run: async (sql: string) => plain(await db.query(sql)) });
const CDNOW_COLUMNS: SqlLogColumns = { id: { name: 'Customer ID', type: 'string' }, date: { name: 'Date', type: 'date' }, amount: { name: 'Amount', type: 'float' } };
const DEFAULT_LISTS = { topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1 };
const SHEET_LIMITS = { topRows: 100, listRows: 5000 };

describe('narrowed customer value = every customer', () => {
  it('CDNOW through DuckDB, to 1997-09-30 and to the end, the sheet’s limits and small ones', async () => {
    const figures: string[] = [];
    for (const endDay of [Date.UTC(1997, 8, 30) / 86_400_000, null]) {
      for (const limits of [SHEET_LIMITS, { topRows: 7, listRows: 40 }]) {
        const r = await bothPaths({ ...duck({ table: ['cdnow'] }, CDNOW_COLUMNS), endDay, lists: DEFAULT_LISTS, limits });
        expectSameSheet(r, limits);
        expect(r.customers).toBe(23_570);
        figures.push(`end ${endDay ?? 'last day'}, limits ${limits.topRows}/${limits.listRows}: ${r.customers} customer rows → ${r.candidates} candidates (${r.groups} group rows; ${r.topGroups} top groups; at risk ${r.narrowed.tables.atRiskCount}, lapsed ${r.narrowed.tables.lapsedCount}); both queries' rows ${r.before} → ${r.after}`);
        // The bound: the at-risk list, the lapsed list's first rows (ties and a hair around the floor), the top groups' first rows.
        expect(r.candidates).toBeLessThanOrEqual(r.narrowed.tables.atRiskCount! + limits.listRows + 50 + r.topGroups * limits.topRows);
        // A list longer than the sheet shows is cut in the query too: far fewer rows than its length.
        if (r.narrowed.tables.atRiskCount! > limits.listRows) expect(r.candidates).toBeLessThan(r.narrowed.tables.atRiskCount! / 2);
      }
    }
    console.log(`CDNOW rows brought back:\n  ${figures.join('\n  ')}`);
  });

  it('a seeded log with segments, refunds and missing amounts through DuckDB, other thresholds', async () => {
    for (const lists of [DEFAULT_LISTS, { topShare: 0.5, aliveBelow: 0.7, aliveFloor: 0.3 }]) {
      for (const limits of [SHEET_LIMITS, { topRows: 5, listRows: 12 }]) {
        const r = await bothPaths({ ...duck({ table: ['orders'] }, { ...LOG_COLUMNS, order: null }), endDay: null, lists, limits });
        expect(r.full.tables.atRisk.length).toBeGreaterThan(limits.listRows > 100 ? 10 : limits.listRows);
        expectSameSheet(r, limits);
        expect(r.candidates).toBeLessThan(r.customers);
      }
    }
  });

  it('with a cost to serve: net values, totals, the at-risk list by loss of net value, segments by net value (DuckDB)', async () => {
    // CDNOW (no segments): 20 % of revenue and 4 a month; the at-risk list cut at 40, so the query bounds the loss of net value.
    const flat: CostRateSettings = { all: { revenueShare: 0.2, perCustomerMonth: 4 }, segments: [] };
    const limits = { topRows: 7, listRows: 40 };
    const cdnow = await bothPaths({ ...duck({ table: ['cdnow'] }, CDNOW_COLUMNS), endDay: Date.UTC(1997, 8, 30) / 86_400_000, lists: DEFAULT_LISTS, limits, costs: flat });
    expect(cdnow.grid).toBe(true);
    expectSameSheet(cdnow, limits);
    expect(cdnow.narrowed.tables.atRiskCount).toBeGreaterThan(limits.listRows * 10);
    expect(cdnow.candidates).toBeLessThan(cdnow.narrowed.tables.atRiskCount! / 2);
    // Serving 105 of the 1,170 at risk costs more than they bring: more than the 87 candidates, so the query counted them.
    expect(cdnow.full.tables.atRiskNegative).toBeGreaterThan(cdnow.candidates);
    // CDNOW's CDs per order as the cost column (a cost of 1 per CD shipped), and 1 a month.
    const withColumn = await bothPaths({
      ...duck({ table: ['cdnow'] }, { ...CDNOW_COLUMNS, cost: { name: 'CDs', type: 'integer' } }), endDay: Date.UTC(1997, 8, 30) / 86_400_000, lists: DEFAULT_LISTS, limits,
      costs: { all: { revenueShare: 0, perCustomerMonth: 1 }, segments: [] },
    });
    expect(withColumn.grid).toBe(true);
    expectSameSheet(withColumn, limits);
    expect(withColumn.full.tables.totalCost).toBeGreaterThan(cdnow.full.tables.totalCost / 100);
    expect(withColumn.full.tables.atRiskNegative).toBeGreaterThan(0);
    // The cost column alone (no rates): the query keeps all of the revenue and subtracts the cost per purchase day.
    const columnOnly = await bothPaths({
      ...duck({ table: ['cdnow'] }, { ...CDNOW_COLUMNS, cost: { name: 'CDs', type: 'integer' } }), endDay: Date.UTC(1997, 8, 30) / 86_400_000, lists: DEFAULT_LISTS, limits,
    });
    expect(columnOnly.grid).toBe(true);
    expect(columnOnly.full.tables.hasCosts).toBe(true);
    expectSameSheet(columnOnly, limits);
    console.log(`CDNOW, CDs as the cost column and 1 a month: at risk ${withColumn.full.tables.atRisk.length} (${withColumn.full.tables.atRiskNegative} negative), ${withColumn.candidates} candidates; total cost ${withColumn.full.tables.totalCost.toFixed(2)} of CLV ${withColumn.full.tables.totalClv.toFixed(2)}`);
    // The seeded log: per segment (one line costs more than some customers bring), with the sheet's limits and cut lists.
    const bySegment: CostRateSettings = {
      all: { revenueShare: 0.1, perCustomerMonth: 0.05 },
      segments: [{ name: 'VIP', revenueShare: 0.05, perCustomerMonth: 8 }, { name: 'B', revenueShare: 0.5, perCustomerMonth: null }, { name: '(blank)', revenueShare: null, perCustomerMonth: 0 }],
    };
    for (const limits of [SHEET_LIMITS, { topRows: 5, listRows: 12 }]) {
      const r = await bothPaths({ ...duck({ table: ['orders'] }, { ...LOG_COLUMNS, order: null }), endDay: null, lists: DEFAULT_LISTS, limits, costs: bySegment });
      expect(r.grid).toBe(limits.listRows < 100);
      expectSameSheet(r, limits);
      expect(r.full.tables.atRisk.some((row) => row.netIfActive < 0)).toBe(true);
    }
  });

  it("BigQuery's text on ZetaSQL: the same sheet", async () => {
    // ZetaSQL's reference evaluator is slow: a smaller log.
    const rows = [...simulate(99, 400), ...BAD_ROWS];
    const table = zetaOrders(rows);
    const run = async (sql: string) => (await zeta.evaluate(sql, [table])).rows as unknown[][];
    const limits = { topRows: 5, listRows: 8 };
    const r = await bothPaths({ d: bigQuery, run, source: { table: ['orders'] }, columns: { ...LOG_COLUMNS, order: null }, endDay: null, lists: DEFAULT_LISTS, limits });
    expectSameSheet(r, limits);
    expect(r.candidates).toBeLessThan(r.customers / 2);
    // With a cost to serve per segment: the bounds of the loss of net value and the count of negative ones, in BigQuery's dialect.
    const costs: CostRateSettings = { all: { revenueShare: 0.1, perCustomerMonth: 0.5 }, segments: [{ name: 'VIP', revenueShare: 0.05, perCustomerMonth: 8 }] };
    const withCosts = await bothPaths({ d: bigQuery, run, source: { table: ['orders'] }, columns: { ...LOG_COLUMNS, order: null }, endDay: null, lists: DEFAULT_LISTS, limits, costs });
    expect(withCosts.grid).toBe(true);
    expectSameSheet(withCosts, limits);
    console.log(`ZetaSQL with costs: ${withCosts.customers} customers → ${withCosts.candidates} candidates; at risk ${withCosts.full.tables.atRisk.length}, of them negative ${withCosts.full.tables.atRiskNegative}`);
    // And a cost column (a cost per row, some blank).
    const costTable = { ...table, columns: [...table.columns, { name: 'cost', type: 'float' as const }], rows: table.rows.map((r, i) => [...r, i % 9 === 0 ? null : 0.5 + (i % 4)]) };
    const runCost = async (sql: string) => (await zeta.evaluate(sql, [costTable])).rows as unknown[][];
    const withColumn = await bothPaths({
      d: bigQuery, run: runCost, source: { table: ['orders'] }, columns: { ...LOG_COLUMNS, order: null, cost: { name: 'cost', type: 'float' } }, endDay: null, lists: DEFAULT_LISTS, limits, costs,
    });
    expect(withColumn.grid).toBe(true);
    expectSameSheet(withColumn, limits);
    expect(withColumn.full.tables.totalCost).toBeGreaterThan(withCosts.full.tables.totalCost);
  });
});
