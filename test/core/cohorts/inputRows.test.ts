/**
 * No data row disappears silently: what the first row is, placeholders for missing ids, date text
 * in the spreadsheet's locale, and the counts and words of the skipped-row report.
 */
import { describe, expect, it } from 'vitest';
import { computeCohortMatrices, describeSkippedRows, parseCustomerTable, parseTransactionLog } from '../../../src/core/cohorts/index';
import { UserError } from '../../../src/core/errors';
import { isMissingIdText } from '../../../src/core/placeholders';
import { dateFormOf } from '../../../src/core/textDates';
import { dayOf, midnightOf } from '../../support/days';
import { renderValue } from '../../../src/i18n/catalogue';
import type { Param } from '../../../src/i18n/messages';
/** A value named in the report, as an English reader sees it. */
const shown = (v: Param | null) => (v === null ? null : renderValue(v, 'en'));


const ZONE = 'Europe/Prague';
const on = (y: number, m: number, d: number) => new Date(midnightOf(dayOf(y, m, d), ZONE));
const sheet = { timeZone: ZONE, firstRowNumber: 2 };
const range = { timeZone: ZONE, firstRowNumber: 1, rowsOfRange: true };

function userError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('the first row', () => {
  it('is a header when a cell names a column, whatever the rows below hold', () => {
    for (const [id, date] of [['Customer', 'Date'], ['customer_id', 'Fecha'], ['Zákazník', 'Datum objednávky'], ['Ügyfél', 'Dátum'], ['x', 'Order date']]) {
      const log = parseTransactionLog({ customerIds: [id, 'a', 'b'], dates: [date, on(2024, 1, 2), 'soon'] }, range);
      expect(log.skipped.headerRow, `${id} / ${date}`).toBe(1);
      expect(log.skipped.headerText).toBe(`"${id}", "${date}"`);
      expect(log.rows).toBe(1);
      expect(log.skipped.total).toBe(1); // "soon" is a data row with an unreadable date
    }
  });

  it('is a header when its text is not repeated by any later row', () => {
    const log = parseTransactionLog({ customerIds: ['Kunde', 'a', 'b'], dates: ['Bestelltag', on(2024, 1, 2), on(2024, 1, 3)] }, range);
    expect(log.skipped.headerRow).toBe(1);
    expect(describeSkippedRows(log.skipped)).toBe('Row 1 of the range ("Kunde", "Bestelltag") was read as a header and left out.');
  });

  it('is a data row with an unreadable date when later rows look the same: two rows, both skipped and counted', () => {
    const message = userError(() => parseTransactionLog({ customerIds: ['a', 'b'], dates: ['x', 'y'] }, range));
    expect(message).toBe('no data rows: every row was skipped. Skipped 2 rows: 2 rows whose values in date are not dates (rows 1, 2 of the range, e.g. "x").');
    const log = parseTransactionLog({ customerIds: ['a', 'b', 'c'], dates: ['soon', on(2024, 1, 2), 'later'] }, range);
    expect(log.skipped.headerRow).toBeNull();
    expect(log.skipped.total).toBe(2);
    expect(log.skipped.reasons).toEqual([expect.objectContaining({ reason: 'not a date', count: 2, firstRows: [1, 3] })]);
  });

  it('is a data row when any cell of it is a number, a date, TRUE or an error', () => {
    for (const [id, amount] of [[12, 'Amount'], ['a', 10], ['a', true], ['a', '#N/A']] as [unknown, unknown][]) {
      const log = parseTransactionLog({ customerIds: [id, 'b'], dates: ['soon', on(2024, 1, 2)], amounts: [amount, 5] }, range);
      expect(log.skipped.headerRow, String(id)).toBeNull();
      expect(log.skipped.total).toBe(1);
    }
  });

  it('holding an ISO date (with a time, or in the locale form) is the first data row', () => {
    for (const [text, locale] of [['2024-01-02', 'en_US'], ['2024-01-02 08:26:00', 'en_US'], ['2024-01-02T08:26', 'cs_CZ'], ['1/2/2024', 'en_US'], ['2. 1. 2024', 'cs_CZ']]) {
      const log = parseTransactionLog({ customerIds: ['a', 'b'], dates: [text, on(2024, 1, 3)] }, { ...range, dateForm: () => dateFormOf(locale) });
      expect(log.skipped.headerRow, text).toBeNull();
      expect(Array.from(log.day), text).toEqual([dayOf(2024, 1, 2), dayOf(2024, 1, 3)]);
    }
  });

  it('alone is a header: nothing left to count', () => {
    expect(userError(() => parseTransactionLog({ customerIds: ['x'], dates: ['soon'] }, range))).toBe(
      'no data rows: the range holds only a header row (row 1 of the range: "x", "soon")',
    );
  });

  it('of a customer table follows the same rule', () => {
    const table = parseCustomerTable({ customerIds: ['Account', 'a'], signupDates: ['Joined', on(2024, 1, 2)], cancelDates: ['Left', ''] }, sheet);
    expect(table.skipped.headerRow).toBe(2);
    expect(describeSkippedRows(table.skipped)).toBe('Row 2 ("Account", "Joined", "Left") was read as a header and left out.');
  });
});

