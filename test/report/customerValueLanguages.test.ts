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

  // The lists' titles, headers and notes, and the cells' date format, written out by hand (U+00A0 before "%" in Czech).
  for (const [locale, title, header, note, dateFormat] of [
    ['en_US', 'At-risk customers: top 20% by past value with P(alive) from 10% to below 50%', ['Customer', 'P(alive)', 'Past value', 'Expected loss of value'],
      'Below the floor the model thinks the customer has most likely left; CLV if still active is what winning them back would be worth over the horizon.', 'mmm d, yyyy'],
    ['cs_CZ', 'Ohrožení zákazníci: horních 20\u00a0% podle dosavadní hodnoty s P(alive) od 10\u00a0% do méně než 50\u00a0%', ['Zákazník', 'P(alive)', 'Dosavadní hodnota', 'Očekávaná ztráta hodnoty'],
      'Pod spodní mezí model předpokládá, že zákazník nejspíš odešel; CLV, pokud je stále aktivní, udává, kolik by za horizont mělo cenu ho získat zpět.', 'd. m. yyyy'],
    ['pl_PL', 'Klienci zagrożeni odejściem: górne 20% według dotychczasowej wartości z P(alive) od 10% do poniżej 50%', ['Klient', 'P(alive)', 'Dotychczasowa wartość', 'Oczekiwana utrata wartości'],
      'Poniżej dolnej granicy model uznaje, że klient najprawdopodobniej odszedł; CLTV, jeśli nadal aktywny, to wartość jego odzyskania w horyzoncie.', 'd.mm.yyyy'],
    ['hu_HU', 'Veszélyeztetett ügyfelek: az eddigi érték szerinti felső 20%, P(alive) legalább 10%, de 50% alatt', ['Ügyfél', 'P(alive)', 'Eddigi érték', 'Várható értékveszteség'],
      'Az alsó határ alatt a modell szerint az ügyfél valószínűleg lemorzsolódott; a „CLV, ha még aktív” azt mutatja, mennyit érne visszanyerni az időtávon.', 'yyyy. mm. dd.'],
  ] as const) {
    it(`${locale}: the at-risk and lapsed lists and the date cells`, () => {
      const { emu, outcome } = estimateOn(locale);
      const values = emu.values(outcome.sheetName);
      const texts = values.flat().filter((v) => typeof v === 'string') as string[];
      expect(texts).toContain(title);
      expect(texts).toContain(note);
      const atRisk = emu.spreadsheet.getRangeByName('CustomerValueAtRisk')!;
      expect(atRisk.getValues()[0].slice(0, 4)).toEqual(header);
      const top = emu.spreadsheet.getRangeByName('CustomerValueTop')!;
      expect(emu.cellAt(outcome.sheetName, top.getRow() + 1, 3).numberFormat).toBe(dateFormat);
      const end = values.findIndex((r) => Object.prototype.toString.call(r[1]) === '[object Date]');
      expect(emu.cellAt(outcome.sheetName, end + 1, 2).numberFormat).toBe(dateFormat);
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
