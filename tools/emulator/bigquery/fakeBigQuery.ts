/**
 * A fake of Apps Script's BigQuery advanced service (v2) for the emulator: Tables.get, Tabledata.list,
 * Jobs.query (dry runs too) and Jobs.getQueryResults with polling and pages, over in-memory tables.
 * Queries really run: the GoogleSQL text the bundle sends is executed by Google's ZetaSQL reference
 * evaluator (SyncEngine), so results are real and BigQuery-dialect mistakes fail here.
 *
 * Behaviour taken from the BigQuery REST reference (https://cloud.google.com/bigquery/docs/reference/rest/v2):
 * row values come back as text in {f: [{v}]} cells, results are paged with pageToken, a query not done
 * within timeoutMs answers jobComplete: false; a dry run reads no data and reports totalBytesProcessed,
 * computed as BigQuery bills a query (bytesScanned below): the columns the query reads, each value at its
 * type's documented size. Advanced services
 * throw "API call to bigquery.<method> failed with error: <message>"
 * (https://developers.google.com/apps-script/guides/services/advanced), with BigQuery's messages below.
 */
import vm from 'node:vm';
import { bigQueryColumnType, type ColumnType } from '../../../src/core/sql';
import type { ScannedColumns, ZetaTable } from '../../zetasql/zetasql';
import type { SyncEngine } from './syncEngine';

export interface FakeTable {
  projectId: string;
  datasetId: string;
  tableId: string;
  /** BigQuery type names: STRING, INT64, FLOAT64, NUMERIC, DATE, DATETIME, TIMESTAMP, BOOL. */
  schema: { name: string; type: string }[];
  /** Values: strings, numbers, Date instants (TIMESTAMP), day numbers (DATE), null. */
  rows: unknown[][];
  /**
   * A view: its query (GoogleSQL over other fake tables) and no rows of its own. Tables.get says
   * type VIEW, Tabledata.list refuses it as BigQuery does, and a query naming it reads the view's query
   * (https://cloud.google.com/bigquery/docs/views-intro).
   */
  view?: string;
}

export interface FakeBigQueryOptions {
  tables: FakeTable[];
  engine: SyncEngine;
  /** The BigQuery API is enabled in every project (default true). */
  apiEnabled?: boolean;
  /** Billing is enabled (default true); without it queries fail, dry runs and metadata still work. */
  billingEnabled?: boolean;
  /** Projects where the user may not create jobs. */
  deniedProjects?: string[];
  /** Tables ("project.dataset.table") the user may not read. */
  deniedTables?: string[];
  /** At most this many rows per page (default 10,000). */
  pageSize?: number;
  /** Each job answers jobComplete: false this many times before it is done (default 0). */
  pollsBeforeDone?: number;
  /** Jobs fail as timed out once they are done running. */
  jobsTimeOut?: boolean;
}

interface Job {
  projectId: string;
  jobId: string;
  pollsLeft: number;
  columns: string[];
  types: ColumnType[];
  rows: unknown[][];
  bytes: number;
}

/**
 * Logical bytes of one non-NULL value of a BigQuery type, as BigQuery's "Data size calculation" lists
 * them (https://cloud.google.com/bigquery/docs/storage_overview#data_size_calculation): STRING 2 + the
 * UTF-8 encoded size, BYTES 2 + its bytes, INT64, FLOAT64, DATE, DATETIME, TIME, TIMESTAMP 8, NUMERIC 16,
 * BIGNUMERIC 32, BOOL 1, INTERVAL and RANGE 16, JSON the UTF-8 size of its text; "Null values for any data
 * type are calculated as 0 logical bytes". (A fake table holds no ARRAY, STRUCT or GEOGRAPHY values.)
 */
export function valueBytes(type: string, value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (type.toUpperCase()) {
    case 'STRING':
      return 2 + Buffer.byteLength(String(value), 'utf8');
    case 'BYTES':
      return 2 + (value instanceof Uint8Array ? value.length : Buffer.byteLength(String(value), 'base64'));
    case 'JSON':
      return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
    case 'INT64': case 'INTEGER': case 'FLOAT64': case 'FLOAT': case 'DATE': case 'DATETIME': case 'TIME': case 'TIMESTAMP':
      return 8;
    case 'NUMERIC': case 'DECIMAL': case 'INTERVAL': case 'RANGE':
      return 16;
    case 'BIGNUMERIC': case 'BIGDECIMAL':
      return 32;
    case 'BOOL': case 'BOOLEAN':
      return 1;
    default:
      throw new Error(`the fake has no documented size for ${type} values`);
  }
}

