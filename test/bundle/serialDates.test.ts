/**
 * A date column holding serial numbers (45296: a date cell formatted as a number) in a range gets the
 * hint a single cell gets ("format the cells as dates"), in the spreadsheet's language; text that is
 * not a date does not.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

process.env.TZ = 'America/Los_Angeles';

describe('=COHORTS and =RETENTION_BY_PERIOD with serial numbers in the date column', () => {
  const hints = {
    en_US: ['Skipped 2 rows: 2 rows whose values in dates are numbers, not dates — format the cells as dates (rows 2, 3 of the range, e.g. 45296).',
      'COHORTS: no data rows: every row was skipped. Skipped 2 rows: 2 rows whose values in dates are numbers, not dates — format the cells as dates (rows 1, 2 of the range, e.g. 45296).'],
    cs_CZ: ['Vynechány 2 řádky: 2 řádky, kde dates je číslo, ne datum – naformátujte buňky jako data (řádky 2, 3 oblasti, např. 45296).', null],
    pl_PL: [null, null],
    hu_HU: [null, null],
  } as const;
  for (const [locale, [note, error]] of Object.entries(hints)) {
    it(`says how to fix it (${locale})`, () => {
      const b = loadBundle({ timeZone: 'Europe/Prague', locale });
      const grid = b.call('COHORTS', [['A'], ['B'], ['C']], [[b.date(2024, 1, 5)], [45296], [45300]], 'month', 'customers') as unknown[][];
      const last = grid[grid.length - 1][0] as string;
      if (note !== null) expect(last).toBe(note);
      expect(last).toMatch(/45296/);
      const byPeriod = b.call('RETENTION_BY_PERIOD', [['A'], ['B'], ['C']], [[b.date(2024, 1, 5)], [45296], [45300]], 'month') as unknown[][];
      expect(byPeriod[byPeriod.length - 1][0]).toBe(last);
      let message = '';
      try {
        b.call('COHORTS', [['A'], ['B']], [[45296], [45297]], 'month', 'customers');
      } catch (e) {
        message = (e as Error).message;
      }
      if (error !== null) expect(message).toBe(error);
      expect(message).toMatch(/45296/);
    });
  }

  it('each language names the fix as the single-cell message does', () => {
    const words = { pl_PL: 'sformatuj komórki jako daty', hu_HU: 'formázza a cellákat dátumként', cs_CZ: 'naformátujte buňky jako data', en_US: 'format the cells as dates' };
    for (const [locale, fix] of Object.entries(words)) {
      const b = loadBundle({ timeZone: 'Europe/Prague', locale });
      const grid = b.call('COHORTS', [['A'], ['B']], [[b.date(2024, 1, 5)], [45296]], 'month', 'customers') as unknown[][];
      expect(grid[grid.length - 1][0], locale).toContain(fix);
      // The single-cell message says the same fix.
      expect(() => b.call('RETENTION', [[b.date(2024, 1, 5)]], [['']], 45000, b.date(2024, 2, 29)), locale).toThrow(fix);
    }
  });

  it('text that is not a date gets no such hint', () => {
    const b = loadBundle({ timeZone: 'Europe/Prague' });
    const grid = b.call('COHORTS', [['A'], ['B']], [[b.date(2024, 1, 5)], ['soon']], 'month', 'customers') as unknown[][];
    expect(grid[grid.length - 1][0]).toBe('Skipped 1 row: 1 row whose value in dates is not a date (row 2 of the range, e.g. "soon").');
  });
});
