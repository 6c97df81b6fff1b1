/**
 * The at-risk and lapsed lists on the whole CDNOW log (observation to its last date, 1998-06-30, defaults: top
 * 20 % by past value, at risk with P(alive) from 10 % to below 50 %, lapsed below 10 %), as the sidebar's sheet
 * and as =CLV(…, "at risk") / =CLV(…, "lapsed") spill them, against a filter written here of =CLV's "customers"
 * output, and the recency columns against purchase days counted here from the file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerValueOutcome, CustomerValueSettings } from '../../src/addon/protocol';
import { CDNOW_LOG, readCdnow } from '../support/cdnow';
import { dayInZoneOf, dayOf } from '../support/days';
import { namedTable, settingsFor, workbook } from './workbook';

const ZONE = 'America/New_York';
const HEADER = ['Customer', 'P(alive)', 'Past value', 'Expected loss of value', 'CLV', 'CLV if still active', 'Purchases', 'Last purchase',
  'Days since last purchase', 'Usual days between purchases', 'Last purchase vs usual'];

interface Customer {
  id: string;
  purchases: number;
  alive: number;
  clv: number;
  past: number;
}

function close(actual: unknown, expected: number, where: string, relative = 1e-9): void {
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** How the row's last column should read, from the purchase days alone. */
function recencyText(daysSince: number, gap: number | null): string {
  const ago = daysSince === 0 ? 'on the last day observed' : daysSince === 1 ? '1 day ago' : `${daysSince} days ago`;
  if (gap === null) return `only purchase ${ago}; no usual gap yet`;
  const every = Math.max(1, Math.round(gap));
  return `last purchase ${ago}; ${every === 1 ? 'usually every day' : `usually every ${every} days`}`;
}

