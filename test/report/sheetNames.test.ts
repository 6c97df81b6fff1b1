/**
 * Sheet names as Sheets treats them: unique regardless of case (a user's "retention SUMMARY" is left
 * alone, the add-on takes another name), never a reason to read one of the add-on's own sheets as
 * data (refused, whatever the settings say), and quoted in the header block's Source reference so
 * that it is a valid A1 reference for any name. The header block names the columns it used.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueSettings, ReportSettings, SidebarState } from '../../src/addon/protocol';
import { parseA1 } from '../../tools/emulator/a1';
import type { SheetsEmulator } from '../../tools/emulator/index';
import { generateLog } from '../core/cohorts/generate';
import { shown } from './sheetState';
import { addSheet, generate, headerValue, settingsFor, workbook } from './workbook';

const SUMMARY = 'Retention summary';
const VALUE = 'Customer value';

function orders(emu: SheetsEmulator, name = 'Orders', customers = 60): number {
  const rows = generateLog({ seed: 11, zone: 'Europe/Prague', customers, amounts: true, segments: true });
  addSheet(emu, name, ['Customer', 'Order date', 'Amount', ''], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  return rows.length;
}

function valueSettings(s: ReportSettings): CustomerValueSettings {
  const { sheetName, headerRow, shape, columns } = s;
  return { sheetName, headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1, costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] } };
}

const sheetOf = (emu: SheetsEmulator, name: string) => emu.snapshot().sheets.find((s) => s.name === name);

describe('sheet names', () => {
  it('are case-insensitive: a user\'s "retention SUMMARY" and "customer VALUE" are left alone', () => {
    const emu = workbook();
    orders(emu);
    addSheet(emu, 'retention SUMMARY', ['My notes'], [['mine']]);
    addSheet(emu, 'customer VALUE', ['My CLV notes'], [['mine too']]);
    const mine = [sheetOf(emu, 'retention SUMMARY'), sheetOf(emu, 'customer VALUE')];
    const settings = settingsFor(emu, 'Orders');
    expect(generate(emu, settings).summarySheetName).toBe(`${SUMMARY} 2`);
    expect((emu.callFromClient('sidebarCustomerValue', valueSettings(settings)) as { sheetName: string }).sheetName).toBe(`${VALUE} 2`);
    generate(emu, { ...settings, period: 'quarter' });
    emu.call('refreshSummary');
    expect([sheetOf(emu, 'retention SUMMARY'), sheetOf(emu, 'customer VALUE')]).toEqual(mine);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Orders', 'retention SUMMARY', 'customer VALUE', `${SUMMARY} 2`, `${VALUE} 2`]);
    expect(headerValue(emu, `${SUMMARY} 2`, 'Period')).toBe('quarter');
  });
});

describe('the add-on\'s own sheets as a source', () => {
  const refusal = (name: string, what: string) =>
    `"${name}" is ${what}, not your data: choose the sheet that holds your transactions or customers.`;

  it('are refused with a clear message, even when the settings name them, and nothing changes', () => {
    const emu = workbook();
    orders(emu);
    const settings = settingsFor(emu, 'Orders');
    generate(emu, settings);
    emu.callFromClient('sidebarCustomerValue', valueSettings(settings));
    const before = emu.snapshot();
    const summaryRefusal = refusal(SUMMARY, 'the retention summary the add-on writes');
    const valueRefusal = refusal(VALUE, 'the customer value sheet the add-on writes');
    const onSummary = { ...settings, sheetName: SUMMARY };
    expect(() => generate(emu, onSummary)).toThrow(summaryRefusal);
    expect(() => generate(emu, { ...settings, sheetName: VALUE })).toThrow(valueRefusal);
    expect(() => emu.callFromClient('sidebarCustomerValue', valueSettings(onSummary))).toThrow(summaryRefusal);
    expect(() => emu.callFromClient('sidebarDetect', SUMMARY)).toThrow(summaryRefusal);
    expect(() => emu.callFromClient('sidebarSegments', VALUE, 1, 1)).toThrow(valueRefusal);
    expect(emu.snapshot()).toEqual(before);
    // Settings saved in the document that name our sheet (edited, or from an older version).
    emu.properties.document.set('retentionAnalytics.settings.v1', JSON.stringify(onSummary));
    const saved = emu.snapshot();
    emu.call('refreshSummary');
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(`${summaryRefusal} Your sheets were not changed.`);
    expect(emu.snapshot()).toEqual(saved);
    // The sidebar does not propose it either: it proposes a sheet of the user's.
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName(SUMMARY)!);
    const state = emu.callFromClient('sidebarState') as SidebarState;
    expect(state.proposal?.sheetName).not.toBe(SUMMARY);
    expect(state.sheets.filter((s) => s.ownedByAddon).map((s) => s.name)).toEqual([SUMMARY, VALUE]);
  });

  it("leave a user's copy of the summary readable as a source: the copy is theirs", () => {
    const emu = workbook();
    orders(emu);
    generate(emu, settingsFor(emu, 'Orders'));
    const ss = emu.spreadsheet;
    ss.getSheetByName(SUMMARY)!.copyTo(ss).setName('My copy');
    expect(() => emu.callFromClient('sidebarDetect', 'My copy')).not.toThrow();
  });
});

describe('the header block', () => {
  const ODD_NAMES = ["O'Brien's sales", 'Sales 2024', 'A1', 'TRUE', 'R1C1', "'quoted'", 'Přehled tržeb', '2024', 'data!x', 'Orders_2'];

  for (const name of ODD_NAMES) {
    it(`gives the source as a valid A1 reference and names the columns used: ${name}`, () => {
      const emu = workbook();
      const rows = orders(emu, name);
      const settings = { ...settingsFor(emu, name), columns: { ...settingsFor(emu, name).columns, segment: 4 } };
      generate(emu, settings);
      emu.callFromClient('sidebarCustomerValue', valueSettings(settings));
      for (const sheet of [SUMMARY, VALUE]) {
        const source = headerValue(emu, sheet, 'Source') as string;
        // Parsed back by the emulator's own A1 parser: the sheet and the rows and columns read.
        expect(parseA1(source), `${sheet}: ${source}`).toEqual({ sheetName: name, startRow: 1, startCol: 1, endRow: rows + 1, endCol: 4 });
        // And used as a reference in a formula, it names that range.
        const check = emu.spreadsheet.getSheetByName('Sheet1')!;
        check.getRange('A1').setFormula(`=ROWS(${source})`);
        check.getRange('A2').setFormula(`=COLUMNS(${source})`);
        expect([shown(emu, 'Sheet1', 'A1'), shown(emu, 'Sheet1', 'A2')], source).toEqual([rows + 1, 4]);
        expect(headerValue(emu, sheet, 'Customer id column')).toBe('A ("Customer")');
        expect(headerValue(emu, sheet, 'Date column')).toBe('B ("Order date")');
        expect(headerValue(emu, sheet, 'Amount column')).toBe('C ("Amount")');
        expect(headerValue(emu, sheet, 'Segment column')).toBe('D'); // its header is blank
      }
      // Plain names are written as Sheets writes them, without quotes.
      if (name === 'Orders_2') expect(headerValue(emu, SUMMARY, 'Source')).toBe(`Orders_2!A1:D${rows + 1}`);
    });
  }

  it('names the columns of a customer table', () => {
    const emu = workbook();
    addSheet(emu, 'Subscribers', ['Customer ID', 'Signup date', 'Cancel date', 'MRR'], [
      ['a', emu.date(2024, 1, 3), '', 10],
      ['b', emu.date(2024, 2, 1), emu.date(2024, 3, 9), 12],
      ['c', emu.date(2024, 2, 5), '', 9],
    ]);
    const settings = settingsFor(emu, 'Subscribers');
    expect(settings.shape).toBe('table');
    generate(emu, settings);
    expect(headerValue(emu, SUMMARY, 'Source')).toBe('Subscribers!A1:D4');
    expect(headerValue(emu, SUMMARY, 'Customer id column')).toBe('A ("Customer ID")');
    expect(headerValue(emu, SUMMARY, 'Signup date column')).toBe('B ("Signup date")');
    expect(headerValue(emu, SUMMARY, 'Cancel date column')).toBe('C ("Cancel date")');
    expect(headerValue(emu, SUMMARY, 'Revenue column')).toBe('D ("MRR")');
  });
});
