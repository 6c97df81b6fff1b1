// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
import type { ColumnType } from './columns';
import { TRIMMED_SPACE, type SqlDialect } from './dialect';

/** GoogleSQL for BigQuery (https://cloud.google.com/bigquery/docs/reference/standard-sql/query-syntax). */

// Quoted identifiers and string literals both read backslash escapes
// (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#escape_sequences).
const escape = (text: string, quote: string) => text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** ISO date text, optionally with a time after it; group 1 is the date. */
export const ISO_DATE_TEXT = String.raw`^\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$`;

/** TRIMMED_SPACE as a literal of \\u escapes (a raw line break may not stand in a quoted string). */
const TRIMMED_SPACE_LITERAL = `'${TRIMMED_SPACE.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}'`;

export const bigQuery: SqlDialect = {
  name: 'bigquery',
  table: (path) => path.map((p) => `\`${escape(p, '`')}\``).join('.'),
  column: (name) => `\`${escape(name, '`')}\``,
  string: (text) => `'${escape(text, "'")}'`,
  int: 'INT64',
  float: 'FLOAT64',
  money: 'NUMERIC',
  text: 'STRING',
  safeCast: (expr, type) => `SAFE_CAST(${expr} AS ${type})`,
  dayNumber(expr: string, type: ColumnType, zone: string): string {
    switch (type) {
      case 'timestamp':
        return `UNIX_DATE(DATE(${expr}, ${bigQuery.string(zone)}))`;
      case 'date':
        return `UNIX_DATE(${expr})`;
      case 'datetime':
        return `UNIX_DATE(DATE(${expr}))`;
      case 'string':
        // REGEXP_EXTRACT gives NULL without a match; SAFE.PARSE_DATE gives NULL for 2024-02-30.
        return `UNIX_DATE(SAFE.PARSE_DATE('%Y-%m-%d', REGEXP_EXTRACT(${expr}, r'${ISO_DATE_TEXT}')))`;
      default:
        throw new Error(`no day number for a ${type} column`);
    }
  },
  dateOfDay: (day) => `DATE_FROM_UNIX_DATE(${day})`,
  floorDiv: (a, b) => `CAST(FLOOR((${a}) / ${b}) AS INT64)`,
  offsets: (n) => `UNNEST(GENERATE_ARRAY(0, ${n - 1})) AS k`,
  matches: (expr, pattern) => `REGEXP_CONTAINS(${expr}, ${bigQuery.string(pattern)})`,
  trim: (expr) => `TRIM(${expr}, ${TRIMMED_SPACE_LITERAL})`,
  // A typed array of structs (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#constructing_a_struct): BigQuery has no VALUES list.
  rowsTable: (columns, rows, alias) =>
    `UNNEST(ARRAY<STRUCT<${columns.map((c) => `${c.name} ${c.type === 'int' ? 'INT64' : 'FLOAT64'}`).join(', ')}>>[${rows.map((r) => `(${r.map(String).join(', ')})`).join(', ')}]) AS ${alias}`,
};
