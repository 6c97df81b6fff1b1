// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The rows a skipped-rows note names, as a sheet names them (src/core/cohorts/skippedRows.ts): for every reason a
 * row of a log can be skipped for, and every kept row worth a mention, the row order (`columns.order`, a file's line)
 * of its first `limit` rows, smallest first, and the cell a note quotes ("e.g. "soon"") on each. The reasons:
 *
 *   the row's own skip reason (logExpressions.ts: blank row, blank id, repeated header, blank date, not a date,
 *   bad amount; value: the date or amount cell), 'after as-of day', and of the rows with a negative amount up to
 *   the last day 'refund before first purchase' (refunds are not purchases and it is dated in a period before the
 *   customer's first purchase, or they have none: cohortQuery.ts's rule) or 'negative amount' (the summary's note);
 *   'refund' (every usable row with a negative amount: the Customer value sheet's note, which keeps them all in
 *   past value); 'padded id' (a usable row whose text id has white space around it; value: the id cell).
 *
 * Result: (reason, ord, value), by reason then order; value is the cell as text, NULL where a note quotes none.
 */
import type { SqlLogColumns } from './columns';
import type { SqlDialect } from './dialect';
import type { SqlCohortSettings } from './cohortQuery';
import { periodExpression } from './cohortQuery';
import { fromItem, logRowExpressions, type SqlSource } from './logExpressions';

export type SkippedRowsSettings = Pick<SqlCohortSettings, 'timeZone' | 'period' | 'weekStart' | 'refundsAreActivity' | 'asOfDay'>;

export function skippedRowsQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SkippedRowsSettings, limit: number): string {
  const row = logRowExpressions(d, columns, s.timeZone);
  const asText = (name: string, type: string) => (type === 'string' ? d.column(name) : `CAST(${d.column(name)} AS ${d.text})`);
  const amount = columns.amount ?? null;
  const nullText = `CAST(NULL AS ${d.text})`;
  const period = (day: string) => periodExpression(d, day, s.period, s.weekStart);
  const lastDay = s.asOfDay === null ? '(SELECT MAX(day) FROM valid)' : `CAST(${s.asOfDay} AS ${d.int})`;
  const ctes = [
    `src AS (
  SELECT ${row.id} AS id, ${row.day} AS day, ${row.amount ?? `CAST(NULL AS ${d.money})`} AS amount, ${row.order ?? `CAST(NULL AS ${d.int})`} AS ord,
    ${row.skip} AS skip, ${row.padded} AS padded, ${asText(columns.id.name, columns.id.type)} AS id_cell,
    ${asText(columns.date.name, columns.date.type)} AS date_cell, ${amount ? asText(amount.name, amount.type) : nullText} AS amount_cell
  FROM ${fromItem(d, source)}
)`,
    `valid AS (SELECT id, day, amount, ord, padded, id_cell FROM src WHERE skip IS NULL)`,
    `bounds AS (SELECT ${lastDay} AS last_day)`,
    `firsts AS (
  SELECT v.id, MIN(${period('v.day')}) AS cohort FROM valid AS v CROSS JOIN bounds AS b
  WHERE v.day <= b.last_day${s.refundsAreActivity ? '' : ' AND (v.amount IS NULL OR v.amount >= 0)'} GROUP BY v.id
)`,
    `marked AS (
  SELECT skip AS reason, ord, CASE WHEN skip = ${d.string('not a date')} THEN date_cell WHEN skip = ${d.string('bad amount')} THEN amount_cell ELSE ${nullText} END AS value
  FROM src WHERE skip IS NOT NULL
  UNION ALL
  SELECT ${d.string('after as-of day')}, v.ord, ${nullText} FROM valid AS v CROSS JOIN bounds AS b WHERE v.day > b.last_day
  UNION ALL
  SELECT CASE WHEN ${s.refundsAreActivity ? '1 = 0' : `f.cohort IS NULL OR ${period('v.day')} < f.cohort`} THEN ${d.string('refund before first purchase')} ELSE ${d.string('negative amount')} END, v.ord, ${nullText}
  FROM valid AS v CROSS JOIN bounds AS b LEFT JOIN firsts AS f ON f.id = v.id WHERE v.amount < 0 AND v.day <= b.last_day
  UNION ALL
  SELECT ${d.string('refund')}, ord, ${nullText} FROM valid WHERE amount < 0
  UNION ALL
  SELECT ${d.string('padded id')}, ord, id_cell FROM valid WHERE padded = 1
)`,
  ];
  return `WITH\n${ctes.join(',\n')}
SELECT reason, ord, value FROM (
  SELECT reason, ord, value, ROW_NUMBER() OVER (PARTITION BY reason ORDER BY ord) AS k FROM marked WHERE ord IS NOT NULL
) AS t WHERE k <= ${limit} ORDER BY reason, ord`;
}
