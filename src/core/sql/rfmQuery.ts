// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The customer-value inputs of a transaction log as one query: the RFM summary of docs/models.md
 * (a transaction is a customer-day, amounts summed net; x = purchase days − 1, t_x and T in days up
 * to the observation end, inclusive), not per customer but grouped, so the fits run in Apps Script on
 * a few thousand rows whatever the number of customers:
 *
 *   kind 'history' (x, t_x, T) → customers: the BG/NBD input, exactly (customers with one history
 *                  contribute identical likelihood terms)
 *   kind 'spend'   (spend count, repeat spend sum) → customers: the Gamma-Gamma input, exactly
 *                  (m̄ = sum / count), over customers with positive repeat spend
 *   kind 'totals'  purchase days left out of the spend model (refunds, zero, missing amounts),
 *                  customers, past value
 *   kind 'bounds'  first day, observation end, rows after it, rows in the table, and (amount)
 *                  customer-days of refunds only, which are no transactions unless refunds are purchases
 *   kind 'skip'    x = the reason (its index in LOG_SKIP_REASONS), customers = rows skipped for it
 *   kind 'notes'   x = usable rows whose text id has white space around it, tx = usable rows with a negative amount
 *   kind 'costs'   with a cost column only: x = rows to the end whose cost is blank (counted as 0),
 *                  tx = rows whose cost is not a number (the sheet refuses the column)
 *
 * Result columns: kind, x, tx, age, customers, amount (FLOAT64).
 */
import type { DayNumber } from '../calendar';
import type { SqlLogColumns } from './columns';
import type { SqlDialect } from './dialect';
import { logBaseCtes, logRowExpressions, type SqlSource } from './logExpressions';
import { LOG_SKIP_REASONS } from './resultColumns';

export interface SqlRfmSettings {
  timeZone: string;
  /** The observation end (inclusive); null = the last day in the data. */
  endDay: DayNumber | null;
  /** Rows with a negative amount are purchases too (otherwise they only count in past value). */
  refundsAreActivity: boolean;
  /** At most this many exact spend rows (default MAX_SPEND_ROWS); past it they are binned (SPEND_DIGITS). */
  spendRows?: number;
}

/**
 * The Gamma-Gamma input is exact while the distinct (spend count, spend sum) pairs are at most this many:
 * with real money they are nearly one per repeat buyer, so a warehouse's would be millions of rows for Apps
 * Script to read and fit. Past it, customers are grouped by spend count and m̄ rounded to SPEND_DIGITS
 * significant digits, each bin entering the fit with its customers and their mean m̄.
 */
export const MAX_SPEND_ROWS = 100_000;
export const SPEND_DIGITS = 3;

export { RFM_COLUMNS } from './resultColumns';

/**
 * The CTEs both customer-value queries read (this one and customerQuery.ts): src, valid, bounds,
 * observed (rows to the end), customer_days, days (transactions), spans, repeats and people (one row per
 * customer with a transaction: x, tx, age in days, spend sum and count).
 */
export function rfmCtes(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlRfmSettings): string[] {
  const row = logRowExpressions(d, columns, s.timeZone);
  const purchase = row.amount !== null && !s.refundsAreActivity ? 'WHERE purchase = 1' : '';
  return [
    ...logBaseCtes(d, source, row, s.endDay),
    `observed AS (SELECT v.id, v.day, v.amount${columns.cost ? ', v.cost, v.cost_bad' : ''} FROM valid AS v CROSS JOIN bounds AS b WHERE v.day <= b.last_day)`,
    // Customer-days: the net of all their known amounts, whether any amount is known, and whether any
    // row is a purchase (a blank or non-negative amount); a day of refunds only is no transaction.
    `customer_days AS (
  SELECT id, day, SUM(amount) AS net, COUNT(amount) AS known, MAX(CASE WHEN amount IS NULL OR amount >= 0 THEN 1 ELSE 0 END) AS purchase
  FROM observed GROUP BY id, day
)`,
    `days AS (SELECT id, day, net, known FROM customer_days ${purchase})`,
    `spans AS (SELECT id, MIN(day) AS first_day, MAX(day) AS last_purchase, COUNT(*) AS purchase_days FROM days GROUP BY id)`,
    `repeats AS (
  SELECT r.id,
    SUM(CASE WHEN r.known > 0 AND r.net > 0 THEN r.net ELSE CAST(0 AS ${d.money}) END) AS spend_sum,
    SUM(CASE WHEN r.known > 0 AND r.net > 0 THEN 1 ELSE 0 END) AS spend_count,
    SUM(CASE WHEN r.known > 0 AND r.net < 0 THEN 1 ELSE 0 END) AS refunds,
    SUM(CASE WHEN r.known > 0 AND r.net = 0 THEN 1 ELSE 0 END) AS zeros,
    SUM(CASE WHEN r.known = 0 THEN 1 ELSE 0 END) AS missing
  FROM days AS r JOIN spans AS f ON f.id = r.id
  WHERE r.day > f.first_day
  GROUP BY r.id
)`,
    `people AS (
  SELECT f.id, f.purchase_days - 1 AS x, f.last_purchase - f.first_day AS tx, b.last_day - f.first_day AS age,
    COALESCE(r.spend_sum, CAST(0 AS ${d.money})) AS spend_sum, COALESCE(r.spend_count, 0) AS spend_count
  FROM spans AS f CROSS JOIN bounds AS b LEFT JOIN repeats AS r ON r.id = f.id
)`,
  ];
}

