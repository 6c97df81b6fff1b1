/**
 * The Customer value sheet in the spreadsheet's language, through dist/Code.js in the emulator: its
 * name and labels written by hand here for cs, pl and hu; an existing sheet keeps its name (the
 * add-on finds its sheets by their tag, not by name) when the locale changes.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueSettings } from '../../src/addon/protocol';
import { generateLog } from '../core/cohorts/generate';
import { addSheet, settingsFor, workbook } from './workbook';

function estimateOn(locale: string) {
  const rows = generateLog({ seed: 7, zone: 'Europe/Prague', customers: 300, amounts: true, segments: true });
  const emu = workbook('Europe/Prague', locale);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  const { headerRow, shape, columns } = settingsFor(emu, 'Orders');
  const settings: CustomerValueSettings = {
    sheetName: 'Orders', headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
    costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
  };
  const outcome = emu.callFromClient('sidebarCustomerValue', settings) as { sheetName: string; message: string };
  const column = (name: string) => emu.spreadsheet.getSheetByName(name)!.getRange('A1:A80').getValues().map((r) => r[0]);
  return { emu, settings, outcome, column };
}

describe('the Customer value sheet in the spreadsheet’s language', () => {
  for (const [locale, name, labels] of [
    ['cs_CZ', 'Hodnota zákazníků', ['Zdroj', 'Načtené řádky', 'Konec pozorování', 'CLV celkem, příštích 12 měsíců', 'Dosavadní hodnota celkem', 'Verze doplňku']],
    ['pl_PL', 'Wartość klientów', ['Źródło', 'Wczytane wiersze', 'Koniec obserwacji', 'CLTV łącznie, najbliższe 12 miesięcy', 'Wersja dodatku']],
    ['hu_HU', 'Ügyfélérték', ['Forrás', 'Beolvasott sorok', 'Megfigyelés vége', 'CLV összesen, következő 12 hónap', 'Bővítmény verziója']],
  ] as const) {
    it(`${locale}: "${name}" with its labels`, () => {
      const { outcome, column } = estimateOn(locale);
      expect(outcome.sheetName).toBe(name);
      const labelsFound = column(name);
      expect(labelsFound[0]).toBe(name);
      for (const label of labels) expect(labelsFound, label).toContain(label);
      expect(labelsFound).not.toContain('Source');
    });
  }

  it('says what it did in the user’s language (here the spreadsheet’s, the emulator’s default user locale)', () => {
    const { outcome } = estimateOn('cs_CZ');
    expect(outcome.message).toMatch(
      /^Ohodnoceno \d+ zákazníků z \d+\u00a0\d{3} řádků: CLV za 12 měs\. celkem [\d\u00a0]+, ohroženo: \d+ z největších zákazníků, ztraceno: \d+\. Zapsáno do listu „Hodnota zákazníků“\.( Modelu ale nelze plně věřit:)?$/,
    );
  });

  it('keeps the name of the sheet it made when the locale changes', () => {
    const { emu, settings } = estimateOn('en_US');
    expect(emu.spreadsheet.getSheetByName('Customer value')).not.toBeNull();
    emu.spreadsheet.setSpreadsheetLocale('cs_CZ');
    const again = emu.callFromClient('sidebarCustomerValue', settings) as { sheetName: string };
    expect(again.sheetName).toBe('Customer value');
    expect(emu.spreadsheet.getSheetByName('Hodnota zákazníků')).toBeNull();
    expect(emu.spreadsheet.getSheetByName('Customer value')!.getRange('A2').getValue()).not.toBe('');
  });
});
