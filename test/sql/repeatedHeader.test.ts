/**
 * A header row repeated among the data (exports glued together) in the SQL engines, as in a sheet
 * (test/report/repeatedHeader.test.ts): skipped, counted and named 'repeated header' — by the cohort
 * query, the customer table query and the customer value query, in DuckDB's dialect and BigQuery's on
 * ZetaSQL — and `npm start -- --engine duckdb` on a CSV with the header twice more in it says what the
 * sheet engine says. Expectations written out by hand from the rows.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortQuery, cohortResultRows, rfmQuery, rfmResultRows, tableQuery, type SqlLogColumns, type SqlTableColumns } from '../../src/core/sql';
import { LOG_SKIP_REASONS } from '../../src/core/sql/resultColumns';
import { simulate } from './simulatedLog';
import { enginesOnTextTables } from './textTables';
import { npmStart } from '../support/npmStart';
import { xlsxSheet } from '../support/xlsxSheet';

const root = join(__dirname, '..', '..');
const ZONE = 'Europe/Prague';
const text = (name: string) => ({ name, type: 'string' as const });
const LOG: SqlLogColumns = { id: text('customer_id'), date: text('order_date'), amount: text('amount'), segment: text('region') };
const LOG_ROWS: unknown[][] = [
  ['a', '2024-01-05', '10', 'web'],
  ['b', '2024-01-09', '20', 'shop'],
  ['customer_id', 'order_date', 'amount', 'region'], // the header again
  ['a', '2024-02-03', '15', 'web'],
  ['  Customer_ID ', 'ORDER_DATE', '', null], // again, in capitals, blanks aside
  ['c', '2024-02-07', '5', 'web'],
  ['x', 'order_date', '5', 'web'], // a date naming its column, but x and 5 are data: not a date
  ['customer_id', 'order_date', 'amount', 'east'], // id, date and amount name their columns: a repeat (the segment is not looked at)
];
const TABLE: SqlTableColumns = { id: text('customer_id'), signup: text('signup'), cancel: text('cancel'), revenue: null, segment: null };
const TABLE_ROWS: unknown[][] = [
  ['a', '2024-01-05', ''],
  ['customer_id', 'signup', 'cancel'],
  ['b', '2024-01-20', '2024-03-02'],
  ['c', 'Signup', ''], // the id is data: not a date
];
const settings = { period: 'month' as const, weekStart: 'monday' as const, timeZone: ZONE, mode: 'in' as const, lapseAfter: 1, refundsAreActivity: false, asOfDay: null, segment: null, bySegment: false };
const skips = (rows: ReturnType<typeof cohortResultRows>) => Object.fromEntries(rows.filter((r) => r.kind === 'skip').map((r) => [r.label, r.customers]));

const engines = enginesOnTextTables([
  { name: 'orders', columns: ['customer_id', 'order_date', 'amount', 'region'], rows: LOG_ROWS },
  { name: 'customers', columns: ['customer_id', 'signup', 'cancel'], rows: TABLE_ROWS },
]);

describe.each(engines)('%s', (_name, d, run) => {
  it('a log: the three repeats are skipped as repeated header, the near miss is not a date', async () => {
    const rows = cohortResultRows(await run(cohortQuery(d, { table: ['orders'] }, LOG, settings)));
    expect(skips(rows)).toEqual({ 'repeated header': 3, 'not a date': 1 });
    // a, b and c are the customers (two of them in January, one in February).
    const sizes = rows.filter((r) => r.kind === 'size').map((r) => r.customers);
    expect(sizes.reduce<number>((t, n) => t + (n ?? 0), 0)).toBe(3);
  });

  it('a customer table: the repeat is skipped as repeated header', async () => {
    const rows = cohortResultRows(await run(tableQuery(d, { table: ['customers'] }, TABLE, { ...settings, today: 19_800 })));
    expect(skips(rows)).toEqual({ 'repeated header': 1, 'not a date': 1 });
  });

  it('customer value: the same rows are skipped, for the same reasons', async () => {
    // Too few customers to fit: the query's 'skip' rows (x = the reason's index in LOG_SKIP_REASONS) say it.
    const rows = rfmResultRows(await run(rfmQuery(d, { table: ['orders'] }, LOG, { timeZone: ZONE, endDay: null, refundsAreActivity: false })));
    expect(Object.fromEntries(rows.filter((r) => r.kind === 'skip' && (r.customers ?? 0) > 0).map((r) => [LOG_SKIP_REASONS[r.x!], r.customers]))).toEqual({ 'repeated header': 3, 'not a date': 1 });
  });
});

describe('npm start -- --engine duckdb on a CSV with its header repeated', () => {
  const out = join(root, 'out', 'test-repeated-header');
  const start = npmStart;
  const line = (rows: unknown[][], label: string) => rows.find((r) => r?.[0] === label);
  const after = (rows: unknown[][], label: string) => rows[rows.findIndex((r) => r?.[0] === label) + 1]?.[1];

  it('skips and names the two repeats as the sheet engine does; the tables are the same', async () => {
    mkdirSync(out, { recursive: true });
    const header = 'customer_id,order_date,amount,region';
    const lines = simulate(5, 300).filter((r) => r.amount !== '' && (r.amount ?? 0) > 0).map((r) => [r.id, r.date.toISOString().slice(0, 10), r.amount, r.segment || 'None'].join(','));
    const csv = join(out, 'orders.csv');
    expect(lines.length).toBeGreaterThan(700);
    // The header again after 300 data rows (sheet row 302) and, in capitals, after 300 more (row 603).
    writeFileSync(csv, [header, ...lines.slice(0, 300), header, ...lines.slice(300, 600), ` ${header.toUpperCase()}`, ...lines.slice(600)].join('\n') + '\n');
    start(csv, '--out', join(out, 'sheet.xlsx'));
    const printed = start(csv, '--engine', 'duckdb', '--out', join(out, 'duckdb.xlsx'));
    expect(printed).toMatch(/date = "order_date" \(string\)/); // DuckDB reads the dates as text: the header made them so
    const [s, q] = [await xlsxSheet(join(out, 'sheet.xlsx'), 'Retention summary'), await xlsxSheet(join(out, 'duckdb.xlsx'), 'Retention summary')];
    expect(line(s, 'Rows skipped')?.[1]).toBe(2);
    expect(line(q, 'Rows skipped')?.[1]).toBe(2);
    expect(after(s, 'Rows skipped')).toBe('Skipped 2 rows: 2 rows repeating the header row (rows 302, 603).');
    expect(after(q, 'Rows skipped')).toBe('Skipped 2 rows: 2 rows repeating the header row (rows 302, 603).');
    const table = (rows: unknown[][]) => rows.slice(rows.findIndex((r) => r?.[0] === 'Retention and churn per period')).slice(0, 30)
      .map((r) => JSON.stringify(r?.map((v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)))); // money summed exactly in SQL, in floating point in a sheet
    expect(table(q)).toEqual(table(s));
    const value = await xlsxSheet(join(out, 'duckdb.xlsx'), 'Customer value');
    expect(line(value, 'Rows skipped')?.[1]).toBe(2);
    expect(after(value, 'Rows skipped')).toBe('Skipped 2 rows: 2 rows repeating the header row (rows 302, 603).');
    expect(readFileSync(csv, 'utf8').split('\n').filter((l) => l.trim().toLowerCase() === header).length).toBe(3);
  });

  it('more repeats than a note lists: the first five and "…", in the language of --locale (Czech)', async () => {
    mkdirSync(out, { recursive: true });
    const header = 'customer_id,order_date,amount,region';
    const lines = simulate(5, 300).filter((r) => r.amount !== '' && (r.amount ?? 0) > 0).map((r) => [r.id, r.date.toISOString().slice(0, 10), r.amount, r.segment || 'None'].join(','));
    // The header again after every 100 data rows, 7 times: file lines 102, 203, 304, 405, 506, 607, 708.
    const file = [header];
    for (let i = 0; i < 7; i++) file.push(...lines.slice(100 * i, 100 * (i + 1)), header);
    file.push(...lines.slice(700));
    const csv = join(out, 'orders7.csv');
    writeFileSync(csv, file.join('\n') + '\n');
    const expected = [...file.keys()].filter((i) => i > 0 && file[i] === header).map((i) => i + 1);
    expect(expected).toEqual([102, 203, 304, 405, 506, 607, 708]);
    start(csv, '--engine', 'duckdb', '--locale', 'cs_CZ', '--out', join(out, 'duckdb-cs.xlsx'));
    const q = await xlsxSheet(join(out, 'duckdb-cs.xlsx'), 'Přehled retence');
    const note = q.flat().find((v) => typeof v === 'string' && v.startsWith('Vynecháno 7 řádků'));
    expect(note).toBe(`Vynecháno 7 řádků: 7 řádků, které opakují řádek záhlaví (řádky ${expected.slice(0, 5).join(', ')}, …).`);
  });
});
