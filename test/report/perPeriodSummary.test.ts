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
    // The formula gives the same rows.
    const formula = emu.runCustomFunction('RETENTION_BY_PERIOD', emu.ref('CDNOW!A2:A'), emu.ref('CDNOW!B2:B'), 'month', emu.ref('CDNOW!D2:D'), 3) as unknown[][];
    expect(formula.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual(
      table.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[6], r[5]]),
    );
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
      expectSummaryRows(namedTable(emu, 'RetentionPerPeriod'), periodSets(rows, o), zone);
      expect(headerValue(emu, 'Retention summary', 'Refunds')).toMatch(refundsAreActivity ? /and as purchases/ : /not as purchases/);
    }
  });
});
