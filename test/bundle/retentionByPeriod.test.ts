/**
 * Every row of =RETENTION_BY_PERIOD through the built dist/Code.js equals an independent count
 * (test/support/periodSets.ts: sets of customers per period, its own calendar), on CDNOW and on seeded
 * synthetic logs, for several periods and lapse windows; CRR + churn = 1 and CRR ≤ 1 on every row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { readCdnow } from '../support/cdnow';
import { civilDayIn, cohortSets, periodSets, refundsBeforeFirstPurchase, type SetOptions, type SetPeriod, type SetRow } from '../support/periodSets';
import { partialNoteRow } from '../support/partialNotes';
import { mulberry32 } from '../../tools/seededRandom';

const HEADER = ['Period', 'Label', 'Start', 'New', 'Returning', 'End', 'Lost', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial'];

function near(actual: unknown, expected: number | null, where: string): void {
  if (expected === null) {
    expect(actual, where).toBe('');
    return;
  }
  expect(typeof actual, where).toBe('number');
  expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/**
 * Compares the spilled grid with the independent rows, cell by cell; refunds that fit no cohort are
 * left out and named in a note row under the table.
 */
function expectRows(grid: unknown[][], expected: SetPeriod[], zone: string, refundsLeftOut = 0): void {
  expect(grid[0]).toEqual(HEADER);
  let rows = grid.slice(1);
  if (refundsLeftOut > 0) {
    const note = rows[rows.length - 1][0] as string;
    expect(note).toMatch(new RegExp(`^Skipped ${refundsLeftOut === 1 ? '1 row: 1 row with a negative value' : `${refundsLeftOut} rows: ${refundsLeftOut} rows with negative values`} in amounts dated before the customer's first purchase`));
    rows = rows.slice(0, -1);
  }
  expect(rows.length).toBe(expected.length);
  rows.forEach((row, i) => {
    const e = expected[i];
    const at = `row ${i + 1} (${e.label})`;
    expect(civilDayIn(row[0] as Date, zone), at).toEqual(e.first);
    expect(row.slice(1, 7), at).toEqual([e.label, e.start, e.newCustomers, e.returning, e.end, e.lost]);
    near(row[7], e.crr, `${at} CRR`);
    near(row[8], e.churn, `${at} churn`);
    near(row[9], e.revenue, `${at} revenue`);
    near(row[10], e.revenueRetention, `${at} revenue retention`);
    expect(row[11], at).toBe(e.partial);
    if (e.start > 0) {
      expect((row[7] as number) + (row[8] as number), at).toBeCloseTo(1, 12);
      expect(row[7] as number, at).toBeLessThanOrEqual(1);
      expect(row[7] as number, at).toBeGreaterThanOrEqual(0);
    }
  });
}

function check(b: Bundle, rows: SetRow[], o: SetOptions, zone: string): SetPeriod[] {
  const expected = periodSets(rows, o);
  expectRows(call(b, rows, o), expected, zone, refundsBeforeFirstPurchase(rows, o));
  return expected;
}

function call(b: Bundle, rows: SetRow[], o: SetOptions): unknown[][] {
  const withAmounts = rows.some((r) => r.amount !== undefined);
  return b.call(
    'RETENTION_BY_PERIOD',
    rows.map((r) => [r.id]),
    rows.map((r) => [r.date]),
    o.unit,
    withAmounts ? rows.map((r) => [r.amount ?? '']) : '',
    o.lapseAfter,
    o.refundsAreActivity ? 'activity' : '',
  ) as unknown[][];
}

describe('=RETENTION_BY_PERIOD on CDNOW, monthly, equals the sets per period', () => {
  const zone = 'America/New_York';
  let b: Bundle;
  let rows: SetRow[];
  beforeAll(() => {
    b = loadBundle({ timeZone: zone });
    rows = readCdnow().map((r) => ({ id: r.id, date: b.date(r.year, r.month, r.day), amount: r.amount }));
  });

  for (const lapseAfter of [1, 3]) {
    it(`K = ${lapseAfter}`, () => {
      const o: SetOptions = { zone, unit: 'month', lapseAfter };
      const expected = periodSets(rows, o);
      expect(expected.length).toBe(18); // 1997-01 … 1998-06
      expectRows(call(b, rows, o), expected, zone);
      // No retention above 100 %, and with K = 3 fewer customers are lost than with K = 1.
      expect(expected.every((r) => r.crr === null || r.crr <= 1)).toBe(true);
      if (lapseAfter === 3) expect(expected[1].lost).toBe(0); // nobody can have lapsed yet in February 1997
      // The June 1998 figures docs/metrics.md quotes.
      const june = expected[expected.length - 1];
      expect([june.label, june.start, june.lost, june.end]).toEqual(lapseAfter === 3 ? ['1998-06', 3682, 993, 3317] : ['1998-06', 1488, 1042, 1506]);
    });
  }
});

/** A seeded log: customers with their own buying rhythm, refunds, blank amounts, text and number ids, any time of day. */
function syntheticLog(seed: number, customers: number): SetRow[] {
  const rand = mulberry32(seed);
  const from = Date.UTC(2022, 10, 20);
  const span = 640 * 86_400_000;
  const rows: SetRow[] = [];
  for (let i = 0; i < customers; i++) {
    const id: string | number = rand() < 0.5 ? 5000 + i : `C-${String(i).padStart(4, '0')}`;
    const gapDays = 3 + rand() * rand() * 150;
    let t = from + Math.floor(rand() * span);
    const visits = 1 + Math.floor(rand() * rand() * 14);
    for (let v = 0; v < visits && t < from + span; v++) {
      const r = rand();
      const amount = r < 0.08 ? '' : r < 0.15 ? -Math.round(rand() * 4000) / 100 : Math.round(rand() * 25000) / 100;
      rows.push({ id, date: new Date(t), amount });
      t += Math.floor((0.2 + rand() * 1.8) * gapDays * 86_400_000);
    }
  }
  return rows.sort(() => rand() - 0.5);
}

