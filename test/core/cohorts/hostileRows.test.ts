import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  computeCohortMatrices,
  computeCohortReport,
  describeSkippedRows,
  parseCustomerTable,
  parseTransactionLog,
} from '../../../src/core/cohorts/index';
import { UserError } from '../../../src/core/errors';
import { dayOf, midnightOf } from '../../support/days';
import { renderValue } from '../../../src/i18n/catalogue';
import type { Param } from '../../../src/i18n/messages';
/** A value named in the report, as an English reader sees it. */
const shown = (v: Param | null) => (v === null ? null : renderValue(v, 'en'));


const ZONE = 'America/Los_Angeles';
const on = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), ZONE));
const opts = { timeZone: ZONE, firstRowNumber: 2 };

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('hostile rows in a transaction log', () => {
  // Sheet rows 2…: what a user might really have.
  const ids = ['00012', 12, 12.0, '', 'x', '#N/A', 'y', 'z', '', 'w', true, 'v', 'u', 'u', '', '', ''];
  const dates = [on(2024, 1, 5), on(2024, 1, 9), on(2024, 2, 1), on(2024, 1, 5), 'soon', on(2024, 1, 7), '', '#REF!', '', on(2024, 2, 3), on(2024, 1, 1), 45300, on(2024, 2, 10), on(2024, 2, 10), '', '', ''];
  const amounts = [10, 20, -5, 3, 1, 1, 1, 1, '', 'abc', 1, 1, '1,234.50', '1,234.50', '', '', ''];
  const log = parseTransactionLog({ customerIds: ids, dates, amounts }, opts);

  it('keeps the good rows: "00012" and 12 are two customers, 12 and 12.0 one', () => {
    expect(log.customerIds).toEqual(['00012', 12, 'u']);
    expect(Array.from(log.customer)).toEqual([0, 1, 1, 2, 2]);
    expect(Array.from(log.rowNumber)).toEqual([2, 3, 4, 14, 15]);
    expect(Array.from(log.amount!)).toEqual([10, 20, -5, 1234.5, 1234.5]);
  });

  it('counts each skipped row once under its reason, with the first row numbers', () => {
    const byReason = Object.fromEntries(log.skipped.reasons.map((t) => [`${t.reason} / ${t.column}`, [t.count, t.firstRows, shown(t.firstValue)]]));
    expect(byReason).toEqual({
      'blank id / customer id': [1, [5], null],
      'not a date / date': [1, [6], '"soon"'],
      'number not a date / date': [1, [13], '45300'], // a serial number: told to format the cells as dates
      'error value / customer id': [1, [7], '#N/A'],
      'blank date / date': [1, [8], null],
      'error value / date': [1, [9], '#REF!'],
      'blank row / ': [1, [10], null],
      'bad amount / amount': [1, [11], '"abc"'],
      'invalid id / customer id': [1, [12], 'TRUE'],
    });
    expect(log.skipped.total).toBe(9); // trailing blank rows 16–18 are trimmed, not counted
    expect(log.skipped.notes).toEqual([{ reason: 'negative amount', column: 'amount', count: 1, firstRows: [4], firstValue: null }]);
    expect(describeSkippedRows(log.skipped)).toContain('1 row whose value in date is not a date (row 6, e.g. "soon")');
    expect(describeSkippedRows(log.skipped)).toContain('1 row whose value in date is a number, not a date — format the cells as dates (row 13, e.g. 45300)');
  });

  it('a refund is revenue but not a purchase; a duplicate row is one active customer but two purchases', () => {
    const m = computeCohortMatrices(log, { period: 'month' }).total;
    expect(m.cohorts.map((c) => [c.label, c.size])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ]);
    // 12's only February row is a refund of 5: in February's revenue, but 12 did not buy in February.
    expect(m.counts).toEqual([[2, 0], [1, null]]);
    expect(m.revenue).toEqual([[30, -5], [2469, null]]);
    // Counted as activity when asked.
    const asActivity = computeCohortMatrices(log, { period: 'month', refundsAreActivity: true }).total;
    expect(asActivity.counts).toEqual([[2, 1], [1, null]]);
    expect(asActivity.revenue).toEqual(m.revenue);
  });

  it('dates from another realm, ISO date text and times of day are dates; invalid Dates and numbers are not', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2024, 0, 15, 20))'); // 12:00 in Los Angeles
    const parsed = parseTransactionLog(
      { customerIds: ['a', 'b', 'c', 'd'], dates: [foreign, '2024-01-16', new Date(NaN), 19740] },
      opts,
    );
    expect(Array.from(parsed.day)).toEqual([dayOf(2024, 1, 15), dayOf(2024, 1, 16)]);
    expect(parsed.skipped.reasons.map((t) => [t.reason, t.firstRows])).toEqual([['not a date', [4]], ['number not a date', [5]]]);
  });

  it('amount text is read in the spreadsheet locale', () => {
    const parsed = parseTransactionLog(
      { customerIds: ['a', 'b', 'c'], dates: [on(2024, 1, 1), on(2024, 1, 1), on(2024, 1, 1)], amounts: ['12,5', '1 000,25', '1.5'] },
      { ...opts, numberLocale: { decimal: ',' } },
    );
    expect(Array.from(parsed.amount!)).toEqual([12.5, 1000.25]);
    expect(parsed.skipped.reasons).toEqual([
      expect.objectContaining({ reason: 'bad amount', firstRows: [4], firstValue: '"1.5"' }), // text is quoted as is
    ]);
  });

  it('an error value in the segment column skips the row', () => {
    const parsed = parseTransactionLog(
      { customerIds: ['a', 'b'], dates: [on(2024, 1, 1), on(2024, 1, 2)], segments: ['web', '#N/A'] },
      opts,
    );
    expect(parsed.rows).toBe(1);
    expect(parsed.skipped.reasons).toEqual([expect.objectContaining({ reason: 'error value', column: 'segment', firstRows: [3] })]);
  });
});

