/**
 * The BigQuery advanced service (https://developers.google.com/apps-script/advanced/bigquery), the only
 * file that calls it. Every call's failure becomes a clear UserError (errors.ts).
 */
import { UserError } from '../../core/errors';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { bigQueryError } from './errors';
import type { TablePath } from './tableName';

export interface QueryPage {
  jobId: string;
  location: string;
  complete: boolean;
  rows: unknown[][];
  pageToken: string | null;
  totalRows: number;
  bytes: number;
  schema: { name: string; type: string }[];
}

/** The advanced service, or a message when the script was deployed without it (the default build). */
function service(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery) {
    throw new UserError(bqMsg('bq.serviceOff'));
  }
  return BigQuery;
}

function attempt<T>(projectId: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw bigQueryError(e, projectId);
  }
}

// The REST form of a row: {f: [{v: value}]}, values as strings (or null).
function plainRows(rows: GoogleAppsScript.BigQuery.Schema.TableRow[] | undefined): unknown[][] {
  return (rows ?? []).map((r) => (r.f ?? []).map((c) => (c.v === undefined ? null : c.v)));
}

function fields(schema: GoogleAppsScript.BigQuery.Schema.TableSchema | undefined): { name: string; type: string }[] {
  return (schema?.fields ?? []).map((f) => ({ name: f.name ?? '', type: f.mode === 'REPEATED' ? 'ARRAY' : (f.type ?? '') }));
}

/** A table's schema and size; `type` is BigQuery's: TABLE, VIEW, MATERIALIZED_VIEW, EXTERNAL, SNAPSHOT. */
export function getTable(path: TablePath): { schema: { name: string; type: string }[]; rows: number | null; bytes: number | null; type: string } {
  const t = attempt(path.projectId, () => service().Tables!.get(path.projectId, path.datasetId, path.tableId));
  return { schema: fields(t.schema), rows: t.numRows ? Number(t.numRows) : null, bytes: t.numBytes ? Number(t.numBytes) : null, type: t.type ?? 'TABLE' };
}

/** The first rows of a table, free of charge (tabledata.list reads storage, it runs no query). */
export function sampleTable(path: TablePath, rows: number): unknown[][] {
  const data = attempt(path.projectId, () => service().Tabledata!.list(path.projectId, path.datasetId, path.tableId, { maxResults: rows }));
  return plainRows(data.rows);
}

export interface DryRun {
  bytes: number;
  schema: { name: string; type: string }[];
}

export function dryRun(projectId: string, query: string): DryRun {
  const r = attempt(projectId, () => service().Jobs!.query({ query, useLegacySql: false, dryRun: true }, projectId));
  return { bytes: Number(r.totalBytesProcessed ?? 0), schema: fields(r.schema) };
}

function page(r: GoogleAppsScript.BigQuery.Schema.QueryResponse | GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse, fallbackJob: string, fallbackLocation: string): QueryPage {
  return {
    jobId: r.jobReference?.jobId ?? fallbackJob,
    location: r.jobReference?.location ?? fallbackLocation,
    complete: r.jobComplete === true,
    rows: plainRows(r.rows),
    pageToken: r.pageToken ?? null,
    totalRows: Number(r.totalRows ?? 0),
    bytes: Number((r as { totalBytesProcessed?: string }).totalBytesProcessed ?? 0),
    schema: fields(r.schema),
  };
}

/** Starts the query; BigQuery answers within `waitMs` with the first page or with a running job. */
export function startQuery(projectId: string, query: string, maxBytesBilled: number, waitMs: number, pageRows: number): QueryPage {
  // maximumBytesBilled: BigQuery itself refuses a query over the limit (https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query#QueryRequest).
  const request: GoogleAppsScript.BigQuery.Schema.QueryRequest & { maximumBytesBilled?: string } = { query, useLegacySql: false, timeoutMs: waitMs, maxResults: pageRows };
  if (maxBytesBilled > 0) request.maximumBytesBilled = String(Math.floor(maxBytesBilled));
  const r = attempt(projectId, () => service().Jobs!.query(request, projectId));
  return page(r, '', '');
}

/** One page of a job's results, waiting up to `waitMs` for the job to finish. */
export function queryResults(projectId: string, jobId: string, location: string, pageToken: string | null, waitMs: number, pageRows: number): QueryPage {
  const options: Record<string, unknown> = { timeoutMs: waitMs, maxResults: pageRows };
  if (location) options.location = location;
  if (pageToken) options.pageToken = pageToken;
  const r = attempt(projectId, () => service().Jobs!.getQueryResults(projectId, jobId, options));
  return page(r, jobId, location);
}
