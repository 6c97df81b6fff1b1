/**
 * What the SQL engines say about the rows they read, as the sheet engine says it: every skip reason a log's rows
 * can have, and the kept rows worth a mention — ids read without the white space around them ('padded id', as
 * src/core/cohorts/paddedIds.ts notes them) and refunds. Counted by the cohort query and the customer value query in
 * DuckDB's dialect and BigQuery's on ZetaSQL; the first rows named by DuckDB's skippedRowsQuery; and `npm start --
 * --engine duckdb` on a CSV with every kind of bad row writes the same notes as `npm start` on the same file.
 * Expectations written out by hand from the rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortQuery, cohortResultRows, duckDb, rfmQuery, type SqlLogColumns } from '../../src/core/sql';
import { skippedRowsQuery } from '../../src/core/sql/skippedRowsQuery';
import { DuckDb, ROW_COLUMN } from '../../tools/duckdb/duckdb';
import { enginesOnTextTables } from './textTables';
import { simulate } from './simulatedLog';
import { npmStart } from '../support/npmStart';
import { xlsxSheet } from '../support/xlsxSheet';

const root = join(__dirname, '..', '..');
const ZONE = 'Europe/Prague';
const text = (name: string) => ({ name, type: 'string' as const });
const LOG: SqlLogColumns = { id: text('customer_id'), date: text('order_date'), amount: text('amount'), segment: null };
const ROWS: unknown[][] = [
  ['a', '2024-01-05', '10'], // 1
  ['b', '2024-01-20', '20'], // 2
  ['', '2024-01-10', '5'], // 3 blank id
  ['a ', '2024-02-03', '15'], // 4 padded
  ['c', 'soon', '5'], // 5 not a date
  ['c', '2024-02-07', '5'], // 6
  ['d', '2024-02-08', '1x'], // 7 bad amount
  ['b', '2024-01-02', '-4'], // 8 refund in b's first month: kept (noted)
  ['e', '2024-03-01', '-3'], // 9 e never buys: refund before first purchase
  ['\tb', '2024-03-02', '-2'], // 10 padded, and a kept refund
  ['c', '2024-01-25', '-1'], // 11 refund in January, c first buys in February: before the first purchase
  ['c', '', '5'], // 12 blank date
  ['', '', ''], // 13 blank row
];
const settings = { period: 'month' as const, weekStart: 'monday' as const, timeZone: ZONE, mode: 'in' as const, lapseAfter: 1, refundsAreActivity: false, asOfDay: null, segment: null, bySegment: false };
const kinds = (rows: ReturnType<typeof cohortResultRows>, kind: string) => Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.label, r.customers]));

describe.each(enginesOnTextTables([{ name: 'orders', columns: ['customer_id', 'order_date', 'amount'], rows: ROWS }]))('%s', (_name, d, run) => {
  it('the cohort query counts every skip reason, the padded ids and the kept refunds', async () => {
    const rows = cohortResultRows(await run(cohortQuery(d, { table: ['orders'] }, LOG, settings)));
    expect(kinds(rows, 'skip')).toEqual({ 'blank id': 1, 'not a date': 1, 'bad amount': 1, 'blank date': 1, 'blank row': 1, 'refund before first purchase': 2 });
    expect(kinds(rows, 'note')).toEqual({ 'padded id': 2, 'negative amount': 2 });
  });

  it("the customer value query's 'notes' row: 2 padded ids, 4 refunds (every usable one, kept in past value)", async () => {
    const rows = (await run(rfmQuery(d, { table: ['orders'] }, LOG, { timeZone: ZONE, endDay: null, refundsAreActivity: false }))).filter((r) => r[0] === 'notes');
    expect(rows.map((r) => [Number(r[1]), Number(r[2])])).toEqual([[2, 4]]);
  });
});

describe('skippedRowsQuery on DuckDB: the first rows of every reason and the cell a note quotes', () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await DuckDb.open();
    await db.loadRows('orders', ['customer_id', 'order_date', 'amount'].map((name) => ({ name, type: 'VARCHAR' as const })), ROWS); // row k: ROW_COLUMN k
  });
  afterAll(() => db?.close());

  it('names rows by their order, two at most per reason', async () => {
    const sql = skippedRowsQuery(duckDb, { table: ['orders'] }, { ...LOG, order: { name: ROW_COLUMN, type: 'integer' } }, settings, 2);
    const got = (await db.query(sql)).map((r) => [r[0], Number(r[1]), r[2]]);
    expect(got).toEqual([
      ['bad amount', 7, '1x'],
      ['blank date', 12, null],
      ['blank id', 3, null],
      ['blank row', 13, null],
      ['negative amount', 8, null],
      ['negative amount', 10, null],
      ['not a date', 5, 'soon'],
      ['padded id', 4, 'a '],
      ['padded id', 10, '\tb'],
      ['refund', 8, null],
      ['refund', 9, null],
      ['refund before first purchase', 9, null],
      ['refund before first purchase', 11, null],
    ]);
  });
});

describe('npm start -- --engine duckdb on a CSV with every kind of row a note names', () => {
  const out = join(root, 'out', 'test-row-notes');
  const after = (rows: unknown[][], label: string) => rows[rows.findIndex((r) => r?.[0] === label) + 1]?.[1];
  const line = (rows: unknown[][], label: string) => rows.find((r) => r?.[0] === label)?.[1];

  it('the summary and the Customer value sheet name the same rows, the same way, as the sheet engine', async () => {
    mkdirSync(out, { recursive: true });
    const lines = simulate(5, 500).filter((r) => r.amount !== '' && (r.amount ?? 0) > 0).map((r) => [r.id, r.date.toISOString().slice(0, 10), r.amount, r.segment || 'None'].join(','));
    expect(lines.length).toBeGreaterThan(1200);
    const first = lines[0].split(',')[0];
    // After 1,100 data rows (file lines 2 … 1101), so the first 1,000 the column roles are read from are clean.
    const bad = [
      ',2024-01-10,5,web', // 1102 blank id
      `${first} ,2024-02-03,15,web`, // 1103 padded
      'zz1,soon,5,web', // 1104 not a date
      'zz2,2024-02-08,1x,web', // 1105 bad amount
      'zz3,2024-03-01,-3,web', // 1106 a refund of a customer without a purchase
      ` ${first},2024-03-02,-2,shop`, // 1107 padded, a refund kept
      'zz4,,5,web', // 1108 blank date
      ',,,', // 1109 blank row
      `\t${first},2024-03-05,12,web`, // 1110 padded
    ];
    const csv = join(out, 'orders.csv');
    writeFileSync(csv, ['customer_id,order_date,amount,region', ...lines.slice(0, 1100), ...bad, ...lines.slice(1100)].join('\n') + '\n');
    npmStart(csv, '--out', join(out, 'sheet.xlsx'));
    npmStart(csv, '--engine', 'duckdb', '--out', join(out, 'duckdb.xlsx'));
    const A = 'column A ("customer_id")';
    const B = 'column B ("order_date")';
    const C = 'column C ("amount")';
    const read = `1 row with a blank cell in ${A} (row 1102); 1 row whose value in ${B} is not a date (row 1104, e.g. "soon"); ` +
      `1 row whose value in ${C} is not a number (row 1105, e.g. "1x"); 1 row with a blank cell in ${B} (row 1108); 1 row entirely blank (row 1109)`;
    const padded = `3 rows whose values in ${A} have spaces around them, read without them as the same customers (rows 1103, 1107, 1110, e.g. "${first} ")`;
    const summary = `Skipped 6 rows: ${read}; 1 row with a negative value in ${C} dated before the customer's first purchase (a refund is not a purchase, and there is no cohort to put it in) (row 1106). ` +
      `Kept ${padded}; 1 row with a negative value in ${C} (refunds: kept in revenue) (row 1107).`;
    const value = `Skipped 5 rows: ${read}. Kept 2 rows with negative values in ${C} (refunds: kept in revenue) (rows 1106, 1107); ${padded}.`;
    for (const file of ['sheet.xlsx', 'duckdb.xlsx']) {
      const s = await xlsxSheet(join(out, file), 'Retention summary');
      expect([file, line(s, 'Rows skipped'), after(s, 'Rows skipped')]).toEqual([file, 6, summary]);
      const v = await xlsxSheet(join(out, file), 'Customer value');
      expect([file, line(v, 'Rows skipped'), after(v, 'Rows skipped')]).toEqual([file, 5, value]);
    }
  });
});
