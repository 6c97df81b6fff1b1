/**
 * Text ids padded with white space (a fixed-width CHAR export, a no-break space pasted from a web page, a
 * tab from a TSV) are the customer without it in the SQL engines too, as on a sheet (test/bundle/paddedIds.test.ts),
 * where String.prototype.trim decides: by the cohort query and the customer table query, in DuckDB's dialect and
 * BigQuery's on ZetaSQL. DuckDB's own TRIM removes only the space U+0020; BigQuery's removes Unicode White_Space,
 * which leaves the byte order mark (and takes U+0085, which trim() keeps). Expected counts by hand from the rows.
 */
import { describe, expect, it } from 'vitest';
import { cohortQuery, cohortResultRows, tableQuery, type SqlLogColumns, type SqlTableColumns } from '../../src/core/sql';
import { enginesOnTextTables } from './textTables';

const ZONE = 'Europe/Prague';
const NBSP = '\u00a0';
const text = (name: string) => ({ name, type: 'string' as const });
const LOG: SqlLogColumns = { id: text('customer_id'), date: text('order_date'), amount: null, segment: null };
// One customer "A1" buying in January, February and March, written three ways; "B2" in January only.
const LOG_ROWS: unknown[][] = [
  ['A1', '2024-01-05'],
  ['B2  ', '2024-01-09'],
  ['A1 ', '2024-02-03'],
  ['  A1', '2024-03-07'],
];
// "C3" buying in January and again in February, March and April with a no-break space, a tab, a line break, an
// ideographic space and a byte order mark around the id; an id of a no-break space only is blank (the sheet's isBlank: trim() is "").
const WIDE_ROWS: unknown[][] = [
  ['C3', '2024-01-05'],
  [`${NBSP}C3`, '2024-02-03'],
  ['C3\t', '2024-03-07'],
  [`\r\nC3\u3000`, '2024-03-20'],
  ['\ufeffC3', '2024-04-02'], // a byte order mark before the first id of a CSV
  [`${NBSP}D4${NBSP}`, '2024-01-09'],
  [NBSP, '2024-01-10'],
  [`\t${NBSP} `, '2024-02-10'],
];
const TABLE: SqlTableColumns = { id: text('customer_id'), signup: text('signup'), cancel: text('cancel'), revenue: null, segment: null };
const TABLE_ROWS: unknown[][] = [
  ['A1 ', '2024-01-05', ''],
  ['B2', '2024-01-20', ''],
  ['A1', '2024-02-01', ''], // the same customer again: a duplicate
  [`${NBSP}B2`, '2024-02-05', ''], // B2 again, behind a no-break space: a duplicate
  ['E5\t', '2024-02-07', ''],
  [`${NBSP}\t`, '2024-02-09', ''], // blank id
];
const settings = { period: 'month' as const, weekStart: 'monday' as const, timeZone: ZONE, mode: 'in' as const, lapseAfter: 1, refundsAreActivity: false, asOfDay: null, segment: null, bySegment: false };

const engines = enginesOnTextTables([
  { name: 'orders', columns: ['customer_id', 'order_date'], rows: LOG_ROWS },
  { name: 'wide_orders', columns: ['customer_id', 'order_date'], rows: WIDE_ROWS },
  { name: 'customers', columns: ['customer_id', 'signup', 'cancel'], rows: TABLE_ROWS },
]);
const skips = (rows: ReturnType<typeof cohortResultRows>) => Object.fromEntries(rows.filter((r) => r.kind === 'skip').map((r) => [r.label, r.customers]));

describe.each(engines)('%s', (_name, d, run) => {
  it('a log: "A1", "A1 " and "  A1" are one customer, so January\'s cohort is 2 and keeps A1 in February and March', async () => {
    const rows = cohortResultRows(await run(cohortQuery(d, { table: ['orders'] }, LOG, settings)));
    const sizes = rows.filter((r) => r.kind === 'size').map((r) => r.customers);
    expect(sizes).toEqual([2]);
  });

  it('a log: a no-break space, a tab, a line break, an ideographic space or a byte order mark around an id is trimmed as on a sheet; such space alone is a blank id', async () => {
    const rows = cohortResultRows(await run(cohortQuery(d, { table: ['wide_orders'] }, LOG, settings)));
    // January's cohort: C3 and D4; C3 buys again in February, March and April, D4 never.
    const sizes = rows.filter((r) => r.kind === 'size');
    expect(sizes.map((r) => r.customers)).toEqual([2]);
    const january = sizes[0].cohort!;
    const active = rows.filter((r) => r.kind === 'cell' && r.cohort === january).map((r) => [r.period! - january, r.customers]).sort((a, b) => a[0]! - b[0]!);
    expect(active).toEqual([[0, 2], [1, 1], [2, 1], [3, 1]]);
    expect(skips(rows)).toEqual({ 'blank id': 2 });
  });

  it('a customer table: "A1" after "A1 " and "B2" behind a no-break space are duplicates; a tab after "E5" is trimmed; white space alone is a blank id', async () => {
    const rows = cohortResultRows(await run(tableQuery(d, { table: ['customers'] }, TABLE, { ...settings, today: 19_800 })));
    expect(skips(rows)).toEqual({ 'duplicate customer': 2, 'blank id': 1 });
    // January: A1 and B2; February: E5 only (the duplicates are not counted again).
    const sizes = rows.filter((r) => r.kind === 'size').sort((a, b) => a.cohort! - b.cohort!);
    expect(sizes.map((r) => r.customers)).toEqual([2, 1]);
    expect(sizes[1].cohort! - sizes[0].cohort!).toBe(1);
  });
});
