/** =COHORTS and =RETENTION_BY_PERIOD through the built bundle, on the real CDNOW log. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { readCdnow } from '../support/cdnow';
import { partialNoteRow } from '../support/partialNotes';

process.env.TZ = 'America/Los_Angeles';

describe('COHORTS on CDNOW through dist/Code.js', () => {
  let b: Bundle;
  let ids: unknown[][];
  let dates: unknown[][];
  let amounts: unknown[][];
  beforeAll(() => {
    b = loadBundle({ timeZone: 'Pacific/Auckland' });
    const rows = readCdnow();
    ids = rows.map((r) => [r.id]);
    dates = rows.map((r) => [b.date(r.year, r.month, r.day)]);
    amounts = rows.map((r) => [r.amount]);
    // A whole-column range: the sheet's trailing blank rows come along.
    for (let i = 0; i < 5000; i++) {
      ids.push(['']);
      dates.push(['']);
      amounts.push(['']);
    }
  });

  it('has the published anchors: January 1997 cohort of 7,846, of whom 1,157 bought again in February', () => {
    const grid = b.call('COHORTS', ids, dates, 'month', 'customers') as unknown[][];
    expect(grid[0].slice(0, 4)).toEqual(['Cohort', 'Customers', 0, 1]);
    expect(grid.length).toBe(4); // header + Jan, Feb, Mar 1997; the log ends on June 30, 1998, a complete month: no partial note
    const jan = grid[1];
    expect(Object.prototype.toString.call(jan[0])).toBe('[object Date]');
    // Midnight of 1997-01-01 in Auckland (UTC+13 in summer).
    expect((jan[0] as Date).toISOString()).toBe('1996-12-31T11:00:00.000Z');
    expect(jan[1]).toBe(7846);
    expect(jan[2]).toBe(7846);
    expect(jan[3]).toBe(1157);
    // Observed until 1998-06: Jan cohort has offsets 0..17, Mar cohort 0..15 then blanks.
    expect(grid[0].length).toBe(2 + 18);
    expect(grid[3][2 + 15]).not.toBe('');
    expect(grid[3][2 + 16]).toBe('');
    const total = grid.slice(1).reduce((s, r) => s + (r[1] as number), 0);
    expect(total).toBe(23570);
  });

  it('gives retention fractions and revenue sums', () => {
    const pct = b.call('COHORTS', ids, dates) as unknown[][];
    expect(pct[1][3]).toBeCloseTo(1157 / 7846, 12);
    const revenue = b.call('COHORTS', ids, dates, 'month', 'revenue', amounts) as unknown[][];
    const all = readCdnow();
    const janRevenueInJan = all
      .filter((r) => r.year === 1997 && r.month === 1)
      .reduce((s, r) => s + r.amount, 0); // every January buyer is in the January cohort
    expect(revenue[1][2] as number).toBeCloseTo(janRevenueInJan, 6);
  });

  it('spills the per-period table with E = S − lost + N + returning', () => {
    const grid = b.call('RETENTION_BY_PERIOD', ids, dates, 'quarter', amounts) as unknown[][];
    const header = grid[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(grid.length).toBe(1 + 6); // 1997-Q1 … 1998-Q2
    for (const row of grid.slice(1)) {
      const [s, n, e, lost, re] = ['Start', 'New', 'End', 'Lost', 'Returning'].map((k) => row[col(k)] as number);
      expect(e).toBe(s - lost + n + re);
    }
    expect(grid[1][col('New')]).toBe(23570);
  });

  it('starts weeks on Monday (ISO) or, when asked, on Sunday', () => {
    // 1997-01-05 was a Sunday: in ISO weeks it belongs to the week of Monday 1996-12-30.
    const ids1 = [['a'], ['b']];
    const days = [[b.date(1997, 1, 5)], [b.date(1997, 1, 6)]];
    const iso = b.call('COHORTS', ids1, days, 'week', 'customers') as unknown[][];
    const sunday = b.call('COHORTS', ids1, days, 'week sunday', 'customers') as unknown[][];
    const first = (g: unknown[][]) => (g[1][0] as Date).toISOString();
    // Both end with the week of Monday 1997-01-06, which is partial: a note row follows the matrix.
    expect(iso.length).toBe(4); // two ISO weeks, and the note
    expect(sunday.length).toBe(3); // one Sunday week holds both, and the note
    expect(iso[3]).toEqual(partialNoteRow(4, 'log', 'en', 'week', [1997, 1, 6], [1997, 1, 6]));
    expect(sunday[2]).toEqual(partialNoteRow(3, 'log', 'en', 'week sunday', [1997, 1, 5], [1997, 1, 6]));
    expect(first(iso)).toBe('1996-12-29T11:00:00.000Z'); // Monday 1996-12-30, Auckland midnight
    expect(first(sunday)).toBe('1997-01-04T11:00:00.000Z'); // Sunday 1997-01-05
  });

  it('says what is wrong with hostile input', () => {
    expect(() => b.call('COHORTS', [['a'], ['b']], [[b.date(2024, 1, 1)], ['soon']], 'fortnight')).toThrow(
      'COHORTS: period must be "week", "week sunday", "month", "quarter", or "year" (got "fortnight")',
    );
    expect(() => b.call('COHORTS', [['a']], [[b.date(2024, 1, 1)]], 'month', 'revenue')).toThrow(/needs the amounts argument/);
    expect(() => b.call('COHORTS', [['Customer']], [['Date']])).toThrow('COHORTS: no data rows: the range holds only a header row (row 1 of the range: "Customer", "Date")');
    expect(() => b.call('COHORTS', [[''], ['']], [[''], ['']])).toThrow(/COHORTS: no data rows/);
    // Unreadable rows are left out and said so under the table, with their rows.
    const grid = b.call('COHORTS', [['00012'], [12], ['00012'], ['x'], ['y']], [[b.date(2024, 1, 3)], [b.date(2024, 1, 9)], [b.date(2024, 2, 1)], ['soon'], ['#N/A']], 'month', 'customers') as unknown[][];
    expect(grid[1].slice(1)).toEqual([2, 2, 1]); // "00012" and 12 are two customers; only "00012" came back
    const note = grid[grid.length - 1][0] as string;
    expect(note).toBe('Skipped 2 rows: 1 row whose value in dates is not a date (row 4 of the range, e.g. "soon"); 1 row with an error value in dates (row 5 of the range, e.g. #N/A).');
  });
});
