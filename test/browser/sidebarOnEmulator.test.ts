/**
 * The built sidebar in chromium, driving the real server: dist/Code.js in the Sheets emulator. Detect
 * the columns, change the period, generate, and read the summary sheet the run wrote; estimate
 * customer value and read the "Customer value" sheet.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { CustomerValueSettings } from '../../src/addon/protocol';
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

    // The lapse window suggested by the real server from CDNOW's gaps between purchases, in words.
    expect(await page.$eval('#lapse-hint', (e) => e.textContent)).toBe(
      "Suggested from the data: 5. 82% of customers' returns came within 5 months of their previous purchase.",
    );
    await page.click('#lapse-use');
    expect(await page.inputValue('#lapse-after')).toBe('5');

    await page.selectOption('#period', 'quarter');
    expect(await page.$eval('#lapse-hint', (e) => e.textContent)).toMatch(/^Suggested from the data: \d\. \d+% of customers' returns came within \d quarters?/);
    await page.fill('#lapse-after', '2');
    await page.click('#generate');
    await idle(page);
    const result = await page.$eval('#result-text', (e) => e.textContent ?? '');
    expect(result).toMatch(/^1 cohort by quarter from 69,659 rows written to "Retention summary"/);
    expect(headerValue(emu, 'Retention summary', 'A customer is lost after')).toMatch(/^2 quarters without a purchase/);

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

test('estimates customer value on CDNOW as of 1997-09-30 and opens the "Customer value" sheet', async () => {
  const emu = workbook('America/New_York');
  emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
  const { page, context, bridge, watch } = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)));
  try {
    await idle(page);
    await page.click('#tab-value');
    expect(await page.isEnabled('#estimate')).toBe(true);
    expect(await page.inputValue('#horizon')).toBe('12');
    await page.fill('#as-of', '1997-09-30');
    await page.fill('#horizon', '24');
    await page.fill('#discount', '1.5');
    await page.fill('#top-share', '10');
    await page.fill('#alive-below', '40');
    await page.fill('#alive-floor', '5');
    await page.click('#estimate');
    await idle(page);
    expect(await page.$eval('#value-error', (e) => e.textContent)).toBe('');
    const result = await page.$eval('#value-result-text', (e) => e.textContent ?? '');
    expect(result).toMatch(/^23,570 customers scored from 69,659 rows: 24-month CLV [\d,]+ in total, [\d,]+ top customers at risk, [\d,]+ lapsed\. Written to "Customer value"\.$/);
    expect(await page.isVisible('#value-warnings')).toBe(false);

    const sent = bridge.argsOf('sidebarCustomerValue')[0][0] as CustomerValueSettings;
    expect(sent).toStrictEqual({
      sheetName: 'CDNOW', headerRow: 1, shape: 'log', columns: { id: 1, date: 2, amount: 4, signup: 0, cancel: 0, segment: 0, quantity: 0, unitPrice: 0 },
      asOf: '1997-09-30', horizonMonths: 24, monthlyDiscountRate: 0.015, topShare: 0.1, aliveBelow: 0.4, aliveFloor: 0.05,
      costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
    });
    const model = namedTable(emu, 'CustomerValueModel');
    expect(model.find((r) => r[0] === 'Horizon (months)')?.[1]).toBe(24);
    expect(model.find((r) => r[0] === 'Monthly discount rate')?.[1]).toBe(0.015);
    expect((model.find((r) => r[0] === 'r')?.[1] as number)).toBeCloseTo(0.252, 3);
    expect(namedTable(emu, 'CustomerValueTop')).toHaveLength(101);
    const atRisk = namedTable(emu, 'CustomerValueAtRisk');
    expect(result).toContain(`${(atRisk.length - 1).toLocaleString('en-US')} top customers at risk`);
    expect(atRisk[0][3]).toBe('Expected loss of value');
    for (const row of atRisk.slice(1)) expect(row[1] as number).toBeGreaterThanOrEqual(0.05);
    expect(result).toContain(`${(namedTable(emu, 'CustomerValueLapsed').length - 1).toLocaleString('en-US')} lapsed`);

    await page.click('#open-value-sheet');
    await idle(page);
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Customer value');

    mkdirSync(join(__dirname, '..', '..', 'out'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'out', 'sidebar-customer-value.png'), fullPage: true });
  } finally {
    await context.close();
  }
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
});
