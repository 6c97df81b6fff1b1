/**
 * The sidebar's summary (built bundle in the emulator) shows the same per-period rows as the
 * independent count of test/support/periodSets.ts, with the lapse window and the refund rule stated
 * in the header block; and the same rows as =RETENTION_BY_PERIOD.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CDNOW_LOG } from '../support/cdnow';
import { civilDayIn, periodSets, type SetOptions, type SetPeriod, type SetRow } from '../support/periodSets';
import { mulberry32 } from '../../tools/seededRandom';
import { generateTable } from '../core/cohorts/generate';
import type { SheetsEmulator } from '../../tools/emulator/index';
import { addSheet, generate, headerValue, namedTable, settingsFor, workbook } from './workbook';

function expectSummaryRows(table: unknown[][], expected: SetPeriod[], zone: string): void {
  const header = table[0] as string[];
  expect(header.map((h) => h.split('\n')[0])).toEqual(['Period', 'First day', 'Customers at start (S)', 'New', 'Returning', 'Lost',
    'Customers at end (E)', 'Retention (kept of S)', 'Churn (lost of S)', 'Revenue', 'Revenue retention', 'Note']);
  expect(table.length - 1).toBe(expected.length);
  expected.forEach((e, i) => {
    const row = table[i + 1];
    const at = `row ${i + 1} (${e.label})`;
    expect(row[0], at).toBe(e.label);
    expect(civilDayIn(row[1] as Date, zone), at).toEqual(e.first);
    expect([row[2], row[3], row[4], row[5], row[6]], at).toEqual([e.start, e.newCustomers, e.returning, e.lost, e.end]);
    for (const [cell, want] of [[row[7], e.crr], [row[8], e.churn], [row[9], e.revenue], [row[10], e.revenueRetention]] as const) {
      if (want === null) expect(cell, at).toBe('');
      else expect(Math.abs((cell as number) - want), at).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
    }
    expect(String(row[11]).startsWith('partial'), at).toBe(e.partial);
    if (e.crr !== null) expect((row[7] as number) + (row[8] as number), at).toBeCloseTo(1, 12);
  });
}

/**
 * The summary's per-period table and the formula's spill, cell by cell: the summary has
 * Period (label) | First day | S | New | Returning or New and cancelled | Lost | E | CRR | Churn | Revenue |
 * Revenue retention | Note; the formula Period (first day) | Label | Start | New | … | End | Lost | CRR | Churn |
 * Revenue | Revenue retention | Partial. Rates to the last bit: both come from one engine, so any
 * difference is a difference in what they were given or how they read it.
 */
