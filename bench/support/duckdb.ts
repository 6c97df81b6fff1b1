// DuckDB (@duckdb/node-api, in this process) as an anchor: the same rows as a table log(customer INTEGER,
// day DATE, amount DOUBLE) — the calendar days an export would hold, so DuckDB is spared the zone
// conversion the bundle does — and the monthly cohort matrix and per-period table in SQL, written here
// from docs/metrics.md's definitions (not with the add-on's own SQL builder in src/core/sql).
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { cellKey, type CohortCounts } from './cohortCounts';
import type { PeriodTable } from './periodTable';
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
  await connection.run('CREATE TABLE raw (customer INTEGER, day INTEGER, amount DOUBLE)');
  const appender = await connection.createAppender('raw');
  const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, DOUBLE], CHUNK);
  for (let start = 0; start < log.rows; start += CHUNK) {
    const end = Math.min(start + CHUNK, log.rows);
    chunk.rowCount = end - start;
    chunk.setColumnValues(0, Array.from(log.id.subarray(start, end)));
    chunk.setColumnValues(1, Array.from(log.day.subarray(start, end)));
    chunk.setColumnValues(2, Array.from(log.amount.subarray(start, end)));
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  await connection.run("CREATE TABLE log AS SELECT customer, DATE '1970-01-01' + day AS day, amount FROM raw; DROP TABLE raw");
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

/**
 * The monthly per-period table with a lapse window of one month: E = customers with a purchase in the
 * month, N = of them, those whose first month it is, kept = those who also bought the month before,
 * S = E of the month before, returning = E − N − kept, lost = S − kept, revenue = the month's amounts.
 * Every month of the log has purchases (generated data), so the month before is the row before.
 */
export const PERIODS_SQL = `
WITH active AS (SELECT customer, date_trunc('month', day) AS month, sum(amount) AS revenue FROM log GROUP BY ALL),
cohort AS (SELECT customer, min(month) AS cohort FROM active GROUP BY customer),
flagged AS (
  SELECT a.month, a.revenue, a.month = c.cohort AS is_new, b.customer IS NOT NULL AS kept
  FROM active a JOIN cohort c USING (customer)
  LEFT JOIN active b ON b.customer = a.customer AND b.month = a.month - INTERVAL 1 MONTH),
months AS (
  SELECT month, count(*) AS e, count(*) FILTER (WHERE is_new) AS n, count(*) FILTER (WHERE kept) AS kept, sum(revenue) AS revenue
  FROM flagged GROUP BY month)
SELECT strftime(month, '%Y-%m') AS label, coalesce(lag(e) OVER (ORDER BY month), 0) AS s, n, e - n - kept AS returning, e,
  coalesce(lag(e) OVER (ORDER BY month), 0) - kept AS lost, revenue
FROM months ORDER BY month`;

export async function duckDbPeriods(db: DuckDb, threads: number | null): Promise<PeriodTable> {
  const out: PeriodTable = new Map();
  for (const [label, s, n, returning, e, lost, revenue] of await db.query(PERIODS_SQL, threads)) {
    out.set(String(label), { start: Number(s), newCustomers: Number(n), returning: Number(returning), end: Number(e), lost: Number(lost), revenue: Number(revenue) });
  }
  return out;
}
