// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * The cohort report of a customer table (one row per customer: signup, cancel or blank, revenue per
 * period, segment) as one query. A customer is active at the end of the periods from their signup
 * period to the one before their cancel date's (docs/metrics.md), a contiguous run, so the query only
 * counts customers by (segment, signup period, last active period), with their revenue; cohortReport.ts
 * spreads the runs over the periods into the engine's cube.
 *
 *   kind 'run'     label = segment, cohort = signup period, period = last period active at its end
 *                  (cohort − 1 for a customer who cancelled in their signup period): customers, revenue
 *   kind 'size', 'segment', 'skip', 'note', 'bounds' as in cohortQuery.ts
 */
import { BLANK_SEGMENT_NAME } from '../cohorts';
import { checkColumnType, type SqlColumn, type SqlTableColumns } from './columns';
import { caseWhen, type SqlDialect } from './dialect';
import { periodExpression, type SqlCohortSettings } from './cohortQuery';
import { blankCell, fromItem, repeatedHeaderCondition, type SqlSource } from './logExpressions';
import { MAX_PLACEHOLDER_LENGTH, MISSING_TEXTS } from '../placeholders';

/** placeholders.ts's INVISIBLE_ONLY in RE2: text of spaces, zero-width spaces and joiners, word joiner, BOM, soft hyphen only. */
const INVISIBLE_TEXT = String.raw`^[\s\x{00a0}\x{1680}\x{2000}-\x{200d}\x{2028}\x{2029}\x{202f}\x{205f}\x{2060}\x{3000}\x{feff}\x{00ad}]*$`;

export interface SqlTableSettings extends SqlCohortSettings {
  /** Without an as-of day, stop at this day when the table holds later dates (scheduled cancellations). */
  today: number | null;
}

const isText = (c: SqlColumn) => c.type === 'string';

