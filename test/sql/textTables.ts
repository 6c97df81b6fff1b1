/**
 * Tables of text columns (as a CSV arrives) in both SQL engines, for the tests that run one query on each:
 * loaded into DuckDB as VARCHAR, and handed to ZetaSQL (BigQuery's GoogleSQL) as STRING. Registers the
 * engines' start and stop with the test file's beforeAll/afterAll.
 */
import { afterAll, beforeAll } from 'vitest';
import { bigQuery, duckDb, type SqlDialect } from '../../src/core/sql';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { ZetaSql } from '../../tools/zetasql/zetasql';

export interface TextTable {
  name: string;
  columns: readonly string[];
  rows: unknown[][];
}

export type Engine = [name: string, dialect: SqlDialect, run: (sql: string) => Promise<unknown[][]>];

export function enginesOnTextTables(tables: readonly TextTable[]): Engine[] {
  let db: DuckDb;
  let zeta: ZetaSql;
  beforeAll(async () => {
    db = await DuckDb.open();
    zeta = await ZetaSql.start();
    for (const t of tables) await db.loadRows(t.name, t.columns.map((name) => ({ name, type: 'VARCHAR' as const })), t.rows);
  });
  afterAll(() => {
    db?.close();
    zeta?.stop();
  });
  const zetaTables = tables.map((t) => ({ path: [t.name], columns: t.columns.map((name) => ({ name, type: 'string' as const })), rows: t.rows }));
  return [
    ['DuckDB', duckDb, async (sql) => (await db.query(sql)) as unknown[][]],
    ['BigQuery on ZetaSQL', bigQuery, async (sql) => (await zeta.evaluate(sql, zetaTables)).rows],
  ];
}
