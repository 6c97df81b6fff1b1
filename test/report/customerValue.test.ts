/**
 * The "Customer value" sheet the sidebar writes, through the built bundle in the emulator: its model
 * equals the core fit on the same data, its at-risk list and its CLV by segment equal filters and sums
 * written here from per-customer data, and it is as safe to run as the summary (fixed call count, user
 * sheets untouched, all-or-nothing, text stays text, clear messages).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerValueOutcome, CustomerValueSettings, SidebarState } from '../../src/addon/protocol';
import { scoreCustomers, type CustomerValueResult } from '../../src/core/models';
import { mulberry32 } from '../../tools/seededRandom';
import { generateLog } from '../core/cohorts/generate';
import type { RefLogRow } from '../core/cohorts/reference';
import { CDNOW_LOG, readCdnow } from '../support/cdnow';
import { addSheet, namedTable, settingsFor, workbook } from './workbook';
import { civilOf, dayOf } from '../support/days';

type Emulator = ReturnType<typeof workbook>;

const NEEDS_AMOUNTS = /^Customer value needs a transaction log with an amount column/;

function valueSettings(emu: Emulator, sheetName: string, extra: Partial<CustomerValueSettings> = {}): CustomerValueSettings {
  const { headerRow, shape, columns } = settingsFor(emu, sheetName);
  return {
    sheetName, headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
    costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] }, ...extra,
  };
}

function estimate(emu: Emulator, settings: CustomerValueSettings): CustomerValueOutcome {
  return emu.callFromClient('sidebarCustomerValue', settings) as CustomerValueOutcome;
}

function expectClose(actual: unknown, expected: number, where: string, relative = 1e-9): void {
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - expected), `${where}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** The value beside a label in the first column of a named two-or-more-column table. */
function labelled(table: unknown[][], label: string): unknown {
  const row = table.find((r) => r[0] === label);
  if (!row) throw new Error(`no "${label}" row`);
  return row[1];
}

const ymd = (d: unknown) => {
  const date = d as Date;
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
};

function logWorkbook(customers: number, seed: number, zone = 'Europe/Prague') {
  const rows = generateLog({ seed, zone, customers, amounts: true, segments: true });
  const emu = workbook(zone);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  return { emu, rows };
}

function dayInZone(date: Date, zone: string): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date)
    .split('-')
    .map(Number);
  return dayOf(y, m, d);
}

/**
 * A log the BG/NBD story fits: each customer buys at a Gamma-distributed weekly rate from a first day in
 * the first 100 days of 2024 and drops out after each purchase with a Beta-distributed probability, so
 * P(alive) spreads over (0, 1] and an at-risk list exists. Amounts vary around a per-customer mean.
 */
function simulatedRows(emu: Emulator, customers: number, seed: number, flatAmount?: number): unknown[][] {
  const rand = mulberry32(seed);
  const gamma2 = () => -Math.log(1 - rand()) - Math.log(1 - rand()); // Gamma(2, 1)
  const start = dayOf(2024, 1, 1);
  const end = start + 364;
  const rows: unknown[][] = [];
  const segments = ['North', 'South', 'East', 'West'];
  for (let c = 0; c < customers; c++) {
    const rate = 0.25 * gamma2(); // purchases a week while active
    const dropout = 0.05 + 0.5 * rand() * rand();
    const mean = 20 + 80 * gamma2();
    const segment = segments[c % segments.length];
    let day = start + Math.floor(rand() * 100);
    for (;;) {
      const civil = civilOf(day);
      const amount = flatAmount ?? Math.round(mean * (0.5 + rand()) * 100) / 100;
      rows.push([`C${c}`, emu.date(civil.year, civil.month, civil.day), amount, segment]);
      if (rand() < dropout) break;
      day += 1 + Math.floor((-Math.log(1 - rand()) / rate) * 7);
      if (day > end) break;
    }
  }
  return rows;
}

const key = (id: unknown) => `${typeof id}:${String(id)}`;