export function rfmQuery(d: SqlDialect, source: SqlSource, columns: SqlLogColumns, s: SqlRfmSettings): string {
  // The fits need no segment: it stays out of the query (and out of the bytes BigQuery bills).
  const ctes = [...rfmCtes(d, source, { ...columns, segment: null }, s), ...spendCtes(d)];
  return `WITH\n${ctes.join(',\n')}\n${rfmParts(d, s, true, Boolean(columns.cost)).join('\nUNION ALL\n')}`;
}

/**
 * The 'spend' rows, in one of three tiers chosen by the data (each SELECT returns rows only in its own tier):
 *   exact  the (spend count, spend sum) groups, while there are at most `limit` of them;
 *   fine   bins of (spend count, m̄ to SPEND_DIGITS significant digits), while there are at most `limit` of those
 *          (at most distinct counts × 9·10^(SPEND_DIGITS−1) per decade of m̄: unbounded by itself);
 *   coarse a grid of ⌊√limit⌋ × ⌊√limit⌋ cells, logarithmic in the spend count and in m̄ between their smallest and
 *          largest values: at most `limit` rows whatever the data.
 * A fine bin's amount is its mean spend sum (amount ÷ count is its customers' mean m̄); a coarse cell's count is its
 * customers' mean spend count rounded and its amount that count × their mean m̄, so amount ÷ count is again their
 * mean m̄. The groups are one CTE (spend_groups, with each group's m̄ and fine bin), read once by each tier.
 */
export function spendCtes(d: SqlDialect): string[] {
  const float = (e: string) => `CAST(${e} AS ${d.float})`;
  const mean = `(${float('spend_sum')} / spend_count)`;
  // The bin as two whole numbers, the decade and the leading digits (ROUND with a computed number of digits is not
  // in both dialects): m̄ = 1234.5 → decade 3, digits ROUND(1234.5 / 10^(3 − 2)) = 123.
  const decade = `FLOOR(LOG10(${mean}))`;
  const digits = `ROUND(${mean} / POWER(10, ${decade} - ${SPEND_DIGITS - 1}))`;
  return [
    `spend_groups AS (
  SELECT spend_count, spend_sum, n, ${mean} AS mean, ${decade} AS decade, ${digits} AS digits
  FROM (SELECT spend_count, spend_sum, COUNT(*) AS n FROM people WHERE spend_count > 0 GROUP BY spend_count, spend_sum) AS g
)`,
    `spend_sizes AS (
  SELECT (SELECT COUNT(*) FROM spend_groups) AS pairs,
    (SELECT COUNT(*) FROM (SELECT DISTINCT spend_count, decade, digits FROM spend_groups) AS b) AS bins,
    MIN(spend_count) AS min_count, MAX(spend_count) AS max_count, MIN(mean) AS min_mean, MAX(mean) AS max_mean
  FROM spend_groups
)`,
  ];
}

