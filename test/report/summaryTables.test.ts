/**
 * The summary sheet the sidebar writes, through the built bundle in the emulator, equals the naive
 * reference of test/core/cohorts/reference.ts on generated logs and tables and on CDNOW.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateLog, generateTable } from '../core/cohorts/generate';
import { referenceLog, referenceTable, type RefResult } from '../core/cohorts/reference';
import { CDNOW_LOG } from '../support/cdnow';
import { addSheet, generate, headerValue, namedTable, settingsFor, workbook } from './workbook';

const blankToNull = (v: unknown) => (v === '' ? null : v);

function expectClose(actual: unknown, expected: number | null, where: string): void {
  if (expected === null) expect(actual, where).toBe('');
  else {
    expect(typeof actual, where).toBe('number');
    // Sums of money in another order differ in the last bits: compare relatively.
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  }
}

function compareSummary(emu: ReturnType<typeof workbook>, ref: RefResult, hasRevenue: boolean): void {
  const perPeriod = namedTable(emu, 'RetentionPerPeriod');
  const header = perPeriod[0] as string[];
  const col = (prefix: string) => header.findIndex((h) => h.startsWith(prefix));
  expect(perPeriod.length - 1).toBe(ref.perPeriod.length);
  ref.perPeriod.forEach((r, i) => {
    const row = perPeriod[i + 1];
    const at = `period row ${i + 1}`;
    expect(row[col('Customers at start')], at).toBe(r.start);
    expect(row[col('New')], at).toBe(r.newCustomers);
    expect(row[col('Customers at end')], at).toBe(r.end);
    expect(row[col('Lost')], at).toBe(r.lost);
    if (header[4].startsWith('Returning')) expect(row[4], at).toBe(r.returning);
    else {
      expect(header[4], at).toMatch(/^New and cancelled/);
      expect(row[4], at).toBe(r.newAndCancelled);
    }
    expectClose(row[col('Retention')], r.crr, `${at} CRR`);
    expectClose(row[col('Churn')], r.churn, `${at} churn`);
    if (hasRevenue) {
      expectClose(row[col('Revenue')], r.revenue, `${at} revenue`);
      expectClose(row[col('Revenue retention')], r.revenueRetention, `${at} revenue retention`);
    }
    expect(row[col('Note')], at).toEqual(r.partial ? expect.stringMatching(/^partial (month|week|quarter|year): data until [A-Z][a-z]{2} \d{1,2}, \d{4}[,;] /) : '');
    if (r.crr !== null) expect((row[col('Retention')] as number) + (row[col('Churn')] as number), at).toBeCloseTo(1, 12);
  });

  const counts = namedTable(emu, 'CohortCustomers');
  const retention = namedTable(emu, 'CohortRetention');
  expect(counts.length - 1).toBe(ref.cohorts.length);
  ref.cohorts.forEach((c, i) => {
    expect(counts[i + 1][2]).toBe(c.size);
    const width = ref.counts[i].length;
    ref.counts[i].forEach((v, k) => expect(blankToNull(counts[i + 1][3 + k]), `counts ${i},${k}`).toBe(v));
    ref.retention[i].forEach((v, k) => expectClose(retention[i + 1][3 + k], v, `retention ${i},${k}`));
    expect(counts[i + 1].length).toBeGreaterThanOrEqual(3 + width);
  });
  const average = retention[retention.length - 1];
  expect(average[0]).toBe('Weighted average');
  ref.average.forEach((v, k) => expectClose(average[3 + k], v, `average ${k}`));

  if (hasRevenue && ref.revenue) {
    const revenue = namedTable(emu, 'CohortRevenue');
    ref.revenue.forEach((line, i) => line.forEach((v, k) => expectClose(revenue[i + 1][3 + k], v, `revenue ${i},${k}`)));
  }
  const value = namedTable(emu, 'CohortValue');
  ref.value.forEach((v, i) => {
    const row = value[i + 1];
    expect(row[2]).toBe(v.size);
    expectClose(row[3], v.revenueToDate, `value ${i} revenue`);
    expectClose(row[6], v.churn, `value ${i} churn`);
    expectClose(row[7], v.clv, `value ${i} clv`);
  });
}

describe('summary sheet equals the reference', () => {
  for (const [zone, unit] of [['Pacific/Auckland', 'month'], ['America/Los_Angeles', 'week'], ['Europe/Prague', 'quarter']] as const) {
    it(`on a generated log, ${unit}ly, in ${zone}`, () => {
      const rows = generateLog({ seed: 11, zone, customers: 400, amounts: true });
      const emu = workbook(zone);
      addSheet(emu, 'Orders', ['Customer', 'Order date', 'Amount'], rows.map((r) => [r.id, r.date, r.amount ?? '']));
      const settings = settingsFor(emu, 'Orders', { period: unit });
      expect(settings.shape).toBe('log');
      generate(emu, settings);
      compareSummary(emu, referenceLog(rows, { zone, unit, weekStart: 'monday', mode: 'in' }), true);
    });
  }

  it('on a generated log in "in or after" mode with an as-of date', () => {
    const zone = 'Asia/Kolkata';
    const rows = generateLog({ seed: 5, zone, customers: 300, amounts: true });
    const emu = workbook(zone);
    addSheet(emu, 'Orders', ['Customer', 'Order date', 'Amount'], rows.map((r) => [r.id, r.date, r.amount ?? '']));
    generate(emu, settingsFor(emu, 'Orders', { mode: 'inOrAfter', asOf: '2024-03-20' }));
    const asOfDay = Date.UTC(2024, 2, 20) / 86_400_000;
    compareSummary(emu, referenceLog(rows, { zone, unit: 'month', weekStart: 'monday', mode: 'in-or-after', asOfDay }), true);
  });

  it('on a generated customer table', () => {
    const zone = 'America/Sao_Paulo';
    const rows = generateTable({ seed: 3, zone, customers: 500, revenue: true });
    const emu = workbook(zone);
    addSheet(emu, 'Subscribers', ['Customer ID', 'Signup date', 'Cancel date', 'MRR'], rows.map((r) => [r.id, r.signup, r.cancel, r.revenue ?? '']));
    const settings = settingsFor(emu, 'Subscribers');
    expect(settings.shape).toBe('table');
    generate(emu, settings);
    compareSummary(emu, referenceTable(rows, { zone, unit: 'month', weekStart: 'monday', mode: 'in' }), true);
  });

  it('stops a customer table at today when it holds scheduled cancellations', () => {
    const zone = 'Europe/Prague';
    const emu = workbook(zone);
    const now = new Date();
    const day = (offset: number) => emu.date(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate() + offset);
    const rows = [['a', day(-70), ''], ['b', day(-65), day(400)], ['c', day(-40), day(-5)]];
    addSheet(emu, 'Subscribers', ['Customer ID', 'Signup date', 'Cancel date'], rows);
    const settings = settingsFor(emu, 'Subscribers');
    expect(settings.shape).toBe('table');
    generate(emu, settings);
    const asOf = headerValue(emu, 'Retention summary', 'As of') as string;
    expect(asOf).toMatch(/^today, [A-Z][a-z]{2} \d{1,2}, \d{4} \(the table holds later dates/);
    // No period after the current one is shown as observed: the last period row is the current one.
    const perPeriod = namedTable(emu, 'RetentionPerPeriod');
    const last = perPeriod[perPeriod.length - 1];
    expect(last[last.length - 1]).toMatch(/^partial month/);
    expect((last[1] as Date).getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('on CDNOW, imported as Sheets would hold it', () => {
    const zone = 'America/New_York';
    const emu = workbook(zone);
    emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    const outcome = generate(emu, settingsFor(emu, 'CDNOW'));
    expect(outcome.rowsRead).toBe(69659);
    expect(outcome.cohorts).toBe(3);
    const sheet = emu.spreadsheet.getSheetByName('CDNOW')!;
    const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
    const rows = values.map((r) => ({ id: r[0] as string, date: r[1] as Date, amount: r[3] as number }));
    compareSummary(emu, referenceLog(rows, { zone, unit: 'month', weekStart: 'monday', mode: 'in' }), true);
    const counts = namedTable(emu, 'CohortCustomers');
    expect(counts[1].slice(2, 5)).toEqual([7846, 7846, 1157]);
  });
});
