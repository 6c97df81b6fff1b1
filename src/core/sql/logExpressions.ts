// i18n-sql-file: SQL text for the engine; nothing here is read by a person.
/**
 * How one row of a transaction-log table reads, as SQL expressions: the same rules as the sheet
 * reader (docs/metrics.md "Reading cells") wherever SQL types allow, and the reason a row is
 * skipped, checked in the sheet's order (blank row, id, date, amount).
 */
import { BLANK_SEGMENT_NAME } from '../cohorts';
import { checkColumnType, type SqlColumn, type SqlLogColumns } from './columns';
import { caseWhen, type SqlDialect } from './dialect';

export interface RowExpressions {
  id: string;
  day: string;
  amount: string | null;
  segment: string | null;
  order: string | null;
  /** The cost of the row (NULL when blank or not a number), and whether it is a cost that is not a number; null without a cost column. */
  cost: string | null;
  costBad: string | null;
  /** The skip reason of the row (the engine's SkipReason words), NULL for a usable row. */
  skip: string;
  /** 1 when a text id has white space around it (read without it, as on a sheet: the 'padded id' note), else 0. */
  padded: string;
}

const isText = (c: SqlColumn) => c.type === 'string';

/** Whether a cell of column `c` is blank, as on a sheet (cells.ts isBlank): NULL, or text of white space only (dialect trim). */
export function blankCell(d: SqlDialect, c: SqlColumn): string {
  const col = d.column(c.name);
  return isText(c) ? `(${col} IS NULL OR ${d.trim(col)} = '')` : `${col} IS NULL`;
}

/**
 * A header row repeated among the data (exports glued one after another: "customer_id", "order_date",
 * "amount" again halfway down), as SQL: the sheet's rule (src/core/detect/repeatedHeader.ts,
 * src/core/cohorts/firstRow.ts) with the column names as the header. It can only be a row of a text
 * date column (a DATE or TIMESTAMP column cannot hold a column's name): its date is not a date and
 * names the date column, every other non-blank cell of the id and amount columns (a log's; a table's id,
 * cancel and revenue) is text naming its own column, and at least one does — case and surrounding spaces
 * aside. The segment column is not looked at: the customer value queries do not read it. The row is skipped as
 * `repeated header`, counted and named as the sheet names it.
 */
export function repeatedHeaderCondition(d: SqlDialect, date: SqlColumn, others: readonly SqlColumn[], dateDay: string): string | null {
  if (date.type !== 'string') return null;
  const names = (c: SqlColumn) => `LOWER(${d.trim(d.column(c.name))}) = ${d.string(c.name.trim().toLowerCase())}`;
  const text = others.filter((c) => c.type === 'string' && c.name !== date.name);
  if (text.length === 0) return null;
  return [
    `${dateDay} IS NULL`,
    names(date),
    ...others.filter((c) => c.name !== date.name).map((c) => (c.type === 'string' ? `(${blankCell(d, c)} OR ${names(c)})` : blankCell(d, c))),
    `(${text.map(names).join(' OR ')})`,
  ].join(' AND ');
}

/** A row's segment as every query names it: a blank cell is BLANK_SEGMENT_NAME, a number its digits. */
export function segmentExpression(d: SqlDialect, segment: SqlColumn): string {
  return caseWhen([[blankCell(d, segment), d.string(BLANK_SEGMENT_NAME)]], isText(segment) ? d.column(segment.name) : `CAST(${d.column(segment.name)} AS ${d.text})`);
}

