/**
 * Cost to serve on the Customer value sheet: per segment (a share of revenue and an amount per customer per
 * month, a segment's blank field falling back to the line for all customers) plus a cost column of the log.
 * Expected figures are built here from =CLV's "customers" and "model" outputs (no discounting, so discounted
 * expected purchases are the expected purchases), purchase days and costs summed from the rows, and the months a
 * customer stays active integrated numerically (survivalReference.ts). Without costs nothing changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerValueOutcome, CustomerValueSettings } from '../../src/addon/protocol';
import { discountedActiveMonthsByQuadrature } from '../core/models/survivalReference';
import { trustLog } from '../core/models/trustLogs';
import { civilOf, dateIn } from '../support/days';
import { addSheet, namedTable, settingsFor, workbook } from './workbook';

const ZONE = 'Europe/Prague';
const SEGMENTS = ['Online', 'Retail', 'Wholesale'];
const WEEKS_PER_MONTH = 365.25 / 12 / 7;
const NO_COSTS = { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] };
// Online: 10 % (as all) + 2.00 a month; Retail: 10 %; Wholesale: 30 %, no monthly amount (as all).
const COSTS = {
  column: 5,
  all: { revenueShare: 0.1, perCustomerMonth: 0 },
  segments: [
    { name: 'Online', revenueShare: null, perCustomerMonth: 2 },
    { name: 'Wholesale', revenueShare: 0.3, perCustomerMonth: null },
  ],
};
const RATES: Record<string, { share: number; monthly: number }> = { Online: { share: 0.1, monthly: 2 }, Retail: { share: 0.1, monthly: 0 }, Wholesale: { share: 0.3, monthly: 0 } };

function close(actual: unknown, expected: number, where: string, relative = 1e-6): void {
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

function makeWorkbook() {
  const emu = workbook(ZONE);
  const log = trustLog('sound', 8);
  const rows = log.map((r, k) => {
    const { year, month, day } = civilOf(r.day);
    const cost = k % 11 === 0 ? '' : Math.round((1.5 + 0.04 * r.amount) * 100) / 100;
    return [`C${r.customer}`, dateIn(ZONE, year, month, day), r.amount, SEGMENTS[r.customer % 3], cost];
  });
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan', 'Cost'], rows);
  // Amounts in dollars, as the analyst formatted them: the cost lines name the data's currency (test/report/moneyFormat.test.ts).
  emu.spreadsheet.getSheetByName('Orders')!.getRange(2, 3, rows.length, 1).setNumberFormat('"$"#,##0.00');
  const base = settingsFor(emu, 'Orders');
  const settings = (costs: CustomerValueSettings['costs']): CustomerValueSettings => ({
    sheetName: 'Orders', headerRow: base.headerRow, shape: 'log', columns: { ...base.columns, amount: 3, segment: 4 }, asOf: '',
    horizonMonths: 12, monthlyDiscountRate: 0, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1, costs,
  });
  return { emu, log, rows, settings };
}

describe('cost to serve per segment and from a cost column', () => {
  const { emu, log, rows, settings } = makeWorkbook();
  let outcome: CustomerValueOutcome;
  const expected = new Map<string, { segment: string; clv: number; alive: number; past: number; cost: number }>();

  beforeAll(() => {
    outcome = emu.callFromClient('sidebarCustomerValue', settings(COSTS)) as CustomerValueOutcome;
    const args = [emu.ref('Orders!A2:A'), emu.ref('Orders!B2:B'), emu.ref('Orders!C2:C'), 12, 0];
    const customers = (emu.runCustomFunction('CLV', ...args) as unknown[][]).slice(1);
    const model = emu.runCustomFunction('CLV', ...args, 'model') as unknown[][];
    const param = (name: string) => model.find((r) => r[0] === name)![1] as number;
    const params = { r: param('r'), alpha: param('alpha'), a: param('a'), b: param('b') };

    // From the rows: purchase days, first day, total cost per customer; the last day of the data.
    const end = Math.max(...log.map((r) => r.day));
    const days = new Map<string, Set<number>>();
    const costSum = new Map<string, number>();
    rows.forEach((row, k) => {
      const id = row[0] as string;
      if (!days.has(id)) days.set(id, new Set());
      days.get(id)!.add(log[k].day);
      costSum.set(id, (costSum.get(id) ?? 0) + (row[4] === '' ? 0 : (row[4] as number)));
    });
    const months = new Map<string, number>();
    for (const [id, , alive, purchases, , clv, past] of customers as [string, number, number, number, number, number, number][]) {
      const own = [...days.get(id)!];
      const x = own.length - 1;
      const T = (end - Math.min(...own)) / 7;
      const key = `${x}|${T}`;
      if (!months.has(key)) {
        months.set(key, discountedActiveMonthsByQuadrature(params, x, T, 12, 0, WEEKS_PER_MONTH));
      }
      const segment = SEGMENTS[Number(id.slice(1)) % 3];
      const { share, monthly } = RATES[segment];
      const perPurchase = costSum.get(id)! / own.length;
      const cost = share * clv + monthly * alive * months.get(key)! + perPurchase * purchases;
      expected.set(id, { segment, clv, alive, past, cost });
    }
  });

  it('shows gross value, cost to serve and net value per segment, largest net value first', () => {
    const table = namedTable(emu, 'CustomerValueBySegment');
    expect(table[0]).toEqual(['Segment', 'Customers', 'CLV (sum)', 'CLV per customer', 'Past value (sum)', 'Share of total CLV',
      'Cost to serve (sum)', 'Net value (sum)', 'Net value per customer']);
    const sums = new Map<string, { customers: number; clv: number; cost: number }>();
    for (const e of expected.values()) {
      const s = sums.get(e.segment) ?? { customers: 0, clv: 0, cost: 0 };
      s.customers++;
      s.clv += e.clv;
      s.cost += e.cost;
      sums.set(e.segment, s);
    }
    expect(table.slice(1).map((r) => r[0]).sort()).toEqual(SEGMENTS);
    for (const row of table.slice(1)) {
      const s = sums.get(row[0] as string)!;
      const at = String(row[0]);
      expect(row[1], at).toBe(s.customers);
      close(row[2], s.clv, `${at} CLV`, 1e-9);
      close(row[6], s.cost, `${at} cost`);
      close(row[7], s.clv - s.cost, `${at} net`);
      close(row[8], (s.clv - s.cost) / s.customers, `${at} net per customer`);
      expect(s.cost, at).toBeGreaterThan(0);
    }
    const nets = table.slice(1).map((r) => r[7] as number);
    expect([...nets].sort((a, b) => b - a)).toEqual(nets);
    // The totals in the header block, and the result line.
    const values = emu.values('Customer value');
    const total = (label: string) => values.find((r) => r[0] === label)![1];
    const clv = [...expected.values()].reduce((s, e) => s + e.clv, 0);
    const cost = [...expected.values()].reduce((s, e) => s + e.cost, 0);
    close(total('Total CLV, next 12 months'), clv, 'total CLV', 1e-9);
    close(total('Total cost to serve, next 12 months'), cost, 'total cost');
    close(total('Total net value, next 12 months'), clv - cost, 'total net');
    expect(outcome.message).toContain(`in total, net of the cost to serve ${Math.round(clv - cost).toLocaleString('en-US')},`);
  });

  it('states the cost to serve in words in the header block', () => {
    const values = emu.values('Customer value');
    const start = values.findIndex((r) => r[0] === 'Cost to serve');
    const lines: unknown[] = [];
    for (let r = start; r === start || values[r][0] === ''; r++) lines.push(values[r][1]);
    const blanks = rows.filter((r) => r[4] === '').length;
    expect(lines).toEqual([
      'Segment "Online": 10% of revenue + $2.00 per customer a month while active',
      'Segment "Wholesale": 30% of revenue',
      'Other customers: 10% of revenue',
      `Plus column E ("Cost"): each customer’s average cost per purchase day × their expected purchases (${blanks} rows with a blank cost counted as 0)`,
    ]);
  });

  it('ranks the at-risk list by the expected loss of net value, with the net columns beside the gross ones', () => {
    const list = namedTable(emu, 'CustomerValueAtRisk');
    expect(list[0]).toEqual(['Customer', 'P(alive)', 'Past value', 'Expected loss of net value', 'CLV', 'CLV if still active', 'Cost to serve if still active',
      'Net value if still active', 'Purchases', 'Last purchase', 'Days since last purchase', 'Usual days between purchases', 'Last purchase vs usual']);
    // The same customers as without costs: the selection is by past value and P(alive) only.
    const all = [...expected.entries()];
    const count = Math.ceil(all.length * 0.2);
    const threshold = all.map(([, e]) => e.past).sort((a, b) => b - a)[count - 1];
    const atRisk = all.filter(([, e]) => e.past >= threshold && e.alive < 0.5 && e.alive >= 0.1);
    expect(atRisk.length).toBeGreaterThan(10);
    expect(new Set(list.slice(1).map((r) => r[0]))).toEqual(new Set(atRisk.map(([id]) => id)));
    list.slice(1).forEach((row, k) => {
      const e = expected.get(row[0] as string)!;
      const at = `row ${k + 1} (${String(row[0])})`;
      close(row[6], e.cost / e.alive, `${at} cost if active`);
      close(row[7], (e.clv - e.cost) / e.alive, `${at} net if active`);
      close(row[3], ((1 - e.alive) * (e.clv - e.cost)) / e.alive, `${at} loss of net value`);
      if (k > 0) expect(row[3] as number, at).toBeLessThanOrEqual(list[k][3] as number);
    });
  });
});

describe('without costs', () => {
  it('nothing changes: no costs, costs of zero and settings saved before costs existed give the same sheet', () => {
    const sheets = [NO_COSTS, { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [{ name: 'Online', revenueShare: 0, perCustomerMonth: null }] }, undefined].map((costs) => {
      const { emu, settings } = makeWorkbook();
      const sent = { ...settings(NO_COSTS) } as Partial<CustomerValueSettings>;
      if (costs) sent.costs = costs;
      else delete sent.costs;
      emu.callFromClient('sidebarCustomerValue', sent);
      return emu.values('Customer value').filter((r) => r[0] !== 'Generated');
    });
    expect(sheets[1]).toEqual(sheets[0]);
    expect(sheets[2]).toEqual(sheets[0]);
    const flat = sheets[0].flat();
    expect(flat).not.toContain('Cost to serve');
    expect(flat).toContain('Expected loss of value');
    expect(flat).not.toContain('Expected loss of net value');
  });

  it('refuses a cost column that holds text, naming the rows, and costs out of range, changing nothing', () => {
    const { emu, settings } = makeWorkbook();
    emu.spreadsheet.getSheetByName('Orders')!.getRange('E5').setValue('n/a');
    emu.spreadsheet.getSheetByName('Orders')!.getRange('E9').setValue('#N/A');
    const before = emu.snapshot();
    expect(() => emu.callFromClient('sidebarCustomerValue', settings(COSTS))).toThrow(
      'The costs in column E ("Cost") must be numbers (the cost of each row, blank for none): row 5 is "n/a", row 9 is #N/A. Fix them or choose no cost column.',
    );
    expect(() => emu.callFromClient('sidebarCustomerValue', settings({ ...NO_COSTS, column: 3 }))).toThrow(/^The cost column cannot be column C \("Amount"\): it is already chosen as another column of the log/);
    expect(() => emu.callFromClient('sidebarCustomerValue', settings({ ...NO_COSTS, all: { revenueShare: 1.5, perCustomerMonth: 0 } }))).toThrow(
      'The cost to serve as a share of revenue must be from 0% to 100% (got 150%).',
    );
    expect(() => emu.callFromClient('sidebarCustomerValue', settings({ ...NO_COSTS, segments: [{ name: 'Retail', revenueShare: null, perCustomerMonth: -1 }] }))).toThrow(
      'The cost to serve per customer a month for segment "Retail" must be an amount of 0 or more (got -1).',
    );
    expect(emu.snapshot()).toEqual(before);
  });
});
