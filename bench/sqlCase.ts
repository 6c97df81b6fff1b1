/**
 * One case of bench/sql.bench.ts, run in a child process of its own so its peak memory (maxRSS) is
 * its own: `tsx bench/sqlCase.ts duckdb|customers|narrowed|sheet ROWS CUSTOMERS`. Prints one line of JSON.
 *   duckdb     the cohort query and the grouped RFM query (the fits' input), as the summary and the models need
 *   customers  the fits, then the per-customer query (customerQuery.ts: one row per customer) and the whole
 *              Customer value sheet's tables from its rows
 *   narrowed   the same sheet from the narrowed queries (valueQuery.ts: group rows, then the candidates)
 *   sheet      the in-sheet engine on the same log
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeCohortReport, parseTransactionLog } from '../src/core/cohorts/index';
import { scoreParsedLog } from '../src/core/models/index';
import { startOfDayInZone } from '../src/core/timeZone';
import {
  cohortQuery, cohortReportFromRows, cohortResultRows, customerQuery, customerValueModelFromRows, duckDb, rfmQuery, rfmResultRows, type SqlCohortSettings, type SqlLogColumns,
} from '../src/core/sql';
import { candidatePlan, valueGroupRows } from '../src/core/sql/narrowing';
import { valueCandidatesQuery, valueGroupsQuery } from '../src/core/sql/valueQuery';
import { sqlCustomerValueTables, type SqlCustomerValueRequest } from '../src/addon/sqlCustomerValue';
import { DEFAULT_AT_RISK } from '../src/core/models/atRisk';
import { MAX_LIST_ROWS, TOP_CUSTOMERS } from '../src/report/customerValueTables';
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

const RFM = { timeZone: ZONE, endDay: null, refundsAreActivity: true };
const HORIZON = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
const REQUEST = {
  ...HORIZON, lists: DEFAULT_AT_RISK, asOfChosen: false, sourceDescription: 'log', columnLines: [], segmentColumn: '', names: { id: 'customer_id', date: 'ordered_at', amount: 'amount' },
} satisfies Partial<SqlCustomerValueRequest>;

async function loaded(): Promise<{ db: DuckDb; loadMs: number }> {
  const db = await DuckDb.open();
  const file = await parquetLog(db);
  const t = performance.now();
  await db.run(`CREATE TABLE log AS SELECT * FROM read_parquet('${file}')`);
  return { db, loadMs: performance.now() - t };
}

/** The Customer value sheet's tables from every customer's row (customerQuery.ts). */
async function customersCase(): Promise<Record<string, number>> {
  const { db, loadMs } = await loaded();
  let t = performance.now();
  const modelRows = plain(await db.query(rfmQuery(duckDb, { table: ['log'] }, COLUMNS, RFM)));
  const fitMs = performance.now() - t;
  t = performance.now();
  const customerRows = plain(await db.query(customerQuery(duckDb, { table: ['log'] }, COLUMNS, RFM)));
  const queryMs = performance.now() - t;
  t = performance.now();
  const { tables } = sqlCustomerValueTables({ ...REQUEST, modelRows, customerRows });
  const scoreMs = performance.now() - t;
  db.close();
  return { loadMs, fitMs, queryMs, scoreMs, resultRows: customerRows.length, customers: tables.scored, atRisk: tables.atRisk.length, lapsed: tables.lapsed.length, totalClv: tables.totalClv };
}

/** The same tables from the narrowed queries (valueQuery.ts). */
async function narrowedCase(): Promise<Record<string, number>> {
  const { db, loadMs } = await loaded();
  let t = performance.now();
  const settings = { ...RFM, topShare: DEFAULT_AT_RISK.topShare };
  const groupRows = plain(await db.query(valueGroupsQuery(duckDb, { table: ['log'] }, COLUMNS, settings)));
  const groups = valueGroupRows(groupRows);
  const plan = candidatePlan(groups, customerValueModelFromRows(groups.rfm), HORIZON, DEFAULT_AT_RISK, { topRows: TOP_CUSTOMERS, listRows: MAX_LIST_ROWS });
  const fitMs = performance.now() - t;
  t = performance.now();
  const candidates = plain(await db.query(valueCandidatesQuery(duckDb, { table: ['log'] }, COLUMNS, { ...settings, ...plan })));
  const queryMs = performance.now() - t;
  t = performance.now();
  const { tables } = sqlCustomerValueTables({ ...REQUEST, modelRows: groupRows, customerRows: candidates, narrowed: true });
  const scoreMs = performance.now() - t;
  db.close();
  return {
    loadMs, fitMs, queryMs, scoreMs, resultRows: candidates.length, groupRows: groupRows.length, customers: tables.scored,
    atRisk: tables.atRiskCount ?? tables.atRisk.length, lapsed: tables.lapsedCount ?? tables.lapsed.length, totalClv: tables.totalClv,
  };
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

const cpu = process.cpuUsage();
const result = mode === 'duckdb' ? await duckdbCase() : mode === 'customers' ? await customersCase() : mode === 'narrowed' ? await narrowedCase() : await sheetCase();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ...result, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
