/**
 * The customer-table forms =RETENTION_BY_PERIOD(signup_dates, cancel_dates, …) and
 * =COHORTS(signup_dates, cancel_dates, …) through the built dist/Code.js, against a day-by-day
 * simulation written here (each customer's state walked one calendar day at a time; no production
 * code, its own calendar), and the same periods through =RETENTION / =CHURN with dates.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { civilDayIn } from '../support/periodSets';
import { partialNoteRow, partialPeriod, type Civil } from '../support/partialNotes';
import { mulberry32 } from '../../tools/seededRandom';

const DAY = 86_400_000;
const ordinalOf = (date: Date, zone: string) => {
  const [y, m, d] = civilDayIn(date, zone);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
};
const monthOf = (n: number) => {
  const t = new Date(n * DAY);
  return t.getUTCFullYear() * 12 + t.getUTCMonth();
};
const firstOfMonth = (key: number) => Math.round(Date.UTC(Math.floor(key / 12), key % 12, 1) / DAY);
const civilOf = (n: number): Civil => {
  const t = new Date(n * DAY);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

type SimUnit = 'week' | 'month' | 'quarter';
/** A number per period (consecutive periods, consecutive numbers) and its first day; ISO weeks: 1970-01-05 (day 4) was a Monday. */
const keyOf = (n: number, unit: SimUnit) => (unit === 'week' ? Math.floor((n - 4) / 7) : unit === 'month' ? monthOf(n) : Math.floor(monthOf(n) / 3));
const firstOf = (key: number, unit: SimUnit) => (unit === 'week' ? key * 7 + 4 : unit === 'month' ? firstOfMonth(key) : firstOfMonth(key * 3));

interface Customer {
  signup: number;
  cancel: number | null;
}

interface SimMonth {
  key: number;
  start: number;
  newCustomers: number;
  newAndCancelled: number;
  lost: number;
  end: number;
}

/** Walks every day of every month (or week, quarter): who was there the evening before, who arrived, who left. */
function simulate(customers: Customer[], lastDay: number, unit: SimUnit = 'month'): SimMonth[] {
  const firstKey = Math.min(...customers.map((c) => keyOf(c.signup, unit)));
  const lastKey = keyOf(lastDay, unit);
  const activeAt = (c: Customer, day: number) => c.signup <= day && (c.cancel === null || c.cancel > day);
  const months: SimMonth[] = [];
  for (let key = firstKey; key <= lastKey; key++) {
    const from = firstOf(key, unit);
    const to = Math.min(firstOf(key + 1, unit) - 1, lastDay);
    const m: SimMonth = { key, start: 0, newCustomers: 0, newAndCancelled: 0, lost: 0, end: 0 };
    for (const c of customers) {
      const there = activeAt(c, from - 1);
      let arrived = false;
      let left = false;
      for (let d = from; d <= to; d++) {
        if (c.signup === d) arrived = true;
        if (c.cancel === d && (there || arrived)) left = true;
      }
      if (there) m.start++;
      if (arrived && !left) m.newCustomers++;
      if (arrived && left) m.newAndCancelled++;
      if (there && left) m.lost++;
      if (activeAt(c, to)) m.end++;
    }
    months.push(m);
  }
  return months;
}

function randomTable(b: Bundle, seed: number, n: number): { signups: unknown[][]; cancels: unknown[][] } {
  const rand = mulberry32(seed);
  const from = Date.UTC(2023, 0, 1);
  const signups: unknown[][] = [['Signup date']];
  const cancels: unknown[][] = [['Cancel date']];
  for (let i = 0; i < n; i++) {
    const s = from + Math.floor(rand() * 420 * DAY) + Math.floor(rand() * 20) * 3_600_000;
    const r = rand();
    // Some cancel on signup day, some within days (trials), some months later, many never.
    const c = r < 0.05 ? s : r < 0.25 ? s + Math.floor(rand() * 20 * DAY) : r < 0.55 ? s + Math.floor(rand() * 300 * DAY) : null;
    signups.push([new Date(s)]);
    cancels.push([c === null ? '' : new Date(c)]);
  }
  return { signups, cancels };
}

