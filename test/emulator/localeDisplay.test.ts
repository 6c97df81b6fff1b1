/**
 * Number formats are written with "," and "." whatever the locale; Sheets shows the locale's own
 * symbols (CLDR's, written out here by hand): what getDisplayValues gives in the emulator.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../tools/emulator/index.js';

function shown(locale: string, cells: [number, string][]): string[] {
  const emu = createEmulator({ locale });
  emu.loadSource(`
    function put(values, formats) {
      const r = SpreadsheetApp.getActiveSheet().getRange(1, 1, 1, values.length);
      r.setValues([values]);
      r.setNumberFormats([formats]);
      return r.getDisplayValues()[0];
    }`);
  return emu.call('put', cells.map((c) => c[0]), cells.map((c) => c[1])) as string[];
}

const CELLS: [number, string][] = [[69659, '#,##0'], [1234.5, '#,##0.00'], [0.125, '0.0%'], [0.5, 'General'], [299060.17, '#,##0.00" Kč"'], [-2.5, '0.00']];

describe('numbers shown in the spreadsheet locale', () => {
  it('en_US: comma groups, decimal point', () => {
    expect(shown('en_US', CELLS)).toEqual(['69,659', '1,234.50', '12.5%', '0.5', '299,060.17 Kč', '-2.50']);
  });
  for (const locale of ['cs_CZ', 'pl_PL', 'hu_HU']) {
    it(`${locale}: no-break space groups, decimal comma`, () => {
      expect(shown(locale, CELLS)).toEqual(['69\u00a0659', '1\u00a0234,50', '12,5%', '0,5', '299\u00a0060,17 Kč', '-2,50']);
    });
  }
  it('de_DE: point groups, decimal comma; de_CH: apostrophe groups, decimal point', () => {
    expect(shown('de_DE', CELLS.slice(0, 2))).toEqual(['69.659', '1.234,50']);
    expect(shown('de_CH', CELLS.slice(0, 2))).toEqual(['69’659', '1’234.50']);
  });
});
