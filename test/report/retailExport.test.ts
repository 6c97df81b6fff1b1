/**
 * A retail export (invoice, stock code, description, quantity, invoice date, unit price, customer,
 * country) through the sidebar in the emulator: detection proposes amount = quantity × unit price and
 * a lapse window, returns (negative quantities) count in revenue but not as purchases, and the summary
 * says both in its header block. Compared with the independent per-period sets.
 */
import { describe, expect, it } from 'vitest';
import type { SidebarState, SourceProposal } from '../../src/addon/protocol';
import { periodSets, refundsBeforeFirstPurchase, type SetRow } from '../support/periodSets';
import { mulberry32 } from '../../tools/seededRandom';
import { addSheet, generate, headerValue, namedTable, workbook } from './workbook';

const HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const ZONE = 'Europe/London';

function retailRows(): unknown[][] {
  const rand = mulberry32(2010);
  const rows: unknown[][] = [];
  let invoice = 536365;
  for (let c = 0; c < 250; c++) {
    const customer = 12_000 + c;
    const country = rand() < 0.8 ? 'United Kingdom' : 'France';
    let t = Date.UTC(2010, 11, 1, 8) + Math.floor(rand() * 300) * 86_400_000;
    const visits = 1 + Math.floor(rand() * 5);
    // Some customers' first rows are returns of purchases made before the export began.
    if (rand() < 0.1) rows.push([`C${invoice++}`, '22633', 'HAND WARMER', -2, new Date(t - 86_400_000 * 3), 2.1, customer, country]);
    for (let v = 0; v < visits; v++) {
      const lines = 1 + Math.floor(rand() * 3);
      for (let l = 0; l < lines; l++) {
        rows.push([String(invoice), '85123A', 'T-LIGHT HOLDER', 1 + Math.floor(rand() * 12), new Date(t), Math.round(rand() * 500) / 100, customer, country]);
      }
      if (rand() < 0.15) rows.push([`C${invoice}`, '85123A', 'T-LIGHT HOLDER', -1, new Date(t + 86_400_000 * 10), 2.55, customer, country]);
      invoice++;
      t += Math.floor(20 + rand() * 80) * 86_400_000;
    }
  }
  return rows;
}

describe('a retail export without an amount column', () => {
  const rows = retailRows();
  const emu = workbook(ZONE);
  addSheet(emu, 'Online Retail', HEADER, rows);
  const state = emu.callFromClient('sidebarState') as SidebarState;
  const p = state.proposal as SourceProposal;

  it('is proposed as a log with amount = Quantity × UnitPrice and a lapse window suggested from its gaps', () => {
    expect(p.shape).toBe('log');
    expect(p.roles).toMatchObject({ id: 7, date: 5, amount: 0, quantity: 4, unitPrice: 6, segment: 8 });
    expect(p.explanation).toContain('"Quantity" × "UnitPrice"');
    expect(p.lapse?.byPeriod.month?.periods).toBeGreaterThanOrEqual(1);
    expect(p.lapse?.partial).toBe(false);
    expect(p.lapse?.rows).toBe(rows.length);
  });

  it('writes the summary with the amount, the refunds and the lapse window said in the header block', () => {
    generate(emu, {
      sheetName: p.sheetName, headerRow: p.headerRow, shape: p.shape, columns: p.roles, period: 'month', weekStart: 'monday', mode: 'in',
      asOf: '', segmentFilter: '', breakdown: false, lapseAfter: 2, refundsAreActivity: false,
    });
    expect(headerValue(emu, 'Retention summary', 'Amount')).toBe('quantity × unit price: column D ("Quantity") × column F ("UnitPrice"), per row');
    expect(headerValue(emu, 'Retention summary', 'Refunds')).toMatch(/not as purchases/);
    expect(headerValue(emu, 'Retention summary', 'A customer is lost after')).toMatch(/^2 months without a purchase/);
    const sets: SetRow[] = rows.map((r) => ({ id: r[6] as number, date: r[4] as Date, amount: (r[3] as number) * (r[5] as number) }));
    const o = { zone: ZONE, unit: 'month' as const, lapseAfter: 2 };
    const expected = periodSets(sets, o);
    const table = namedTable(emu, 'RetentionPerPeriod');
    expect(table.length - 1).toBe(expected.length);
    expected.forEach((e, i) => {
      const row = table[i + 1];
      expect([row[0], row[2], row[3], row[4], row[5], row[6]], e.label).toEqual([e.label, e.start, e.newCustomers, e.returning, e.lost, e.end]);
      expect(row[9] as number, e.label).toBeCloseTo(e.revenue!, 6);
    });
    // Returns dated before a customer's first purchase fit no cohort: skipped and counted.
    const leftOut = refundsBeforeFirstPurchase(sets, o);
    expect(leftOut).toBeGreaterThan(0);
    expect(headerValue(emu, 'Retention summary', 'Rows skipped')).toBe(leftOut);
    // Those customers are not counted as acquired in December 2010 unless they also bought then.
    const december = namedTable(emu, 'CohortCustomers')[1];
    expect(december[2]).toBe(expected[0].newCustomers);
  });
});
