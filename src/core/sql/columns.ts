/**
 * Column types of a SQL source, as one small vocabulary for both engines, and the roles a report
 * needs. BigQuery names types as in its table schema (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TableFieldSchema.FIELDS.type),
 * DuckDB as in DESCRIBE; both map onto ColumnType.
 */
import { UserError } from '../errors';
import { bqMsg, type BigQueryMessageKey } from '../../i18n/bigqueryMessages';
import { anyOf, type AnyMessage } from '../../i18n/messages';

export type ColumnType = 'string' | 'integer' | 'float' | 'numeric' | 'date' | 'datetime' | 'timestamp' | 'bool' | 'other';

export interface SqlColumn {
  name: string;
  type: ColumnType;
}

/** Which column holds what. A transaction log: id, date, amount and segment optional. */
export interface SqlLogColumns {
  id: SqlColumn;
  date: SqlColumn;
  amount?: SqlColumn | null;
  segment?: SqlColumn | null;
  /**
   * The order of the rows where the table has one (a file's line number): breaks ties between a
   * customer's rows on their first day, as sheet order does in a sheet. Without it the smallest
   * segment name of those rows wins.
   */
  order?: SqlColumn | null;
  /** A cost per row (the cost to serve's cost column, blank = 0): only the customer-value queries read it. */
  cost?: SqlColumn | null;
}

/** A customer table: one row per customer; cancel (blank = still active), revenue per period and segment optional. */
export interface SqlTableColumns {
  id: SqlColumn;
  signup: SqlColumn;
  cancel?: SqlColumn | null;
  revenue?: SqlColumn | null;
  segment?: SqlColumn | null;
  /** Row order, where the table has one: the first row of a repeated id is kept, as in a sheet. */
  order?: SqlColumn | null;
}

const BIGQUERY_TYPES: Record<string, ColumnType> = {
  STRING: 'string', INT64: 'integer', INTEGER: 'integer', FLOAT64: 'float', FLOAT: 'float', NUMERIC: 'numeric',
  BIGNUMERIC: 'numeric', BIGDECIMAL: 'numeric', DECIMAL: 'numeric', DATE: 'date', DATETIME: 'datetime',
  TIMESTAMP: 'timestamp', BOOL: 'bool', BOOLEAN: 'bool',
};

/** A BigQuery schema field type ("STRING", "INT64", "INTEGER", "TIMESTAMP", …); RECORD, BYTES, GEOGRAPHY… are 'other'. */
export function bigQueryColumnType(type: string): ColumnType {
  return BIGQUERY_TYPES[type.toUpperCase()] ?? 'other';
}

/** A DuckDB type as DESCRIBE prints it ("VARCHAR", "BIGINT", "DECIMAL(18,3)", "TIMESTAMP WITH TIME ZONE", …). */
export function duckDbColumnType(type: string): ColumnType {
  const t = type.toUpperCase().trim();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(') || t === 'TEXT' || t === 'STRING') return 'string';
  if (/^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*)$/.test(t)) return 'integer';
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') return 'float';
  if (t.startsWith('DECIMAL') || t.startsWith('NUMERIC')) return 'numeric';
  if (t === 'DATE') return 'date';
  if (t === 'TIMESTAMP WITH TIME ZONE' || t === 'TIMESTAMPTZ') return 'timestamp'; // i18n-exempt: DuckDB's type name
  if (t.startsWith('TIMESTAMP')) return 'datetime'; // TIMESTAMP, TIMESTAMP_S/_MS/_NS: no zone, like BigQuery's DATETIME
  if (t === 'BOOLEAN') return 'bool';
  return 'other';
}

const TYPE_WORDS = {
  string: 'bq.type.string', integer: 'bq.type.integer', float: 'bq.type.float', numeric: 'bq.type.numeric', date: 'bq.type.date',
  datetime: 'bq.type.datetime', timestamp: 'bq.type.timestamp', bool: 'bq.type.bool', other: 'bq.type.other',
} as const satisfies Record<ColumnType, BigQueryMessageKey>;

/** The roles a column can have in the queries. */
export type SqlRole = 'id' | 'date' | 'amount' | 'segment' | 'order' | 'signup' | 'cancel' | 'revenue' | 'cost';

const ACCEPTED: Record<SqlRole, readonly ColumnType[]> = {
  signup: ['date', 'datetime', 'timestamp', 'string'],
  cancel: ['date', 'datetime', 'timestamp', 'string'],
  revenue: ['integer', 'float', 'numeric', 'string'],
  id: ['string', 'integer', 'float', 'numeric'],
  date: ['date', 'datetime', 'timestamp', 'string'],
  amount: ['integer', 'float', 'numeric', 'string'],
  segment: ['string', 'integer', 'float', 'numeric', 'date', 'bool'],
  order: ['integer', 'float', 'numeric', 'date', 'datetime', 'timestamp'],
  cost: ['integer', 'float', 'numeric', 'string'],
};

/** A role in words ("customer id"), in the reader's language. */
export function roleWord(role: SqlRole): AnyMessage {
  return bqMsg(`bq.role.${role}`);
}

/** Refuses a column whose type cannot hold its role, naming the column and both types. */
export function checkColumnType(role: SqlRole, column: SqlColumn): void {
  if (ACCEPTED[role].includes(column.type)) return;
  const wanted = ACCEPTED[role].map((t) => bqMsg(TYPE_WORDS[t]));
  throw new UserError(bqMsg('bq.columnTypeRefused', { role: roleWord(role), column: column.name, holds: bqMsg(TYPE_WORDS[column.type]), wanted: anyOf(wanted) }));
}
