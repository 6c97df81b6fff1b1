// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The distinct values of a segment column, as the cost to serve's per-segment lines name them: each row's
 * segment read exactly as the log queries read it (logExpressions.ts: a blank cell is BLANK_SEGMENT_NAME, an
 * INT64 by its digits), the `cap` most frequent (rows per value, most first, then by name), with how many
 * distinct values there are in all, and any of `wanted` (names the user typed) beyond the cap. Only the
 * segment column is read, so the query bills only that column's bytes.
 *
 * Result columns: segment (text), n (rows holding it), distinct_count (distinct values in the column),
 * k (its rank: 1 = most frequent), ordered by k.
 */
import { checkColumnType, type SqlColumn } from './columns';
import type { SqlDialect } from './dialect';
import { fromItem, segmentExpression, type SqlSource } from './logExpressions';

export const SEGMENT_VALUE_COLUMNS = ['segment', 'n', 'distinct_count', 'k'] as const;

export function segmentValuesQuery(d: SqlDialect, source: SqlSource, segment: SqlColumn, cap: number, wanted: readonly string[] = []): string {
  checkColumnType('segment', segment);
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`cap must be a positive integer, not ${cap}`);
  const also = wanted.length ? ` OR segment IN (${wanted.map((w) => d.string(w)).join(', ')})` : '';
  return `WITH seg AS (SELECT ${segmentExpression(d, segment)} AS segment FROM ${fromItem(d, source)}),
counted AS (SELECT segment, COUNT(*) AS n FROM seg GROUP BY segment),
ranked AS (SELECT segment, n, COUNT(*) OVER () AS distinct_count, ROW_NUMBER() OVER (ORDER BY n DESC, segment) AS k FROM counted)
SELECT segment, n, distinct_count, k FROM ranked WHERE k <= ${cap}${also} ORDER BY k`;
}

export interface SegmentValues {
  /** The most frequent values, most first (at most the cap). */
  segments: string[];
  /** Of `wanted`, those in the data beyond the cap. */
  alsoFound: string[];
  /** Distinct values in the column. */
  distinct: number;
}

/** The query's rows (as BigQuery's REST API or DuckDB gives them: numbers possibly as text) → the values. */
export function segmentValuesFromRows(rows: readonly (readonly unknown[])[], cap: number): SegmentValues {
  const segments: string[] = [];
  const alsoFound: string[] = [];
  let distinct = 0;
  for (const r of rows) {
    const name = String(r[0]);
    distinct = Number(r[2]);
    (Number(r[3]) <= cap ? segments : alsoFound).push(name);
  }
  return { segments, alsoFound, distinct };
}
