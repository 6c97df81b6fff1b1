/**
 * An amount column whose cells hold numbers as text (pasted from a web page, a column formatted as
 * plain text, a CSV imported without conversion) is read by the report in the spreadsheet's locale,
 * so the sidebar's detection must see it as numbers too, as it sees date text as dates: a Czech
 * "Částka" of "1 234,50" is proposed as the amount, and the summary's revenue is its sum. Through the
 * built dist/Code.js in the emulator; the expected sums are added up by hand.
 */
import { describe, expect, it } from 'vitest';
import { addSheet, generate, proposal, settingsFor, workbook } from './workbook';

const CASES = [
  {
    locale: 'cs_CZ',
    header: ['Zákazník', 'Datum', 'Částka'],
    amounts: ['1 234,50', '99,90', '10,25', '5,50'],
    // January: 1234.50 + 99.90; February: 10.25 + 5.50.
    revenue: [1334.4, 15.75],
  },
  {
    locale: 'pl_PL',
    header: ['Klient', 'Data', 'Kwota'],
    amounts: ['1\u00a0234,50', '99,90', '10,25', '5,50'],
    revenue: [1334.4, 15.75],
  },
  {
    locale: 'hu_HU',
    header: ['Ügyfél', 'Dátum', 'Összeg'],
    amounts: ['1 234,50', '99,90', '10,25', '5,50'],
    revenue: [1334.4, 15.75],
  },
  {
    locale: 'en_US',
    header: ['Customer', 'Date', 'Amount'],
    amounts: ['1,234.50', '99.90', '10.25', '5.50'],
    revenue: [1334.4, 15.75],
  },
];

describe('an amount column of numbers kept as text', () => {
  for (const c of CASES) {
    it(`is proposed and summed (${c.locale})`, () => {
      const emu = workbook('Europe/Prague', c.locale);
      const dates = ['2024-01-05', '2024-01-06', '2024-02-05', '2024-02-07'];
      addSheet(emu, 'Orders', c.header, [['A1', dates[0], c.amounts[0]], ['A2', dates[1], c.amounts[1]], ['A1', dates[2], c.amounts[2]], ['A3', dates[3], c.amounts[3]]]);
      // The cells really are text, as a plain-text column holds them.
      expect(emu.values('Orders', 'C2:C5').map((r) => typeof r[0])).toEqual(['string', 'string', 'string', 'string']);
      const p = proposal(emu, 'Orders');
      expect(p.roles.amount).toBe(3);
      expect(p.columns[2].kind).toBe('number');
      const outcome = generate(emu, settingsFor(emu, 'Orders'));
      expect(outcome.rowsSkipped).toBe(0);
      // The per-period table (Period, First day, S, New, Returning, Lost, E, Retention, Churn, Revenue, …):
      // Revenue is its 10th column in every language.
      const table = emu.spreadsheet.getRangeByName('RetentionPerPeriod')!.getValues();
      expect(table.slice(1).map((row) => row[9])).toEqual(c.revenue.map((r) => expect.closeTo(r, 9)));
    });
  }

  it('leaves a text id column of digits with leading zeros an id, not a number', () => {
    const emu = workbook('Europe/Prague', 'cs_CZ');
    addSheet(emu, 'Orders', ['Zákazník', 'Datum', 'Částka'], [['00012', '2024-01-05', '10,5'], ['00013', '2024-01-06', '3,25'], ['00012', '2024-02-05', '7,75']]);
    const p = proposal(emu, 'Orders');
    expect(p.roles.id).toBe(1);
    expect(p.columns[0].kind).toBe('text');
    expect(p.roles.amount).toBe(3);
  });

  it('says so, and leaves it out, when the locale reads the amounts as text: an English export in a Czech spreadsheet', () => {
    const csv = 'Customer,Date,MRR\nA1,2024-01-05,29.00\nA2,2024-01-06,9.99\nA1,2024-02-05,29.00\nA3,2024-02-07,49.50\n';
    const czech = workbook('Europe/Prague', 'cs_CZ');
    czech.importCsv(csv, { sheetName: 'Export' });
    // Imported as Sheets does in a cs_CZ spreadsheet: "29.00" stays text there.
    expect(czech.values('Export', 'C2:C2')[0][0]).toBe('29.00');
    const p = proposal(czech, 'Export');
    expect(p.roles.amount).toBe(0);
    const note = 'Sloupec „MRR“ vypadá jako částka, ale jeho čísla mají jiný desetinný oddělovač („29.00“), takže je národní prostředí tabulky čte jako text; sloupec se proto nepoužije: ' +
      'nastavte tabulce národní prostředí souboru (Soubor → Nastavení) nebo sloupec převeďte a zjistěte sloupce znovu.';
    expect(p.amountNote).toBe(note);
    expect(p.explanation).toContain(note);
    // The same file in an English spreadsheet: numbers, the amount, nothing to say.
    const english = workbook('Europe/Prague', 'en_US');
    english.importCsv(csv, { sheetName: 'Export' });
    const q = proposal(english, 'Export');
    expect(q.roles.amount).toBe(3);
    expect(q.amountNote).toBeNull();
  });
});
