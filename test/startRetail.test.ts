/**
 * `npm start -- export.csv` on a retail export of the real shape (tools/retailExport.ts, seeded,
 * smaller than the 541,909-line original): what the user reads and the workbook written, checked
 * against what the generator put in the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { retailExport, type RetailExportFacts } from '../tools/retailExport';

const root = join(__dirname, '..');
const dir = join(root, 'out', 'test-start-retail');
const csv = join(dir, 'retail.csv');
const xlsx = join(dir, 'retail.xlsx');

function start(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'start.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Tokyo' },
  });
}

/** The rows of a table start.ts printed under a title, split on runs of spaces. */
function printedTable(text: string, title: string): string[][] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(title));
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i].trim() !== ''; i++) rows.push(lines[i].trim().split(/ {2,}/));
  return rows;
}

describe('npm start on a retail export', () => {
  let text = '';
  let facts: RetailExportFacts;
  let sample: { row: number; fields: string[] };

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    rmSync(xlsx, { force: true });
    const generated = retailExport({ lines: 12_000, seed: 7 });
    facts = generated.facts;
    // A line without quotes, to split it simply.
    const lines = generated.text.split('\n');
    const at = lines.findIndex((l, i) => i > 0 && !l.includes('"'));
    sample = { row: at + 1, fields: lines[at].split(',') };
    writeFileSync(csv, generated.text);
    text = start(csv, '--out', xlsx);
  }, 120_000);

  it('reads the export as a transaction log of customer ids and invoice dates', () => {
    expect(text).toContain('Source: "retail", header row 1, 12,000 data rows, read as a transaction log.');
    const columns = text.split('\n').find((l) => l.startsWith('Columns: '))!;
    expect(columns).toContain('customer ID = G "CustomerID"');
    expect(columns).toContain('date = E "InvoiceDate"');
  });

  it('skips the lines without a customer id and says how many', () => {
    expect(facts.blankIdLines).toBeGreaterThan(12_000 * 0.2);
    const skipped = /from 12,000 rows \(([\d,]+) skipped\)/.exec(text);
    expect(skipped).not.toBeNull();
    expect(Number(skipped![1].replace(/,/g, ''))).toBeGreaterThanOrEqual(facts.blankIdLines);
  });

  it('puts each customer in the cohort of the month of their first invoice', () => {
    const expected = new Map<string, number>();
    for (const day of facts.firstDayById.values()) expected.set(day.slice(0, 7), (expected.get(day.slice(0, 7)) ?? 0) + 1);
    const printed = printedTable(text, 'Customers per cohort');
    expect(printed.map((r) => [r[0], Number(r[2].replace(/,/g, ''))])).toEqual([...expected].sort());
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(facts.customers);
  });

  it('writes the workbook: the imported sheet sized to the data and typed, the summary and customer value', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['retail', 'Retention summary', 'Customer value']));
    const data = wb.getWorksheet('retail')!;
    expect([data.rowCount, data.columnCount]).toEqual([12_001, 8]);
    const row = data.getRow(sample.row).values as unknown[];
    // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
    const [invoice, , , quantity, when, price, id] = sample.fields;
    expect(row[1]).toBe(Number(invoice));
    expect(row[4]).toBe(Number(quantity));
    expect(row[6]).toBe(Number(price));
    expect(row[7]).toBe(Number(id.replace(/\.0$/, '')));
    const [, m, d, y, h, mi] = /^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d{2})$/.exec(when)!.map(Number);
    expect((row[5] as Date).toISOString()).toBe(new Date(Date.UTC(y, m - 1, d, h, mi)).toISOString()); // wall clock
    const summary = wb.getWorksheet('Retention summary')!;
    const labels = summary.getColumn(1).values as unknown[];
    expect(summary.getCell(labels.indexOf('Rows read'), 2).value).toBe(12_000);
  });

  it('ends with the time and peak memory of each step', () => {
    const step = (name: string) => String.raw`${name} [\d.]+ s, \d+ MB`;
    const steps = ['import', 'summary', 'customer value', 'export'].map(step).join('; ');
    expect(text).toMatch(new RegExp(String.raw`Done in [\d.]+ s \(CPU [\d.]+ s\), peak memory \d+ MB \(${steps}\)\.`));
  });

  it('in cs_CZ, says why the en_US dates were not found instead of a wrong report', () => {
    expect(() => start(csv, '--locale', 'cs_CZ', '--zone', 'Europe/Prague', '--out', join(dir, 'cs.xlsx'))).toThrow(
      /npm start selhal: nenalezen sloupec: datum\. Sloupce byly přečteny takto: .*E „InvoiceDate“: text.*zkuste --locale en_US\./,
    );
  });

  it('in cs_CZ, reads ISO date-times and puts the same customers in the same cohorts', () => {
    const iso = retailExport({ lines: 12_000, seed: 7, iso: true });
    expect(iso.facts.firstDayById).toEqual(facts.firstDayById); // the same data, dates written otherwise
    const path = join(dir, 'retail-iso.csv');
    writeFileSync(path, iso.text);
    const out = start(path, '--locale', 'cs_CZ', '--zone', 'Europe/Prague', '--out', join(dir, 'cs.xlsx'));
    expect(out).toContain('datum = E „InvoiceDate“');
    // The first days are date cells in the Czech form (d. m. yyyy) there: compare cohort labels and sizes.
    const czech = printedTable(out, 'Zákazníci v kohortách');
    expect(czech.length).toBeGreaterThan(5);
    expect(czech.map((r) => [r[0], r[2]])).toEqual(printedTable(text, 'Customers per cohort').map((r) => [r[0], r[2]]));
    for (const r of czech) expect(r[1]).toMatch(/^\d{1,2}\. \d{1,2}\. \d{4}$/);
  }, 120_000);
});
