/**
 * One case of bench/sql.bench.ts, run in a child process of its own so its peak memory (maxRSS) is
 * its own: `tsx bench/sqlCase.ts duckdb|sheet ROWS CUSTOMERS`. Prints one line of JSON.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeCohortReport, parseTransactionLog } from '../src/core/cohorts/index';
import { scoreParsedLog } from '../src/core/models/index';
import { startOfDayInZone } from '../src/core/timeZone';
import {
  cohortQuery, cohortReportFromRows, cohortResultRows, customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type SqlCohortSettings, type SqlLogColumns,
} from '../src/core/sql';
import { DuckDb } from '../tools/duckdb/duckdb';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ZONE = 'Europe/Prague';
const SPAN_DAYS = 3 * 365; // 2021-01-01 … 2023-12-31
const [mode, rowsText, customersText] = process.argv.slice(2);
const ROWS = Number(rowsText);
const CUSTOMERS = Number(customersText);

/**
 * A seeded log written as Parquet by DuckDB itself (hash-based, so the same on every run and thread
 * count): every customer's first purchase among the first CUSTOMERS rows, later purchases after it,
 * instants anywhere in the day, amounts 0.00 … 199.99.
 */
async function parquetLog(db: DuckDb): Promise<string> {
  const file = join(root, 'out', 'bench', `log-${ROWS}-${CUSTOMERS}.parquet`);
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  await db.run(`COPY (
    SELECT 'C' || CAST(c AS VARCHAR) AS customer_id,
      TIMESTAMPTZ '2021-01-01 00:00:00+00' + to_seconds(CAST(day * 86400 + sec AS BIGINT)) AS ordered_at,
      CAST(h4 % 20000 AS DOUBLE) / 100 AS amount
    FROM (
      SELECT c, CASE WHEN i < ${CUSTOMERS} THEN j ELSE j + CAST(h2 % (${SPAN_DAYS} - j) AS BIGINT) END AS day, CAST(h3 % 86400 AS BIGINT) AS sec, h4
      FROM (
        SELECT i, c, CAST(hash(c * 7 + 1) % ${SPAN_DAYS} AS BIGINT) AS j, hash(i * 3 + 2) AS h2, hash(i * 5 + 3) AS h3, hash(i * 11 + 4) AS h4
        FROM (SELECT i, CASE WHEN i < ${CUSTOMERS} THEN i ELSE CAST(hash(i) % ${CUSTOMERS} AS BIGINT) END AS c FROM range(${ROWS}) t(i))
      )
    )
  ) TO '${file}' (FORMAT PARQUET)`);
  return file;
}

const COLUMNS: SqlLogColumns = { id: { name: 'customer_id', type: 'string' }, date: { name: 'ordered_at', type: 'timestamp' }, amount: { name: 'amount', type: 'float' } };
const SETTINGS: SqlCohortSettings = {
  period: 'month', weekStart: 'monday', timeZone: ZONE, mode: 'in', lapseAfter: 1, refundsAreActivity: true, asOfDay: null, segment: null, bySegment: false,
};
const plain = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

async function duckdbCase(): Promise<Record<string, number>> {
  const db = await DuckDb.open();
  const file = await parquetLog(db);
  let t = performance.now();
  await db.run(`CREATE TABLE log AS SELECT * FROM read_parquet('${file}')`);
  const loadMs = performance.now() - t;
  t = performance.now();
  const rows = cohortResultRows(plain(await db.query(cohortQuery(duckDb, { table: ['log'] }, COLUMNS, SETTINGS))));
  const report = cohortReportFromRows(rows, SETTINGS, true, { id: 'customer_id', date: 'ordered_at', amount: 'amount' }).report;
  const cohortMs = performance.now() - t;
  t = performance.now();
  const model = customerValueModelFromRows(rfmResultRows(plain(await db.query(rfmQuery(duckDb, { table: ['log'] }, COLUMNS, { timeZone: ZONE, endDay: null, refundsAreActivity: true })))));
  const valueMs = performance.now() - t;
  db.close();
  return { loadMs, cohortMs, valueMs, resultRows: rows.length, cohorts: report.total.cohorts.length, customers: model.customers, histories: model.histories, firstCohort: report.total.cohorts[0].size };
}

async function sheetCase(): Promise<Record<string, number>> {
  // The cells getValues() would hand over: text ids, Dates at midnight in the zone, numbers.
  const db = await DuckDb.open();
  const file = await parquetLog(db);
  const data = await db.query(`SELECT customer_id, CAST(timezone('${ZONE}', ordered_at) AS DATE) - DATE '1970-01-01', amount FROM read_parquet('${file}')`);
  db.close();
  const midnight = new Map<number, number>();
  const ids: unknown[] = [];
  const dates: unknown[] = [];
  const amounts: unknown[] = [];
  for (const [id, day, amount] of data) {
    const d = Number(day);
    if (!midnight.has(d)) midnight.set(d, startOfDayInZone(d, ZONE));
    ids.push(id);
    dates.push(new Date(midnight.get(d)!));
    amounts.push(amount);
  }
  data.length = 0;
  let t = performance.now();
  const log = parseTransactionLog({ customerIds: ids, dates, amounts }, { timeZone: ZONE, firstRowNumber: 2 });
  const report = computeCohortReport(log, { period: 'month' });
  const cohortMs = performance.now() - t;
  t = performance.now();
  const value = scoreParsedLog(log, { horizonMonths: 12, monthlyDiscountRate: 0.01 });
  const valueMs = performance.now() - t;
  return { cohortMs, valueMs, cohorts: report.total.cohorts.length, customers: value.summary.customers, firstCohort: report.total.cohorts[0].size };
}

const result = mode === 'duckdb' ? await duckdbCase() : await sheetCase();
console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
