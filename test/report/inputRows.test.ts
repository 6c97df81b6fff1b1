/**
 * The sidebar's report on the input people really have, through the built bundle in the emulator:
 * every row read is kept, skipped (and named) or the header; a second header row is said in the
 * header block; placeholders for missing ids are no customer; dates typed as text in the
 * spreadsheet's locale read as the dates they are. Rows are sheet rows here.
 */
import { describe, expect, it } from 'vitest';
import { addSheet, generate, headerValue, namedTable, settingsFor, workbook } from './workbook';

const SUMMARY = 'Retention summary';

/** Column B of the header block: the line below "Rows skipped" (the skipped rows in words), or "". */
function skippedLine(emu: ReturnType<typeof workbook>): string {
  for (let r = 1; r <= 30; r++) {
    if (emu.cellAt(SUMMARY, r, 1).value === 'Rows skipped') {
      return emu.cellAt(SUMMARY, r + 1, 1).value === '' ? String(emu.cellAt(SUMMARY, r + 1, 2).value) : '';
    }
  }
  throw new Error('no "Rows skipped" in the header block');
}

describe('rows the summary did not use are said', () => {
  it('a second header row below the chosen one is left out and named in the header block', () => {
    const emu = workbook('Europe/Prague');
    addSheet(emu, 'Orders', ['Customer', 'Order date', 'Amount'], [
      ['Kunde', 'Bestelltag', 'Betrag'],
      ['a', emu.date(2024, 1, 5), 10],
      ['b', emu.date(2024, 1, 9), 20],
      ['a', emu.date(2024, 2, 1), 5],
    ]);
    // The sidebar proposes the row just above the data; the analyst chose row 1.
    expect(settingsFor(emu, 'Orders').headerRow).toBe(2);
    const settings = settingsFor(emu, 'Orders', { headerRow: 1 });
    const outcome = generate(emu, { ...settings, shape: 'log', columns: { ...settings.columns, id: 1, date: 2, amount: 3 } });
    expect(outcome.rowsRead).toBe(4);
    expect(outcome.rowsSkipped).toBe(0);
    expect(skippedLine(emu)).toBe('Row 2 ("Kunde", "Bestelltag", "Betrag") was read as a header and left out.');
    expect(namedTable(emu, 'CohortCustomers')[1].slice(2, 5)).toEqual([2, 2, 1]);
  });

  it('placeholder ids and unreadable dates are counted by sheet row; rows read = kept + skipped', () => {
    const emu = workbook('Europe/Prague');
    addSheet(emu, 'Orders', ['CustomerID', 'InvoiceDate', 'Amount'], [
      ['17850', emu.date(2010, 12, 1), 15.3],
      ['nan', emu.date(2010, 12, 1), 2.1],
      ['nan', emu.date(2010, 12, 2), 4.2],
      ['13047', emu.date(2010, 12, 1), 20.34],
      ['NULL', emu.date(2010, 12, 3), 1],
      ['12583', 'soon', 1],
      ['17850', emu.date(2011, 1, 4), 3],
    ]);
    const settings = settingsFor(emu, 'Orders');
    const outcome = generate(emu, { ...settings, shape: 'log', columns: { ...settings.columns, id: 1, date: 2, amount: 3 } });
    expect(outcome.rowsRead).toBe(7);
    expect(outcome.rowsSkipped).toBe(4);
    expect(headerValue(emu, SUMMARY, 'Rows skipped')).toBe(4);
    expect(skippedLine(emu)).toBe(
      'Skipped 4 rows: 2 rows whose value in column A ("CustomerID") is "nan", which stands for a blank id (rows 3, 4); ' +
        '1 row whose value in column A ("CustomerID") is "NULL", which stands for a blank id (row 6); ' +
        '1 row whose value in column B ("InvoiceDate") is not a date (row 7, e.g. "soon").',
    );
    // Two customers in December, one of them back in January; "nan" is nobody.
    expect(namedTable(emu, 'CohortCustomers')[1].slice(2, 5)).toEqual([2, 2, 1]);
  });

  it('a header cell that is a date is named as the sheet shows it', () => {
    const emu = workbook('Pacific/Auckland');
    addSheet(emu, 'Orders', ['Customer', emu.date(2024, 1, 1)], [['a', emu.date(2024, 1, 5)], ['b', 'soon'], ['c', emu.date(2024, 1, 7)]]);
    const settings = settingsFor(emu, 'Orders', { headerRow: 1 });
    generate(emu, { ...settings, shape: 'log', columns: { ...settings.columns, id: 1, date: 2, amount: 0, segment: 0 } });
    expect(skippedLine(emu)).toBe('Skipped 1 row: 1 row whose value in column B (the date Jan 1, 2024) is not a date (row 3, e.g. "soon").');
  });

  it('rows blank in the columns used, below the data, are counted as blank rows', () => {
    const emu = workbook('Europe/Prague');
    addSheet(emu, 'Orders', ['Customer', 'Order date', 'Note'], [
      ['a', emu.date(2024, 1, 5), ''],
      ['b', emu.date(2024, 1, 9), ''],
      ['', '', 'checked by Eva'],
    ]);
    const settings = settingsFor(emu, 'Orders');
    const outcome = generate(emu, { ...settings, columns: { ...settings.columns, segment: 0, amount: 0 } });
    expect(outcome.rowsRead).toBe(3);
    expect(outcome.rowsSkipped).toBe(1);
    expect(skippedLine(emu)).toBe('Skipped 1 row: 1 row entirely blank (row 4).');
  });
});

describe('dates typed as text in the spreadsheet locale', () => {
  const days: [string, number, number, number][] = [['a', 2010, 12, 1], ['b', 2010, 12, 20], ['a', 2011, 1, 5], ['c', 2011, 1, 9]];
  const written: Record<string, (y: number, m: number, d: number) => string> = {
    cs_CZ: (y, m, d) => `${d}. ${m}. ${y}`,
    pl_PL: (y, m, d) => `${d}.${String(m).padStart(2, '0')}.${y} 08:26`,
    hu_HU: (y, m, d) => `${y}. ${String(m).padStart(2, '0')}. ${String(d).padStart(2, '0')}.`,
    en_US: (y, m, d) => `${m}/${d}/${y} 8:26`,
  };

  for (const [locale, write] of Object.entries(written)) {
    it(`${locale}: the same summary as date cells`, () => {
      const asCells = workbook('Europe/Prague', locale);
      addSheet(asCells, 'Orders', ['Customer', 'Order date'], days.map(([id, y, m, d]) => [id, asCells.date(y, m, d)]));
      generate(asCells, settingsFor(asCells, 'Orders'));
      const asText = workbook('Europe/Prague', locale);
      addSheet(asText, 'Orders', ['Customer', 'Order date'], days.map(([id, y, m, d]) => [id, write(y, m, d)]));
      expect(asText.cellAt('Orders', 2, 2).value).toBe(write(2010, 12, 1)); // text in the sheet, not a date
      const settings = settingsFor(asText, 'Orders');
      expect(settings.columns.date).toBe(2); // the sidebar proposes the column of date text as the dates
      const outcome = generate(asText, settings);
      expect(outcome.rowsSkipped).toBe(0);
      expect(namedTable(asText, 'CohortCustomers')).toEqual(namedTable(asCells, 'CohortCustomers'));
    });
  }
});