/** The simulation's customers from the table's two columns (header row first), as days in `zone`. */
function customersOf(signups: unknown[][], cancels: unknown[][], zone: string): Customer[] {
  return signups.slice(1).map((r, i) => ({
    signup: ordinalOf(r[0] as Date, zone),
    cancel: cancels[i + 1][0] === '' ? null : ordinalOf(cancels[i + 1][0] as Date, zone),
  }));
}

/** The table's last date: its latest signup or cancellation. */
const lastDayOf = (customers: Customer[]) => Math.max(...customers.map((c) => Math.max(c.signup, c.cancel ?? -Infinity)));

/** A spilled period row's Start, New, New and cancelled, End, Lost, CRR and Churn against the simulated period. */
function expectCountsAndRates(row: unknown[], m: SimMonth, at: string): void {
  expect([row[2], row[3], row[4], row[5], row[6]], at).toEqual([m.start, m.newCustomers, m.newAndCancelled, m.end, m.lost]);
  if (m.start === 0) expect([row[7], row[8]], at).toEqual(['', '']);
  else {
    expect(row[7] as number, at).toBeCloseTo((m.end - m.newCustomers) / m.start, 12);
    expect(row[8] as number, at).toBeCloseTo(m.lost / m.start, 12);
    expect((row[7] as number) + (row[8] as number), at).toBeCloseTo(1, 12);
    expect(row[7] as number, at).toBeLessThanOrEqual(1);
  }
}