/**
 * Bytes a query is billed for, from the bytes it scans per table
 * (https://cloud.google.com/bigquery/pricing#on_demand_pricing: "Charges are rounded up to the nearest
 * MB, with a minimum 10 MB data processed per table referenced by the query, and with a minimum 10 MB
 * data processed per query").
 */
export function billedBytes(scannedPerTable: readonly number[]): number {
  const perTable = scannedPerTable.reduce((s, b) => s + Math.max(b, 10 * MB), 0);
  return Math.max(Math.ceil(perTable / MB) * MB, 10 * MB);
}
const TYPE_NAMES: Record<ColumnType, string> = {
  string: 'STRING', integer: 'INTEGER', float: 'FLOAT', numeric: 'NUMERIC', date: 'DATE', datetime: 'DATETIME', timestamp: 'TIMESTAMP', bool: 'BOOLEAN', other: 'BYTES',
};
const MB = 1024 * 1024;

export class FakeBigQuery {
  /** Every service call, e.g. "Jobs.query(dryRun)", "Jobs.getQueryResults". */
  readonly calls: string[] = [];
  /** The text of every query that ran (dry runs excluded). */
  readonly queries: string[] = [];
  /** The result rows of each query run, in the order of `queries`. */
  readonly resultRows: number[] = [];
  private readonly jobs = new Map<string, Job>();
  private jobCount = 0;
  private readonly RealmError: ErrorConstructor;

  constructor(
    private readonly options: FakeBigQueryOptions,
    context: vm.Context,
  ) {
    this.RealmError = vm.runInContext('Error', context) as ErrorConstructor;
  }

  /** The object the bundle sees as the global `BigQuery`. */
  get service() {
    return {
      Tables: { get: (p: string, d: string, t: string) => this.tablesGet(p, d, t) },
      Tabledata: { list: (p: string, d: string, t: string, o?: { maxResults?: number }) => this.tabledataList(p, d, t, o ?? {}) },
      Jobs: {
        query: (request: Record<string, unknown>, projectId: string) => this.jobsQuery(request, projectId),
        getQueryResults: (projectId: string, jobId: string, o?: Record<string, unknown>) => this.getQueryResults(projectId, jobId, o ?? {}),
      },
    };
  }

  private fail(method: string, message: string): never {
    throw new this.RealmError(`API call to bigquery.${method} failed with error: ${message}`);
  }

  private checkApi(method: string, projectId: string): void {
    if (this.options.apiEnabled === false) {
      this.fail(method, `BigQuery API has not been used in project ${projectId} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/bigquery.googleapis.com/overview?project=${projectId} then retry.`);
    }
  }

  private table(method: string, p: string, d: string, t: string): FakeTable {
    const found = this.options.tables.find((x) => x.projectId === p && x.datasetId === d && x.tableId === t);
    if ((this.options.deniedTables ?? []).includes(`${p}.${d}.${t}`)) {
      this.fail(method, `Access Denied: Table ${p}:${d}.${t}: User does not have permission to query table ${p}:${d}.${t}, or perhaps it does not exist.`);
    }
    if (!found) {
      if (!this.options.tables.some((x) => x.projectId === p && x.datasetId === d)) this.fail(method, `Not found: Dataset ${p}:${d}`);
      this.fail(method, `Not found: Table ${p}:${d}.${t} was not found in location US`);
    }
    return found;
  }

  private tablesGet(p: string, d: string, t: string) {
    this.calls.push('Tables.get');
    this.checkApi('tables.get', p);
    const table = this.table('tables.get', p, d, t);
    return {
      tableReference: { projectId: p, datasetId: d, tableId: t },
      type: table.view === undefined ? 'TABLE' : 'VIEW',
      schema: { fields: table.schema.map((f) => ({ name: f.name, type: f.type, mode: 'NULLABLE' })) },
      // A view stores no rows: the API gives no numRows or numBytes for it.
      ...(table.view === undefined ? { numRows: String(table.rows.length), numBytes: String(this.tableBytes(table, table.schema.map((f) => f.name))) } : {}),
    };
  }

