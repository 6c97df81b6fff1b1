// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The few places where BigQuery's GoogleSQL and DuckDB's SQL differ, for the queries of this folder.
 * Everything else the builders write is portable SQL (WITH, JOIN … USING, GROUP BY, UNION ALL, CASE,
 * EXTRACT(YEAR FROM date), ROW_NUMBER/LAG windows without DISTINCT), read the same way by both.
 *
 * Each primitive is defined by its BigQuery semantics (the engine the add-on runs on); the DuckDB
 * rendering must give the same value for every input, which the tests check on both engines.
 * Reference: https://cloud.google.com/bigquery/docs/reference/standard-sql/ and https://duckdb.org/docs/.
 */
import type { ColumnType } from './columns';

export interface SqlDialect {
  name: 'bigquery' | 'duckdb';
  /**
   * A table by its path. BigQuery: `project.dataset.table` in backticks, each part quoted
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#quoted_identifiers).
   */
  table(path: readonly string[]): string;
  /** A column name as a quoted identifier (BigQuery backticks; DuckDB double quotes). */
  column(name: string): string;
  /**
   * A string literal. BigQuery reads backslash escapes inside quotes, so both \ and ' are escaped
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals);
   * DuckDB follows standard SQL, where only ' is doubled.
   */
  string(text: string): string;
  /** 64-bit integer type for CAST: INT64 (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#integer_types). */
  int: string;
  /** IEEE double: FLOAT64. */
  float: string;
  /**
   * Exact decimal for money sums: NUMERIC, 38 digits with 9 after the point
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#decimal_types), so sums do
   * not depend on the order the engine adds rows in; DECIMAL(38, 9) in DuckDB.
   */
  money: string;
  /** Text type: STRING. */
  text: string;
  /**
   * CAST that yields NULL instead of an error: SAFE_CAST
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_functions#safe_casting); TRY_CAST in DuckDB.
   */
  safeCast(expr: string, type: string): string;
  /**
   * The day number (whole days since 1970-01-01, the add-on's DayNumber) of a value of the given
   * column type, or NULL when it is not a date:
   * - TIMESTAMP (an instant): the calendar day it falls on in `zone`, the spreadsheet's IANA zone —
   *   UNIX_DATE(DATE(ts, zone)) (https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date,
   *   #unix_date); DuckDB: timezone(zone, timestamptz) gives the wall-clock time in the zone.
   * - DATE, DATETIME (civil values, no zone): their own calendar day, the zone does not apply.
   * - STRING: ISO text `YYYY-MM-DD`, optionally followed by a time (`T` or a space, then HH:MM…) that
   *   is ignored, read as that calendar day; anything else (another format, an impossible date such
   *   as 2024-02-30, an offset like +02:00) is not a date.
   */
  dayNumber(expr: string, type: ColumnType, zone: string): string;
  /** The DATE of a day number: DATE_FROM_UNIX_DATE(d) (https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_from_unix_date). */
  dateOfDay(day: string): string;
  /**
   * ⌊a / b⌋ for integers, b > 0, also for negative a (days before 1970). BigQuery's DIV truncates
   * toward zero (https://cloud.google.com/bigquery/docs/reference/standard-sql/mathematical_functions#div)
   * and DuckDB's // too, so both render FLOOR of the exact quotient instead: a / b is FLOAT64 division
   * and exact enough, because |a| < 2^53 and b ≤ 12 never round a quotient across an integer.
   */
  floorDiv(a: string, b: number): string;
  /**
   * A FROM item holding one integer column `k` = 0 … n − 1: UNNEST(GENERATE_ARRAY(0, n − 1)) AS k
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/array_functions#generate_array);
   * DuckDB: range(n) t(k).
   */
  offsets(n: number): string;
  /**
   * Whether text matches an RE2 regular expression anywhere (anchor it with ^…$ for the whole text):
   * REGEXP_CONTAINS (https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#regexp_contains);
   * DuckDB's regexp_matches, also RE2.
   */
  matches(expr: string, pattern: string): string;
  /**
   * Text without the white space at either end, as the sheet engine trims (String.prototype.trim: cells.ts
   * isBlank, idIndex.ts): the characters of TRIMMED_SPACE, tabs, line breaks and no-break spaces among them.
   * Neither engine's plain TRIM(x) does: DuckDB's removes only the space U+0020, BigQuery's Unicode White_Space
   * (no byte order mark, which starts many a CSV, but U+0085, which trim() keeps). So the set is given: BigQuery
   * TRIM(x, set) removes its Unicode code points at either end
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#trim); DuckDB trim(x, characters) likewise.
   */
  trim(expr: string): string;
  /**
   * A FROM item of literal rows (at least one) with the named columns: BigQuery
   * UNNEST(ARRAY<STRUCT<x INT64, …>>[(…), …]) AS alias; DuckDB (VALUES (…), …) AS alias(x, …).
   * Numbers must be finite.
   */
  rowsTable(columns: readonly { name: string; type: 'int' | 'float' }[], rows: readonly (readonly number[])[], alias: string): string;
}

/**
 * What JavaScript's String.prototype.trim removes (ECMA-262 WhiteSpace and LineTerminator): tab, line feed,
 * vertical tab, form feed, carriage return, space, no-break space, the Unicode space separators (Zs), the
 * line and paragraph separators and the byte order mark — as code points.
 */
export const TRIMMED_SPACE: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** A CASE expression (portable): first matching condition wins. */
export function caseWhen(branches: [string, string][], otherwise: string): string {
  return `CASE ${branches.map(([c, v]) => `WHEN ${c} THEN ${v}`).join(' ')} ELSE ${otherwise} END`;
}
