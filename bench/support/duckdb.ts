// DuckDB (@duckdb/node-api, in this process) as an anchor: the same rows as a table log(customer INTEGER,
// day DATE) — the calendar days an export would hold, so DuckDB is spared the zone conversion the
// bundle does — and the monthly cohort matrix in SQL.
import { DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { cellKey, type CohortCounts } from './cohortCounts';
import type { LogData } from './logData';

const CHUNK = 2048;

export const COHORTS_SQL = `
WITH active AS (SELECT customer, date_trunc('month', day) AS month FROM log GROUP BY ALL),
cohort AS (SELECT customer, min(month) AS cohort FROM active GROUP BY customer)
SELECT strftime(cohort, '%Y-%m') AS cohort, datediff('month', cohort, month) AS k, count(*) AS customers
FROM active JOIN cohort USING (customer)
GROUP BY ALL ORDER BY ALL`;

export interface DuckDb {
  connection: DuckDBConnection;
  /** The threads DuckDB uses by default on this machine. */
  defaultThreads: number;
  /** Runs `sql` with `threads` threads (null = DuckDB's default) and returns the rows. */
  query(sql: string, threads: number | null): Promise<unknown[][]>;
  close(): void;
}

/** An in-memory database holding `log` (customer, day) for the given rows. */
export async function openDuckDb(log: LogData): Promise<DuckDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const defaultThreads = Number((await connection.runAndReadAll("SELECT current_setting('threads')")).getRowsJS()[0][0]);
  await connection.run('CREATE TABLE raw (customer INTEGER, day INTEGER)');
  const appender = await connection.createAppender('raw');
  const chunk = DuckDBDataChunk.create([INTEGER, INTEGER], CHUNK);
  for (let start = 0; start < log.rows; start += CHUNK) {
    const end = Math.min(start + CHUNK, log.rows);
    chunk.rowCount = end - start;
    chunk.setColumnValues(0, Array.from(log.id.subarray(start, end)));
    chunk.setColumnValues(1, Array.from(log.day.subarray(start, end)));
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  await connection.run("CREATE TABLE log AS SELECT customer, DATE '1970-01-01' + day AS day FROM raw; DROP TABLE raw");
  let current: number | null = null;
  return {
    connection,
    defaultThreads,
    async query(sql, threads) {
      const wanted = threads ?? defaultThreads;
      if (wanted !== current) {
        await connection.run(`SET threads = ${wanted}`);
        current = wanted;
      }
      return (await connection.runAndReadAll(sql)).getRowsJS() as unknown[][];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function duckDbCohorts(db: DuckDb, threads: number | null): Promise<CohortCounts> {
  const out: CohortCounts = new Map();
  for (const [cohort, k, n] of await db.query(COHORTS_SQL, threads)) out.set(cellKey(String(cohort), Number(k)), Number(n));
  return out;
}
