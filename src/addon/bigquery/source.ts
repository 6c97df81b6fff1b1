/**
 * A BigQuery source → its columns (in the SQL builder's types), the proposed roles (the sheet's
 * detection on the schema's names and a free sample of rows), and the FROM item of the queries.
 */
import { UserError } from '../../core/errors';
import { renderValue } from '../../i18n';
import { userInterfaceLanguage } from '../language';
import { bigQueryColumnType, proposeSqlRoles, type SqlColumn, type SqlSource } from '../../core/sql';
import { roleWord, type SqlRole } from '../../core/sql/columns';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { commaList } from '../../i18n/messages';
import { dryRun, getTable, sampleTable } from './client';
import type { BigQueryColumnRoles, BigQueryDescription, BigQuerySource } from './protocol';
import { checkProjectId, parseTableName } from './tableName';

const SAMPLE_ROWS = 200;
/** As many segment names as the sheet source's segment list shows. */
export const SAMPLE_SEGMENTS = 50;
/** Table types whose rows Tabledata.list reads from storage (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#Table.FIELDS.type). */
const STORED_TYPES = ['TABLE', 'SNAPSHOT', 'CLONE'];

export interface ResolvedSource {
  projectId: string;
  /** `project.dataset.table`, or "query". */
  name: string;
  sql: SqlSource;
  columns: SqlColumn[];
  rows: number | null;
  bytes: number | null;
  sample: unknown[][];
}

/** The query text of a saved query: one SELECT (or WITH … SELECT), without a trailing semicolon. */
function cleanQuery(text: string): string {
  const q = text.trim().replace(/;\s*$/, '');
  const start = q.replace(/^(\s*(--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
  if (!/^(SELECT|WITH)\b/i.test(start) || q.includes(';')) {
    throw new UserError(bqMsg('bq.oneSelect'));
  }
  return q;
}

export function resolveSource(source: BigQuerySource): ResolvedSource {
  const projectId = checkProjectId(source.projectId);
  if (source.table.trim()) {
    const path = parseTableName(source.table, projectId);
    const table = getTable(path);
    const columns = table.schema.map((f) => ({ name: f.name, type: bigQueryColumnType(f.type) }));
    // A view (a saved query kept in the dataset) is read like a table, but Tabledata.list "cannot list a
    // table of type VIEW" (https://cloud.google.com/bigquery/docs/views-intro#view_limitations), nor an
    // external table's data: those are proposed from their types, as a query is.
    const sample = STORED_TYPES.includes(table.type) ? sampleTable(path, SAMPLE_ROWS) : [];
    return {
      projectId, name: `${path.projectId}.${path.datasetId}.${path.tableId}`,
      sql: { table: [path.projectId, path.datasetId, path.tableId] }, columns, rows: table.rows, bytes: table.bytes, sample,
    };
  }
  if (!source.query.trim()) throw new UserError(bqMsg('bq.noSource'));
  const query = cleanQuery(source.query);
  // A dry run gives the result's schema without reading any data (and without cost).
  const schema = dryRun(projectId, query).schema;
  return { projectId, name: 'query', sql: { query }, columns: schema.map((f) => ({ name: f.name, type: bigQueryColumnType(f.type) })), rows: null, bytes: null, sample: [] };
}

// Without a sample (a query), one typical value per column stands in, so the detection can still
// read the column kinds from the types.
function typicalRow(columns: SqlColumn[]): unknown[] {
  return columns.map((c) => (c.type === 'date' || c.type === 'datetime' || c.type === 'timestamp' ? '2024-01-01' : c.type === 'float' || c.type === 'numeric' ? 1.5 : c.type === 'integer' ? 1 : c.type === 'string' ? 'x' : null));
}

export function describeSource(source: BigQuerySource): BigQueryDescription {
  const s = resolveSource(source);
  const sample = s.sample.length ? s.sample : [typicalRow(s.columns)];
  const proposal = proposeSqlRoles(s.columns, sample);
  const name = (i: number) => (i >= 0 ? s.columns[i].name : '');
  const roles: BigQueryColumnRoles = {
    id: name(proposal.roles.id), date: name(proposal.roles.date), amount: name(proposal.roles.amount), segment: name(proposal.roles.segment),
    ...(proposal.shape === 'table' ? { signup: name(proposal.roles.signup), cancel: name(proposal.roles.cancel) } : {}),
  };
  return {
    name: s.name,
    columns: s.columns.map((c, i) => ({ name: c.name, type: sourceType(s, i) })),
    shape: proposal.shape,
    roles,
    rows: s.rows,
    bytes: s.bytes,
    explanation: renderValue(proposal.explanation, userInterfaceLanguage()),
    sampleValues: s.columns.map((c, i) => (c.type === 'string' || c.type === 'integer' ? distinctTexts(s.sample, i) : [])),
  };
}

function distinctTexts(rows: unknown[][], column: number): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    // Tabledata.list gives every value as text; an INT64 segment is named by its digits, as the queries CAST it.
    const v = typeof row[column] === 'number' ? String(row[column]) : row[column];
    if (typeof v === 'string' && v.trim() !== '') seen.add(v);
    if (seen.size === SAMPLE_SEGMENTS) break;
  }
  return [...seen];
}

function sourceType(s: ResolvedSource, i: number): string {
  return s.columns[i].type === 'other' ? 'OTHER' : { string: 'STRING', integer: 'INT64', float: 'FLOAT64', numeric: 'NUMERIC', date: 'DATE', datetime: 'DATETIME', timestamp: 'TIMESTAMP', bool: 'BOOL' }[s.columns[i].type as Exclude<SqlColumn['type'], 'other'>];
}

/** The chosen columns with their types; a name that is not in the source is refused. */
export function chosenColumn(s: ResolvedSource, name: string, role: SqlRole, required: boolean): SqlColumn | null {
  if (!name) {
    if (required) throw new UserError(bqMsg('bq.chooseColumn', { role: roleWord(role) }));
    return null;
  }
  const c = s.columns.find((x) => x.name === name);
  if (!c) {
    const columns = commaList(s.columns.map((x) => x.name).slice(0, 12));
    throw new UserError(s.name === 'query' ? bqMsg('bq.noColumnInQuery', { column: name, columns }) : bqMsg('bq.noColumnInTable', { table: s.name, column: name, columns }));
  }
  return c;
}
