/**
 * CSV/TSV import as Sheets' File → Import does it: the sheet sized to the data, values converted as
 * typed in the spreadsheet's locale, a file over 10 million cells refused with its count and the
 * limit. Expected values are written out by hand (dates as wall-clock text, read back through Intl
 * in the spreadsheet's zone; serials from the published anchor 2010-12-01 = 40513).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../tools/emulator/index.js';

const ZONE = 'Europe/Prague';

/** A Date as wall-clock "yyyy-mm-dd hh:mm:ss" in a zone, through Intl (not the emulator's code). */
function wallClock(d: Date, zone = ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

type Expected = ['number', number] | ['date', string] | ['text'] | ['boolean', boolean];

/** Imports one value per line (under a header) and returns what each cell became. */
function importOne(locale: string, values: string[]) {
  const emu = createEmulator({ locale, spreadsheetTimeZone: ZONE });
  // Quoted, so that separators inside values ("1,234.5") stay in the field.
  emu.importCsv(['value', ...values.map((v) => `"${v}"`)].join('\n') + '\n', { sheetName: 'In' });
  return values.map((_, i) => emu.cellAt('In', i + 2, 1));
}

function expectConverted(locale: string, cases: [string, Expected][]): void {
  const cells = importOne(locale, cases.map(([raw]) => raw));
  cases.forEach(([raw, [type, value]], i) => {
    const cell = cells[i];
    const got = { raw, type: cell.type, value: cell.type === 'date' ? wallClock(cell.value as Date) : cell.value };
    const want = { raw, type, value: type === 'text' ? raw : value };
    expect(got).toEqual(want);
  });
}

describe('CSV import: values converted as typed in the spreadsheet locale', () => {
  it('en_US: numbers with a decimal point, M/d/yyyy dates and date-times, $ amounts', () => {
    expectConverted('en_US', [
      ['17850.0', ['number', 17850]],
      ['2.55', ['number', 2.55]],
      ['-3', ['number', -3]],
      ['1,234.5', ['number', 1234.5]],
      ['00123', ['number', 123]],
      ['12%', ['number', 0.12]],
      ['12.5%', ['number', 0.125]],
      ['$1,234.50', ['number', 1234.5]],
      ['12/1/2010 8:26', ['date', '2010-12-01 08:26:00']],
      ['12/1/2010', ['date', '2010-12-01 00:00:00']],
      ['12/1/2010 8:26 PM', ['date', '2010-12-01 20:26:00']],
      ['2010-12-01 08:26:00', ['date', '2010-12-01 08:26:00']],
      ['2010-12-01', ['date', '2010-12-01 00:00:00']],
      ['2/29/2011', ['text']], // no such day
      ['13/1/2010', ['text']], // no 13th month
      ['1.12.2010', ['text']],
      ['1 234,5', ['text']],
      ['C536379', ['text']],
      ['85123A', ['text']],
      ['WHITE HANGING HEART T-LIGHT HOLDER', ['text']],
      ['TRUE', ['boolean', true]],
    ]);
  });

  it('en_GB: the same numbers, day-first dates, £ amounts', () => {
    expectConverted('en_GB', [
      ['17850.0', ['number', 17850]],
      ['1,234.5', ['number', 1234.5]],
      ['01/12/2010 08:26', ['date', '2010-12-01 08:26:00']],
      ['12/1/2010 8:26', ['date', '2010-01-12 08:26:00']],
      ['31/12/2010', ['date', '2010-12-31 00:00:00']],
      ['12/13/2010', ['text']],
      ['£5.00', ['number', 5]],
      ['2010-12-01 08:26:00', ['date', '2010-12-01 08:26:00']],
    ]);
  });

  it('cs_CZ: decimal comma, space-grouped thousands, d.M.yyyy dates, Kč amounts', () => {
    expectConverted('cs_CZ', [
      ['17850,0', ['number', 17850]],
      ['2,55', ['number', 2.55]],
      ['1 234,5', ['number', 1234.5]],
      ['1\u00a0234,5', ['number', 1234.5]],
      ['00123', ['number', 123]],
      ['12,5 %', ['number', 0.125]],
      ['1 234,50 Kč', ['number', 1234.5]],
      ['1.12.2010 8:26', ['date', '2010-12-01 08:26:00']],
      ['1. 12. 2010', ['date', '2010-12-01 00:00:00']],
      ['2010-12-01 08:26:00', ['date', '2010-12-01 08:26:00']],
      ['17850.0', ['text']], // a decimal point is not a number here
      ['12/1/2010 8:26', ['text']],
      ['$5', ['text']],
    ]);
  });

  it('pl_PL: decimal comma, dd.MM.yyyy dates, zł amounts', () => {
    expectConverted('pl_PL', [
      ['2,55', ['number', 2.55]],
      ['1 234,5', ['number', 1234.5]],
      ['12,50 zł', ['number', 12.5]],
      ['01.12.2010 08:26', ['date', '2010-12-01 08:26:00']],
      ['01.12.2010', ['date', '2010-12-01 00:00:00']],
      ['2010-12-01', ['date', '2010-12-01 00:00:00']],
      ['2.55', ['text']],
      ['17850.0', ['text']],
    ]);
  });

  it('hu_HU: decimal comma, year-first yyyy. MM. dd. dates, Ft amounts', () => {
    expectConverted('hu_HU', [
      ['2,55', ['number', 2.55]],
      ['1 234 Ft', ['number', 1234]],
      ['2010.12.01. 8:26', ['date', '2010-12-01 08:26:00']],
      ['2010. 12. 01.', ['date', '2010-12-01 00:00:00']],
      ['2010-12-01 08:26:00', ['date', '2010-12-01 08:26:00']],
      ['1.12.2010', ['text']],
      ['17850.0', ['text']],
    ]);
  });

  it('stores dates as serials with a date format, as Sheets does', () => {
    const [day, dateTime] = importOne('en_US', ['12/1/2010', '12/1/2010 8:26']);
    expect(day.raw).toBe(40513);
    expect(day.numberFormat).toBe('M/d/yyyy');
    expect(dateTime.raw).toBeCloseTo(40513 + (8 * 60 + 26) / 1440, 9);
    expect(dateTime.display).toBe('12/1/2010 8:26:00');
  });

  it('reads a time alone as a time of day', () => {
    const [time] = importOne('en_US', ['8:26']);
    expect(time).toMatchObject({ type: 'date', raw: (8 * 60 + 26) / 1440, display: '8:26' });
  });

  it('parses typed input (setValue) by the same locale rules', () => {
    const emu = createEmulator({ locale: 'cs_CZ', spreadsheetTimeZone: ZONE });
    emu.loadSource(`function put(v) { var r = SpreadsheetApp.getActiveSheet().getRange('A1'); r.setValue(v); return r.getValue(); }`);
    expect(emu.call('put', '2,5')).toBe(2.5);
    expect(emu.call('put', '2.5')).toBe('2.5');
    expect(wallClock(emu.call('put', '1.12.2010') as Date)).toBe('2010-12-01 00:00:00');
  });
});

describe('CSV import: the sheet', () => {
  it('is as large as the data, not a new sheet\'s 1000 × 26', () => {
    const emu = createEmulator();
    const sheet = emu.importCsv('a,b,c\n1,2\n3,4,5,6\n', { sheetName: 'Small' });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([3, 4]);
    expect(emu.values('Small')).toEqual([['a', 'b', 'c', ''], [1, 2, '', ''], [3, 4, 5, 6]]);
    const wide = emu.importCsv(Array.from({ length: 30 }, (_, i) => `c${i + 1}`).join(',') + '\n', { sheetName: 'Wide' });
    expect([wide.getMaxRows(), wide.getMaxColumns()]).toEqual([1, 30]);
    // A sheet made in Sheets (Insert sheet) is 1000 × 26.
    const blank = emu.spreadsheet.insertSheet('Blank');
    expect([blank.getMaxRows(), blank.getMaxColumns()]).toEqual([1000, 26]);
  });

  it('refuses a file over 10 million cells, saying how many it needs and the limit', () => {
    const emu = createEmulator();
    // 1,250,001 rows × 8 columns = 10,000,008 cells, beside Sheet1's 1000 × 26 = 26,000.
    const text = 'a,b,c,d,e,f,g,h\n'.repeat(1_250_001);
    expect(() => emu.importCsv(text, { sheetName: 'Big', fileName: 'export.csv' })).toThrow(
      '"export.csv" needs 10,000,008 cells (1,250,001 rows × 8 columns) and the spreadsheet already has 26,000: ' +
        "26,008 more than Google Sheets' limit of 10,000,000 cells in a spreadsheet.",
    );
    expect(emu.sheetNames()).toEqual(['Sheet1']);
  });

  it('accepts a file that fills the spreadsheet to exactly 10 million cells', () => {
    const emu = createEmulator();
    // (10,000,000 − 26,000) / 8 = 1,246,750 rows of 8 (empty) fields.
    const sheet = emu.importCsv(',,,,,,,\n'.repeat(1_246_750), { sheetName: 'Full' });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1_246_750, 8]);
    expect(() => emu.spreadsheet.insertSheet('One more')).toThrow(/above the limit of 10000000 cells/);
  });

  it('refuses more than 18,278 columns (ZZZ)', () => {
    const emu = createEmulator();
    expect(() => emu.importCsv(','.repeat(18_278) + '\n', { fileName: 'wide.csv' })).toThrow(
      '"wide.csv" has 18,279 columns: Google Sheets allows at most 18,278 columns (up to ZZZ) in a sheet.',
    );
  });
});
