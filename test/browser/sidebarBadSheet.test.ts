/**
 * The built sidebar in chromium on the real server (dist/Code.js in the Sheets emulator): a summary is
 * generated, then the source sheet goes bad (every date unreadable) and "Generate summary" is clicked
 * again. The error line says why and that the sheets were not changed, the previous result line does
 * not stay up beside it as if the run had written something, and every sheet is as it was — the
 * summary with the same sheet id.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addSheet, workbook } from '../report/workbook';
import { dispatchServer } from './bridge';
import { idle, launchChromium, openSidebar } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('a run on a sheet gone bad changes nothing and says so', async () => {
  const emu = workbook('Europe/Prague');
  const rows: unknown[][] = [];
  for (let i = 0; i < 60; i++) rows.push([`c${i % 13}`, emu.date(2024, 1 + (i % 5), 1 + (i % 25)), 5 + (i % 9)]);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount'], rows);
  emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName('Orders')!);

  const { page, context, watch } = await openSidebar(browser, dispatchServer((name, args) => emu.callFromClient(name, ...args)));
  try {
    await idle(page);
    await page.click('#generate');
    await idle(page);
    expect(await page.$eval('#result-text', (e) => e.textContent ?? '')).toMatch(/written to "Retention summary"/);
    const id = emu.spreadsheet.getSheetByName('Retention summary')!.getSheetId();

    emu.spreadsheet.getSheetByName('Orders')!.getRange(2, 2, 60, 1).setValues(Array.from({ length: 60 }, () => ['later']));
    const before = emu.snapshot();
    await page.click('#generate');
    await idle(page);
    const error = await page.$eval('#error', (e) => e.textContent ?? '');
    expect(error).toMatch(/^no data rows: every row was skipped\. .*"later".* Your sheets were not changed\.$/);
    expect(await page.$eval('#result', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(emu.snapshot()).toEqual(before);
    expect(emu.spreadsheet.getSheetByName('Retention summary')!.getSheetId()).toBe(id);
  } finally {
    await context.close();
  }
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
});
