/**
 * RETENTION, CHURN and CLV called through the built dist/Code.js exactly as Sheets calls them:
 * scalars, 2-D arrays, "" for blanks, Dates of the script's realm at midnight in the spreadsheet's
 * zone, while this process runs in yet another zone.
 */
import { runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';

process.env.TZ = 'America/Los_Angeles';

describe('process time zone', () => {
  it('differs from the spreadsheet zones used below', () => {
    // PST is UTC−8 in January: proves the TZ change took effect in this worker.
    expect(new Date(2024, 0, 15).getTimezoneOffset()).toBe(480);
  });
});

describe('RETENTION, CHURN, CLV on counts', () => {
  let b: Bundle;
  beforeAll(() => {
    b = loadBundle();
  });

  it('reproduces the worked examples', () => {
    // S=1000, N=200, E=800 → (800 − 200) / 1000
    expect(b.call('RETENTION', 1000, 800, 200)).toBeCloseTo(0.6, 12);
    // S=100, lost 5, gained 10 → E = 105, N = 10: retention 0.95, churn 0.05
    expect(b.call('RETENTION', 100, 105, 10)).toBeCloseTo(0.95, 12);
    expect(b.call('CHURN', 100, 5)).toBeCloseTo(0.05, 12);
    expect(b.call('CHURN', 100, 105, 10)).toBeCloseTo(0.05, 12);
    expect(b.call('CLV', 50, 0.05)).toBeCloseTo(1000, 9);
    expect(b.call('CLV', 100, 0.2, 0.1)).toBeCloseTo(366.6667, 3);
  });

  it('never computes (start − end) / start', () => {
    // With new customers, (S − E)/S would be (1000 − 800)/1000 = 0.2; the right churn is 0.4.
    expect(b.call('CHURN', 1000, 800, 200)).toBeCloseTo(0.4, 12);
  });

  it('needs no service call for plain counts', () => {
    const fresh = loadBundle();
    fresh.call('RETENTION', 1000, 800, 200);
    expect(fresh.calls).toEqual([]);
  });

  it('fills a column element-wise from ranges, blanks giving blanks', () => {
    const out = b.call('RETENTION', [[1000], [100], [''], [50]], [[800], [105], [''], [50]], [[200], [10], [''], [0]]) as unknown[][];
    expect(out.length).toBe(4);
    expect(out[0][0]).toBeCloseTo(0.6, 12);
    expect(out[1][0]).toBeCloseTo(0.95, 12);
    expect(out[2][0]).toBe('');
    expect(out[3][0]).toBe(1);
    expect(Array.isArray(out) && Array.isArray(out[0])).toBe(true);
  });

  it('mixes a range with scalars', () => {
    const out = b.call('CLV', [[50], [100], ['']], 0.05) as unknown[][];
    expect(out[0][0]).toBeCloseTo(1000, 9);
    expect(out[1][0]).toBeCloseTo(2000, 9);
    expect(out[2][0]).toBe('');
    const withDiscount = b.call('CLV', [[100], [100]], [[0.2], [0.2]], [[0.1], ['']]) as number[][];
    expect(withDiscount[0][0]).toBeCloseTo(366.6667, 3);
    expect(withDiscount[1][0]).toBeCloseTo(500, 9); // blank optional discount = 0
  });

  it('reads number-like text in the spreadsheet locale and refuses what is ambiguous', () => {
    expect(b.call('CLV', '1 000', '5%')).toBeCloseTo(20000, 6);
    expect(() => b.call('CLV', '12,5', 0.05)).toThrow(/CLV: value_per_period .*"12,5".*decimal separator/);
    const czech = loadBundle({ locale: 'cs_CZ' });
    expect(czech.call('CLV', '12,5', 0.05)).toBeCloseTo(250, 9);
    expect(czech.call('RETENTION', '1 000', '800', '200')).toBeCloseTo(0.6, 12);
    expect(() => czech.call('CLV', '12.5', 0.05)).toThrow(/CLV: value_per_period musí být číslo .*"12.5", kde je desetinným oddělovačem „\.“, ale národní prostředí tabulky používá „,“/);
  });

  it('says which argument and row is wrong, naming the function once', () => {
    expect(() => b.call('RETENTION', [[10], [20], [30], [40], [50], [60], ['n/a']], 5, 1)).toThrow(
      'RETENTION: start must be a number greater than 0 (row 7 of the range is "n/a")',
    );
    const cases: [string, unknown[], string][] = [
      ['RETENTION', [100, 5, 10], 'RETENTION: end (5) is smaller than new (10); the customers at the end include the new ones'],
      ['RETENTION', [100, 300, 10], 'RETENTION: end − new (290) is more than start (100); only customers present at the start can be retained (count returning customers as new)'],
      ['RETENTION', [-5, 5, 1], 'RETENTION: start must be a number greater than 0 (got -5)'],
      ['CHURN', [100, -1], 'CHURN: lost must be a number of customers, 0 or more (got -1)'],
      // Churn above 100 % is refused, like RETENTION(100, 120, 10).
      ['CHURN', [100, 120], 'CHURN: lost (120) is more than start (100), a churn above 100 %'],
      ['CHURN', [[[100], [10]], [[5], [11]]], 'CHURN: lost (11) is more than start (10) in row 2 of the range, a churn above 100 %'],
      ['RETENTION', [[[1], [2]], [[1], [2], [3]], 0], 'RETENTION: start (2 rows × 1 column) and end (3 rows × 1 column) must be the same size'],
      ['RETENTION', [[[100], [100]], [[90], ['']], [[5], [5]]], 'RETENTION: end is blank in row 2 of the range'],
      ['CLV', [100, 1.5], 'CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got 1.5)'],
      ['CLV', [100, 0], 'CLV: churn_rate is 0 and there is no discount_rate (got 0); a customer who never leaves has no finite value'],
      ['CLV', [100, '#N/A'], 'CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got #N/A)'],
      ['RETENTION', [1, 2], 'RETENTION takes 3 arguments (start, end, new) or 4 (signup_dates, cancel_dates, period_start, period_end); got 2'],
      ['CHURN', [1], 'CHURN takes 2 arguments (start, lost), 3 (start, end, new) or 4 (signup_dates, cancel_dates, period_start, period_end); got 1'],
      ['CLV', [1], 'CLV takes 2 or 3 arguments (value_per_period, churn_rate, [discount_rate]); got 1'],
    ];
    for (const [fn, args, message] of cases) expect(() => b.call(fn, ...args), message).toThrow(message);
    expect(b.call('CHURN', 100, 100)).toBe(1);
  });

  it('names values as the user sees them: dates in the spreadsheet zone, TRUE, invalid dates, numbers as shown', () => {
    // Midnight of 2024-01-01 in Prague is 2023-12-31 in this process's zone (Los Angeles).
    expect(() => b.call('RETENTION', b.date(2024, 1, 1), 5, 1)).toThrow('RETENTION: start must be a number greater than 0 (got the date Jan 1, 2024)');
    expect(() => b.call('CLV', true, 0.1)).toThrow('CLV: value_per_period must be a number (the value a customer brings per period) (got TRUE)');
    expect(() => b.call('CLV', 100, runInContext('new Date(NaN)', b.context))).toThrow('CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got an invalid date)');
    expect(() => b.call('CLV', 100, 0.1 + 0.2 + 1)).toThrow('CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got 1.3)');
  });

  it('reads number text with a leading + or − sign', () => {
    expect(b.call('RETENTION', '+1000', '+800', '+200')).toBeCloseTo(0.6, 12);
    expect(b.call('CLV', '+50', '+5%')).toBeCloseTo(1000, 9);
    expect(b.call('CLV', '+1,000', '+0.05')).toBeCloseTo(20000, 6);
    expect(() => b.call('RETENTION', '-1000', 800, 200)).toThrow('RETENTION: start must be a number greater than 0 (got "-1000")');
    expect(() => b.call('CLV', '++50', 0.05)).toThrow('CLV: value_per_period must be a number (the value a customer brings per period) (got "++50")');
  });

  it('never returns NaN or Infinity for any of these inputs, and refuses with the expected message', () => {
    const cases: [unknown[], number | string][] = [
      [[0, 0, 0], 'RETENTION: start must be a number greater than 0 (got 0)'],
      [[1, 1, 1], 0],
      [[3, 2, 1], 1 / 3],
      [[1e9, 1e9, 0], 1],
    ];
    for (const [args, expected] of cases) {
      if (typeof expected === 'string') expect(() => b.call('RETENTION', ...args)).toThrow(expected);
      else expect(b.call('RETENTION', ...args)).toBeCloseTo(expected, 12);
    }
  });
});

describe('the customer-table form across time zones', () => {
  // Customers: signup, cancel (blank = active). Period: January 2024.
  //   A  2023-12-31  —            in S, retained
  //   B  2023-12-15  2024-01-01   in S, lost on the period's first day
  //   C  2024-01-01  —            new on the first day
  //   D  2024-01-31  2024-01-31   new and cancelled on the last day: neither new nor lost
  //   E  2024-01-31  —            new on the last day
  //   F  2023-11-01  2023-12-31   gone before the period: not in S
  //   G  2024-02-01  —            after the period: ignored
  //   H  2023-06-01  2024-02-01   in S, cancels after the period: retained
  // S = {A, B, H} = 3, N = {C, E} = 2, lost = {B} = 1, E = {A, H, C, E} = 4 = S + N − lost.
  // Retention = (4 − 2) / 3 = 2/3, churn = 1/3.
  for (const timeZone of ['Pacific/Auckland', 'Europe/Prague', 'America/Los_Angeles', 'Asia/Kolkata']) {
    it(`counts calendar days of ${timeZone}, not of the script`, () => {
      const b = loadBundle({ timeZone });
      const d = (s: string) => {
        const [y, m, day] = s.split('-').map(Number);
        return b.date(y, m, day);
      };
      const signups = [['2023-12-31'], ['2023-12-15'], ['2024-01-01'], ['2024-01-31'], ['2024-01-31'], ['2023-11-01'], ['2024-02-01'], ['2023-06-01'], ['']].map((r) => (r[0] ? [d(r[0])] : ['']));
      const cancels = [[''], ['2024-01-01'], [''], ['2024-01-31'], [''], ['2023-12-31'], [''], ['2024-02-01'], ['']].map((r) => (r[0] ? [d(r[0])] : ['']));
      const retention = b.call('RETENTION', signups, cancels, d('2024-01-01'), d('2024-01-31')) as number;
      const churn = b.call('CHURN', signups, cancels, d('2024-01-01'), d('2024-01-31')) as number;
      expect(retention).toBeCloseTo(2 / 3, 12);
      expect(churn).toBeCloseTo(1 / 3, 12);
      expect(retention + churn).toBeCloseTo(1, 12);
      expect(b.calls.filter((c) => c === 'Spreadsheet.getSpreadsheetTimeZone').length).toBe(2); // once per call
    });
  }

  it('the worked example: S = 5 in February 2024, 3 signups of which 1 cancels on 20 February, 2 of S cancel', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    const signups = [[b.date(2023, 11, 3)], [b.date(2023, 12, 1)], [b.date(2024, 1, 5)], [b.date(2024, 1, 9)], [b.date(2024, 1, 30)],
      [b.date(2024, 2, 2)], [b.date(2024, 2, 11)], [b.date(2024, 2, 14)]];
    const cancels = [[''], [b.date(2024, 2, 5)], [''], [b.date(2024, 2, 28)], [''], [''], [''], [b.date(2024, 2, 20)]];
    const [feb1, feb29] = [b.date(2024, 2, 1), b.date(2024, 2, 29)];
    // E = 5 (3 of S + 2 new), N = 2, lost = 2.
    expect(b.call('RETENTION', signups, cancels, feb1, feb29)).toBeCloseTo(0.6, 15);
    expect(b.call('CHURN', signups, cancels, feb1, feb29)).toBeCloseTo(0.4, 15);
    // The same table by formula: =RETENTION_BY_PERIOD(signup_dates, cancel_dates, "month").
    const grid = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month') as unknown[][];
    const header = grid[0] as string[];
    const feb = grid.find((r) => r[1] === '2024-02')!;
    const at = (name: string) => feb[header.indexOf(name)];
    expect([at('Start'), at('New'), at('New and cancelled'), at('Lost'), at('End')]).toEqual([5, 2, 1, 2, 5]);
    expect(at('CRR')).toBeCloseTo(0.6, 15);
    expect(at('Churn')).toBeCloseTo(0.4, 15);
  });

  it('spills one rate per period when the period bounds are ranges', () => {
    const b = loadBundle({ timeZone: 'Pacific/Auckland' });
    // 4 customers signed up in Jan; one cancels in Feb, one in Mar.
    const signups = [[b.date(2024, 1, 5)], [b.date(2024, 1, 10)], [b.date(2024, 1, 20)], [b.date(2024, 1, 31)]];
    const cancels = [[''], [b.date(2024, 2, 1)], [b.date(2024, 3, 31)], ['']];
    const starts = [[b.date(2024, 2, 1)], [b.date(2024, 3, 1)], ['']];
    const ends = [[b.date(2024, 2, 29)], [b.date(2024, 3, 31)], ['']];
    const out = b.call('RETENTION', signups, cancels, starts, ends) as unknown[][];
    expect(out[0][0]).toBeCloseTo(3 / 4, 12); // Feb: S = 4, lost 1
    expect(out[1][0]).toBeCloseTo(2 / 3, 12); // Mar: S = 3, lost 1 on the 31st
    expect(out[2][0]).toBe('');
  });

  it('rejects text in date columns, cancels before signups and reversed periods, by row', () => {
    const b = loadBundle();
    const ok = [[b.date(2024, 1, 5)], [b.date(2024, 1, 6)]];
    expect(() => b.call('RETENTION', [[b.date(2024, 1, 5)], ['soon']], [[''], ['']], b.date(2024, 2, 1), b.date(2024, 2, 29))).toThrow(
      'RETENTION: signup_dates must be a date (row 2 of the range is "soon")',
    );
    expect(() => b.call('RETENTION', ok, [[''], [b.date(2024, 1, 1)]], b.date(2024, 2, 1), b.date(2024, 2, 29))).toThrow(
      "RETENTION: the cancel date in row 2 of the range is before that customer's signup date",
    );
    expect(() => b.call('CHURN', ok, [[''], ['']], b.date(2024, 2, 29), b.date(2024, 2, 1))).toThrow(/period_end is before period_start/);
    expect(() => b.call('CHURN', ok, [[''], ['']], b.date(2023, 2, 1), b.date(2023, 2, 28))).toThrow(/S = 0/);
    expect(() => b.call('RETENTION', ok, [[''], ['']], 45000, b.date(2024, 2, 29))).toThrow(/format the cells as dates/);
    expect(() => b.call('RETENTION', ok, [[''], [''], [''], ['x']], b.date(2024, 2, 1), b.date(2024, 2, 29))).toThrow(/must be the same size/);
  });

  it('puts month boundaries where the spreadsheet zone does', () => {
    // A cancel on 2024-02-01 in Auckland is an instant on 2024-01-31 in UTC and in this process's
    // zone. Counting days in either of those would call the customer lost in January.
    const b = loadBundle({ timeZone: 'Pacific/Auckland' });
    expect(b.date(2024, 2, 1).toISOString()).toBe('2024-01-31T11:00:00.000Z');
    const signups = [[b.date(2023, 12, 10)]];
    const cancels = [[b.date(2024, 2, 1)]];
    expect(b.call('CHURN', signups, cancels, b.date(2024, 1, 1), b.date(2024, 1, 31))).toBe(0);
    expect(b.call('CHURN', signups, cancels, b.date(2024, 2, 1), b.date(2024, 2, 29))).toBe(1);
  });
});

