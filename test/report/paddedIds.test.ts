/**
 * Padded ids in the emulator, through the built bundle: the audit's reproduction
 * `=COHORTS({"A1";"A1 "}, dates, "month", "customers")` on sheet cells, and the sidebar's summary of a
 * log whose ids a fixed-width export padded — one customer each, and the padded rows said in the
 * header block. Counts by hand.
 */
import { describe, expect, it } from 'vitest';
import { addSheet, generate, namedTable, settingsFor, workbook } from './workbook';

const SUMMARY = 'Retention summary';

function skippedLine(emu: ReturnType<typeof workbook>): string {
  for (let r = 1; r <= 30; r++) {
    if (emu.cellAt(SUMMARY, r, 1).value === 'Rows skipped') return String(emu.cellAt(SUMMARY, r + 1, 2).value);
  }
  throw new Error('no "Rows skipped" in the header block');
}

describe('ids with spaces around them in the emulator', () => {
  it('=COHORTS on "A1" and "A1 " is one customer', () => {
    const emu = workbook('Europe/Prague');
    addSheet(emu, 'Orders', ['Customer', 'Order date'], [['A1', emu.date(2024, 1, 5)], ['A1 ', emu.date(2024, 2, 6)]]);
    expect(emu.cellAt('Orders', 3, 1).value).toBe('A1 ');
    const grid = emu.runCustomFunction('COHORTS', emu.ref('Orders!A2:A3'), emu.ref('Orders!B2:B3'), 'month', 'customers') as unknown[][];
    expect(grid[0]).toEqual(['Cohort', 'Customers', 0, 1]);
    expect(grid[1].slice(1)).toEqual([1, 1, 1]);
    expect(grid.length).toBe(4); // the cohort, the partial-period note and the padded-id note
    expect(grid[3][0]).toBe('Kept 1 row whose value in customer_ids has spaces around it, read without them as the same customer (row 2 of the range, e.g. "A1 ").');
  });

  it('the sidebar summary counts a padded export\'s customers once and says so', () => {
    const emu = workbook('Europe/Prague');
    addSheet(emu, 'Orders', ['Customer', 'Order date', 'Amount'], [
      ['A1', emu.date(2024, 1, 5), 10],
      ['B2   ', emu.date(2024, 1, 9), 20],
      ['A1   ', emu.date(2024, 2, 1), 5],
      ['B2', emu.date(2024, 2, 3), 5],
    ]);
    const settings = settingsFor(emu, 'Orders');
    const outcome = generate(emu, { ...settings, shape: 'log', columns: { ...settings.columns, id: 1, date: 2, amount: 3 } });
    expect(outcome.rowsSkipped).toBe(0);
    // One January cohort of 2 (Customers, +0), both back in February (+1); no February cohort.
    const cohorts = namedTable(emu, 'CohortCustomers');
    expect(cohorts.length).toBe(2);
    expect(cohorts[1].slice(2, 5)).toEqual([2, 2, 2]);
    expect(skippedLine(emu)).toBe('Kept 2 rows whose values in column A ("Customer") have spaces around them, read without them as the same customers (rows 3, 4, e.g. "B2   ").');
  });
});
