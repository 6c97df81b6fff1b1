/**
 * The Gamma-Gamma input of the SQL path is bounded: exact (spend count, spend sum) rows while they are at
 * most `spendRows` (MAX_SPEND_ROWS by default), else bins of (count, m̄ to 3 significant digits), each with
 * its customers and their mean m̄, while those are at most as many, else a coarse logarithmic grid of at most
 * `spendRows` cells. On CDNOW through DuckDB the fine bins' fit is the exact one to 1e-5 and the published
 * p, q, v, the coarse grid's within 2 %; BigQuery's text on ZetaSQL bins a seeded log as DuckDB does, in both tiers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type RfmRow, type SqlLogColumns } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql } from '../../tools/zetasql/zetasql';
import { CDNOW_LOG } from '../support/cdnow';
import { LOG_COLUMNS, loadLogTable, zetaOrders } from './fixtures';
import { simulate } from './simulatedLog';

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  db = await DuckDb.open();
  zeta = await ZetaSql.start();
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

const spendRows = (rows: RfmRow[]) => rows.filter((r) => r.kind === 'spend');
const total = (rows: RfmRow[], f: (r: RfmRow) => number) => spendRows(rows).reduce((s, r) => s + f(r), 0);

describe('CDNOW to 1997-09-30 through DuckDB', () => {
  const columns: SqlLogColumns = { id: { name: 'Customer ID', type: 'string' }, date: { name: 'Date', type: 'date' }, amount: { name: 'Amount', type: 'float' } };
  const endDay = Date.UTC(1997, 8, 30) / 86_400_000;
  const run = async (limit?: number) =>
    rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['cdnow'] }, columns, { timeZone: 'UTC', endDay, refundsAreActivity: false, ...(limit === undefined ? {} : { spendRows: limit }) })));

  it('bins the spend rows past the limit: fewer rows, the same customers and spend, the same fit', async () => {
    await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
    const exact = await run();
    const binned = await run(4000); // 5,983 pairs, 3,370 fine bins
    const pairs = new Set(spendRows(exact).map((r) => `${r.x} ${r.amount}`));
    expect(pairs.size).toBe(spendRows(exact).length); // exact: one row per distinct (count, sum)
    expect(pairs.size).toBeGreaterThan(4000);
    expect(spendRows(binned).length).toBeLessThan(pairs.size);
    // Every bin is one (count, m̄ to 3 significant digits) — bar a few at the edge of a decade (999.6 rounds up to
    // 1000 among the hundreds, beside the bin of 1000–1005) — and holds what its customers spent.
    const keys = spendRows(binned).map((r) => `${r.x} ${(r.amount! / r.x!).toPrecision(3)}`);
    expect(new Set(keys).size).toBeGreaterThan(0.99 * keys.length);
    expect(total(binned, (r) => r.customers!)).toBe(9450);
    expect(total(binned, (r) => r.customers!)).toBe(total(exact, (r) => r.customers!));
    expect(total(binned, (r) => r.customers! * r.amount!)).toBeCloseTo(total(exact, (r) => r.customers! * r.amount!), 4);
    const [a, b] = [customerValueModelFromRows(exact).gammaGamma, customerValueModelFromRows(binned).gammaGamma];
    for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(b.params[k] / a.params[k] - 1), k).toBeLessThan(1e-5);
    // docs/models.md: p = 6.275, q = 3.624, v = 14.984 on 9,450 customers.
    expect([b.params.p.toFixed(3), b.params.q.toFixed(3), b.params.v.toFixed(3), b.customers]).toEqual(['6.275', '3.624', '14.984', 9450]);
    expect(b.converged).toBe(true);
    // At or above the number of pairs, the rows stay exact.
    expect(spendRows(await run(pairs.size)).length).toBe(pairs.size);
  });

  it('past the limit in fine bins too, a coarse grid of at most the limit: the same customers and mean m̄, the fit within 2 %', async () => {
    const exact = await run();
    expect(spendRows(await run(4000)).length).toBe(3370); // more fine bins than the limits below
    const meanSpend = (rows: RfmRow[]) => total(rows, (r) => (r.customers! * r.amount!) / r.x!); // Σ customers × m̄
    for (const limit of [1000, 100, 10]) {
      const coarse = await run(limit);
      expect(spendRows(coarse).length, String(limit)).toBeLessThanOrEqual(limit);
      expect(total(coarse, (r) => r.customers!)).toBe(9450);
      expect(meanSpend(coarse) / meanSpend(exact) - 1).toBeCloseTo(0, 10);
      for (const r of spendRows(coarse)) expect(Number.isInteger(r.x) && r.x! >= 1 && r.amount! > 0).toBe(true);
      if (limit < 1000) continue;
      // 243 cells of a 31 × 31 grid: p, q, v within 2 % of the exact fit (measured: 1.2 %, 0.5 %, 0.5 %).
      const [a, b] = [customerValueModelFromRows(exact).gammaGamma, customerValueModelFromRows(coarse).gammaGamma];
      for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(b.params[k] / a.params[k] - 1), k).toBeLessThan(0.02);
      expect(b.converged).toBe(true);
    }
  });
});

describe('a seeded log: BigQuery text on ZetaSQL bins as DuckDB does', () => {
  const rows = simulate(23, 300);
  const columns: SqlLogColumns = { id: LOG_COLUMNS.id, date: LOG_COLUMNS.date, amount: LOG_COLUMNS.amount };
  const base = { timeZone: 'Europe/Prague', endDay: null, refundsAreActivity: false };

  // 167 pairs, 161 fine bins: a limit of 166 bins finely, one of 40 coarsely.
  it.each([['fine', 166], ['coarse', 40]] as const)('%s: the same bins, customers and mean spend', async (tier, limit) => {
    const settings = { ...base, spendRows: limit };
    await loadLogTable(db, 'orders', rows);
    const duck = rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['orders'] }, columns, settings)));
    const zetaRows = rfmResultRows((await zeta.evaluate(rfmQuery(bigQuery, { table: ['orders'] }, columns, settings), [zetaOrders(rows)])).rows);
    const exact = rfmResultRows(await db.query(rfmQuery(duckDb, { table: ['orders'] }, columns, { ...settings, spendRows: 1e9 })));
    expect(spendRows(exact).length).toBeGreaterThan(limit);
    expect(spendRows(duck).length).toBeLessThanOrEqual(limit);
    // Fine bins: one (count, m̄ to 3 digits) each (the coarse grid has none finer than 40 cells: 6 × 6 here).
    if (tier === 'fine') expect(new Set(spendRows(duck).map((r) => `${r.x} ${(r.amount! / r.x!).toPrecision(3)}`)).size).toBe(spendRows(duck).length);
    else expect(spendRows(duck).length).toBeLessThanOrEqual(36);
    const key = (r: RfmRow) => `${r.x} ${(r.amount! / r.x!).toPrecision(3)} ${r.customers}`;
    expect(spendRows(zetaRows).map(key).sort()).toEqual(spendRows(duck).map(key).sort());
    const byKey = new Map(spendRows(duck).map((r) => [key(r), r.amount!]));
    for (const r of spendRows(zetaRows)) expect(r.amount!).toBeCloseTo(byKey.get(key(r))!, 9);
    // Fine bins hold what their customers spent; coarse cells their customers' mean m̄.
    const sum = tier === 'fine' ? (r: RfmRow) => r.customers! * r.amount! : (r: RfmRow) => (r.customers! * r.amount!) / r.x!;
    expect(total(duck, sum)).toBeCloseTo(total(exact, sum), 6);
  });
});
