// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
import { ISO_DATE_TEXT } from './bigquery';
import type { ColumnType } from './columns';
import { TRIMMED_SPACE, type SqlDialect } from './dialect';

/**
 * DuckDB (https://duckdb.org/docs/stable/sql/introduction), rendering each primitive of SqlDialect
 * with BigQuery's semantics. Its time zones come from the ICU extension built into the npm package.
 */

const EPOCH = `DATE '1970-01-01'`;

export const duckDb: SqlDialect = {
  name: 'duckdb',
  table: (path) => path.map((p) => `"${p.replace(/"/g, '""')}"`).join('.'),
  column: (name) => `"${name.replace(/"/g, '""')}"`,
  string: (text) => `'${text.replace(/'/g, "''")}'`,
  int: 'BIGINT',
  float: 'DOUBLE',
  money: 'DECIMAL(38, 9)',
  text: 'VARCHAR',
  safeCast: (expr, type) => `TRY_CAST(${expr} AS ${type})`,
  dayNumber(expr: string, type: ColumnType, zone: string): string {
    switch (type) {
      case 'timestamp':
        // timezone(zone, TIMESTAMPTZ) is the wall-clock TIMESTAMP in that zone (https://duckdb.org/docs/stable/sql/functions/timestamptz).
        return `(CAST(timezone(${duckDb.string(zone)}, ${expr}) AS DATE) - ${EPOCH})`;
      case 'date':
        return `(${expr} - ${EPOCH})`;
      case 'datetime':
        return `(CAST(${expr} AS DATE) - ${EPOCH})`;
      case 'string':
        // regexp_extract gives '' without a match, and try_strptime NULL for '' and for 2024-02-30.
        return `(CAST(try_strptime(regexp_extract(${expr}, ${duckDb.string(ISO_DATE_TEXT)}, 1), '%Y-%m-%d') AS DATE) - ${EPOCH})`;
      default:
        throw new Error(`no day number for a ${type} column`);
    }
  },
  dateOfDay: (day) => `(${EPOCH} + CAST(${day} AS INTEGER))`,
  floorDiv: (a, b) => `CAST(FLOOR((${a}) / ${b}) AS BIGINT)`,
  offsets: (n) => `range(${n}) AS w(k)`,
  matches: (expr, pattern) => `regexp_matches(${expr}, ${duckDb.string(pattern)})`,
  // The characters themselves: a standard SQL string reads no escapes, and may hold line breaks.
  trim: (expr) => `trim(${expr}, ${duckDb.string(String.fromCodePoint(...TRIMMED_SPACE))})`,
  rowsTable: (columns, rows, alias) =>
    `(VALUES ${rows.map((r) => `(${r.map((v, i) => (columns[i].type === 'int' ? String(v) : `CAST(${String(v)} AS DOUBLE)`)).join(', ')})`).join(', ')}) AS ${alias}(${columns.map((c) => c.name).join(', ')})`,
};
