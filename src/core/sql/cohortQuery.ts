// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The one query behind a cohort report of a transaction log, in either dialect. It returns the
 * engine's cohort cube (docs/metrics.md; src/core/cohorts/cube.ts) and little else, a few thousand
 * rows whatever the size of the table, which cohortReport.ts turns into the very CohortReport the
 * in-sheet engine produces:
 *
 *   kind 'cell'    label = segment, cohort, period: customers active (counted), continuing (counted
 *                  in period − 1 too), ended (last purchase in this period), revenue, retained
 *   kind 'size'    label = segment, cohort: customers = cohort size
 *   kind 'segment' label = a segment name occurring on a usable row
 *   kind 'skip'    label = reason: customers = rows skipped for it (a refund dated before the
 *                  customer's first purchase, or of a customer without one: 'refund before first purchase')
 *   kind 'note'    label = reason: customers = rows kept but worth a mention (refunds, ids with white space around them)
 *   kind 'bounds'  cohort = first day, period = last day in the data, customers = rows in the table,
 *                  continuing = customers with a purchase on or before the last day (every segment)
 *   kind 'gap'     cohort = a distance d ≥ 1 in periods (weeks from Monday), customers = returns of that
 *                  distance: purchases in a later period than the same customer's previous purchase, over
 *                  every usable row (the data behind the suggested lapse window, lapseSuggestion.ts)
 *
 * Periods are absolute period numbers (periods.ts: 0 = the period holding 1970-01-01), days are day
 * numbers. Counts are exact: customers are de-duplicated with DISTINCT / GROUP BY before counting
 * (never APPROX_COUNT_DISTINCT), money is summed as NUMERIC.
 */
import type { DayNumber } from '../calendar';
import type { RetentionMode } from '../cohorts';
import type { PeriodUnit, WeekStart } from '../periods';
import type { SqlLogColumns } from './columns';
import type { SqlSource } from './logExpressions';
import type { SqlDialect } from './dialect';
import { logBaseCtes, logRowExpressions } from './logExpressions';

export interface SqlCohortSettings {
  period: PeriodUnit;
  weekStart: WeekStart;
  /** The spreadsheet's IANA zone: a TIMESTAMP counts on the calendar day it has there. */
  timeZone: string;
  mode: RetentionMode;
  /** Lapse window K ≥ 1: active in p after a purchase in p − K + 1 … p. */
  lapseAfter: number;
  /** Rows with a negative amount make a customer active (otherwise they only count in revenue). */
  refundsAreActivity: boolean;
  asOfDay: DayNumber | null;
  segment: string | null;
  bySegment: boolean;
}

export type { SqlSource } from './logExpressions';

export { RESULT_COLUMNS } from './resultColumns';

/** The period number of the day number `day`, as SQL. */
export function periodExpression(d: SqlDialect, day: string, unit: PeriodUnit, weekStart: WeekStart): string {
  if (unit === 'week') return d.floorDiv(`${day} + ${weekStart === 'monday' ? 3 : 4}`, 7);
  const date = d.dateOfDay(day);
  const year = `(EXTRACT(YEAR FROM ${date}) - 1970)`;
  if (unit === 'year') return year;
  const month0 = `(EXTRACT(MONTH FROM ${date}) - 1)`;
  return unit === 'month' ? `(${year} * 12 + ${month0})` : `(${year} * 4 + ${d.floorDiv(month0, 3)})`;
}

export function cohortQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlCohortSettings): string {
  const row = logRowExpressions(d, columns, s.timeZone);
  const period = (day: string) => periodExpression(d, day, s.period, s.weekStart);
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const nullOf = (type: string) => `CAST(NULL AS ${type})`;
  const zero = `CAST(0 AS ${d.money})`;
  const hasAmount = row.amount !== null;
  const purchase = hasAmount && !s.refundsAreActivity ? 'WHERE amount IS NULL OR amount >= 0' : '';
  const segmentFilter = s.segment !== null ? `WHERE f.grp = ${d.string(s.segment)}` : '';
  const K = s.lapseAfter;
  if (!Number.isInteger(K) || K < 1) throw new Error(`lapse window ${K}: check it with resolveCohortOptions first`);
  const active =
    K === 1
      ? 'SELECT id, p FROM bought'
      : `SELECT DISTINCT b.id, b.p + k AS p FROM bought AS b CROSS JOIN ${d.offsets(K)} WHERE b.p + k <= (SELECT last_period FROM bounds)`;
  const out = (kind: string, label: string, cohort: string, periodCol: string, customers: string, rest = `${nullOf(d.int)}, ${nullOf(d.int)}, ${nullOf(d.float)}, ${nullOf(d.float)}`) =>
    `SELECT ${d.string(kind)} AS kind, ${label} AS label, ${cohort} AS cohort, ${periodCol} AS period, ${customers} AS customers, ${rest}`;

  const ctes = [
    ...logBaseCtes(d, source, row, s.asOfDay, `${period('last_day')} AS last_period`),
    `observed AS (
  SELECT v.id, v.day, v.amount, v.segment, v.ord, ${period('v.day')} AS p
  FROM valid AS v CROSS JOIN bounds AS b WHERE v.day <= b.last_day
)`,
    `purchases AS (SELECT id, day, amount, segment, ord, p FROM observed ${purchase})`,
    // A customer's segment is the one on their earliest purchase (row order breaks ties); without a
    // segment column one GROUP BY gives cohort and last purchase, no window needed.
    ...(row.segment
      ? [
          `firsts AS (
  SELECT id, p AS cohort, segment AS grp
  FROM (SELECT id, p, segment, ROW_NUMBER() OVER (PARTITION BY id ORDER BY day, ord, segment) AS rn FROM purchases) AS ranked
  WHERE rn = 1
)`,
          `customers AS (
  SELECT f.id, f.cohort, f.grp, l.last_p
  FROM firsts AS f JOIN (SELECT id, MAX(p) AS last_p FROM purchases GROUP BY id) AS l ON l.id = f.id
  ${segmentFilter}
)`,
        ]
      : [`customers AS (SELECT id, MIN(p) AS cohort, CAST(NULL AS ${d.text}) AS grp, MAX(p) AS last_p FROM purchases GROUP BY id)`]),
    `bought AS (SELECT DISTINCT id, p FROM purchases)`,
    `active AS (${active})`,
    // Active in the period before too: a join, not an ordered window (cheaper, and portable).
    `flags AS (
  SELECT a.id, a.p, CASE WHEN b.id IS NULL THEN 0 ELSE 1 END AS continuing
  FROM active AS a LEFT JOIN active AS b ON b.id = a.id AND b.p = a.p - 1
)`,
    `money AS (SELECT id, p, SUM(amount) AS amount FROM observed WHERE amount IS NOT NULL GROUP BY id, p)`,
    `cells AS (
  SELECT c.grp, c.cohort, f.p AS period, 1 AS active,
    f.continuing,
    CASE WHEN f.p = c.last_p THEN 1 ELSE 0 END AS ended,
    ${zero} AS revenue, ${zero} AS retained
  FROM flags AS f JOIN customers AS c ON c.id = f.id
  UNION ALL
  SELECT c.grp, c.cohort, m.p, 0, 0, 0, m.amount, CASE WHEN a.id IS NULL THEN ${zero} ELSE m.amount END
  FROM money AS m JOIN customers AS c ON c.id = m.id LEFT JOIN active AS a ON a.id = m.id AND a.p = m.p - 1
  WHERE m.p >= c.cohort
)`,
  ];
  // Each customer's distinct purchase periods (weeks from Monday, as the sheet's suggestion counts them)
  // and the distance from the one before: an ordered window without DISTINCT, which BigQuery allows.
  ctes.push(`gaps AS (
  SELECT t.p - LAG(t.p) OVER (PARTITION BY t.id ORDER BY t.p) AS gap
  FROM (SELECT DISTINCT id, ${periodExpression(d, 'day', s.period, 'monday')} AS p FROM valid ${hasAmount && !s.refundsAreActivity ? 'WHERE amount IS NULL OR amount >= 0' : ''}) AS t
)`);
  if (hasAmount) {
    // Refund rows on or before the last day, with the customer's cohort (NULL: no purchase at all).
    ctes.push(`refunds AS (
  SELECT o.p, f.cohort FROM observed AS o LEFT JOIN (SELECT id, MIN(p) AS cohort FROM purchases GROUP BY id) AS f ON f.id = o.id
  WHERE o.amount < 0
)`);
  }
  const parts = [
    out('cell', 'grp', 'cohort', 'period', int('SUM(active)'),
      `${int('SUM(continuing)')} AS continuing, ${int('SUM(ended)')} AS ended, CAST(SUM(revenue) AS ${d.float}) AS revenue, CAST(SUM(retained) AS ${d.float}) AS retained`) +
      '\nFROM cells GROUP BY grp, cohort, period',
    out('size', 'grp', 'cohort', nullOf(d.int), int('COUNT(*)')) + '\nFROM customers GROUP BY grp, cohort',
    out('skip', 'skip', nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM src WHERE skip IS NOT NULL GROUP BY skip',
    out('skip', d.string('after as-of day'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) +
      '\nFROM valid AS v CROSS JOIN bounds AS b WHERE v.day > b.last_day HAVING COUNT(*) > 0',
    out('bounds', nullOf(d.text), 'first_day', 'data_last_day', `(SELECT ${int('COUNT(*)')} FROM src)`,
      `(SELECT ${int('COUNT(DISTINCT id)')} FROM purchases) AS continuing, ${nullOf(d.int)}, ${nullOf(d.float)}, ${nullOf(d.float)}`) + '\nFROM bounds',
  ];
  // Kept rows whose text id had white space around it (read without it): noted as a sheet notes them (paddedIds.ts).
  parts.push(out('note', d.string('padded id'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM src WHERE skip IS NULL AND padded = 1 HAVING COUNT(*) > 0');
  if (row.segment) parts.push(out('segment', 'segment', nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM valid GROUP BY segment');
  parts.push(out('gap', nullOf(d.text), int('gap'), nullOf(d.int), int('COUNT(*)')) + '\nFROM gaps WHERE gap IS NOT NULL GROUP BY gap');
  if (hasAmount) {
    // Refunds are kept (noted) unless they are not purchases and fit no cohort: then they are skipped.
    const fits = s.refundsAreActivity ? '' : 'WHERE cohort IS NOT NULL AND p >= cohort ';
    parts.push(out('note', d.string('negative amount'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + `\nFROM refunds ${fits}HAVING COUNT(*) > 0`);
    if (!s.refundsAreActivity) {
      parts.push(out('skip', d.string('refund before first purchase'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM refunds WHERE cohort IS NULL OR p < cohort HAVING COUNT(*) > 0');
    }
  }
  return `WITH\n${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}