function spendPart(d: SqlDialect, limit: number): string {
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const float = (e: string) => `CAST(${e} AS ${d.float})`;
  const nullInt = `CAST(NULL AS ${d.int})`;
  const side = Math.max(1, Math.floor(Math.sqrt(limit)));
  // The cell of v in [lo, hi] on a logarithmic scale of `side` steps (0 when lo = hi).
  const cell = (v: string, lo: string, hi: string) =>
    `CASE WHEN ${hi} > ${lo} THEN LEAST(${side - 1}, FLOOR(${side} * LN(${float(v)} / ${lo}) / LN(${float(hi)} / ${lo}))) ELSE 0 END`;
  const count = `ROUND(SUM(g.n * ${float('g.spend_count')}) / SUM(g.n))`;
  return `SELECT 'spend' AS kind, ${int('g.spend_count')} AS x, ${nullInt} AS tx, ${nullInt} AS age, ${int('g.n')} AS customers, ${float('g.spend_sum')} AS amount
  FROM spend_groups AS g CROSS JOIN spend_sizes AS z WHERE z.pairs <= ${limit}
  UNION ALL
  SELECT 'spend', ${int('g.spend_count')}, ${nullInt}, ${nullInt}, ${int('SUM(g.n)')}, SUM(g.n * ${float('g.spend_sum')}) / SUM(g.n)
  FROM spend_groups AS g CROSS JOIN spend_sizes AS z WHERE z.pairs > ${limit} AND z.bins <= ${limit} GROUP BY g.spend_count, g.decade, g.digits
  UNION ALL
  SELECT 'spend', ${int(count)}, ${nullInt}, ${nullInt}, ${int('SUM(g.n)')}, ${count} * SUM(g.n * g.mean) / SUM(g.n)
  FROM spend_groups AS g CROSS JOIN spend_sizes AS z WHERE z.pairs > ${limit} AND z.bins > ${limit}
  GROUP BY ${cell('g.spend_count', 'z.min_count', 'z.max_count')}, ${cell('g.mean', 'z.min_mean', 'z.max_mean')}`;
}

/** The SELECTs of rfmQuery's result (RFM_COLUMNS), over rfmCtes; without the 'history' rows when another query's rows give them. */
export function rfmParts(d: SqlDialect, s: SqlRfmSettings, histories = true, costs = false): string[] {
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const float = (e: string) => `CAST(${e} AS ${d.float})`;
  const nullInt = `CAST(NULL AS ${d.int})`;
  const totals = `SELECT 'totals' AS kind,
    (SELECT ${int('COALESCE(SUM(refunds), 0)')} FROM repeats) AS x,
    (SELECT ${int('COALESCE(SUM(zeros), 0)')} FROM repeats) AS tx,
    (SELECT ${int('COALESCE(SUM(missing), 0)')} FROM repeats) AS age,
    (SELECT ${int('COUNT(*)')} FROM people) AS customers,
    (SELECT ${float('SUM(amount)')} FROM observed) AS amount
  UNION ALL
  SELECT 'bounds', b.first_day, b.last_day, (SELECT ${int('COUNT(*)')} FROM valid AS v WHERE v.day > b.last_day), (SELECT ${int('COUNT(*)')} FROM src),
    (SELECT ${float('COUNT(*)')} FROM customer_days WHERE purchase = 0 ${s.refundsAreActivity ? 'AND 1 = 0' : ''})
  FROM bounds AS b`;
  const parts = [
    `SELECT 'history' AS kind, ${int('x')} AS x, ${int('tx')} AS tx, ${int('age')} AS age, ${int('COUNT(*)')} AS customers, CAST(NULL AS ${d.float}) AS amount
  FROM people GROUP BY x, tx, age`,
    spendPart(d, s.spendRows ?? MAX_SPEND_ROWS),
    totals,
    `SELECT 'skip', CASE ${LOG_SKIP_REASONS.map((r, i) => `WHEN skip = ${d.string(r)} THEN ${i}`).join(' ')} END, ${nullInt}, ${nullInt}, ${int('COUNT(*)')}, CAST(NULL AS ${d.float})
  FROM src WHERE skip IS NOT NULL GROUP BY skip`,
    // Kept rows a sheet's Customer value notes: ids with white space around them, and refunds (every usable row, as the sheet's parse counts them).
    `SELECT 'notes', (SELECT ${int('COUNT(*)')} FROM src WHERE skip IS NULL AND padded = 1), (SELECT ${int('COUNT(*)')} FROM valid WHERE amount < 0), ${nullInt}, ${nullInt}, CAST(NULL AS ${d.float})`,
    // A cost that is not a number is counted on every usable row (a sheet reads the whole column); blanks to the end.
    ...(costs
      ? [`SELECT 'costs', (SELECT ${int('COUNT(*)')} FROM observed WHERE cost IS NULL AND cost_bad = 0), (SELECT ${int('COALESCE(SUM(cost_bad), 0)')} FROM valid), ${nullInt}, ${nullInt}, CAST(NULL AS ${d.float})`]
      : []),
  ];
  return histories ? parts : parts.slice(1);
}
