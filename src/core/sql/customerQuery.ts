// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The customer value lists' input as one query: one row per customer with a purchase on or before the
 * observation end, with the RFM summary of docs/models.md exactly as rfmQuery.ts computes it (the same
 * CTEs), their past value (every known amount to the end, refunds included), the segment of their first
 * purchase and, for ties, the sheet's customer order (first appearance in row order; a table without a
 * row order: by id).
 *
 * Result columns: id, x, tx, age (days), spend_count, spend_sum, past_value, first_day, last_day,
 * segment, first_row, cost_sum (Σ cost of their rows to the end; 0 without a cost column). Scored in Apps Script (customerRows.ts) with the models fitted on rfmQuery's
 * grouped rows; the top customers, the at-risk and lapsed lists and CLV by segment follow.
 * (valueQuery.ts narrows the same rows to the few the sheet shows, for a warehouse-sized customer base.)
 */
import type { SqlLogColumns } from './columns';
import type { SqlDialect } from './dialect';
import { rfmCtes, type SqlRfmSettings } from './rfmQuery';
import type { SqlSource } from './logExpressions';

export { CUSTOMER_COLUMNS } from './resultColumns';

/**
 * rfmCtes, then `cust`: one row per customer with a transaction — id, x, tx, age (days), spend_count,
 * spend_sum, past_value, first_day, last_day, segment (NULL without a segment column), first_row.
 */
export function customerCtes(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlRfmSettings): string[] {
  const segment = columns.segment ? 'g.segment' : `CAST(NULL AS ${d.text})`;
  const join = columns.segment ? 'LEFT JOIN first_segment AS g ON g.id = p.id' : '';
  return [
    ...rfmCtes(d, source, columns, s),
    `past AS (SELECT id, SUM(amount) AS past_value${columns.cost ? ', SUM(cost) AS cost_sum' : ''} FROM observed GROUP BY id)`,
    // The sheet's customer order: first appearance among the usable rows.
    `appearance AS (SELECT id, MIN(ord) AS first_row FROM valid GROUP BY id)`,
    // The segment on the earliest row that is not a refund (row order, then the name, breaks ties).
    ...(columns.segment
      ? [`first_segment AS (
  SELECT id, segment FROM (
    SELECT id, segment, ROW_NUMBER() OVER (PARTITION BY id ORDER BY day, ord, segment) AS rn
    FROM valid WHERE amount IS NULL OR amount >= 0
  ) AS ranked WHERE rn = 1
)`]
      : []),
    `cust AS (
  SELECT p.id, p.x, p.tx, p.age, p.spend_count, p.spend_sum, COALESCE(v.past_value, CAST(0 AS ${d.money})) AS past_value,
    f.first_day, f.last_purchase AS last_day, ${segment} AS segment, a.first_row,
    ${columns.cost ? `COALESCE(v.cost_sum, CAST(0 AS ${d.money}))` : `CAST(0 AS ${d.money})`} AS cost_sum
  FROM people AS p
  JOIN spans AS f ON f.id = p.id
  LEFT JOIN past AS v ON v.id = p.id
  LEFT JOIN appearance AS a ON a.id = p.id
  ${join}
)`,
  ];
}

/** The result columns of CUSTOMER_COLUMNS from `cust` (aliased `c`), cast for both clients. */
export function customerColumns(d: SqlDialect): string {
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const float = (e: string) => `CAST(${e} AS ${d.float})`;
  return `c.id AS id, ${int('c.x')} AS x, ${int('c.tx')} AS tx, ${int('c.age')} AS age, ${int('c.spend_count')} AS spend_count,
  ${float('c.spend_sum')} AS spend_sum, ${float('c.past_value')} AS past_value, ${int('c.first_day')} AS first_day, ${int('c.last_day')} AS last_day,
  c.segment AS segment, ${int('c.first_row')} AS first_row, ${float('c.cost_sum')} AS cost_sum`;
}

export function customerQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlRfmSettings): string {
  return `WITH\n${customerCtes(d, source, columns, s).join(',\n')}
SELECT ${customerColumns(d)}
FROM cust AS c
ORDER BY first_row, id`;
}