describe('customer-table formulas against a day-by-day simulation', () => {
  for (const [zone, seed] of [['Europe/Prague', 3], ['Pacific/Auckland', 17], ['America/Los_Angeles', 29]] as const) {
    it(`=RETENTION_BY_PERIOD(signup_dates, cancel_dates, "month") in ${zone}`, () => {
      const b = loadBundle({ timeZone: zone });
      const { signups, cancels } = randomTable(b, seed, 400);
      const customers = customersOf(signups, cancels, zone);
      const lastDay = lastDayOf(customers);
      const expected = simulate(customers, lastDay);
      const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month') as unknown[][];
      const header = grid[0] as string[];
      expect(header).toEqual(['Period', 'Label', 'Start', 'New', 'New and cancelled', 'End', 'Lost', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial']);
      // The last row is the note saying the header row was left out; every other row was read.
      expect(grid[grid.length - 1][0]).toBe('Row 1 of the range ("Signup date", "Cancel date") was read as a header and left out.');
      grid.pop();
      expect(grid.length - 1).toBe(expected.length);
      expected.forEach((m, i) => {
        const row = grid[i + 1];
        const at = `month ${i + 1}`;
        expect(monthOf(ordinalOf(row[0] as Date, zone)), at).toBe(m.key);
        expectCountsAndRates(row, m, at);
      });
      expect(expected.some((m) => m.newAndCancelled > 0)).toBe(true);

      // =RETENTION and =CHURN with dates over the same months agree with the spilled rates.
      const complete = expected.slice(1, -1);
      const starts = complete.map((m) => [b.date(Math.floor(m.key / 12), (m.key % 12) + 1, 1)]);
      const ends = complete.map((m) => {
        const t = new Date((firstOfMonth(m.key + 1) - 1) * DAY);
        return [b.date(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())];
      });
      const body = (v: unknown[][]) => v.slice(1);
      const retention = b.call('RETENTION', body(signups), body(cancels), starts, ends) as number[][];
      const churn = b.call('CHURN', body(signups), body(cancels), starts, ends) as number[][];
      complete.forEach((m, i) => {
        expect(retention[i][0]).toBeCloseTo((m.end - m.newCustomers) / m.start, 12);
        expect(churn[i][0]).toBeCloseTo(m.lost / m.start, 12);
      });
    });
  }

  for (const [zone, seed, unit] of [['Europe/Prague', 5, 'week'], ['Pacific/Auckland', 7, 'quarter'], ['America/Los_Angeles', 9, 'week']] as const) {
    it(`=RETENTION_BY_PERIOD(signup_dates, cancel_dates, "${unit}") in ${zone}, the partial last ${unit} flagged`, () => {
      const b = loadBundle({ timeZone: zone });
      const { signups, cancels } = randomTable(b, seed, 300);
      const customers = customersOf(signups, cancels, zone);
      const lastDay = lastDayOf(customers);
      const expected = simulate(customers, lastDay, unit);
      const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, unit) as unknown[][];
      expect(grid.pop()![0]).toMatch(/^Row 1 of the range .* was read as a header/);
      expect(grid.length - 1).toBe(expected.length);
      expected.forEach((m, i) => {
        const row = grid[i + 1];
        const at = `${unit} ${i + 1}`;
        expect(keyOf(ordinalOf(row[0] as Date, zone), unit), at).toBe(m.key);
        expect(ordinalOf(row[0] as Date, zone), at).toBe(firstOf(m.key, unit));
        expectCountsAndRates(row, m, at);
        // Partial: only the last period, when the table's last date is before that period's last day.
        expect(row[11], at).toBe(i === expected.length - 1 && lastDay < firstOf(m.key + 1, unit) - 1);
      });
    });
  }

  it('=COHORTS(signup_dates, cancel_dates, "month", "customers"): still active at the end of each month', () => {
    const zone = 'Europe/Prague';
    const b = loadBundle({ timeZone: zone });
    const { signups, cancels } = randomTable(b, 41, 300);
    const customers = customersOf(signups, cancels, zone);
    const lastDay = lastDayOf(customers);
    const grid = b.call('COHORTS', signups, cancels, 'month', 'customers') as unknown[][];
    expect(grid.pop()![0]).toMatch(/^Row 1 of the range .* was read as a header/);
    // The table's last date falls inside its month (checked here, or the note is not exercised): the
    // partial month is said under the matrix, above the header note.
    const partial = partialPeriod(civilOf(lastDay), 'month');
    expect(partial).not.toBeNull();
    expect(grid.pop()).toEqual(partialNoteRow(grid[0].length, 'table', 'en', 'month', partial!, civilOf(lastDay)));
    expect(grid[0].slice(0, 3)).toEqual(['Cohort', 'Customers', 0]);
    for (const row of grid.slice(1)) {
      const key = monthOf(ordinalOf(row[0] as Date, zone));
      const cohort = customers.filter((c) => monthOf(c.signup) === key);
      expect(row[1]).toBe(cohort.length);
      for (let k = 0; 2 + k < row.length; k++) {
        if (key + k > monthOf(lastDay)) {
          expect(row[2 + k]).toBe('');
          continue;
        }
        const end = Math.min(firstOfMonth(key + k + 1) - 1, lastDay);
        expect(row[2 + k], `cohort ${key}, +${k}`).toBe(cohort.filter((c) => c.cancel === null || c.cancel > end).length);
      }
    }
  });

  it('=COHORTS(signup_dates, cancel_dates, "month", "revenue", revenue): the revenue per period of the customers active at each month end', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    // a: Jan → (Mar 10), 10 a month; b: Jan 20 →, 25 a month; c: Feb 3 → Feb 20 (new and cancelled), 99; d: Feb 28 →, 5.
    const signups = [[b.date(2024, 1, 5)], [b.date(2024, 1, 20)], [b.date(2024, 2, 3)], [b.date(2024, 2, 28)]];
    const cancels = [[b.date(2024, 3, 10)], [''], [b.date(2024, 2, 20)], ['']];
    const revenue = [[10], [25], [99], [5]];
    const grid = b.call('COHORTS', signups, cancels, 'month', 'revenue', revenue) as unknown[][];
    // The table's last date is a's cancellation on March 10: March is partial, said in a note row.
    const marchPartial = partialNoteRow(5, 'table', 'en', 'month', [2024, 3, 1], [2024, 3, 10]);
    expect(grid.slice(1).map((r) => r.slice(1))).toEqual([
      [2, 35, 35, 25], // January's cohort at the end of January, February, March
      [2, 5, 5, ''], // February's: c cancelled within February, so only d's 5
      marchPartial.slice(1),
    ]);
    expect(grid[3]).toEqual(marchPartial);
    const counts = b.call('COHORTS', signups, cancels, 'month', 'customers') as unknown[][];
    expect(counts.slice(1).map((r) => r.slice(1))).toEqual([[2, 2, 2, 1], [2, 1, 1, ''], marchPartial.slice(1)]);
    expect(counts[3]).toEqual(marchPartial);
    const periods = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month', revenue) as unknown[][];
    const header = periods[0] as string[];
    const revenueAt = header.indexOf('Revenue');
    expect(periods.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[revenueAt]])).toEqual([
      ['2024-01', 0, 2, 0, 2, 0, 35],
      ['2024-02', 2, 1, 1, 3, 0, 40],
      ['2024-03', 3, 0, 0, 2, 1, 30],
    ]);
    // …and RETENTION_BY_PERIOD calls the same month partial.
    expect(periods.slice(1).map((r) => r[header.indexOf('Partial')])).toEqual([false, false, true]);
  });

  it('tells a table from a log by its first column, and says what is wrong', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    const signups = [[b.date(2024, 1, 3)], [b.date(2024, 1, 9)], ['soon'], [b.date(2024, 2, 1)]];
    const cancels = [[''], [b.date(2024, 2, 5)], [''], [b.date(2024, 1, 20)]];
    const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month') as unknown[][];
    const note = grid[grid.length - 1][0] as string;
    expect(note).toMatch(/1 row whose value in signup_dates is not a date \(row 3 of the range, e\.g\. "soon"\)/);
    expect(note).toMatch(/1 row whose value in cancel_dates is before the signup date \(row 4 of the range\)/);
    expect(() => b.call('COHORTS', signups, cancels, 'month', 'revenue')).toThrow(/needs the revenue argument/);
    expect(() => b.call('RETENTION_BY_PERIOD', signups, cancels, 'month', '', 3)).toThrow(/RETENTION_BY_PERIOD takes \(signup_dates, cancel_dates, \[period\], \[revenue\]\)/);
  });

  it('reads dates as the log forms do: text in the locale\'s form or ISO with a time, a header row, "NULL" for no cancel date', () => {
    const zone = 'America/Los_Angeles';
    const b = loadBundle({ timeZone: zone, locale: 'en_US' });
    const { signups, cancels } = randomTable(b, 53, 300);
    const customers = customersOf(signups, cancels, zone);
    // The same table typed as text, written here: en_US "1/5/2024" (some with a time), ISO "2024-01-05 08:30",
    // and "NULL" or "nan" where there is no cancel date.
    const text = (n: number, i: number) => {
      const t = new Date(n * DAY);
      const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
      if (i % 4 === 1) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} 08:30`;
      return `${m}/${d}/${y}${i % 4 === 2 ? ' 9:15 PM' : ''}`;
    };
    const signupText = [['Signup date'], ...customers.map((c, i) => [text(c.signup, i)])];
    const cancelText = [['Cancel date'], ...customers.map((c, i) => [c.cancel === null ? (i % 5 === 0 ? 'NULL' : i % 5 === 1 ? 'nan' : '') : text(c.cancel, i + 1)])];
    const placeholders = customers.filter((c, i) => c.cancel === null && i % 5 < 2).length;
    const lastDay = lastDayOf(customers);
    const expected = simulate(customers, lastDay);
    const grid = b.call('RETENTION_BY_PERIOD', signupText, cancelText, 'month') as unknown[][];
    const note = grid.pop()![0] as string;
    expect(note).toBe(`Row 1 of the range ("Signup date", "Cancel date") was read as a header and left out. Kept ${placeholders} rows whose values in cancel_dates are text that stands for a missing date, read as no cancel date (still active) (rows ${
      customers.map((c, i) => (c.cancel === null && i % 5 < 2 ? i + 2 : 0)).filter(Boolean).slice(0, 5).join(', ')}, … of the range, e.g. "${cancelText.slice(1).find((r) => r[0] === 'NULL' || r[0] === 'nan')![0]}").`);
    expect(grid.length - 1).toBe(expected.length);
    expected.forEach((m, i) => {
      const row = grid[i + 1];
      expect(monthOf(ordinalOf(row[0] as Date, zone))).toBe(m.key);
      expect([row[2], row[3], row[4], row[5], row[6]], `month ${i + 1}`).toEqual([m.start, m.newCustomers, m.newAndCancelled, m.end, m.lost]);
    });
    // Without the header, the first row is a customer, not a header; =COHORTS reads the same text.
    const bare = b.call('RETENTION_BY_PERIOD', signupText.slice(1), cancelText.slice(1), 'month') as unknown[][];
    expect(bare.slice(1, -1)).toEqual(grid.slice(1));
    const cohorts = b.call('COHORTS', signupText, cancelText, 'month', 'customers') as unknown[][];
    // Under the matrix: the partial last month (the table's last date is inside it), then the header note.
    const partial = partialPeriod(civilOf(lastDay), 'month');
    expect(partial).not.toBeNull();
    expect(cohorts[cohorts.length - 2]).toEqual(partialNoteRow(cohorts[0].length, 'table', 'en', 'month', partial!, civilOf(lastDay)));
    expect(cohorts[cohorts.length - 1][0]).toBe(note);
    expect(cohorts.slice(1, -2).reduce((n, r) => n + (r[1] as number), 0)).toBe(customers.length);
  });

  it('names unreadable dates by the row of the range, as the log forms do', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague', locale: 'cs_CZ' });
    const signups = [['Datum registrace'], ['5. 1. 2024'], ['1/9/2024'], ['9. 1. 24'], ['2024-02-01T10:00'], ['']];
    const cancels = [['Datum zrušení'], [''], [''], [''], ['20. 2. 2024'], ['']];
    const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, 'měsíc') as unknown[][];
    const note = grid[grid.length - 1][0] as string;
    // A cs_CZ spreadsheet: the note is in Czech, as the spill's headers.
    expect(note).toMatch(/^Řádek 1 oblasti \("Datum registrace", "Datum zrušení"\) byl přečten jako záhlaví a vynechán\. Vynechány 2 řádky: /);
    expect(note).toMatch(/1 řádek, kde signup_dates je text v podobě data, kterou národní prostředí tabulky nepoužívá .* \(řádek 3 oblasti, např\. "1\/9\/2024"\)/);
    expect(note).toMatch(/1 řádek, kde signup_dates má dvoumístný rok .* \(řádek 4 oblasti, např\. "9\. 1\. 24"\)/);
    expect(grid.slice(1, -1).map((r) => [r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['2024-01', 0, 1, 0, 1, 0],
      ['2024-02', 1, 0, 1, 1, 0], // signed up 1 February, cancelled on the 20th: new and cancelled
    ]);
  });

  it('=RETENTION and =CHURN with dates read a cancel date of "NULL" or "nan" as none, as the table forms do', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    // The worked example with text for "no cancel date": S = 5 in February 2024, E = 5, N = 2, lost = 2.
    const signups = [['2023-11-03'], ['2023-12-01'], ['2024-01-05'], ['2024-01-09'], ['2024-01-30'], ['2024-02-02'], ['2024-02-11'], ['2024-02-14']];
    const cancels = [['NULL'], ['2024-02-05'], ['nan'], ['2024-02-28'], ['NaT'], ['-'], ['None'], ['2024-02-20']];
    expect(b.call('RETENTION', signups, cancels, '2024-02-01', '2024-02-29')).toBeCloseTo(0.6, 15);
    expect(b.call('CHURN', signups, cancels, '2024-02-01', '2024-02-29')).toBeCloseTo(0.4, 15);
    const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month') as unknown[][];
    const feb = grid.find((r) => r[1] === '2024-02')!;
    expect([feb[2], feb[3], feb[4], feb[5], feb[6]]).toEqual([5, 2, 1, 5, 2]);
    expect(grid[grid.length - 1][0]).toMatch(/^Kept 5 rows whose values in cancel_dates are text that stands for a missing date, read as no cancel date \(still active\) \(rows 1, 3, 5, 6, 7 of the range, e\.g\. "NULL"\)\.$/);
    // Any other text is still refused, by row.
    expect(() => b.call('RETENTION', signups, [['soon'], ...cancels.slice(1)], '2024-02-01', '2024-02-29')).toThrow(
      'RETENTION: cancel_dates must be a date (row 1 of the range is "soon")',
    );
  });
});
