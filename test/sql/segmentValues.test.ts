/**
 * The segment list of the BigQuery cost to serve, read from the data: the query the sidebar sends
 * (src/core/sql/segmentValuesQuery.ts) run on ZetaSQL (BigQuery's dialect) and on DuckDB gives the most frequent
 * segment values (rows per value, most first, ties by name), capped, with the number of distinct values,
 * typed names beyond the cap, blank cells as "(blank)" and INT64 segments by their digits; and it reads the
 * segment column alone. Expected lists are counted here from the rows, in plain JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigQuery, duckDb, type SqlColumn } from '../../src/core/sql';
import { segmentValuesFromRows, segmentValuesQuery } from '../../src/core/sql/segmentValuesQuery';
import { ZetaSql, type ZetaTable } from '../../tools/zetasql/zetasql';
import { DuckDb } from '../../tools/duckdb/duckdb';

/** 230 segments s000 … s229 where s_i has 1 + (i * 7) % 13 rows (many ties), plus blank cells and spaces-only text. */
function textRows(): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < 230; i++) for (let k = 0; k < 1 + ((i * 7) % 13); k++) out.push(`s${String(i).padStart(3, '0')}`);
  for (let k = 0; k < 4; k++) out.push(null);
  out.push('   ');
  // Shuffled deterministically, so the order of appearance says nothing.
  return out.map((v, i) => [v, (i * 7919) % out.length] as const).sort((a, b) => a[1] - b[1]).map(([v]) => v);
}

/** The expected list: count per name (blank → "(blank)"), most rows first, ties by name. */
function expected(values: readonly (string | number | null)[], cap: number): { list: string[]; distinct: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const v of values) {
    const name = v === null || (typeof v === 'string' && v.trim() === '') ? '(blank)' : String(v);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([n]) => n);
  return { list: sorted.slice(0, cap), distinct: counts.size, counts };
}

const SEGMENT: SqlColumn = { name: 'channel', type: 'string' };
const OTHER: SqlColumn = { name: 'customer', type: 'string' };
const rows = textRows();
const table = (values: readonly unknown[], column: SqlColumn): ZetaTable => ({ path: ['orders'], columns: [OTHER, column], rows: values.map((v, i) => [`c${i}`, v]) });

let zeta: ZetaSql;
let db: DuckDb;
beforeAll(async () => {
  zeta = await ZetaSql.start();
  db = await DuckDb.open();
  await db.loadRows('orders', [{ name: 'customer', type: 'VARCHAR' }, { name: 'channel', type: 'VARCHAR' }], rows.map((v, i) => [`c${i}`, v]));
  await db.loadRows('orders_int', [{ name: 'customer', type: 'VARCHAR' }, { name: 'tier', type: 'BIGINT' }], [3, 3, 1, 7, 7, 7, null, 12].map((v, i) => [`c${i}`, v]));
});
afterAll(async () => {
  zeta?.stop();
  await db?.close();
});

describe('segment values query', () => {
  const want = expected(rows, 200);
  // Ranked 201st and later (the fewest rows): found only when typed; "s999" is in no row.
  const beyond = [...want.counts.keys()].filter((n) => !want.list.includes(n)).sort();

  it('sanity of the fixture: more distinct values than the cap, ties across the cut', () => {
    expect(want.distinct).toBe(231); // 230 names and "(blank)"
    expect(beyond.length).toBe(31);
    expect(want.counts.get('(blank)')).toBe(5);
    expect(beyond.some((n) => want.counts.get(n) === want.counts.get(want.list[199]))).toBe(true);
  });

  it('on ZetaSQL (BigQuery): the 200 most frequent in order, the distinct count, typed names beyond the cap', async () => {
    const sql = segmentValuesQuery(bigQuery, { table: ['orders'] }, SEGMENT, 200, [beyond[3], 's999', want.list[0]]);
    const result = await zeta.evaluate(sql, [table(rows, SEGMENT)]);
    const values = segmentValuesFromRows(result.rows, 200);
    expect(values.segments).toEqual(want.list);
    expect(values.distinct).toBe(231);
    expect(values.alsoFound).toEqual([beyond[3]]);
    expect(result.rows.map((r) => Number(r[1]))).toEqual([...want.list, beyond[3]].map((n) => want.counts.get(n)));
  });

  it('on ZetaSQL: the query reads the segment column alone (the bytes it bills are that column’s)', async () => {
    const sql = segmentValuesQuery(bigQuery, { table: ['orders'] }, SEGMENT, 200, ['x']);
    expect(await zeta.analyze(sql, [table(rows, SEGMENT)])).toEqual([{ path: ['orders'], columns: ['channel'] }]);
  });

  it('on ZetaSQL: a small column is listed whole; an INT64 segment by its digits; a query as the source', async () => {
    const few = ['web', 'shop', 'web', null, 'partner', 'web', 'shop'];
    const small = segmentValuesFromRows((await zeta.evaluate(segmentValuesQuery(bigQuery, { table: ['orders'] }, SEGMENT, 200), [table(few, SEGMENT)])).rows, 200);
    expect(small).toEqual({ segments: ['web', 'shop', '(blank)', 'partner'], alsoFound: [], distinct: 4 });
    const tier: SqlColumn = { name: 'tier', type: 'integer' };
    const ints = [3, 3, 1, 7, 7, 7, null, 12];
    const fromQuery = segmentValuesQuery(bigQuery, { query: 'SELECT customer, tier FROM orders WHERE customer IS NOT NULL' }, tier, 3);
    const values = segmentValuesFromRows((await zeta.evaluate(fromQuery, [table(ints, tier)])).rows, 3);
    expect(values).toEqual({ segments: expected(ints, 3).list, alsoFound: [], distinct: 5 });
    expect(values.segments).toEqual(['7', '3', '(blank)']);
  });

  it('on DuckDB: the same lists', async () => {
    const values = segmentValuesFromRows(await db.query(segmentValuesQuery(duckDb, { table: ['orders'] }, SEGMENT, 200, [beyond[0], 'nope'])), 200);
    expect(values).toEqual({ segments: want.list, alsoFound: [beyond[0]], distinct: 231 });
    const ints = segmentValuesFromRows(await db.query(segmentValuesQuery(duckDb, { table: ['orders_int'] }, { name: 'tier', type: 'integer' }, 2, ['12'])), 2);
    expect(ints).toEqual({ segments: ['7', '3'], alsoFound: ['12'], distinct: 5 });
  });
});