describe('placeholders for a missing id', () => {
  it('are told from real ids', () => {
    for (const text of ['nan', 'NAN', ' NaN ', 'null', 'Null', 'NULL', 'None', 'nil', 'undefined', 'N/A', 'n/a', 'n.a.', 'NA', '#N/A', '<NA>', 'NaT', '\\N', '-', '--', '–', '—', '?', '(null)', '(blank)', '\u200b', '\u00a0', '\ufeff']) {
      expect(isMissingIdText(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['nancy', 'Nan Li', 'nan1', 'NA-123', 'null island', 'n', '-5', '0', '00012', 'c17850', 'Undefined Corp.', '?1', 'Ñandú']) {
      expect(isMissingIdText(text), JSON.stringify(text)).toBe(false);
    }
  });

  const placeholders = ['nan', 'NaN', 'null', 'NULL', 'None', 'N/A', 'n/a', 'NA', '-', '—', '<NA>', '\\N', ' nan ', '\u200b', '\ufeff\u200b'];

  it('are blank ids, counted per placeholder and named; real ids stay', () => {
    const ids = ['a', ...placeholders, 'NaNa', 'nancy', 'b'];
    const dates = ids.map((_, i) => on(2024, 1, 1 + (i % 20)));
    const log = parseTransactionLog({ customerIds: ids, dates }, sheet);
    expect(log.customerIds).toEqual(['a', 'NaNa', 'nancy', 'b']);
    expect(log.skipped.total).toBe(placeholders.length);
    const byValue = log.skipped.reasons.map((t) => [t.reason, shown(t.firstValue), t.count]);
    expect(byValue).toContainEqual(['placeholder id', '"nan"', 1]);
    expect(byValue).toContainEqual(['placeholder id', '"NULL"', 1]);
    expect(byValue).toContainEqual(['placeholder id', '" nan "', 1]);
    expect(byValue).toContainEqual(['placeholder id', 'text that shows nothing (invisible characters only)', 2]);
    expect(log.skipped.reasons.every((t) => t.reason === 'placeholder id')).toBe(true);
  });

  it('"nan" in a real export is no giant customer: it is left out and said', () => {
    // 277 purchases of a "nan" customer among real ones, as in the retail export the issue describes.
    const ids: unknown[] = [];
    const dates: unknown[] = [];
    for (let i = 0; i < 600; i++) {
      ids.push(i % 2 === 0 && i < 554 ? 'nan' : 17000 + i);
      dates.push(on(2010, 12, 1 + (i % 28)));
    }
    const log = parseTransactionLog({ customerIds: ids, dates, names: { customerIds: 'CustomerID' } }, sheet);
    expect(log.customerIds).not.toContain('nan');
    expect(log.customerIds.length).toBe(600 - 277);
    expect(describeSkippedRows(log.skipped)).toBe('Skipped 277 rows: 277 rows whose value in CustomerID is "nan", which stands for a blank id (rows 2, 4, 6, 8, 10, …).');
  });

  it('cost nothing for ids already seen: a real id that looks like one is a customer only if never a placeholder', () => {
    // The check runs when an id is first seen; "-" is refused every time, not learnt as an id.
    const log = parseTransactionLog({ customerIds: ['-', '-', 'a', '-'], dates: [on(2024, 1, 1), on(2024, 1, 2), on(2024, 1, 3), on(2024, 1, 4)] }, sheet);
    expect(log.customerIds).toEqual(['a']);
    expect(log.skipped.reasons).toEqual([expect.objectContaining({ reason: 'placeholder id', count: 3, firstRows: [2, 3, 5], firstValue: '"-"' })]);
  });
});

describe('date text in a parse', () => {
  it('is read in the spreadsheet locale, and what is not is counted with its reason', () => {
    const dates = ['12/1/2010 8:26', '2010-12-02 08:26:00', '12/3/10', '1.12.2010', '2/30/2011', '12/4/2010'];
    const log = parseTransactionLog(
      { customerIds: dates.map((_, i) => i), dates, names: { dates: 'InvoiceDate' } },
      { ...sheet, dateForm: () => dateFormOf('en_US') },
    );
    expect(Array.from(log.day)).toEqual([dayOf(2010, 12, 1), dayOf(2010, 12, 2), dayOf(2010, 12, 4)]);
    expect(describeSkippedRows(log.skipped)).toBe(
      'Skipped 3 rows: 1 row whose value in InvoiceDate has a two-digit year (which century is not guessed) (row 4, e.g. "12/3/10"); ' +
        '1 row whose value in InvoiceDate is text in a date form the spreadsheet\'s locale does not use (day and month are not guessed) (row 5, e.g. "1.12.2010"); ' +
        '1 row whose value in InvoiceDate is not a date (row 6, e.g. "2/30/2011").',
    );
  });

  it('asks for the locale only when a date cell holds text', () => {
    let asked = 0;
    const form = () => (asked++, dateFormOf('cs_CZ'));
    parseTransactionLog({ customerIds: ['a', 'b'], dates: [on(2024, 1, 1), on(2024, 1, 2)] }, { ...sheet, dateForm: form });
    expect(asked).toBe(0);
    const log = parseTransactionLog({ customerIds: ['a', 'b', 'c'], dates: [on(2024, 1, 1), '2. 1. 2024', '3. 1. 2024'] }, { ...sheet, dateForm: form });
    expect(asked).toBe(1);
    expect(Array.from(log.day)).toEqual([dayOf(2024, 1, 1), dayOf(2024, 1, 2), dayOf(2024, 1, 3)]);
  });

  it('gives the same cohorts as the same dates as date cells', () => {
    const days = [[2024, 1, 31], [2024, 2, 1], [2024, 2, 29], [2024, 3, 1], [2024, 12, 31]];
    const ids = ['a', 'b', 'a', 'c', 'b'];
    const cells = parseTransactionLog({ customerIds: ids, dates: days.map(([y, m, d]) => on(y, m, d)) }, sheet);
    for (const [locale, write] of [
      ['en_US', ([y, m, d]: number[]) => `${m}/${d}/${y}`],
      ['en_GB', ([y, m, d]: number[]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`],
      ['cs_CZ', ([y, m, d]: number[]) => `${d}. ${m}. ${y}`],
      ['pl_PL', ([y, m, d]: number[]) => `${d}.${String(m).padStart(2, '0')}.${y}`],
      ['hu_HU', ([y, m, d]: number[]) => `${y}. ${String(m).padStart(2, '0')}. ${String(d).padStart(2, '0')}.`],
    ] as const) {
      const text = parseTransactionLog({ customerIds: ids, dates: days.map(write) }, { ...sheet, dateForm: () => dateFormOf(locale) });
      expect(text.skipped.total, locale).toBe(0);
      expect(computeCohortMatrices(text, { period: 'month' }).total, locale).toEqual(computeCohortMatrices(cells, { period: 'month' }).total);
    }
  });
});

describe('values named in the report', () => {
  it('as the user sees them: dates in the spreadsheet zone, invalid dates, numbers, TRUE', () => {
    const log = parseTransactionLog(
      { customerIds: [true, 'a', 'b', 'c', 'd', 'e'], dates: [on(2024, 1, 1), new Date(NaN), 0.1 + 0.2, 'x', on(2024, 1, 5), on(2024, 1, 6)], amounts: [1, 1, 1, 1, on(2024, 1, 1), 2] },
      sheet,
    );
    const values = Object.fromEntries(log.skipped.reasons.map((t) => [`${t.reason} / ${t.column}`, shown(t.firstValue)]));
    expect(values).toEqual({
      'invalid id / customer id': 'TRUE',
      'not a date / date': 'an invalid date',
      'number not a date / date': '0.3',
      'bad amount / amount': 'the date Jan 1, 2024',
    });
    expect(log.skipped.reasons.find((t) => t.reason === 'not a date')!.count).toBe(2); // invalid Date, "x"; 0.3 is a number
    const numberAsDate = parseTransactionLog({ customerIds: ['a', 'b'], dates: [0.1 + 0.2, on(2024, 1, 1)] }, sheet);
    expect(shown(numberAsDate.skipped.reasons[0].firstValue)).toBe('0.3');
  });
});
