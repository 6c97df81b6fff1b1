/**
 * =RETENTION / =CHURN of a customer table over ranges of periods: a period nobody was active at the
 * start of (S = 0; the first period of a table always is one) has no rate. It is a blank cell, as in
 * =RETENTION_BY_PERIOD, and the other periods keep their rates. Expected figures counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

process.env.TZ = 'America/Los_Angeles';

describe('customer-table =RETENTION and =CHURN spilled over periods with S = 0', () => {
  const b = loadBundle({ timeZone: 'Europe/Prague' });
  // A: 10 Jan, active. B: 20 Jan, cancels 15 Feb. C: 5 Feb, cancels 10 Mar. D: 20 Feb, active.
  // E: 3 Mar, cancels 25 Mar (a cancelled trial: neither new nor lost).
  const signups = [[b.date(2024, 1, 10)], [b.date(2024, 1, 20)], [b.date(2024, 2, 5)], [b.date(2024, 2, 20)], [b.date(2024, 3, 3)]];
  const cancels = [[''], [b.date(2024, 2, 15)], [b.date(2024, 3, 10)], [''], [b.date(2024, 3, 25)]];
  const starts = [[b.date(2024, 1, 1)], [b.date(2024, 2, 1)], [b.date(2024, 3, 1)], [b.date(2024, 4, 1)]];
  const ends = [[b.date(2024, 1, 31)], [b.date(2024, 2, 29)], [b.date(2024, 3, 31)], [b.date(2024, 4, 30)]];
  // January: S = 0. February: S = 2 (A, B), lost 1 (B), N = 2 (C, D), E = 3 → (3 − 2) / 2.
  // March: S = 3 (A, C, D), lost 1 (C), N = 0 (E cancelled in March), E = 2 → 2 / 3. April: S = 2, E = 2 → 1.
  const retention = ['', 1 / 2, 2 / 3, 1];
  const churn = ['', 1 / 2, 1 / 3, 0];

  const expectColumn = (out: unknown, expected: (number | string)[]) => {
    const grid = out as unknown[][];
    expect(grid.length).toBe(expected.length);
    expected.forEach((e, i) => {
      expect(grid[i].length).toBe(1);
      if (e === '') expect(grid[i][0]).toBe('');
      else expect(grid[i][0] as number).toBeCloseTo(e as number, 12);
    });
  };

  it('leaves the S = 0 period blank and gives the others their rates', () => {
    expectColumn(b.call('RETENTION', signups, cancels, starts, ends), retention);
    expectColumn(b.call('CHURN', signups, cancels, starts, ends), churn);
  });

  it('does the same with the periods across a row', () => {
    const across = (col: unknown[][]) => [col.map((r) => r[0])];
    const out = b.call('RETENTION', signups, cancels, across(starts), across(ends)) as unknown[][];
    expect(out.length).toBe(1);
    expect(out[0][0]).toBe('');
    expect(out[0].slice(1).map((v) => Math.round((v as number) * 1e9) / 1e9)).toEqual([0.5, 0.666666667, 1]);
  });

  it('gives that cell what =RETENTION_BY_PERIOD gives', () => {
    const table = b.call('RETENTION_BY_PERIOD', signups, cancels, 'month') as unknown[][];
    const crr = table[0].indexOf('CRR');
    const churnCol = table[0].indexOf('Churn');
    expect(crr).toBeGreaterThan(0);
    expect(table[1][crr]).toBe('');
    expect(table[1][churnCol]).toBe('');
    expect(table[2][crr] as number).toBeCloseTo(1 / 2, 12);
    expect(table[3][crr] as number).toBeCloseTo(2 / 3, 12);
  });

  it('still says why when the one period asked for has S = 0', () => {
    expect(() => b.call('RETENTION', signups, cancels, b.date(2024, 1, 1), b.date(2024, 1, 31))).toThrow(/S = 0/);
  });
});