  private tabledataList(p: string, d: string, t: string, o: { maxResults?: number }) {
    this.calls.push('Tabledata.list');
    this.checkApi('tabledata.list', p);
    const table = this.table('tabledata.list', p, d, t);
    // https://cloud.google.com/bigquery/docs/views-intro#view_limitations; the API's own words.
    if (table.view !== undefined) this.fail('tabledata.list', 'Cannot list a table of type VIEW.');
    const types = table.schema.map((f) => bigQueryColumnType(f.type));
    const rows = table.rows.slice(0, o.maxResults ?? 100_000).map((r) => ({ f: r.map((v, i) => ({ v: restValue(v, types[i]) })) }));
    return { totalRows: String(table.rows.length), rows };
  }

  /** The tables a query names (`p`.`d`.`t`, `p.d.t`, or `d`.`t` / d.t in the billing project). */
  private referenced(sql: string, projectId: string): { table: FakeTable; text: string }[] {
    const out: { table: FakeTable; text: string }[] = [];
    const re = /`([^`]+)`\.`([^`]+)`\.`([^`]+)`|`([^`.]+)\.([^`.]+)\.([^`.]+)`|`([^`]+)`\.`([^`]+)`/g;
    for (let m = re.exec(sql); m; m = re.exec(sql)) {
      const [p, d, t] = m[1] ? [m[1], m[2], m[3]] : m[4] ? [m[4], m[5], m[6]] : [projectId, m[7], m[8]];
      out.push({ table: this.table('jobs.query', p, d, t), text: m[0] });
    }
    return out;
  }

  /** The logical bytes of some columns of a table: every value's documented size (valueBytes). */
  private tableBytes(table: FakeTable, columns: readonly string[]): number {
    let bytes = 0;
    table.schema.forEach((f, i) => {
      if (!columns.includes(f.name)) return;
      for (const r of table.rows) bytes += valueBytes(f.type, r[i]);
    });
    return bytes;
  }

  /** The query with each view it names replaced by the view's query, as BigQuery expands views. */
  private expandViews(sql: string, projectId: string): string {
    let out = sql;
    for (const { table, text } of this.referenced(sql, projectId)) {
      if (table.view !== undefined) out = out.split(text).join(`(\n${this.expandViews(table.view, table.projectId)}\n)`);
    }
    return out;
  }

  private run(query: string, projectId: string): { columns: string[]; types: ColumnType[]; rows: unknown[][]; bytes: number; billed: number } {
    const sql = this.expandViews(query, projectId);
    const refs = this.referenced(sql, projectId);
    let local = sql;
    const zetaTables: ZetaTable[] = [];
    const analysisTables: ZetaTable[] = [];
    refs.forEach(({ table, text }, i) => {
      const columns = table.schema.map((f) => ({ name: f.name, type: bigQueryColumnType(f.type) }));
      // BigQuery reads `p`.`d`.`t`, `p.d.t` and `d`.`t` alike; ZetaSQL's catalog gets each spelling.
      const spellings = [[table.projectId, table.datasetId, table.tableId], [table.datasetId, table.tableId], [`${table.projectId}.${table.datasetId}.${table.tableId}`]];
      for (const path of spellings) analysisTables.push({ path, columns, rows: [] });
      // ZetaSQL's evaluator takes a table's rows under a one-part name; the query text is otherwise unchanged.
      const name = `__table_${i}`;
      local = local.split(text).join(`\`${name}\``);
      zetaTables.push({ path: [name], columns, rows: table.rows });
    });
    let scans: ScannedColumns[];
    try {
      scans = this.options.engine.analyze(sql, analysisTables);
    } catch (e) {
      this.fail('jobs.query', `Syntax error or invalid query: ${(e as Error).message}`);
    }
    // "You're charged according to the total data processed in the columns you select"
    // (https://cloud.google.com/bigquery/pricing#on_demand_pricing): the columns the resolved query's
    // scans of each table read, each table once however often the query names it.
    const perTable = uniqueTables(refs.map((r) => r.table)).map((table) => {
      const path = (p: string[]) => p.join('.');
      const spellings = new Set([[table.projectId, table.datasetId, table.tableId], [table.datasetId, table.tableId], [`${table.projectId}.${table.datasetId}.${table.tableId}`]].map(path));
      const columns = new Set(scans.filter((s) => spellings.has(path(s.path))).flatMap((s) => s.columns));
      return this.tableBytes(table, [...columns]);
    });
    const bytes = perTable.reduce((s, b) => s + b, 0);
    const billed = billedBytes(perTable);
    const result = this.options.engine.evaluate(local, zetaTables);
    return { ...result, bytes, billed };
  }

  private jobsQuery(request: Record<string, unknown>, projectId: string) {
    const dry = request.dryRun === true;
    this.calls.push(dry ? 'Jobs.query(dryRun)' : 'Jobs.query');
    this.checkApi('jobs.query', projectId);
    if ((this.options.deniedProjects ?? []).includes(projectId)) {
      this.fail('jobs.query', `Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`);
    }
    if (request.useLegacySql !== false) this.fail('jobs.query', 'The fake runs GoogleSQL only: set useLegacySql to false.');
    const sql = String(request.query);
    const result = this.run(sql, projectId);
    const schema = { fields: result.columns.map((name, i) => ({ name, type: TYPE_NAMES[result.types[i]], mode: 'NULLABLE' })) };
    if (dry) return { jobReference: { projectId, location: 'US' }, jobComplete: true, totalBytesProcessed: String(result.bytes), schema, cacheHit: false };
    if (this.options.billingEnabled === false) {
      this.fail('jobs.query', 'Billing has not been enabled for this project. Enable billing at https://console.cloud.google.com/billing. Queries are not allowed in the free tier without billing.');
    }
    const limit = request.maximumBytesBilled === undefined ? Infinity : Number(request.maximumBytesBilled);
    if (result.billed > limit) this.fail('jobs.query', `Query exceeded limit for bytes billed: ${limit}. ${result.billed} or higher required.`);
    this.queries.push(sql);
    this.resultRows.push(result.rows.length);
    const jobId = `job_fake_${++this.jobCount}`;
    const job: Job = { projectId, jobId, pollsLeft: this.options.pollsBeforeDone ?? 0, columns: result.columns, types: result.types, rows: result.rows, bytes: result.bytes };
    this.jobs.set(jobId, job);
    return this.answer(job, 0, Number(request.maxResults ?? Infinity));
  }

  private getQueryResults(projectId: string, jobId: string, o: Record<string, unknown>) {
    this.calls.push('Jobs.getQueryResults');
    this.checkApi('jobs.getQueryResults', projectId);
    const job = this.jobs.get(jobId);
    if (!job || job.projectId !== projectId) this.fail('jobs.getQueryResults', `Not found: Job ${projectId}:US.${jobId}`);
    return this.answer(job, o.pageToken === undefined ? 0 : Number(o.pageToken), Number(o.maxResults ?? Infinity));
  }

  private answer(job: Job, offset: number, maxResults: number) {
    const reference = { projectId: job.projectId, jobId: job.jobId, location: 'US' };
    if (job.pollsLeft > 0) {
      job.pollsLeft--;
      return { jobReference: reference, jobComplete: false };
    }
    if (this.options.jobsTimeOut) this.fail('jobs.getQueryResults', 'Job execution was cancelled: Job timed out after 6 min 0 sec');
    const size = Math.min(maxResults, this.options.pageSize ?? 10_000);
    const page = job.rows.slice(offset, offset + size);
    const next = offset + size < job.rows.length ? String(offset + size) : undefined;
    return {
      jobReference: reference,
      jobComplete: true,
      totalRows: String(job.rows.length),
      totalBytesProcessed: String(job.bytes),
      schema: { fields: job.columns.map((name, i) => ({ name, type: TYPE_NAMES[job.types[i]], mode: 'NULLABLE' })) },
      rows: page.map((r) => ({ f: r.map((v, i) => ({ v: restValue(v, job.types[i]) })) })),
      ...(next ? { pageToken: next } : {}),
    };
  }
}

function uniqueTables(tables: FakeTable[]): FakeTable[] {
  return tables.filter((t, i) => tables.indexOf(t) === i);
}

/** A value as BigQuery's REST API writes it in a row cell: text, or null. */
function restValue(v: unknown, type: ColumnType): string | null {
  if (v === null || v === undefined) return null;
  if (type === 'timestamp' && v instanceof Date) return String(v.getTime() / 1000);
  if (type === 'date' && typeof v === 'number') return new Date(v * 86_400_000).toISOString().slice(0, 10);
  return String(v);
}

/** Makes `BigQuery` a global of the emulator's script context. */
export function installFakeBigQuery(context: vm.Context, options: FakeBigQueryOptions): FakeBigQuery {
  const fake = new FakeBigQuery(options, context);
  (context as Record<string, unknown>).BigQuery = fake.service;
  return fake;
}
