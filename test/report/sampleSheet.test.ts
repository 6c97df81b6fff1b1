/**
 * The sidebar's sample sheet through the built dist/Code.js in the emulator: a new sheet of the
 * user's, headers in the spreadsheet's language that the detection reads at once, never an existing
 * sheet overwritten, and a summary made from it.
 */
import { describe, expect, it } from 'vitest';
import type { SidebarState } from '../../src/addon/protocol';
import { addSheet, generate, workbook } from './workbook';

function insert(emu: ReturnType<typeof workbook>): SidebarState {
  return emu.callFromClient('sidebarInsertSample') as SidebarState;
}

describe('the sample sheet', () => {
  for (const [locale, name, headers] of [
    ['en_US', 'Sample orders', ['Customer ID', 'Order date', 'Amount', 'Channel']],
    ['cs_CZ', 'Ukázkové objednávky', ['Zákazník', 'Datum objednávky', 'Částka', 'Kanál']],
    ['pl_PL', 'Przykładowe zamówienia', ['Klient', 'Data zamówienia', 'Kwota', 'Kanał']],
    ['hu_HU', 'Minta rendelések', ['Ügyfél', 'Rendelés dátuma', 'Összeg', 'Csatorna']],
  ] as const) {
    it(`${locale}: "${name}", read as a transaction log with segments, a 2024 log of 80 customers`, () => {
      const emu = workbook('Europe/Prague', locale);
      const state = insert(emu);
      const sheet = emu.spreadsheet.getSheetByName(name)!;
      const values = sheet.getDataRange().getValues();
      expect(values[0]).toEqual(headers);
      expect(state.proposal).toMatchObject({ sheetName: name, headerRow: 1, shape: 'log', dataRows: values.length - 1 });
      expect(state.proposal!.roles).toEqual({ id: 1, date: 2, amount: 3, signup: 0, cancel: 0, segment: 4, quantity: 0, unitPrice: 0 });
      expect(state.proposal!.segments).toHaveLength(2);
      const rows = values.slice(1);
      expect(new Set(rows.map((r) => r[0])).size).toBe(80);
      for (const [id, day, amount] of rows) {
        expect(id).toMatch(/^C\d{3}$/);
        expect(Object.prototype.toString.call(day)).toBe('[object Date]');
        expect((day as Date).getFullYear()).toBe(2024);
        expect(amount).toBeGreaterThan(0);
      }
      // Not the add-on's: no ownership tag, so it is never rewritten; it is the active sheet now.
      expect(emu.snapshot().developerMetadata.filter((m) => m.location.includes(String(sheet.getSheetId())))).toEqual([]);
      expect(emu.spreadsheet.getActiveSheet().getName()).toBe(name);
      const outcome = generate(emu, {
        sheetName: name, headerRow: 1, shape: 'log', columns: state.proposal!.roles,
        period: 'month', weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: true, lapseAfter: 1, refundsAreActivity: false,
      });
      expect(outcome.cohorts).toBe(12); // customers were acquired in every month of 2024
      expect(outcome.rowsRead).toBe(rows.length);
    });
  }

  it('never touches an existing sheet: a second sample, or a sheet of that name, gets a new name', () => {
    const emu = workbook('Europe/Prague', 'en_US');
    addSheet(emu, 'Sample orders', ['Mine'], [['keep me']]);
    const before = emu.snapshot().sheets.find((s) => s.name === 'Sample orders');
    insert(emu);
    insert(emu);
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Sample orders', 'Sample orders 2', 'Sample orders 3']));
    expect(emu.snapshot().sheets.find((s) => s.name === 'Sample orders')).toEqual(before);
  });
});
