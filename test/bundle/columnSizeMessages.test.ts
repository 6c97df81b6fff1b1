/**
 * Ranges of different heights given to =COHORTS / =RETENTION_BY_PERIOD / =CLV, through the built
 * dist/Code.js: the message names the two arguments the user typed (a customer table's first column
 * is signup_dates, not an internal "row" column) and reads grammatically for a range of one row.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';
import { messageOf } from '../support/messageOf';


describe('columns of different heights', () => {
  const cases = [
    { locale: 'en_US', one: /\b1 rows\b/ },
    { locale: 'cs_CZ', one: /(^|\s)1 řádků/ },
    { locale: 'pl_PL', one: /(^|\s)1 wierszy/ },
    { locale: 'hu_HU', one: /$^/ },
  ];
  for (const { locale, one } of cases) {
    const b = loadBundle({ locale, userLocale: locale } as Parameters<typeof loadBundle>[0]);
    const signups = [[b.date(2024, 1, 5)], [b.date(2024, 1, 10)], [b.date(2024, 2, 1)]];
    it(`${locale}: a customer table names signup_dates and cancel_dates, with both heights`, () => {
      for (const fn of ['COHORTS', 'RETENTION_BY_PERIOD']) {
        const text = messageOf(() => b.call(fn, signups, [['']], 'month'));
        expect(text.startsWith(`${fn}: `)).toBe(true);
        expect(text).toContain('signup_dates');
        expect(text).toContain('cancel_dates');
        expect(text).not.toMatch(/(^|[\s(,])row(:| has| má| ma)/);
        expect(text).toMatch(/\b3\b/);
        expect(text).toMatch(/\b1\b/);
        expect(text).not.toMatch(one);
      }
    });
    it(`${locale}: a log with a one-row dates range reads grammatically`, () => {
      const text = messageOf(() => b.call('RETENTION_BY_PERIOD', [[1], [2]], [[b.date(2024, 1, 5)]], 'month'));
      expect(text).toContain('customer_ids');
      expect(text).toContain('dates');
      expect(text).not.toMatch(one);
    });
  }
});