describe('the Customer value sheet on CDNOW, observation to 1997-09-30', () => {
  const zone = 'America/New_York';
  const endDay = dayOf(1997, 9, 30);
  let emu: Emulator;
  let outcome: CustomerValueOutcome;
  // The core fit on the log read here, straight from the file: the sheet's numbers must be these.
  let core: CustomerValueResult;
  let ids: string[];

  beforeAll(() => {
    emu = workbook(zone);
    emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    outcome = estimate(emu, valueSettings(emu, 'CDNOW', { asOf: '1997-09-30' }));

    const rows = readCdnow();
    const index = new Map<string, number>();
    ids = [];
    for (const r of rows) {
      if (!index.has(r.id)) {
        index.set(r.id, ids.length);
        ids.push(r.id);
      }
    }
    core = scoreCustomers(
      {
        customer: rows.map((r) => index.get(r.id)!),
        day: rows.map((r) => dayOf(r.year, r.month, r.day)),
        amount: rows.map((r) => r.amount),
      },
      { endDay, horizonMonths: 12, monthlyDiscountRate: 0.01, unit: 'weeks', customerCount: ids.length },
    );
  });

  it('reports the run', () => {
    expect(outcome.sheetName).toBe('Customer value');
    expect(outcome.rowsRead).toBe(69659);
    expect(outcome.customers).toBe(23570);
    expect(outcome.message).toMatch(/^23,570 customers scored from 69,659 rows: 12-month CLV [\d,]+ in total, [\d,]+ top customers at risk, [\d,]+ lapsed\. Written to "Customer value"\.$/);
    expect(outcome.warnings).toEqual([]);
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Customer value');
  });

  it('shows the parameters, fit and settings of the core fit on the same data', () => {
    const model = namedTable(emu, 'CustomerValueModel');
    expect(model[0]).toEqual(['Quantity', 'Value', 'Meaning']);
    const s = core.summary;
    for (const p of ['r', 'alpha', 'a', 'b', 'p', 'q', 'v'] as const) expectClose(labelled(model, p), s[p], p);
    expectClose(labelled(model, 'BG/NBD log-likelihood'), s.bgNbdLogLikelihood, 'BG/NBD LL');
    expectClose(labelled(model, 'Gamma-Gamma log-likelihood'), s.gammaGammaLogLikelihood, 'GG LL');
    expect(labelled(model, 'BG/NBD converged')).toBe(true);
    expect(labelled(model, 'Gamma-Gamma converged')).toBe(true);
    expect(labelled(model, 'Time unit')).toBe('weeks');
    expect(labelled(model, 'Customers')).toBe(23570);
    expect(labelled(model, 'Customers in the spend model')).toBe(s.spendCustomers);
    expect(ymd(labelled(model, 'Observation end'))).toEqual([1997, 9, 30]);
    expect(labelled(model, 'Horizon (months)')).toBe(12);
    expect(labelled(model, 'Monthly discount rate')).toBe(0.01);
    expectClose(labelled(model, 'Spend–frequency correlation'), s.spendFrequencyCorrelation, 'rho');
    // The published-literature ballpark (docs/models.md, bench): r 0.252, α 4.789, a 0.723, b 2.161.
    expect(labelled(model, 'r')).toBeCloseTo(0.252, 3);
    expect(labelled(model, 'alpha')).toBeCloseTo(4.789, 3);
    // Notes: the rows after the as-of day and the zero amount are stated under the table.
    const texts = emu.values('Customer value').flat().filter((v) => typeof v === 'string') as string[];
    expect(texts.some((t) => /rows after the observation end Sep 30, 1997 ignored/.test(t))).toBe(true);
    expect(texts.some((t) => /zero amount left out of the spend model/.test(t))).toBe(true);
    expect(emu.cellAt('Customer value', 1, 1)).toMatchObject({ value: 'Customer value', fontWeight: 'bold' });
  });

  it('lists the top 100 customers by CLV', () => {
    const top = namedTable(emu, 'CustomerValueTop');
    expect(top[0]).toEqual(['Customer', 'Purchases', 'Last purchase', 'Past value', 'P(alive)', 'Expected purchases, next 12 months', 'Expected average value', 'CLV']);
    const c = core.customers;
    const order = ids.map((_, i) => i).sort((x, y) => c.clv[y] - c.clv[x]);
    expect(top.length).toBe(101);
    top.slice(1).forEach((row, k) => {
      const i = order[k];
      const at = `top row ${k + 1}`;
      expect(row[0], at).toBe(ids[i]);
      expect(row[1], at).toBe(c.purchases[i]);
      const last = civilOf(c.lastPurchaseDay[i]);
      expect(ymd(row[2]), at).toEqual([last.year, last.month, last.day]);
      expectClose(row[3], c.pastValue[i], `${at} past value`);
      expectClose(row[4], c.probabilityAlive[i], `${at} P(alive)`);
      expectClose(row[5], c.expectedPurchases[i], `${at} expected purchases`);
      expectClose(row[6], c.expectedAverageValue[i], `${at} expected value`);
      expectClose(row[7], c.clv[i], `${at} CLV`);
    });
    // Formats: money, percent, date.
    const topRow = emu.spreadsheet.getRangeByName('CustomerValueTop')!.getRow() + 1;
    // CDNOW's amounts are plain numbers (its dollars are said nowhere in the cells): two decimals, no symbol.
    expect(emu.cellAt('Customer value', topRow, 8).numberFormat).toBe('#,##0.00');
    expect(emu.cellAt('Customer value', topRow, 5).numberFormat).toBe('0.0%');
    expect(emu.cellAt('Customer value', topRow, 3).numberFormat).toBe('mmm d, yyyy'); // Jan 5, 1997: the en_US workbook's way
    expect(emu.cellAt('Customer value', topRow - 1, 1).fontWeight).toBe('bold');
  });

  it('lists exactly the top 20 % by past value whose P(alive) is from 10 % to below 50 %, largest expected loss first', () => {
    const c = core.customers;
    // Independently: the 4,714 (= ⌈23,570 × 20 / 100⌉) highest past values by a plain sort, ties included.
    const scored = ids.map((_, i) => i).filter((i) => c.purchases[i] > 0);
    expect(scored.length).toBe(23570);
    const count = Math.ceil((scored.length * 20) / 100);
    const threshold = scored.map((i) => c.pastValue[i]).sort((x, y) => y - x)[count - 1];
    const top = scored.filter((i) => c.pastValue[i] >= threshold);
    const expected = top
      .filter((i) => c.probabilityAlive[i] < 0.5 && c.probabilityAlive[i] >= 0.1)
      .map((i) => ({ id: ids[i], loss: c.clv[i] / c.probabilityAlive[i] - c.clv[i], i }))
      .sort((x, y) => y.loss - x.loss);
    const lapsed = top.filter((i) => c.probabilityAlive[i] < 0.1).sort((x, y) => c.pastValue[y] - c.pastValue[x]);
    expect(expected.length).toBeGreaterThan(300);
    expect(lapsed.length).toBeGreaterThan(100);
    expect(expected.length + lapsed.length).toBeLessThan(count);

    const atRisk = namedTable(emu, 'CustomerValueAtRisk');
    expect(atRisk[0]).toEqual(['Customer', 'P(alive)', 'Past value', 'Expected loss of value', 'CLV', 'CLV if still active', 'Purchases', 'Last purchase',
      'Days since last purchase', 'Usual days between purchases', 'Last purchase vs usual']);
    const listed = atRisk.slice(1);
    expect(listed.map((r) => r[0])).toEqual(expected.map((e) => e.id));
    listed.forEach((row, k) => {
      const { i, loss } = expected[k];
      const at = `at-risk row ${k + 1} (${ids[i]})`;
      expectClose(row[1], c.probabilityAlive[i], `${at} P(alive)`);
      expect(row[1] as number, at).toBeLessThan(0.5);
      expect(row[1] as number, at).toBeGreaterThanOrEqual(0.1);
      expectClose(row[2], c.pastValue[i], `${at} past value`);
      expect(row[2] as number, at).toBeGreaterThanOrEqual(threshold);
      expectClose(row[3], loss, `${at} loss`, 1e-8);
      expectClose(row[4], c.clv[i], `${at} CLV`);
      expectClose(row[5], c.clv[i] / c.probabilityAlive[i], `${at} CLV if active`, 1e-8);
      expect(row[6], at).toBe(c.purchases[i]);
      const last = civilOf(c.lastPurchaseDay[i]);
      expect(ymd(row[7]), at).toEqual([last.year, last.month, last.day]);
    });
    expect(outcome.atRisk).toBe(expected.length);

    // The lapsed list: the same top share below the floor, highest past value first.
    const lapsedRows = namedTable(emu, 'CustomerValueLapsed');
    expect(lapsedRows[0]).toEqual(atRisk[0]);
    // (Order within equal past values is by expected loss; compare the sets and the order of past values.)
    expect(new Set(lapsedRows.slice(1).map((r) => r[0]))).toEqual(new Set(lapsed.map((i) => ids[i])));
    expect(lapsedRows.length - 1).toBe(lapsed.length);
    // By money: sums that differ only by floating-point noise (35.19 and 35.190000000000005) are one value.
    const cents = (v: number) => Math.round(v * 100);
    expect(lapsedRows.slice(1).map((r) => cents(r[2] as number))).toEqual(lapsed.map((i) => cents(c.pastValue[i])));
    for (const row of lapsedRows.slice(1)) expect(row[1] as number).toBeLessThan(0.1);
    expect(outcome.lapsed).toBe(lapsed.length);

    // The figures docs/models.md quotes for this run (money to the cent the docs print).
    expect([scored.length, count, top.length, expected.length, lapsed.length]).toEqual([23570, 4714, top.length, 1170, 185]);
    expect(threshold).toBeCloseTo(93.97, 2);
    expect(listed[0][0]).toBe('07983');
    expect(listed[0][6]).toBe(50);
    expect(listed[0][1] as number).toBeCloseTo(0.182, 3);
    expect(Math.abs((listed[0][5] as number) - 3212.73)).toBeLessThan(0.01);
    expect(Math.abs((listed[0][3] as number) - 2629.07)).toBeLessThan(0.01);
    expect(lapsedRows[1][0]).toBe('19339');
    expect(Math.abs((lapsedRows[1][2] as number) - 6552.7)).toBeLessThan(0.005);
    expect(Math.abs((lapsedRows[1][5] as number) - 6371.02)).toBeLessThan(0.01);
    const totalClv = scored.reduce((sum, i) => sum + c.clv[i], 0);
    expect(Math.round(totalClv)).toBe(768514);

    // The threshold is on the sheet, beside its label.
    const values = emu.values('Customer value');
    const thresholdRow = values.find((r) => r[0] === 'Past value at least')!;
    expectClose(thresholdRow[1], threshold, 'threshold');
    // And the definition of the expected loss is stated under the list.
    const texts = values.flat().filter((v) => typeof v === 'string') as string[];
    expect(texts.some((t) => t.startsWith('Expected loss of value = CLV if still active − CLV = (1 − P(alive)) × CLV if still active'))).toBe(true);
  });

  it('has no segment table without a segment column, and says how to get one', () => {
    expect(emu.spreadsheet.getRangeByName('CustomerValueBySegment')).toBeNull();
    const texts = emu.values('Customer value').flat();
    expect(texts).toContain('Choose a segment column in the sidebar to see CLV per segment.');
  });

  it('moves both lists with the settings: top 5 %, P(alive) below 30 %, floor 2 %', () => {
    const other = workbook(zone);
    other.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    estimate(other, valueSettings(other, 'CDNOW', { asOf: '1997-09-30', topShare: 0.05, aliveBelow: 0.3, aliveFloor: 0.02 }));
    const c = core.customers;
    const scored = ids.map((_, i) => i).filter((i) => c.purchases[i] > 0);
    const count = Math.ceil((scored.length * 5) / 100);
    const threshold = scored.map((i) => c.pastValue[i]).sort((x, y) => y - x)[count - 1];
    const alive = (i: number) => c.probabilityAlive[i];
    const expected = new Set(scored.filter((i) => c.pastValue[i] >= threshold && alive(i) < 0.3 && alive(i) >= 0.02).map((i) => ids[i]));
    const lapsed = new Set(scored.filter((i) => c.pastValue[i] >= threshold && alive(i) < 0.02).map((i) => ids[i]));
    expect(new Set(namedTable(other, 'CustomerValueLapsed').slice(1).map((r) => r[0]))).toEqual(lapsed);
    const listed = namedTable(other, 'CustomerValueAtRisk').slice(1).map((r) => r[0]);
    expect(new Set(listed)).toEqual(expected);
    expect(listed.length).toBe(expected.size);
  });
});