describe('a runtime whose Intl knows no time zones', () => {
  it('falls back to Utilities.formatDate and still puts days in the spreadsheet zone', () => {
    const b = loadBundle({ timeZone: 'Pacific/Auckland', intlWithoutZones: true });
    const signups = [[b.date(2023, 12, 10)]];
    const cancels = [[b.date(2024, 2, 1)]];
    expect(b.call('CHURN', signups, cancels, b.date(2024, 1, 1), b.date(2024, 1, 31))).toBe(0);
    expect(b.call('CHURN', signups, cancels, b.date(2024, 2, 1), b.date(2024, 2, 29))).toBe(1);
    expect(b.calls).toContain('Utilities.formatDate');
    // Cohort first days come back as Auckland midnights too.
    const grid = b.call('COHORTS', [['a'], ['b']], [[b.date(2024, 2, 1)], [b.date(2024, 3, 1)]], 'month', 'customers') as unknown[][];
    expect((grid[1][0] as Date).toISOString()).toBe('2024-01-31T11:00:00.000Z');
    expect((grid[2][0] as Date).toISOString()).toBe('2024-02-29T11:00:00.000Z');
  });

  it('uses Intl, not Utilities, where Intl works', () => {
    const b = loadBundle({ timeZone: 'Pacific/Auckland' });
    b.call('CHURN', [[b.date(2023, 12, 10)]], [[b.date(2024, 2, 1)]], b.date(2024, 1, 1), b.date(2024, 1, 31));
    expect(b.calls).not.toContain('Utilities.formatDate');
  });
});

