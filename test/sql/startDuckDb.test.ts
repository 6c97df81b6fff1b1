/**
 * `npm start -- --engine duckdb [FILE]` prints the same tables and writes the same summary sheet as
 * the default engine: on the shipped CDNOW log, on a CSV export of it (ISO date text) and on the
 * same data as Parquet. Runs the built dist/ that `npm test` has just built.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '../../tools/duckdb/duckdb';
import { CDNOW_LOG } from '../support/cdnow';

const root = join(__dirname, '..', '..');
const out = join(root, 'out', 'test-start-duckdb');

function start(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'start.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Tokyo' },
  });
}

/** The printed per-period table and cohort matrices. */
const tables = (text: string) => text.slice(text.indexOf('Retention and churn per period'), text.indexOf('Weighted average'));

async function summaryValues(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Retention summary')!;
  const rows: unknown[][] = [];
  // Money to 10 significant digits: SQL sums amounts exactly (NUMERIC), the sheet engine in floating point.
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'number' ? Number(v.toPrecision(10)) : v);
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cell)));
  // From the per-period table on: the header block names the source and the engine.
  return rows.slice(rows.findIndex((r) => r[0] === 'Retention and churn per period'));
}

describe('npm start -- --engine duckdb', () => {
  const csv = join(out, 'cdnow.csv');
  const parquet = join(out, 'cdnow.parquet');
  let sheetText = '';
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const db = await DuckDb.open();
    await db.loadCdnow('cdnow', readFileSync(CDNOW_LOG, 'utf8'));
    await db.run(`COPY (SELECT "Customer ID", strftime("Date", '%Y-%m-%d') AS "Date", "CDs", "Amount" FROM cdnow ORDER BY __row) TO '${csv}' (HEADER, DELIMITER ',')`);
    await db.run(`COPY (SELECT "Customer ID", "Date", "CDs", "Amount" FROM cdnow ORDER BY __row) TO '${parquet}' (FORMAT PARQUET)`);
    db.close();
    sheetText = start('--out', join(out, 'sheet.xlsx'));
  });

  it('on CDNOW: the same tables and summary sheet as the sheet engine, and the same model', async () => {
    const text = start('--engine', 'duckdb', '--out', join(out, 'duckdb.xlsx'));
    expect(text).toContain('Source: CDNOW_master.txt (DuckDB), 69,659 data rows, read as a transaction log');
    expect(text).toMatch(/3 cohorts by month from 69,659 rows written to "Retention summary"/);
    expect(tables(text)).toBe(tables(sheetText));
    expect(tables(text)).toMatch(/1997-01 +Jan 1, 1997 +7,846 +7,846 +1,157/); // first days as en_US date cells show them
    expect(await summaryValues(join(out, 'duckdb.xlsx'))).toEqual(await summaryValues(join(out, 'sheet.xlsx')));
    // The sheet engine's model block shows r = 0.2671 … ; DuckDB's grouped rows give the same fit.
    for (const [name, value] of [['r', '0.2671'], ['alpha', '5.9865'], ['p', '5.0907'], ['v', '21.2454']]) {
      expect(sheetText).toMatch(new RegExp(`^${name} +${value.replace('.', '\\.')} `, 'm'));
      expect(text).toMatch(new RegExp(`(^| )${value.replace('.', '\\.')}( |$)`, 'm'));
    }
  });

  it('on CDNOW: the same Customer value sheet and printed lists as the sheet engine', async () => {
    const text = start('--engine', 'duckdb', '--out', join(out, 'duckdb-value.xlsx'));
    // From the result line (23,570 customers scored …) through the at-risk and lapsed lists.
    const value = (t: string) => t.slice(t.indexOf('customers scored from'), t.indexOf('Workbook written'));
    const line = (t: string) => t.split('\n').find((l) => l.includes('customers scored from'))!.replace(/ {2}\(.*\)$/, '');
    expect(line(text)).toBe(line(sheetText));
    expect(line(text)).toMatch(/^23,570 customers scored from 69,659 rows: 12-month CLV [\d,]+ in total, \d+ top customers at risk, \d+ lapsed\./);
    const lists = (t: string) => value(t).slice(value(t).indexOf('\n'));
    expect(lists(text)).toBe(lists(sheetText));
    expect(lists(text)).toContain('At-risk customers: top 20% by past value with P(alive) from 10% to below 50%');
    const sheetOf = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const rows: unknown[][] = [];
      const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'number' ? Number(v.toPrecision(6)) : v);
      wb.getWorksheet('Customer value')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cell)));
      // From the model table on: the header block names the source (and the time it was written).
      return rows.slice(rows.findIndex((r) => r[0] === 'r'));
    };
    // The narrowed queries ran, not one row per customer: the group rows and then the candidates only (the at-risk
    // list whole, the lapsed list's first rows, the top customers' groups), far fewer than CDNOW's 23,570 customers.
    const narrowed = text.match(/\(narrowed queries: ([\d,]+) rows, ([\d,]+) of them groups, then ([\d,]+) candidate customers;/);
    expect(narrowed).not.toBeNull();
    const [rows, groups, candidates] = narrowed!.slice(1).map((n) => Number(n.replace(/,/g, '')));
    const [atRisk, lapsed] = line(text).match(/(\d+) top customers at risk, (\d+) lapsed/)!.slice(1).map(Number);
    expect(candidates).toBeGreaterThanOrEqual(atRisk + lapsed);
    expect(candidates).toBeLessThan(23_570 / 10);
    expect(groups).toBeLessThan(rows);
    expect(rows).toBeLessThan(23_570);
    const duck = await sheetOf(join(out, 'duckdb-value.xlsx'));
    expect(duck.length).toBeGreaterThan(1000);
    expect(duck).toEqual(await sheetOf(join(out, 'sheet.xlsx')));
  });

  it('with a lapse window (--lapse 3): the same tables, and the same suggestion from the data', () => {
    const lapseLine = (text: string) => text.split('\n').find((l) => l.startsWith('A customer is lost after'));
    expect(lapseLine(sheetText)).toMatch(/^A customer is lost after 1 month without a purchase \(--lapse K to change\)\. Suggested from the data: \d+\. /);
    const args = ['--lapse', '3', '--out', join(out, 'lapse.xlsx')];
    const duck = start('--engine', 'duckdb', ...args);
    const sheet = start(...args);
    expect(lapseLine(duck)).toBe(lapseLine(sheet));
    expect(lapseLine(duck)).toMatch(/^A customer is lost after 3 months/);
    expect(tables(duck)).toBe(tables(sheet));
    expect(tables(duck)).not.toBe(tables(sheetText)); // the window changes the figures
  });

  it('on a CSV and a Parquet file of the same log: the same tables', () => {
    for (const file of [csv, parquet]) {
      const text = start('--engine', 'duckdb', file, '--out', join(out, 'file.xlsx'));
      expect(text).toContain('69,659 data rows, read as a transaction log');
      expect(tables(text)).toBe(tables(sheetText));
    }
  });

  it('on the customer table examples/subscriptions.csv: the same tables as the sheet engine', () => {
    const args = [join(root, 'examples', 'subscriptions.csv'), '--period', 'quarter', '--zone', 'Europe/Prague', '--out', join(out, 'subscriptions.xlsx')];
    const duck = start('--engine', 'duckdb', ...args);
    expect(duck).toContain('1,800 data rows, read as a customer table');
    expect(tables(duck)).toBe(tables(start(...args)));
  });

  it('speaks the language of --locale, as the sheet engine does (src/i18n/cs/start.ts, written out here)', () => {
    const args = [join(root, 'examples', 'subscriptions.csv'), '--period', 'quarter', '--zone', 'Europe/Prague', '--locale', 'cs_CZ', '--out', join(out, 'subscriptions-cs.xlsx')];
    const duck = start('--engine', 'duckdb', ...args);
    expect(duck).toMatch(/^Zdroj: subscriptions\.csv \(DuckDB\), 1\u00a0800 datových řádků, čteno jako tabulka zákazníků \(načteno za \d+ ms\)\.$/m);
    expect(duck).toMatch(/^Sloupce: ID zákazníka = „Customer ID“ \(/m);
    expect(duck).toMatch(/^\d+ kohort[ay]? po čtvrtletích z 1\u00a0800 řádků zapsán[oay] do listu „Přehled retence“\. {2}\(dotaz \d+ ms, list \d+ ms, volání služeb Tabulek: \d+\)$/m);
    for (const title of ['Míra udržení a odchodu zákazníků po obdobích', 'Zákazníci v kohortách', 'Míra udržení v kohortách (%)']) expect(duck.split('\n'), title).toContain(title);
    expect(duck).toMatch(/^Sešit zapsán do .*subscriptions-cs\.xlsx \(listy: /m);
    expect(duck).not.toMatch(/^(Source:|Columns:|Retention and churn per period|Customers per cohort|Workbook written)|Sheets service calls/m);
  });

  it('refuses an unknown engine', () => {
    expect(() => start('--engine', 'spark')).toThrow(/--engine must be "sheet" \(the default\) or "duckdb"/);
  });
});