describe('the top share by past value', () => {
  // P(alive) per customer from =CLV (observation to the last date), past value summed here from the rows.
  function expectedAtRisk(emu: Emulator, rows: unknown[][], topSharePercent: number, aliveBelow: number, aliveFloor: number) {
    const formula = emu.runCustomFunction('CLV', emu.ref('Orders!A2:A'), emu.ref('Orders!B2:B'), emu.ref('Orders!C2:C')) as unknown[][];
    // Customer rows (a count of purchases in column 2); cautions and notes under them are text alone.
    const alive = new Map(formula.slice(1).filter((r) => typeof r[1] === 'number').map((r) => [r[0] as string, r[2] as number]));
    const past = new Map<string, number>();
    for (const [id, , amount] of rows) past.set(id as string, (past.get(id as string) ?? 0) + (amount as number));
    expect(alive.size).toBe(past.size);
    const count = Math.ceil((past.size * topSharePercent) / 100);
    const threshold = [...past.values()].sort((x, y) => y - x)[count - 1];
    const top = [...past.keys()].filter((id) => past.get(id)! >= threshold);
    return { count, top, atRisk: new Set(top.filter((id) => alive.get(id)! < aliveBelow && alive.get(id)! >= aliveFloor)) };
  }

  it('is the ⌈share × customers⌉ highest past values, rounded up', () => {
    const emu = workbook('Europe/Prague');
    const rows = simulatedRows(emu, 203, 42);
    addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Region'], rows);
    // 15 % of 203 = 30.45 → 31 customers; P(alive) below 100 % keeps everyone who bought again.
    const expected = expectedAtRisk(emu, rows, 15, 1, 0);
    expect(expected.count).toBe(31);
    expect(expected.top.length).toBe(31);
    const outcome = estimate(emu, valueSettings(emu, 'Orders', { topShare: 0.15, aliveBelow: 1, aliveFloor: 0 }));
    const listed = namedTable(emu, 'CustomerValueAtRisk').slice(1).map((r) => r[0]);
    expect(new Set(listed)).toEqual(expected.atRisk);
    expect(outcome.atRisk).toBe(expected.atRisk.size);
    expect(expected.atRisk.size).toBeGreaterThan(25);
  });

  it('takes in everyone tied with the last of them', () => {
    const emu = workbook('Europe/Prague');
    const rows = simulatedRows(emu, 203, 43, 10); // every purchase $10: past values tie in large groups
    addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Region'], rows);
    const expected = expectedAtRisk(emu, rows, 20, 0.8, 0.1);
    expect(expected.top.length).toBeGreaterThan(expected.count);
    estimate(emu, valueSettings(emu, 'Orders', { topShare: 0.2, aliveBelow: 0.8 }));
    const listed = namedTable(emu, 'CustomerValueAtRisk').slice(1).map((r) => r[0]);
    expect(new Set(listed)).toEqual(expected.atRisk);
    expect(listed.length).toBe(expected.atRisk.size);
    const texts = emu.values('Customer value').flat().filter((v) => typeof v === 'string') as string[];
    expect(texts.some((t) => t.includes(`the ${expected.count} customers (20% of 203, rounded up) with the highest past value, and anyone tied with the last of them — ${expected.top.length} customers.`))).toBe(true);
  });
});

