/**
 * The built sidebar in chromium, driving the real server: dist/Code.js in the Sheets emulator. Detect
 * the columns, change the period, generate, and read the summary sheet the run wrote.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CDNOW_LOG } from '../support/cdnow';
import { addSheet, headerValue, namedTable, workbook } from '../report/workbook';
import { dispatchServer } from './bridge';
import { idle, launchChromium, openSidebar } from './harness';

const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('detects CDNOW, generates a quarterly summary into the workbook, renders hostile names as text', async () => {
  const emu = workbook('America/New_York');
  emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
  addSheet(emu, XSS, ['Client', 'Datum', 'Částka'], [['a', emu.date(2024, 1, 1), 5], ['a', emu.date(2024, 2, 1), 6]]);
  emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName('CDNOW')!);

  const { page, context, watch } = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)));
  try {
    await idle(page);
    // The proposal came from the real detection on the real sheet.
    expect(await page.$eval('#sheet', (s) => (s as HTMLSelectElement).value)).toBe('CDNOW');
    const idLabel = await page.$eval('#col-id', (s) => (s as HTMLSelectElement).selectedOptions[0].text);
    expect(idLabel).toContain('Customer ID');
    const options = await page.$$eval('#sheet option', (os) => os.map((o) => o.textContent));
    expect(options).toContain(XSS);
    expect(await page.$$('img')).toHaveLength(0);

    await page.selectOption('#period', 'quarter');
    await page.click('#generate');
    await idle(page);
    const result = await page.$eval('#result-text', (e) => e.textContent ?? '');
    expect(result).toMatch(/^1 cohort by quarter from 69,659 rows written to "Retention summary"/);

    const counts = namedTable(emu, 'CohortCustomers');
    expect(counts[1][2]).toBe(23570); // one quarterly cohort: everyone started in 1997-Q1
    expect(headerValue(emu, 'Retention summary', 'Period')).toBe('quarter');

    await page.click('#open-sheet');
    await idle(page);
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Retention summary');

    // The hostile sheet: picking it re-detects from the real server, and its name stays text.
    await page.selectOption('#sheet', XSS);
    await idle(page);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$eval('#col-amount', (s) => (s as HTMLSelectElement).selectedOptions[0].text)).toContain('Částka');

    mkdirSync(join(__dirname, '..', '..', 'out'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'out', 'sidebar-emulator.png'), fullPage: true });
  } finally {
    await context.close();
  }
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
});
