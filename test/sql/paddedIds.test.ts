/**
 * Text ids padded with spaces (a fixed-width CHAR export) are the customer without them in the SQL
 * engines too, as on a sheet (test/bundle/paddedIds.test.ts): by the cohort query and the customer
 * table query, in DuckDB's dialect and BigQuery's on ZetaSQL. Expected counts by hand from the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, cohortQuery, cohortResultRows, duckDb, tableQuery, type SqlDialect, type SqlLogColumns, type SqlTableColumns } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql } from '../../tools/zetasql/zetasql';

const ZONE = 'Europe/Prague';
const text = (name: string) => ({ name, type: 'string' as const });
const LOG: SqlLogColumns = { id: text('customer_id'), date: text('order_date'), amount: null, segment: null };
// One customer "A1" buying in January, February and March, written three ways; "B2" in January only.
const LOG_ROWS: unknown[][] = [
  ['A1', '2024-01-05'],
  ['B2  ', '2024-01-09'],
  ['A1 ', '2024-02-03'],
  ['  A1', '2024-03-07'],
];
const TABLE: SqlTableColumns = { id: text('customer_id'), signup: text('signup'), cancel: text('cancel'), revenue: null, segment: null };
const TABLE_ROWS: unknown[][] = [
  ['A1 ', '2024-01-05', ''],
  ['B2', '2024-01-20', ''],
  ['A1', '2024-02-01', ''], // the same customer again: a duplicate
];
const settings = { period: 'month' as const, weekStart: 'monday' as const, timeZone: ZONE, mode: 'in' as const, lapseAfter: 1, refundsAreActivity: false, asOfDay: null, segment: null, bySegment: false };

let db: DuckDb;
let zeta: ZetaSql;
beforeAll(async () => {
  db = await DuckDb.open();
  zeta = await ZetaSql.start();
  await db.loadRows('orders', ['customer_id', 'order_date'].map((name) => ({ name, type: 'VARCHAR' as const })), LOG_ROWS);
  await db.loadRows('customers', ['customer_id', 'signup', 'cancel'].map((name) => ({ name, type: 'VARCHAR' as const })), TABLE_ROWS);
});
afterAll(() => {
  db?.close();
  zeta?.stop();
});

const engines: [string, SqlDialect, (sql: string) => Promise<unknown[][]>][] = [
  ['DuckDB', duckDb, async (sql) => (await db.query(sql)) as unknown[][]],
  ['BigQuery on ZetaSQL', bigQuery, async (sql) => (await zeta.evaluate(sql, [
    { path: ['orders'], columns: [LOG.id, LOG.date], rows: LOG_ROWS },
    { path: ['customers'], columns: [TABLE.id, TABLE.signup, TABLE.cancel!], rows: TABLE_ROWS },
  ])).rows],
];

describe.each(engines)('%s', (_name, d, run) => {
  it('a log: "A1", "A1 " and "  A1" are one customer, so January\'s cohort is 2 and keeps A1 in February and March', async () => {
    const rows = cohortResultRows(await run(cohortQuery(d, { table: ['orders'] }, LOG, settings)));
    const sizes = rows.filter((r) => r.kind === 'size').map((r) => r.customers);
    expect(sizes).toEqual([2]);
  });

  it('a customer table: "A1" after "A1 " is a duplicate', async () => {
    const rows = cohortResultRows(await run(tableQuery(d, { table: ['customers'] }, TABLE, { ...settings, today: 19_800 })));
    const skips = Object.fromEntries(rows.filter((r) => r.kind === 'skip').map((r) => [r.label, r.customers]));
    expect(skips).toEqual({ 'duplicate customer': 1 });
  });
});