export function tableQuery(d: SqlDialect, source: SqlSource, columns: SqlTableColumns, s: SqlTableSettings): string {
  const { id, signup } = columns;
  const cancel = columns.cancel ?? null;
  const revenue = columns.revenue ?? null;
  const segment = columns.segment ?? null;
  const order = columns.order ?? null;
  checkColumnType('id', id);
  checkColumnType('signup', signup);
  if (cancel) checkColumnType('cancel', cancel);
  if (revenue) checkColumnType('revenue', revenue);
  if (segment) checkColumnType('segment', segment);
  if (order) checkColumnType('order', order);
  const col = (c: SqlColumn) => d.column(c.name);
  const blank = (c: SqlColumn) => blankCell(d, c);
  const int = (e: string) => `CAST(${e} AS ${d.int})`;
  const nullOf = (type: string) => `CAST(NULL AS ${type})`;
  const period = (day: string) => periodExpression(d, day, s.period, s.weekStart);
  const day = (c: SqlColumn) => d.dayNumber(col(c), c.type, s.timeZone);
  const revenueExpr = revenue ? d.safeCast(isText(revenue) ? d.trim(col(revenue)) : col(revenue), d.money) : nullOf(d.money);
  const used = [id, signup, ...[cancel, revenue, segment].filter((c): c is SqlColumn => c !== null)];
  const reasons: [string, string][] = [
    [used.map(blank).join(' AND '), d.string('blank row')],
    [blank(id), d.string('blank id')],
  ];
  // After the id and before the signup date, as the sheet checks them (parseInput.ts skipUnreadable).
  const repeated = repeatedHeaderCondition(d, signup, [id, ...[cancel, revenue].filter((c): c is SqlColumn => c !== null)], day(signup));
  if (repeated) reasons.push([repeated, d.string('repeated header')]);
  reasons.push([blank(signup), d.string('blank date')], [`${day(signup)} IS NULL`, d.string('not a date')]);
  // A text cancel date that is a placeholder for a missing value ("NULL", "nan", "-": placeholders.ts) is
  // no cancel date, and noted, as in a sheet (parseTable.ts).
  const placeholder = cancel && isText(cancel)
    ? `(NOT ${blank(cancel)} AND ${day(cancel)} IS NULL AND ((LENGTH(${col(cancel)}) <= ${MAX_PLACEHOLDER_LENGTH} AND LOWER(${d.trim(col(cancel))}) IN (${MISSING_TEXTS.map((t) => d.string(t)).join(', ')})) OR ${d.matches(col(cancel), INVISIBLE_TEXT)}))`
    : null;
  if (cancel) {
    reasons.push([`NOT ${blank(cancel)} AND ${day(cancel)} IS NULL${placeholder ? ` AND NOT ${placeholder}` : ''}`, d.string('cancel not a date')]);
    reasons.push([`NOT ${blank(cancel)} AND ${day(cancel)} < ${day(signup)}`, d.string('cancel before signup')]);
  }
  if (revenue) reasons.push([`NOT ${blank(revenue)} AND ${revenueExpr} IS NULL`, d.string('bad amount')]);
  const segmentExpr = segment ? caseWhen([[blank(segment), d.string(BLANK_SEGMENT_NAME)]], isText(segment) ? col(segment) : `CAST(${col(segment)} AS ${d.text})`) : nullOf(d.text);
  const cancelExpr = cancel ? caseWhen([[blank(cancel), nullOf(d.int)], ...(placeholder ? [[placeholder, nullOf(d.int)] as [string, string]] : [])], day(cancel)) : nullOf(d.int);
  const dataLast = `MAX(CASE WHEN cancel IS NULL OR cancel < signup THEN signup ELSE cancel END)`;
  const lastDay = s.asOfDay !== null ? int(String(s.asOfDay)) : s.today !== null ? `LEAST(${dataLast}, ${int(String(s.today))})` : dataLast;
  const out = (kind: string, label: string, cohort: string, periodCol: string, customers: string, rev = nullOf(d.float)) =>
    `SELECT ${d.string(kind)} AS kind, ${label} AS label, ${cohort} AS cohort, ${periodCol} AS period, ${customers} AS customers, ` +
    `${nullOf(d.int)} AS continuing, ${nullOf(d.int)} AS ended, ${rev} AS revenue, ${nullOf(d.float)} AS retained`;
  const idExpr = isText(id) ? caseWhen([[`${d.trim(col(id))} = ''`, 'NULL']], d.trim(col(id))) : col(id); // "abc " is "abc" (logExpressions.ts)

  const ctes = [
    `src AS (
  SELECT ${idExpr} AS id, ${day(signup)} AS signup, ${cancelExpr} AS cancel, ${revenueExpr} AS revenue, ${segmentExpr} AS segment,
    ${order ? col(order) : nullOf(d.int)} AS ord, ${caseWhen(reasons, nullOf(d.text))} AS skip,
    ${placeholder ? caseWhen([[placeholder, '1']], '0') : '0'} AS placeholder
  FROM ${fromItem(d, source)}
)`,
    // A repeated id keeps its first row (row order; else the earliest signup), as a sheet keeps its first.
    `usable AS (
  SELECT id, signup, cancel, revenue, segment, placeholder, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord, signup, cancel, segment) AS rn
  FROM src WHERE skip IS NULL
)`,
    `valid AS (SELECT id, signup, cancel, revenue, segment, placeholder FROM usable WHERE rn = 1)`,
    `bounds AS (
  SELECT first_day, data_last_day, last_day, ${period('last_day')} AS last_period
  FROM (SELECT MIN(signup) AS first_day, ${dataLast} AS data_last_day, ${lastDay} AS last_day FROM valid) AS t
)`,
    // Active at the end of p for p = signup period … (cancel period − 1); a cancel after the last day is not known yet.
    `people AS (
  SELECT v.segment AS grp, ${period('v.signup')} AS cohort, v.revenue,
    CASE WHEN v.cancel IS NULL OR v.cancel > b.last_day THEN b.last_period ELSE ${period('v.cancel')} - 1 END AS last_active
  FROM valid AS v CROSS JOIN bounds AS b
  WHERE v.signup <= b.last_day ${s.segment !== null ? `AND v.segment = ${d.string(s.segment)}` : ''}
)`,
  ];
  const parts = [
    out('run', 'grp', 'cohort', 'last_active', int('COUNT(*)'), `CAST(SUM(revenue) AS ${d.float})`) + '\nFROM people GROUP BY grp, cohort, last_active',
    out('size', 'grp', 'cohort', nullOf(d.int), int('COUNT(*)')) + '\nFROM people GROUP BY grp, cohort',
    out('skip', 'skip', nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM src WHERE skip IS NOT NULL GROUP BY skip',
    out('skip', d.string('duplicate customer'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM usable WHERE rn > 1 HAVING COUNT(*) > 0',
    out('skip', d.string('after as-of day'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM valid AS v CROSS JOIN bounds AS b WHERE v.signup > b.last_day HAVING COUNT(*) > 0',
    out('bounds', nullOf(d.text), 'first_day', 'data_last_day', `(SELECT ${int('COUNT(*)')} FROM src)`) + '\nFROM bounds',
  ];
  if (segment) parts.push(out('segment', 'segment', nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM usable GROUP BY segment');
  if (placeholder) parts.push(out('note', d.string('placeholder cancel date'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM valid WHERE placeholder = 1 HAVING COUNT(*) > 0');
  if (revenue) parts.push(out('note', d.string('negative amount'), nullOf(d.int), nullOf(d.int), int('COUNT(*)')) + '\nFROM valid WHERE revenue < 0 HAVING COUNT(*) > 0');
  return `WITH\n${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`;
}
