/**
 * README's main command, `npm start`, as a newcomer runs it (on the built dist/ that `npm test`
 * has just built): the CDNOW demo and a CSV customer table, each ending in a workbook on disk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const out = join(root, 'out', 'test-start');

function start(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'start.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Tokyo' },
  });
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

describe('npm start', () => {
  mkdirSync(out, { recursive: true });

  it('runs the report on the shipped CDNOW log and writes the workbook', async () => {
    const xlsx = join(out, 'cdnow.xlsx');
    rmSync(xlsx, { force: true });
    const text = start('--out', xlsx);
    expect(text).toContain('Source: "CDNOW", header row 1, 69,659 data rows, read as a transaction log.');
    expect(text).toMatch(/3 cohorts by month from 69,659 rows written to "Retention summary"/);
    expect(text).toMatch(/1997-01 +1997-01-01 +7,846 +7,846 +1,157/);
    // Retention never above 100 %: every row of the per-period table, and CRR + churn = 100 %.
    expect(text).toMatch(/A customer is lost after 1 month without a purchase \(--lapse K to change\); suggested from the data: \d+ \(\d+ % of customers' returns came within \d+ months/);
    const table = text.slice(text.indexOf('Retention and churn per period'), text.indexOf('Customers per cohort'));
    const rows = table.split('\n').filter((l) => /^\d{4}-\d{2} /.test(l));
    expect(rows).toHaveLength(18);
    for (const row of rows.slice(1)) {
      const [retention, churn] = [...row.matchAll(/(\d+\.\d)%/g)].map((m) => Number(m[1]));
      expect(retention, row).toBeLessThanOrEqual(100);
      expect(retention + churn, row).toBeCloseTo(100, 1);
    }
    expect(text).toMatch(/23,570 customers scored from 69,659 rows/);
    expect(existsSync(xlsx)).toBe(true);
    expect(await sheetNames(xlsx)).toEqual(expect.arrayContaining(['CDNOW', 'Retention summary', 'Customer value']));
  });

  it('reads a CSV customer table given after --', async () => {
    const xlsx = join(out, 'subscriptions.xlsx');
    const text = start(join(root, 'examples', 'subscriptions.csv'), '--period', 'quarter', '--zone', 'Europe/Prague', '--out', xlsx);
    expect(text).toContain('1,800 data rows, read as a customer table.');
    expect(text).toMatch(/cohorts by quarter from 1,800 rows/);
    expect(text).not.toContain('Customer value model'); // a table has no purchases to model
    expect(await sheetNames(xlsx)).toEqual(expect.arrayContaining(['subscriptions', 'Retention summary']));
  });

  it('says clearly what is wrong with a missing file', () => {
    expect(() => start(join(root, 'no-such.csv'))).toThrow(/npm start failed: no such file/);
  });
});