describe('CLV by segment', () => {
  it('sums each segment’s CLV and past value as =CLV’s per-customer rows and the log give them', () => {
    const zone = 'Europe/Prague';
    const { emu, rows } = logWorkbook(600, 21, zone);
    const base = valueSettings(emu, 'Orders');
    const outcome = estimate(emu, { ...base, columns: { ...base.columns, segment: 4 } });

    // Per customer, from the formula (a different adapter over the same models): CLV.
    const formula = emu.runCustomFunction('CLV', emu.ref('Orders!A2:A'), emu.ref('Orders!B2:B'), emu.ref('Orders!C2:C')) as unknown[][];
    expect(formula[0][0]).toBe('Customer');
    // Customers with refunds only are listed too, with a blank CLV (no prediction), as is the note row under them.
    const clv = new Map(formula.slice(1).filter((r) => typeof r[5] === 'number').map((r) => [key(r[0]), r[5] as number]));

    // Per customer, from the generated rows: segment on the earliest purchase row (first in sheet order; a row
    // with a negative amount is a refund, not a purchase), past value over all rows. Customers with refunds only
    // have no purchase to model.
    const segmentName = (v: unknown) => (v === '' || v === undefined ? '(blank)' : String(v));
    const first = new Map<string, { day: number; segment: string }>();
    const past = new Map<string, number>();
    rows.forEach((r: RefLogRow) => {
      const k = key(r.id);
      const day = dayInZone(r.date, zone);
      const seen = first.get(k);
      const refund = typeof r.amount === 'number' && r.amount < 0;
      if (!refund && (!seen || day < seen.day)) first.set(k, { day, segment: segmentName(r.segment) });
      past.set(k, (past.get(k) ?? 0) + (typeof r.amount === 'number' ? r.amount : 0));
    });
    expect(clv.size).toBe(first.size);
    expect(outcome.customers).toBe(first.size);

    const expected = new Map<string, { customers: number; clv: number; past: number }>();
    for (const [k, { segment }] of first) {
      const e = expected.get(segment) ?? { customers: 0, clv: 0, past: 0 };
      e.customers++;
      e.clv += clv.get(k)!;
      e.past += past.get(k)!;
      expected.set(segment, e);
    }
    const total = [...expected.values()].reduce((s, e) => s + e.clv, 0);
    expectClose(outcome.totalClv, total, 'total CLV');

    const table = namedTable(emu, 'CustomerValueBySegment');
    expect(table[0]).toEqual(['Segment', 'Customers', 'CLV (sum)', 'CLV per customer', 'Past value (sum)', 'Share of total CLV']);
    const listed = table.slice(1);
    expect(new Set(listed.map((r) => r[0]))).toEqual(new Set(['A', 'B', 'C', '1', '(blank)']));
    expect(listed.length).toBe(expected.size);
    for (const row of listed) {
      const e = expected.get(row[0] as string)!;
      const at = `segment ${String(row[0])}`;
      expect(row[1], at).toBe(e.customers);
      expectClose(row[2], e.clv, `${at} CLV`);
      expectClose(row[3], e.clv / e.customers, `${at} mean CLV`);
      expectClose(row[4], e.past, `${at} past value`);
      expectClose(row[5], e.clv / total, `${at} share`);
    }
    // Largest CLV first, shares add up to 1.
    const sums = listed.map((r) => r[2] as number);
    expect([...sums].sort((x, y) => y - x)).toEqual(sums);
    expectClose(listed.reduce((s, r) => s + (r[5] as number), 0), 1, 'shares');
  });
});