describe('=RETENTION_BY_PERIOD on seeded synthetic logs equals the sets per period', () => {
  const cases: { zone: string; seed: number }[] = [
    { zone: 'Europe/Prague', seed: 11 },
    { zone: 'Pacific/Auckland', seed: 23 },
    { zone: 'America/Los_Angeles', seed: 37 },
  ];
  for (const { zone, seed } of cases) {
    const rows = syntheticLog(seed, 700);
    const b = loadBundle({ timeZone: zone });
    for (const unit of ['week', 'month', 'quarter'] as const) {
      it(`${zone}, by ${unit}, K = 1, 2, 4, 6`, () => {
        for (const lapseAfter of [1, 2, 4, 6]) {
          const expected = check(b, rows, { zone, unit, lapseAfter }, zone);
          if (lapseAfter <= 2) expect(expected.some((r) => r.returning > 0)).toBe(true); // the test can tell returning from new
        }
      });
    }
    it(`${zone}: refunds counted as activity when asked`, () => {
      const o: SetOptions = { zone, unit: 'month', lapseAfter: 2, refundsAreActivity: true };
      expect(check(b, rows, o, zone)).not.toEqual(periodSets(rows, { ...o, refundsAreActivity: false }));
    });
  }

  it('without amounts, and refusing a bad lapse window or refunds option', () => {
    const zone = 'Europe/Prague';
    const b = loadBundle({ timeZone: zone });
    const rows = syntheticLog(5, 200).map(({ id, date }) => ({ id, date }));
    check(b, rows, { zone, unit: 'month', lapseAfter: 3 }, zone);
    const ids = rows.map((r) => [r.id]);
    const dates = rows.map((r) => [r.date]);
    expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', '', 0)).toThrow(/lapse_after must be a whole number of periods from 1 to 600/);
    expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', '', 2.5)).toThrow(/lapse_after must be a whole number/);
    expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', '', 1, 'sometimes')).toThrow(
      'RETENTION_BY_PERIOD: refunds must be "revenue" or "activity" (got "sometimes"): "revenue" (the default) counts negative amounts in revenue only, "activity" also as purchases',
    );
  });
});

describe('=COHORTS with a lapse window: the customers of a cohort active within the window', () => {
  const zone = 'Europe/Prague';
  const rows = syntheticLog(61, 500);
  const b = loadBundle({ timeZone: zone });
  for (const [unit, lapseAfter] of [['month', 1], ['month', 3], ['week', 4], ['quarter', 2]] as const) {
    it(`by ${unit}, K = ${lapseAfter}, the columns summing to the per-period E`, () => {
      const o: SetOptions = { zone, unit, lapseAfter };
      const grid = b.call('COHORTS', rows.map((r) => [r.id]), rows.map((r) => [r.date]), unit, 'customers', rows.map((r) => [r.amount ?? '']), 'in', lapseAfter) as unknown[][];
      const body = grid.slice(1).filter((r) => r[0] instanceof Date || Object.prototype.toString.call(r[0]) === '[object Date]');
      const expected = cohortSets(rows, o);
      expect(body.length).toBe(expected.length);
      body.forEach((row, i) => {
        expect(civilDayIn(row[0] as Date, zone)).toEqual(expected[i].first);
        expect(row[1]).toBe(expected[i].size);
        expect(row.slice(2)).toEqual(expected[i].active.map((v) => (v === null ? '' : v)));
      });
      // Summed over the cohorts along one calendar period, the cells are that period's E.
      const periods = periodSets(rows, o);
      for (const p of periods) expect(p.end).toBe(expected.reduce((s, c) => s + (c.active[offsetOf(c.first, p.first, unit)] ?? 0), 0));
      // Below the matrix: the partial note, exactly when the sets call the last period partial, then the
      // note on refunds that fit no cohort, when there are any.
      const last = periods[periods.length - 1];
      const until = rows.map((r) => civilDayIn(r.date, zone)).reduce((m, d) => (Date.UTC(d[0], d[1] - 1, d[2]) > Date.UTC(m[0], m[1] - 1, m[2]) ? d : m));
      const notes = grid.slice(1 + body.length);
      const refunds = refundsBeforeFirstPurchase(rows, o);
      expect(notes.length).toBe((last.partial ? 1 : 0) + (refunds > 0 ? 1 : 0));
      if (last.partial) expect(notes[0]).toEqual(partialNoteRow(grid[0].length, 'log', 'en', unit, last.first, until));
      if (refunds > 0) expect(notes[notes.length - 1][0]).toMatch(new RegExp(`^Skipped ${refunds === 1 ? '1 row: 1 row with a negative value' : `${refunds} rows: ${refunds} rows with negative values`} in amounts dated before`));
    });
  }
});

/** Periods from a cohort's first day to a period's first day (both first days of periods of `unit`). */
function offsetOf(from: [number, number, number], to: [number, number, number], unit: 'week' | 'month' | 'quarter'): number {
  if (unit === 'week') return Math.round((Date.UTC(to[0], to[1] - 1, to[2]) - Date.UTC(from[0], from[1] - 1, from[2])) / (7 * 86_400_000));
  const months = (to[0] - from[0]) * 12 + (to[1] - from[1]);
  return unit === 'month' ? months : months / 3;
}
