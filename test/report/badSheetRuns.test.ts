/**
 * A run on a sheet that turned bad (every date unreadable, only a header left, a column removed)
 * changes nothing and says so: the summary and customer value made before stay exactly as they were,
 * and the message ends with "Your sheets were not changed." in the user's language — the sidebar's
 * error line and the menu's "Refresh summary" alike. Through the built dist/Code.js in the emulator.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueSettings } from '../../src/addon/protocol';
import { addSheet, generate, settingsFor, workbook } from './workbook';
import { messageOf } from '../support/messageOf';

const UNCHANGED = { en_US: 'Your sheets were not changed.', cs_CZ: 'Vaše listy se nezměnily.', pl_PL: 'Twoje arkusze nie zostały zmienione.', hu_HU: 'A lapjai nem változtak.' };

function orders(n: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const month = 1 + (i % 6);
    rows.push([`C${(i % 17) + 1}`, `2024-${String(month).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`, 10 + (i % 7)]);
  }
  return rows;
}


describe('a run on a bad sheet', () => {
  for (const locale of Object.keys(UNCHANGED) as (keyof typeof UNCHANGED)[]) {
    it(`leaves every sheet as it was and says so (${locale})`, () => {
      const emu = workbook('Europe/Prague', locale);
      addSheet(emu, 'Orders', ['customer', 'ordered_at', 'amount'], orders(120));
      const settings = settingsFor(emu, 'Orders');
      generate(emu, settings);
      const value: CustomerValueSettings = {
        ...settings, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
        costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
      };
      emu.callFromClient('sidebarCustomerValue', value);
      const data = emu.spreadsheet.getSheetByName('Orders')!;

      // Every date unreadable.
      data.getRange(2, 2, 120, 1).setValues(Array.from({ length: 120 }, () => ['soon']));
      let before = emu.snapshot();
      for (const m of [messageOf(() => generate(emu, settings)), messageOf(() => emu.callFromClient('sidebarCustomerValue', value))]) {
        expect(m.endsWith(` ${UNCHANGED[locale]}`), m).toBe(true);
      }
      expect(emu.snapshot()).toEqual(before);

      // The menu's refresh of the saved settings.
      emu.call('refreshSummary');
      expect(emu.ui.alerts.at(-1)?.prompt.endsWith(` ${UNCHANGED[locale]}`), emu.ui.alerts.at(-1)?.prompt).toBe(true);
      expect(emu.snapshot()).toEqual(before);

      // Only the header row left.
      data.getRange(2, 1, 120, 3).clearContent();
      before = emu.snapshot();
      const m = messageOf(() => generate(emu, settings));
      expect(m.endsWith(` ${UNCHANGED[locale]}`), m).toBe(true);
      expect(emu.snapshot()).toEqual(before);
    });
  }
});
