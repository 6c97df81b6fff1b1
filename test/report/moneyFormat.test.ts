/**
 * Money cells say the data's currency, not the spreadsheet locale's: a log of plain amounts in a Czech
 * workbook gets no "Kč" (CDNOW's dollars read "1 071 805,47 Kč" before), and amounts the analyst formatted
 * as euros give euro cells in an American workbook. Summary and Customer value sheets, through dist/Code.js.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueOutcome, CustomerValueSettings } from '../../src/addon/protocol';
import { addSheet, generate, settingsFor, workbook } from './workbook';
import type { SheetsEmulator } from '../../tools/emulator/index';

const SUMMARY = { en_US: 'Retention summary', cs_CZ: 'Přehled retence' } as const;
const VALUE = { en_US: 'Customer value', cs_CZ: 'Hodnota zákazníků' } as const;

/** 60 customers over six months of 2024, 1–4 orders each, amounts 10.00–99.99 (a fixed recipe, no randomness source needed). */
function rows(): unknown[][] {
  const out: unknown[][] = [];
  for (let c = 0; c < 60; c++) {
    const orders = 1 + (c % 4);
    for (let k = 0; k < orders; k++) out.push([`C${c}`, new Date(2024, (c + k * 2) % 6, 1 + ((c * 7 + k * 11) % 27)), 10 + ((c * 37 + k * 53) % 9000) / 100]);
  }
  return out;
}

function formatsOf(emu: SheetsEmulator, sheetName: string): string[] {
  const sheet = emu.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getNumberFormats().flat();
}

function run(locale: 'en_US' | 'cs_CZ', amountFormat: string | null) {
  const emu = workbook('Europe/Prague', locale);
  const data = rows();
  addSheet(emu, 'Orders', ['customer', 'ordered_at', 'amount'], data);
  if (amountFormat) emu.spreadsheet.getSheetByName('Orders')!.getRange(2, 3, data.length, 1).setNumberFormat(amountFormat);
  const settings = settingsFor(emu, 'Orders');
  const summary = generate(emu, settings);
  expect(summary.summarySheetName, JSON.stringify(summary)).toBe(SUMMARY[locale]);
  const value: CustomerValueSettings = {
    ...settings, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
    costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
  };
  const outcome = emu.callFromClient('sidebarCustomerValue', value) as CustomerValueOutcome;
  expect(outcome.sheetName, JSON.stringify(outcome)).toBe(VALUE[locale]);
  return { summary: formatsOf(emu, SUMMARY[locale]), value: formatsOf(emu, VALUE[locale]) };
}

const CURRENCY = /Kč|\$|€|zł|Ft/;

describe('money cells follow the data’s currency', () => {
  it('plain amounts in a Czech workbook: two decimals, no Kč', () => {
    const { summary, value } = run('cs_CZ', null);
    for (const [name, formats] of [['summary', summary], ['customer value', value]] as const) {
      expect(formats.filter((f) => CURRENCY.test(f)), name).toEqual([]);
      expect(formats.filter((f) => f === '#,##0.00').length, `${name}: money cells`).toBeGreaterThan(3);
    }
  });

  it('plain amounts in an American workbook: no $ either', () => {
    const { summary, value } = run('en_US', null);
    expect([...summary, ...value].filter((f) => CURRENCY.test(f))).toEqual([]);
  });

  it('amounts formatted as euros give euro money cells, whatever the locale', () => {
    for (const locale of ['en_US', 'cs_CZ'] as const) {
      const { summary, value } = run(locale, '#,##0.00 [$€]');
      for (const [name, formats] of [['summary', summary], ['customer value', value]] as const) {
        expect(formats.filter((f) => f === '#,##0.00 [$€]').length, `${locale} ${name}`).toBeGreaterThan(3);
        expect(formats.filter((f) => /Kč|\$"|"\$/.test(f)), `${locale} ${name}`).toEqual([]);
      }
    }
  });
});