describe('the at-risk and lapsed lists on CDNOW', () => {
  const emu = workbook(ZONE);
  let customers: Customer[];
  let spill: { atRisk: unknown[][]; lapsed: unknown[][] };
  let outcome: CustomerValueOutcome;
  // Purchase days per customer, from the file.
  const days = new Map<string, Set<number>>();
  let lastDay = 0;

  beforeAll(() => {
    emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    const args = [emu.ref('CDNOW!A2:A'), emu.ref('CDNOW!B2:B'), emu.ref('CDNOW!D2:D')];
    const rows = emu.runCustomFunction('CLV', ...args) as unknown[][];
    expect(rows[0]).toEqual(['Customer', 'Purchases', 'P(alive)', 'Expected purchases, next 12 months', 'Expected average value', 'CLV', 'Past value', 'Last purchase']);
    customers = rows.slice(1).map((r) => ({ id: r[0] as string, purchases: r[1] as number, alive: r[2] as number, clv: r[5] as number, past: r[6] as number }));
    spill = {
      atRisk: emu.runCustomFunction('CLV', ...args, '', '', 'at risk') as unknown[][],
      lapsed: emu.runCustomFunction('CLV', ...args, '', '', 'Lapsed') as unknown[][],
    };
    const { headerRow, shape, columns } = settingsFor(emu, 'CDNOW');
    const settings: CustomerValueSettings = {
      sheetName: 'CDNOW', headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
      costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
    };
    outcome = emu.callFromClient('sidebarCustomerValue', settings) as CustomerValueOutcome;
    for (const r of readCdnow()) {
      const day = dayOf(r.year, r.month, r.day);
      if (!days.has(r.id)) days.set(r.id, new Set());
      days.get(r.id)!.add(day);
      lastDay = Math.max(lastDay, day);
    }
  });

  /** The filter, written here: top 20 % by past value (⌈0.2 × N⌉, ties in), then P(alive) bands. */
  function expected() {
    const count = Math.ceil(customers.length * 0.2);
    const threshold = customers.map((c) => c.past).sort((a, b) => b - a)[count - 1];
    const top = customers.filter((c) => c.past >= threshold);
    const atRisk = top.filter((c) => c.alive < 0.5 && c.alive >= 0.1).map((c) => ({ ...c, loss: (c.clv / c.alive) * (1 - c.alive) }));
    const lapsed = top.filter((c) => c.alive < 0.1);
    return { count, threshold, top, atRisk, lapsed };
  }

  it('spills every at-risk customer, largest expected loss first, with the numbers of =CLV’s customers output', () => {
    const { atRisk, top } = expected();
    expect(customers.length).toBe(23570);
    expect(top.length).toBeGreaterThanOrEqual(4714);
    expect(atRisk.length).toBeGreaterThan(500);
    expect(spill.atRisk[0]).toEqual(HEADER);
    const listed = spill.atRisk.slice(1);
    expect(new Set(listed.map((r) => r[0]))).toEqual(new Set(atRisk.map((c) => c.id)));
    expect(listed.length).toBe(atRisk.length);
    const byId = new Map(atRisk.map((c) => [c.id, c]));
    listed.forEach((row, k) => {
      const c = byId.get(row[0] as string)!;
      const at = `at-risk row ${k + 1} (${c.id})`;
      close(row[1], c.alive, `${at} P(alive)`);
      expect(row[1] as number, at).toBeGreaterThanOrEqual(0.1);
      expect(row[1] as number, at).toBeLessThan(0.5);
      close(row[2], c.past, `${at} past value`);
      close(row[3], c.loss, `${at} loss`, 1e-8);
      close(row[4], c.clv, `${at} CLV`);
      close(row[5], c.clv / c.alive, `${at} CLV if still active`, 1e-8);
      expect(row[6], at).toBe(c.purchases);
      if (k > 0) expect(row[3] as number, at).toBeLessThanOrEqual(listed[k - 1][3] as number);
    });
  });

  it('spills every lapsed top customer, highest past value first', () => {
    const { lapsed } = expected();
    expect(lapsed.length).toBeGreaterThan(100);
    expect(spill.lapsed[0]).toEqual(HEADER);
    const listed = spill.lapsed.slice(1);
    expect(new Set(listed.map((r) => r[0]))).toEqual(new Set(lapsed.map((c) => c.id)));
    // By money: sums that differ only by floating-point noise (35.19 and 35.190000000000005) are one value.
    const cents = (v: unknown) => Math.round((v as number) * 100);
    expect(listed.map((r) => cents(r[2]))).toEqual(lapsed.map((c) => cents(c.past)).sort((a, b) => b - a));
    for (const row of listed) {
      expect(row[1] as number).toBeLessThan(0.1);
      // What a win-back is worth is a number even where P(alive) is 0 to double precision.
      expect(Number.isFinite(row[5] as number), String(row[0])).toBe(true);
      expect(row[5] as number).toBeGreaterThan(0);
    }
  });

  it('says when each listed customer last bought and how that compares with their usual gap', () => {
    for (const row of [...spill.atRisk.slice(1), ...spill.lapsed.slice(1)]) {
      const own = [...days.get(row[0] as string)!].sort((a, b) => a - b);
      const last = own[own.length - 1];
      const gap = own.length > 1 ? (last - own[0]) / (own.length - 1) : null;
      const at = String(row[0]);
      expect(dayInZoneOf(row[7] as Date, ZONE), at).toBe(last);
      expect(row[8], at).toBe(lastDay - last);
      if (gap === null) expect(row[9], at).toBe('');
      else close(row[9], gap, `${at} usual gap`, 1e-12);
      expect(row[10], at).toBe(recencyText(lastDay - last, gap));
    }
    // Everyone listed bought more than once: a one-time buyer has P(alive) = 1 under BG/NBD.
    expect(spill.atRisk.slice(1).every((r) => typeof r[9] === 'number')).toBe(true);
  });

  it('has the figures docs/models.md and README quote for the whole log', () => {
    expect([spill.atRisk.length - 1, spill.lapsed.length - 1]).toEqual([780, 348]);
    const first = spill.atRisk[1];
    expect(first[0]).toBe('21685');
    expect(first[1] as number).toBeCloseTo(0.172, 3);
    expect(Math.abs((first[3] as number) - 924.39)).toBeLessThan(0.01);
    expect(first[10]).toBe('last purchase 104 days ago; usually every 15 days');
  });

  it('writes the same lists to the Customer value sheet, and counts them in the result line', () => {
    for (const [name, rows] of [['CustomerValueAtRisk', spill.atRisk], ['CustomerValueLapsed', spill.lapsed]] as const) {
      const sheet = namedTable(emu, name);
      expect(sheet.length, name).toBe(rows.length);
      sheet.forEach((row, k) => {
        const spilled = rows[k];
        expect(row.length).toBe(spilled.length);
        row.forEach((v, j) => {
          if (v instanceof Date) expect(dayInZoneOf(v, ZONE), `${name} ${k},${j}`).toBe(dayInZoneOf(spilled[j] as Date, ZONE));
          else expect(v, `${name} ${k},${j}`).toEqual(spilled[j]);
        });
      });
    }
    expect(outcome.atRisk).toBe(spill.atRisk.length - 1);
    expect(outcome.lapsed).toBe(spill.lapsed.length - 1);
    expect(outcome.message).toContain(`${(spill.atRisk.length - 1).toLocaleString('en-US')} top customers at risk, ${(spill.lapsed.length - 1).toLocaleString('en-US')} lapsed.`);
  });
});
