/**
 * Ids with whitespace around them — a fixed-width export's "A1   ", copied web text's "A1\u00a0" — are
 * the customer without it, whichever form comes first, on the shaped fast path ("C000123") too; text
 * stays text ("123 " is the text "123", which is another customer than the number 123, as before).
 * The kept rows read that way are said in the note under the spill. Expected counts by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';
import { cdnowHistories } from './cdnowHistories';
import { parseCustomerTable, describeSkippedRows } from '../../src/core/cohorts/index';
import { dayOf, midnightOf } from '../support/days';

process.env.TZ = 'America/Los_Angeles';

describe('ids with whitespace around them', () => {
  const b = loadBundle({ timeZone: 'Europe/Prague' });
  // Jan, Feb, Mar 2024: one customer buying every month is one January cohort of 1 retained 1, 1, 1.
  const dates = [[b.date(2024, 1, 5)], [b.date(2024, 2, 6)], [b.date(2024, 3, 7)]];
  const cohorts = (ids: unknown[][]) => b.call('COHORTS', ids, dates, 'month', 'customers') as unknown[][];
  const matrix = (grid: unknown[][]) => grid.filter((r) => Object.prototype.toString.call(r[0]) === '[object Date]').map((r) => r.slice(1));
  const oneCustomer = [[1, 1, 1, 1]];

  it('=COHORTS: "A1", "A1 ", " A1" and "A1" + no-break space are one customer, whichever comes first', () => {
    for (const ids of [[['A1'], ['A1 '], [' A1']], [['A1 '], ['A1'], ['A1\u00a0']], [[' A1'], ['A1   '], ['A1']], [['\tA1'], ['A1\u00a0'], ['A1 ']]]) {
      expect(matrix(cohorts(ids)), JSON.stringify(ids)).toEqual(oneCustomer);
    }
  });

  it('on the shaped fast path too ("C000123" learnt first, or padded first)', () => {
    expect(matrix(cohorts([['C000123'], ['C000123 '], [' C000123']]))).toEqual(oneCustomer);
    expect(matrix(cohorts([['C000123 '], ['C000123'], ['C000123']]))).toEqual(oneCustomer);
    expect(matrix(cohorts([['C7 '], ['C7'], ['C7\u00a0']]))).toEqual(oneCustomer);
    // Two customers stay two: C000123 (Jan, Feb) and C000124 (Mar).
    expect(matrix(cohorts([['C000123'], ['C000123 '], ['C000124 ']]))).toEqual([[1, 1, 1, 0], [1, 1, '', '']]);
  });

  it('text stays text: "123 " is the text "123", the number 123 another customer (as "123" and 123 are)', () => {
    // 123 (Jan) is one customer; "123" (Feb) and "123 " (Mar) another.
    expect(matrix(cohorts([[123], ['123'], ['123 ']]))).toEqual([[1, 1, 0, 0], [1, 1, 1, '']]);
    expect(matrix(cohorts([[123], ['123'], ['123']]))).toEqual([[1, 1, 0, 0], [1, 1, 1, '']]);
  });

  it('says which rows were read without the spaces, in the note under the spill', () => {
    const grid = cohorts([['A1'], ['A1 '], [' A1']]);
    expect(grid[grid.length - 1][0]).toBe(
      'Kept 2 rows whose values in customer_ids have spaces around them, read without them as the same customers (rows 2, 3 of the range, e.g. "A1 ").',
    );
    // No note without padding.
    expect(cohorts([['A1'], ['A1'], ['A1']]).some((r) => typeof r[0] === 'string' && r[0].includes('spaces'))).toBe(false);
  });

  it('=RETENTION_BY_PERIOD: the padded ids are neither new nor lost', () => {
    const table = b.call('RETENTION_BY_PERIOD', [['A1'], ['A1 '], [' A1']], dates, 'month') as unknown[][];
    const col = (name: string) => table[0].indexOf(name);
    // Jan: 1 new; Feb and Mar: S = 1, kept, nobody new or lost.
    expect(table.slice(1, 4).map((r) => [r[col('Start')], r[col('New')], r[col('Returning')], r[col('End')], r[col('Lost')]])).toEqual([
      [0, 1, 0, 1, 0], [1, 0, 0, 1, 0], [1, 0, 0, 1, 0],
    ]);
  });

  it('=CLV: padded ids are the same customers, listed without the padding', () => {
    const log = cdnowHistories(b);
    const text = log.ids.map((r) => [`C${String(r[0]).padStart(5, '0')}`]);
    // Every other row padded as a fixed-width CHAR(8) column would pad it.
    const padded = text.map((r, i) => [i % 2 === 0 ? r[0] : (r[0] as string).padEnd(8, ' ')]);
    const plain = b.call('CLV', text, log.dates, log.amounts) as unknown[][];
    const fromPadded = b.call('CLV', padded, log.dates, log.amounts) as unknown[][];
    expect(fromPadded.length).toBe(plain.length + 1); // + the note on padded rows
    expect(fromPadded.slice(0, plain.length)).toEqual(plain);
    expect(plain.length).toBe(1 + 2357);
    expect(fromPadded[fromPadded.length - 1][0]).toMatch(/^Kept \d[\d,]* rows whose values in customer_ids have spaces around them/);
  });
});

describe('a customer table with a padded id', () => {
  const ZONE = 'Europe/Prague';
  const on = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), ZONE));
  it('is the same customer: the second row is a duplicate, and the padded first row is noted', () => {
    const table = parseCustomerTable(
      { customerIds: ['A1 ', 'B2', 'A1', '\u00a0B2'], signupDates: [on(2024, 1, 5), on(2024, 1, 6), on(2024, 2, 1), on(2024, 2, 2)] },
      { timeZone: ZONE, firstRowNumber: 2 },
    );
    expect(table.customers).toBe(2);
    expect(table.customerIds).toEqual(['A1', 'B2']);
    expect(describeSkippedRows(table.skipped)).toBe(
      'Skipped 2 rows: 2 rows whose values in customer id repeat earlier rows\' (rows 4, 5, e.g. "A1"). ' +
        'Kept 1 row whose value in customer id has spaces around it, read without them as the same customer (row 2, e.g. "A1 ").',
    );
  });
});
