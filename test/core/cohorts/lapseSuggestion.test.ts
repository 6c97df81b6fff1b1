import { describe, expect, it } from 'vitest';
import { parseTransactionLog, suggestLapse } from '../../../src/core/cohorts/index';
import { dateIn, dayInZoneOf } from '../../support/days';
import { mulberry32 } from '../../../tools/seededRandom';

const ZONE = 'Europe/Prague';

function log(rows: [string, string, number][]) {
  return parseTransactionLog(
    {
      customerIds: rows.map((r) => r[0]),
      dates: rows.map((r) => {
        const [y, m, d] = r[1].split('-').map(Number);
        return dateIn(ZONE, y, m, d);
      }),
      amounts: rows.map((r) => r[2]),
    },
    { timeZone: ZONE, firstRowNumber: 2 },
  );
}

describe('the suggested lapse window', () => {
  it('is the fewest periods covering 80 % of returns (a purchase in a later period than the previous one)', () => {
    const suggestion = suggestLapse(log([
      ['A', '2024-01-05', 10], ['A', '2024-02-10', 10], ['A', '2024-04-01', 10], // returns after 1 and 2 months
      ['B', '2024-01-20', 10], ['B', '2024-07-03', 10], // 6 months
      ['C', '2024-01-09', 10], ['C', '2024-06-01', -10], // a refund is not a purchase: no return
      ['D', '2024-03-02', 10], ['D', '2024-03-30', 10], ['D', '2024-05-15', 10], // same month, then 2 months
      ['E', '2024-01-31', 10], ['E', '2024-02-01', 10], // 1 month (one day apart)
    ]));
    // Monthly distances 1, 2, 6, 2, 1: 80 % of 5 is 4, reached at 2 (1, 1, 2, 2).
    expect(suggestion.byPeriod.month).toEqual({ periods: 2, share: 0.8 });
    expect(suggestion.returns).toBe(5);
    expect(suggestion.target).toBe(0.8);
    // Quarters: A Q1→Q2 (1), B Q1→Q3 (2), D Q1→Q2 (1), E none: 80 % of 3 needs all three.
    expect(suggestion.byPeriod.quarter).toEqual({ periods: 2, share: 1 });
    // Years: nobody bought in two different years.
    expect(suggestion.byPeriod.year).toBeNull();
    // Counted as purchases, C's refund is a return after 5 months.
    expect(suggestLapse(log([['C', '2024-01-09', 10], ['C', '2024-06-01', -10]]), true).byPeriod.month).toEqual({ periods: 5, share: 1 });
  });

  it('equals a direct count on a seeded log, for every period unit', () => {
    const rand = mulberry32(4);
    const rows: [string, string, number][] = [];
    for (let c = 0; c < 400; c++) {
      let day = 19_000 + Math.floor(rand() * 300);
      const rhythm = 2 + rand() * 90;
      for (let v = 0; v < 1 + Math.floor(rand() * 8); v++) {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        rows.push([`c${c}`, iso, rand() < 0.1 ? -5 : 20]);
        day += Math.floor(rand() * rhythm * 2);
      }
    }
    const parsed = log(rows);
    const suggestion = suggestLapse(parsed);
    // Direct count: per customer the sorted distinct purchase months (year × 12 + month), and their gaps.
    const keyOf = { month: (y: number, m: number) => y * 12 + m, quarter: (y: number, m: number) => y * 4 + Math.floor((m - 1) / 3), year: (y: number) => y };
    for (const unit of ['month', 'quarter', 'year'] as const) {
      const periods = new Map<string, Set<number>>();
      for (const [id, iso, amount] of rows) {
        if (amount < 0) continue;
        const [y, m] = iso.split('-').map(Number);
        if (!periods.has(id)) periods.set(id, new Set());
        periods.get(id)!.add(keyOf[unit](y, m));
      }
      const gaps: number[] = [];
      for (const set of periods.values()) {
        const sorted = [...set].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i] - sorted[i - 1]);
      }
      gaps.sort((a, b) => a - b);
      const k = gaps[Math.ceil(0.8 * gaps.length) - 1];
      const share = gaps.filter((g) => g <= k).length / gaps.length;
      expect(suggestion.byPeriod[unit], unit).toEqual({ periods: k, share });
    }
    // Weeks: ISO weeks are 7-day blocks; the same rule.
    const weeks = new Map<string, Set<number>>();
    for (const [id, iso, amount] of rows) {
      if (amount < 0) continue;
      const day = dayInZoneOf(dateIn(ZONE, ...(iso.split('-').map(Number) as [number, number, number])), ZONE);
      if (!weeks.has(id)) weeks.set(id, new Set());
      weeks.get(id)!.add(Math.floor((day + 3) / 7)); // day 0 was a Thursday: Monday-start weeks
    }
    const gaps = [...weeks.values()].flatMap((s) => [...s].sort((a, b) => a - b).flatMap((w, i, all) => (i ? [w - all[i - 1]] : []))).sort((a, b) => a - b);
    expect(suggestion.byPeriod.week?.periods).toBe(gaps[Math.ceil(0.8 * gaps.length) - 1]);
  });
});

describe('the suggested lapse window on CDNOW', () => {
  it('is 5 months (82 % of returns), as a direct count of month gaps gives', async () => {
    const { readCdnow } = await import('../../support/cdnow');
    const rows = readCdnow();
    const zone = 'America/New_York';
    const parsed = parseTransactionLog(
      { customerIds: rows.map((r) => r.id), dates: rows.map((r) => dateIn(zone, r.year, r.month, r.day)), amounts: rows.map((r) => r.amount) },
      { timeZone: zone, firstRowNumber: 2 },
    );
    const months = new Map<string, Set<number>>();
    for (const r of rows) {
      if (!months.has(r.id)) months.set(r.id, new Set());
      months.get(r.id)!.add(r.year * 12 + r.month);
    }
    const gaps = [...months.values()].flatMap((s) => [...s].sort((a, b) => a - b).flatMap((m, i, all) => (i ? [m - all[i - 1]] : []))).sort((a, b) => a - b);
    const k = gaps[Math.ceil(0.8 * gaps.length) - 1];
    const suggestion = suggestLapse(parsed).byPeriod.month!;
    expect(suggestion).toEqual({ periods: k, share: gaps.filter((g) => g <= k).length / gaps.length });
    expect(suggestion.periods).toBe(5);
    expect(Math.round(suggestion.share * 100)).toBe(82);
  });
});