describe('ranges with no data', () => {
  it('empty range', () => {
    expect(userError(() => parseTransactionLog({ customerIds: [], dates: [] }, opts))).toBe('no data rows: customer id and date are empty');
  });

  it('whole-column ranges that are all blank', () => {
    const blank = new Array(5000).fill('');
    expect(userError(() => parseTransactionLog({ customerIds: blank, dates: blank }, opts))).toBe('no data rows: customer id and date are empty');
  });

  it('header only, even above thousands of blank rows', () => {
    const ids = ['Customer', ...new Array(3000).fill('')];
    const dates = ['Order date', ...new Array(3000).fill('')];
    expect(userError(() => parseTransactionLog({ customerIds: ids, dates }, { ...opts, firstRowNumber: 1 }))).toBe(
      'no data rows: the range holds only a header row (row 1: "Customer", "Order date")',
    );
  });

  it('every row skipped: says why, with rows', () => {
    const message = userError(() => parseTransactionLog({ customerIds: ['a', 'b'], dates: ['#N/A', ''] }, opts));
    expect(message).toMatch(/^no data rows: every row was skipped/);
    expect(message).toContain('1 row with an error value in date (row 2, e.g. #N/A)');
    expect(message).toContain('1 row with a blank cell in date (row 3)');
  });

  it('a customer table with nothing but a header', () => {
    expect(userError(() => parseCustomerTable({ customerIds: ['id'], signupDates: ['signup'] }, { ...opts, firstRowNumber: 1 }))).toBe(
      'no data rows: the range holds only a header row (row 1: "id", "signup")',
    );
  });

  it('columns of different heights', () => {
    expect(
      userError(() => parseTransactionLog({ customerIds: ['a', 'b'], dates: [on(2024, 1, 1)], names: { customerIds: 'customer_ids', dates: 'dates' } }, opts)),
    ).toBe('dates and customer_ids must cover the same rows, but their row counts differ (dates: 1, customer_ids: 2)');
  });
});

describe('options that cannot work', () => {
  const log = parseTransactionLog({ customerIds: ['a', 'b'], dates: [on(2024, 1, 1), on(2024, 3, 2)], segments: ['web', 'shop'] }, opts);

  it('an unknown segment names the segments there are', () => {
    expect(userError(() => computeCohortReport(log, { segment: 'app' }))).toBe(
      'segment "app" does not occur in the segment column (it holds "web", "shop")',
    );
  });

  it('segments without a segment column', () => {
    const plain = parseTransactionLog({ customerIds: ['a'], dates: [on(2024, 1, 1)] }, opts);
    expect(userError(() => computeCohortReport(plain, { bySegment: true }))).toBe('a breakdown by segment needs a segment column');
  });

  it('a mistyped year', () => {
    const typo = parseTransactionLog({ customerIds: ['a', 'b', 'c'], dates: [on(2024, 1, 1), on(2204, 1, 1), on(2024, 1, 1)] }, opts);
    expect(userError(() => computeCohortReport(typo, { period: 'month' }))).toBe(
      'the dates run from Jan 1, 2024 (rows 2, 4) to Jan 1, 2204 (row 3), 2,161 months: more than 600. ' +
        'Choose a longer period or check the date column for a mistyped year',
    );
    expect(computeCohortReport(typo, { period: 'year' }).periods.length).toBe(181);
  });

  it('an as-of day before all the data', () => {
    expect(userError(() => computeCohortReport(log, { asOfDay: dayOf(2023, 1, 1) }))).toMatch(/^no data rows: the as-of day Jan 1, 2023 is before/);
  });
});