// Growing a new sheet past its default 1000 × 26 cells costs one call per direction, once.
const RESIZE = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];

function callsFor(customers: number): { total: number; rows: number; atRisk: number } {
  const emu = workbook('Europe/Prague');
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Region'], simulatedRows(emu, customers, customers));
  const base = valueSettings(emu, 'Orders');
  const settings = { ...base, columns: { ...base.columns, segment: 4 }, topShare: 0.5, aliveBelow: 0.5 };
  estimate(emu, settings); // a first sheet exists, so the second run also replaces one
  emu.resetCalls();
  const outcome = estimate(emu, settings);
  const resizing = RESIZE.reduce((n, m) => n + emu.calls[m], 0);
  // Asking the user's language for the result line (Session, not the spreadsheet) is not a Sheets call.
  const language = emu.calls['Session.getActiveUserLocale'];
  return { total: emu.calls.total - resizing - language, rows: outcome.rowsRead, atRisk: outcome.atRisk };
}

describe('safety', () => {
  it('makes the same number of Sheets calls whatever the number of rows or customers', () => {
    const small = callsFor(60);
    const large = callsFor(3000);
    expect(large.rows).toBeGreaterThan(20 * small.rows);
    expect(large.atRisk).toBeGreaterThan(20 * small.atRisk);
    expect(small.atRisk).toBeGreaterThan(0);
    expect(large.total).toBe(small.total);
    // The in-place rewrite (staging copy, re-pointed named ranges) and the refusal of an owned source sheet included.
    expect(large.total).toBeLessThanOrEqual(100);
  });

  it('never touches a user sheet named "Customer value"', () => {
    const { emu } = logWorkbook(150, 3);
    addSheet(emu, 'Customer value', ['My CLV notes'], [['do not delete']]);
    const before = emu.snapshot().sheets.find((s) => s.name === 'Customer value');
    const outcome = estimate(emu, valueSettings(emu, 'Orders'));
    expect(outcome.sheetName).toBe('Customer value 2');
    expect(emu.snapshot().sheets.find((s) => s.name === 'Customer value')).toEqual(before);
    // A second run replaces its own sheet, keeping its name, and still leaves the user's alone.
    estimate(emu, valueSettings(emu, 'Orders', { horizonMonths: 24 }));
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Customer value'))).toEqual(['Customer value', 'Customer value 2']);
    expect(emu.snapshot().sheets.find((s) => s.name === 'Customer value')).toEqual(before);
    expect(labelled(namedTable(emu, 'CustomerValueModel'), 'Horizon (months)')).toBe(24);
    expect(emu.spreadsheet.getRangeByName('CustomerValueTop')!.getSheet().getName()).toBe('Customer value 2');
  });

  it('lives beside the summary: each run replaces only its own sheet', () => {
    const { emu } = logWorkbook(150, 4);
    emu.callFromClient('sidebarGenerate', settingsFor(emu, 'Orders'));
    estimate(emu, valueSettings(emu, 'Orders'));
    emu.callFromClient('sidebarGenerate', settingsFor(emu, 'Orders', { period: 'quarter' }));
    estimate(emu, valueSettings(emu, 'Orders'));
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Orders', 'Retention summary', 'Customer value']);
  });

  for (const [method, previous] of [['Range.setValues', false], ['Range.setValues', true], ['Range.setNumberFormats', true]] as const) {
    it(`leaves every sheet as it was when ${method} fails${previous ? ' while replacing the sheet' : ''}`, () => {
      const { emu } = logWorkbook(200, 5);
      if (previous) estimate(emu, valueSettings(emu, 'Orders'));
      const settings = valueSettings(emu, 'Orders', { horizonMonths: 6 });
      const before = emu.snapshot();
      emu.failOn(method, 1);
      expect(() => estimate(emu, settings)).toThrow(/Something went wrong in the add-on .*Service error \(injected\)/);
      const after = emu.snapshot();
      expect(after.sheets).toEqual(before.sheets);
      expect(after.namedRanges).toEqual(before.namedRanges);
      expect(after).toEqual(before); // properties (no settings saved), metadata and the active sheet too
      expect(emu.lockState().document).toBe('none');
    });
  }

  it('says clearly that it needs a transaction log with amounts', () => {
    const { emu } = logWorkbook(100, 6);
    const before = emu.snapshot();
    const base = valueSettings(emu, 'Orders');
    expect(() => estimate(emu, { ...base, columns: { ...base.columns, amount: 0 } })).toThrow(NEEDS_AMOUNTS);
    addSheet(emu, 'Subscribers', ['Customer ID', 'Signup date', 'Cancel date', 'MRR'], [['a', emu.date(2024, 1, 1), '', 10], ['b', emu.date(2024, 2, 1), emu.date(2024, 3, 1), 12]]);
    const table = valueSettings(emu, 'Subscribers');
    expect(table.shape).toBe('table');
    expect(() => estimate(emu, table)).toThrow(NEEDS_AMOUNTS);
    expect(emu.snapshot().sheets.filter((s) => s.name !== 'Subscribers')).toEqual(before.sheets);
  });

  it('refuses bad settings and an as-of date before the data with a message, changing nothing', () => {
    const { emu } = logWorkbook(100, 7);
    const before = emu.snapshot();
    const base = valueSettings(emu, 'Orders');
    expect(() => estimate(emu, { ...base, horizonMonths: 0 })).toThrow('The horizon must be a whole number of months from 1 to 600 (got 0).');
    expect(() => estimate(emu, { ...base, topShare: 0 })).toThrow(/^The top share by past value must be above 0%/);
    expect(() => estimate(emu, { ...base, aliveBelow: 1.5 })).toThrow(/^The P\(alive\) threshold must be above 0%/);
    expect(() => estimate(emu, { ...base, aliveFloor: 0.5 })).toThrow('The P(alive) floor must be at least 0% and below the threshold of 50% (got 50%).');
    expect(() => estimate(emu, { ...base, costs: { ...base.costs, column: -1 } })).toThrow(/^The sidebar sent settings the add-on cannot read/);
    expect(() => estimate(emu, { ...base, monthlyDiscountRate: -0.01 })).toThrow(/^The monthly discount rate must be from 0% to below 100%, such as 1% \(got -1%\)\.$/);
    expect(() => estimate(emu, { ...base, horizonMonths: '12' as unknown as number })).toThrow(/^The sidebar sent settings the add-on cannot read/);
    expect(() => estimate(emu, { ...base, asOf: '2000-01-01' })).toThrow(/^The observation end Jan 1, 2000 is before the first date in the data \([A-Z][a-z]{2} \d{1,2}, \d{4}\)\. Your sheets were not changed\.$/);
    expect(emu.snapshot()).toEqual(before);
  });

  it('writes user strings as text, never as formulas', () => {
    const emu = workbook('Europe/Prague');
    const nasty = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)', "'quoted", '00012'];
    const rand = mulberry32(9);
    const rows: unknown[][] = [];
    for (let c = 0; c < 60; c++) {
      const id = c < nasty.length ? `=id${nasty[c]}` : `c${c}`;
      const purchases = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < purchases; k++) {
        rows.push([id, emu.date(2024, 1 + Math.floor(rand() * 10), 1 + Math.floor(rand() * 28)), 5 + Math.round(rand() * 9000) / 100, nasty[c % nasty.length]]);
      }
    }
    addSheet(emu, '=cmd|x', ['Customer', 'Date', 'Amount', 'Segment'], rows);
    const base = valueSettings(emu, '=cmd|x', { topShare: 1, aliveBelow: 1 });
    const outcome = estimate(emu, { ...base, columns: { ...base.columns, segment: 4 } });
    const snap = emu.snapshot().sheets.find((s) => s.name === outcome.sheetName)!;
    const formulas = Object.entries(snap.cells).filter(([, c]) => c.f !== undefined || c.err !== undefined);
    expect(formulas).toEqual([]);
    const segments = namedTable(emu, 'CustomerValueBySegment').slice(1).map((r) => r[0]);
    expect(new Set(segments)).toEqual(new Set(nasty));
    const texts = Object.values(snap.cells).map((c) => c.v);
    expect(texts).toContain("'=cmd|x'!A1:D" + String(rows.length + 1));
    for (const s of nasty) expect(texts, s).toContain(`=id${s}`);
  });

  it('refuses to run while someone else holds the document lock, changing nothing', () => {
    const { emu } = logWorkbook(50, 8);
    const settings = valueSettings(emu, 'Orders');
    const before = emu.snapshot();
    const release = emu.holdDocumentLock();
    expect(() => estimate(emu, settings)).toThrow('Someone else is writing this spreadsheet’s summary or customer value right now. Try again in a minute.');
    expect(emu.snapshot()).toEqual(before);
    release();
    expect(estimate(emu, settings).sheetName).toBe('Customer value');
    expect(emu.lockState().document).toBe('none');
  });

  it('saves its settings in the document, apart from the summary’s, and the sidebar gets them back', () => {
    const { emu } = logWorkbook(80, 10);
    const summary = settingsFor(emu, 'Orders', { period: 'quarter' });
    emu.callFromClient('sidebarGenerate', summary);
    const settings = valueSettings(emu, 'Orders', {
      horizonMonths: 18, monthlyDiscountRate: 0.005, topShare: 0.25, aliveBelow: 0.4, aliveFloor: 0.05, asOf: '2024-06-30',
      costs: { column: 0, all: { revenueShare: 0.2, perCustomerMonth: 1.25 }, segments: [{ name: 'B', revenueShare: null, perCustomerMonth: 4 }] },
    });
    estimate(emu, settings);
    const state = emu.callFromClient('sidebarState') as SidebarState;
    expect(state.savedCustomerValue).toStrictEqual(settings);
    expect(state.saved).toEqual(summary);
  });

  it('reads settings saved before the floor and the costs existed with the defaults: floor 10 % (0 at or below it), no costs', () => {
    const { emu } = logWorkbook(80, 11);
    const { aliveFloor: _floor, costs: _costs, ...old } = valueSettings(emu, 'Orders');
    const key = 'retentionAnalytics.customerValue.v1';
    emu.properties.document.set(key, JSON.stringify(old));
    const none = { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] };
    expect((emu.callFromClient('sidebarState') as SidebarState).savedCustomerValue).toStrictEqual({ ...old, aliveFloor: 0.1, costs: none });
    emu.properties.document.set(key, JSON.stringify({ ...old, aliveBelow: 0.08 }));
    expect((emu.callFromClient('sidebarState') as SidebarState).savedCustomerValue).toStrictEqual({ ...old, aliveBelow: 0.08, aliveFloor: 0, costs: none });
    // Refresh summary re-runs them: the sheet gets both lists.
    emu.call('refreshSummary');
    expect(namedTable(emu, 'CustomerValueLapsed')[0][0]).toBe('Customer');
  });
});