export function logRowExpressions(d: SqlDialect, columns: SqlLogColumns, timeZone: string): RowExpressions {
  const { id, date } = columns;
  const amount = columns.amount ?? null;
  const segment = columns.segment ?? null;
  const order = columns.order ?? null;
  checkColumnType('id', id);
  checkColumnType('date', date);
  if (amount) checkColumnType('amount', amount);
  if (segment) checkColumnType('segment', segment);
  if (order) checkColumnType('order', order);
  const cost = columns.cost ?? null;
  if (cost) checkColumnType('cost', cost);

  const idCol = d.column(id.name);
  // Text ids without the spaces around them ("abc " is customer "abc", as on a sheet: idIndex.ts); all-blank text is blank.
  const idExpr = isText(id) ? caseWhen([[`${d.trim(idCol)} = ''`, `NULL`]], d.trim(idCol)) : idCol;
  const day = d.dayNumber(d.column(date.name), date.type, timeZone);
  const amountExpr = amount ? d.safeCast(isText(amount) ? d.trim(d.column(amount.name)) : d.column(amount.name), d.money) : null;
  // A cost is read like an amount, but a bad one skips no row: the customer-value sheet refuses the column (as a sheet does).
  const costExpr = cost ? d.safeCast(isText(cost) ? d.trim(d.column(cost.name)) : d.column(cost.name), d.money) : null;
  const segmentExpr = segment ? segmentExpression(d, segment) : null;

  const used = [id, date, ...(amount ? [amount] : []), ...(segment ? [segment] : [])];
  const reasons: [string, string][] = [
    [used.map((c) => blankCell(d, c)).join(' AND '), d.string('blank row')],
    [blankCell(d, id), d.string('blank id')],
  ];
  // After the id and before the date, as the sheet checks them (parseInput.ts skipUnreadable).
  // Of the columns every log query reads (the customer value queries leave the segment out), so both count a row alike.
  const repeated = repeatedHeaderCondition(d, date, [id, ...(amount ? [amount] : [])], day);
  if (repeated) reasons.push([repeated, d.string('repeated header')]);
  reasons.push([blankCell(d, date), d.string('blank date')], [`${day} IS NULL`, d.string('not a date')]);
  if (amount && amountExpr) reasons.push([`NOT ${blankCell(d, amount)} AND ${amountExpr} IS NULL`, d.string('bad amount')]);
  return {
    id: idExpr,
    day,
    amount: amountExpr,
    segment: segmentExpr,
    order: order ? d.column(order.name) : null,
    cost: costExpr,
    costBad: cost && costExpr ? caseWhen([[`NOT ${blankCell(d, cost)} AND ${costExpr} IS NULL`, '1']], '0') : null,
    skip: caseWhen(reasons, `CAST(NULL AS ${d.text})`),
    padded: isText(id) ? caseWhen([[`${idCol} <> ${d.trim(idCol)}`, '1']], '0') : '0',
  };
}

/** Where the rows come from: a table by its path, or the text of a query (a saved query, a file reader). */
export type SqlSource = { table: readonly string[] } | { query: string };

export function fromItem(d: SqlDialect, source: SqlSource): string {
  return 'table' in source ? d.table(source.table) : `(\n${source.query}\n)`;
}

/**
 * The CTEs every log query starts with: `src` (every row, read, with its skip reason), `valid` (the
 * usable rows) and `bounds` (first day, last day in the data, last observable day: the as-of day or
 * the last day in the data; `extra` adds columns computed from those).
 */
export function logBaseCtes(d: SqlDialect, source: SqlSource, row: RowExpressions, asOfDay: number | null, extra = ''): string[] {
  const nullOf = (type: string) => `CAST(NULL AS ${type})`;
  const lastDay = asOfDay === null ? 'MAX(day)' : `CAST(${asOfDay} AS ${d.int})`;
  return [
    `src AS (
  SELECT ${row.id} AS id, ${row.day} AS day, ${row.amount ?? nullOf(d.money)} AS amount,
    ${row.segment ?? nullOf(d.text)} AS segment, ${row.order ?? nullOf(d.int)} AS ord, ${row.skip} AS skip, ${row.padded} AS padded${row.cost ? `,
    ${row.cost} AS cost, ${row.costBad} AS cost_bad` : ''}
  FROM ${fromItem(d, source)}
)`,
    `valid AS (SELECT id, day, amount, segment, ord${row.cost ? ', cost, cost_bad' : ''} FROM src WHERE skip IS NULL)`,
    `bounds AS (
  SELECT first_day, data_last_day, last_day${extra ? `, ${extra}` : ''}
  FROM (SELECT MIN(day) AS first_day, MAX(day) AS data_last_day, ${lastDay} AS last_day FROM valid) AS t
)`,
  ];
}