function expectFormulaEqualsSummary(summary: unknown[][], formula: unknown[][], middle: 'Returning' | 'New and cancelled'): void {
  expect(formula[0]).toEqual(['Period', 'Label', 'Start', 'New', middle, 'End', 'Lost', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial']);
  expect((summary[0] as string[])[4].split('\n')[0]).toBe(middle);
  // A note row under the spill (a header row left out) is not a period.
  const periods = formula.slice(1).filter((r) => r[1] !== '');
  expect(periods.length).toBe(summary.length - 1);
  periods.forEach((f, i) => {
    const s = summary[i + 1];
    const at = `row ${i + 1} (${String(s[0])})`;
    expect((f[0] as Date).getTime(), at).toBe((s[1] as Date).getTime());
    expect([f[1], f[2], f[3], f[4], f[5], f[6]], at).toEqual([s[0], s[2], s[3], s[4], s[6], s[5]]);
    expect([f[7], f[8], f[9], f[10]], at).toEqual([s[7], s[8], s[9], s[10]]);
    expect(f[11], at).toBe(String(s[11]).startsWith('partial'));
  });
}

function formulaOf(emu: SheetsEmulator, ...args: unknown[]): unknown[][] {
  return emu.runCustomFunction('RETENTION_BY_PERIOD', ...args) as unknown[][];
}

describe('the summary per-period table equals the sets per period', () => {
  it('CDNOW by month with K = 3: the header block states the window and the refund rule', () => {
    const zone = 'America/New_York';
    const emu = workbook(zone);
    emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    generate(emu, settingsFor(emu, 'CDNOW', { lapseAfter: 3 }));
    const sheet = emu.spreadsheet.getSheetByName('CDNOW')!;
    const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
    const rows: SetRow[] = values.map((r) => ({ id: r[0] as string, date: r[1] as Date, amount: r[3] as number }));
    const expected = periodSets(rows, { zone, unit: 'month', lapseAfter: 3 });
    const table = namedTable(emu, 'RetentionPerPeriod');
    expectSummaryRows(table, expected, zone);
    expect(table[2][11]).toMatch(/^nobody can be lost yet/); // February 1997: within the first 3 months
    expect(headerValue(emu, 'Retention summary', 'A customer is lost after')).toBe(
      '3 months without a purchase (active in a month: bought in it or in the 2 months before)',
    );
    expect(headerValue(emu, 'Retention summary', 'Refunds')).toMatch(/^rows with a negative amount count in revenue, not as purchases/);
    // The formula gives the same rows, rates and revenue included.
    expectFormulaEqualsSummary(table, formulaOf(emu, emu.ref('CDNOW!A2:A'), emu.ref('CDNOW!B2:B'), 'month', emu.ref('CDNOW!D2:D'), 3), 'Returning');
  });

  it('a seeded weekly log with refunds, K = 2, and refunds counted as purchases when asked', () => {
    const zone = 'Europe/Prague';
    const rand = mulberry32(99);
    const rows: SetRow[] = [];
    for (let i = 0; i < 300; i++) {
      let t = Date.UTC(2023, 0, 1) + Math.floor(rand() * 200) * 86_400_000 + Math.floor(rand() * 86_400_000);
      for (let v = 0; v < 1 + Math.floor(rand() * 6); v++) {
        rows.push({ id: `K${i}`, date: new Date(t), amount: rand() < 0.12 ? -10 : Math.round(rand() * 9000) / 100 });
        t += Math.floor(rand() * 40) * 86_400_000;
      }
    }
    for (const refundsAreActivity of [false, true]) {
      const emu = workbook(zone);
      addSheet(emu, 'Orders', ['Customer', 'Order date', 'Amount'], rows.map((r) => [r.id, r.date, r.amount]));
      generate(emu, settingsFor(emu, 'Orders', { period: 'week', lapseAfter: 2, refundsAreActivity }));
      const o: SetOptions = { zone, unit: 'week', lapseAfter: 2, refundsAreActivity };
      const table = namedTable(emu, 'RetentionPerPeriod');
      expectSummaryRows(table, periodSets(rows, o), zone);
      expect(headerValue(emu, 'Retention summary', 'Refunds')).toMatch(refundsAreActivity ? /and as purchases/ : /not as purchases/);
      // =RETENTION_BY_PERIOD over the sheet's columns, header row included, gives the summary's rows.
      const formula = formulaOf(emu, emu.ref('Orders!A1:A'), emu.ref('Orders!B1:B'), 'week', emu.ref('Orders!C1:C'), 2, refundsAreActivity ? 'activity' : 'revenue');
      expectFormulaEqualsSummary(table, formula, 'Returning');
    }
  });
});

describe('a customer table: the summary per-period table equals =RETENTION_BY_PERIOD(signup_dates, cancel_dates, …)', () => {
  for (const [zone, unit, seed] of [['America/Sao_Paulo', 'month', 3], ['Asia/Tokyo', 'quarter', 8], ['Europe/Prague', 'week', 13]] as const) {
    it(`${zone}, by ${unit}, with revenue`, () => {
      const rows = generateTable({ seed, zone, customers: 400, revenue: true });
      const emu = workbook(zone);
      addSheet(emu, 'Subscribers', ['Customer ID', 'Signup date', 'Cancel date', 'MRR'], rows.map((r) => [r.id, r.signup, r.cancel, r.revenue ?? '']));
      const settings = settingsFor(emu, 'Subscribers', { period: unit });
      expect(settings.shape).toBe('table');
      generate(emu, settings);
      const table = namedTable(emu, 'RetentionPerPeriod');
      expect(table.length).toBeGreaterThan(5);
      const formula = formulaOf(emu, emu.ref('Subscribers!B1:B'), emu.ref('Subscribers!C1:C'), unit, emu.ref('Subscribers!D1:D'));
      expect(formula[formula.length - 1][0]).toBe('Row 1 of the range ("Signup date", "Cancel date", "MRR") was read as a header and left out.');
      expectFormulaEqualsSummary(table, formula, 'New and cancelled');
      // Cancelled trials are counted apart, and rates stay within 0 … 1.
      expect(table.slice(1).some((r) => (r[4] as number) > 0)).toBe(true);
      for (const r of table.slice(1)) if (r[7] !== '') expect((r[7] as number) + (r[8] as number)).toBeCloseTo(1, 12);
    });
  }

  it('dates typed as text in the locale\'s form and "NULL" cancel dates read alike by both', () => {
    const zone = 'Europe/Prague';
    const rows = generateTable({ seed: 21, zone, customers: 250 });
    const emu = workbook(zone, 'cs_CZ');
    // The test writes cs_CZ dates itself ("5. 1. 2024"), from the civil day of each instant in the zone.
    const czech = (d: Date) => {
      const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d).split('-').map(Number);
      return `${day}. ${m}. ${y}`;
    };
    addSheet(emu, 'Subscribers', ['Zákazník', 'Datum registrace', 'Datum zrušení'],
      rows.map((r, i) => [r.id, czech(r.signup), r.cancel === '' ? (i % 3 === 0 ? 'NULL' : '') : czech(r.cancel as Date)]));
    const settings = settingsFor(emu, 'Subscribers');
    expect(settings.shape).toBe('table');
    generate(emu, settings);
    const table = namedTable(emu, 'RetentionPerPeriod');
    const formula = formulaOf(emu, emu.ref('Subscribers!B1:B'), emu.ref('Subscribers!C1:C'), 'měsíc');
    expect(formula[0].length).toBe(12);
    // The same table with Date cells gives the same rows: text dates and placeholders lose nothing.
    const dates = workbook(zone, 'cs_CZ');
    addSheet(dates, 'Subscribers', ['Zákazník', 'Datum registrace', 'Datum zrušení'], rows.map((r) => [r.id, r.signup, r.cancel]));
    const fromDates = formulaOf(dates, dates.ref('Subscribers!B1:B'), dates.ref('Subscribers!C1:C'), 'měsíc');
    const body = (g: unknown[][]) => g.slice(1, -1).map((r) => [(r[0] as Date).getTime(), ...r.slice(1)]);
    expect(body(formula)).toEqual(body(fromDates));
    expect(String(formula[formula.length - 1][0])).toMatch(/NULL/);
    expect(table.length - 1).toBe(formula.length - 2);
    table.slice(1).forEach((s, i) => expect([s[2], s[3], s[4], s[5], s[6]]).toEqual([formula[i + 1][2], formula[i + 1][3], formula[i + 1][4], formula[i + 1][6], formula[i + 1][5]]));
  });
});
