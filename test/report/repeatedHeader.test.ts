/**
 * A small sheet with its header row repeated halfway down (exports glued together): the sidebar's
 * detection still finds the id, date and amount columns (the repeat is no evidence of what a column
 * holds), and the report skips the repeat, counted and named as one, through dist/Code.js; =COHORTS
 * does the same for a range. Expectations written out by hand: a and b first buy in January, c in
 * February, a again in February.
 */
import { describe, expect, it } from 'vitest';
import { repeatsHeader } from '../../src/core/detect/repeatedHeader';
import { loadBundle } from '../bundle/harness';
import { addSheet, generate, headerValue, namedTable, proposal, settingsFor, workbook } from './workbook';

function sheetWithRepeat(locale: string) {
  const emu = workbook('Europe/Prague', locale);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount'], [
    ['a', emu.date(2024, 1, 5), 10],
    ['b', emu.date(2024, 1, 9), 20],
    ['Customer', 'Date', 'Amount'],
    ['a', emu.date(2024, 2, 3), 15],
    ['c', emu.date(2024, 2, 7), 5],
  ]);
  return emu;
}

describe('a header row repeated in a small sample', () => {
  it('leaves the detection of the date column unbroken', () => {
    const p = proposal(sheetWithRepeat('en_US'), 'Orders');
    expect(p.headerRow).toBe(1);
    expect(p.shape).toBe('log');
    expect([p.roles.id, p.roles.date, p.roles.amount]).toEqual([1, 2, 3]);
    expect(p.columns.map((c) => c.kind)).toEqual(['text', 'date', 'number']);
  });

  it('is skipped, counted and named as a repeated header in the summary', () => {
    const emu = sheetWithRepeat('en_US');
    const outcome = generate(emu, settingsFor(emu, 'Orders'));
    expect([outcome.rowsRead, outcome.rowsSkipped]).toEqual([5, 1]);
    expect(headerValue(emu, 'Retention summary', 'Rows skipped')).toBe(1);
    const texts = (emu.values('Retention summary') as unknown[][]).flat();
    expect(texts).toContain('Skipped 1 row: 1 row repeating the header row (row 4).');
    // January: a and b, one of them (a) back in February; February: c.
    expect(namedTable(emu, 'CohortCustomers').slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([['2024-01', 2, 2, 1], ['2024-02', 1, 1, '']]);
  });

  it('is named in the spreadsheet’s language', () => {
    const lines: Record<string, string> = {
      cs_CZ: 'Vynechán 1 řádek: 1 řádek, který opakuje řádek záhlaví (řádek 4).',
      pl_PL: 'Pominięto 1 wiersz: 1 wiersz powtarzający wiersz nagłówka (wiersz 4).',
      hu_HU: '1 sor kihagyva: 1 sor, amely a fejlécsort ismétli (4. sor).',
    };
    for (const [locale, line] of Object.entries(lines)) {
      const emu = sheetWithRepeat(locale);
      const outcome = generate(emu, settingsFor(emu, 'Orders'));
      expect((emu.values(outcome.summarySheetName) as unknown[][]).flat(), locale).toContain(line);
    }
  });

  it('under =COHORTS, a range with the header at its top and again in row 4', () => {
    const b = loadBundle({ locale: 'en_US' });
    const d = (m: number, day: number) => b.date(2024, m, day);
    const grid = b.call('COHORTS', [['Customer'], ['a'], ['b'], ['Customer'], ['a'], ['c']], [['Date'], [d(1, 5)], [d(1, 9)], ['Date'], [d(2, 3)], [d(2, 7)]], 'month', 'customers') as unknown[][];
    expect(grid.slice(1, 3).map((r) => r.slice(1))).toEqual([[2, 2, 1], [1, 1, '']]);
    expect(grid[grid.length - 1][0]).toBe('Row 1 of the range ("Customer", "Date") was read as a header and left out. Skipped 1 row: 1 row repeating the header row (row 4 of the range).');
  });

  it('repeatsHeader: every non-blank cell equal to its header (case, accents and spaces aside), two at least', () => {
    const headers = ['Customer', 'Datum objednávky', 'Amount'];
    expect(repeatsHeader(['customer ', 'DATUM OBJEDNAVKY', 'Amount'], headers)).toBe(true);
    expect(repeatsHeader(['Customer', '', 'Amount'], headers)).toBe(true);
    expect(repeatsHeader(['Customer', '', ''], headers)).toBe(false);
    expect(repeatsHeader(['Customer', 'Datum objednávky', 12], headers)).toBe(false);
    expect(repeatsHeader(['Customer', 'Date', 'Amount'], headers)).toBe(false);
  });
});
