/**
 * A wrong option (period, show, mode, refunds, output) names the value it got in the spreadsheet's
 * language, dates included, through the built dist/Code.js: a date typed where "month" belongs is
 * "datum 1. 2. 2024" in a Czech spreadsheet, never the English "the date Feb 1, 2024". Each
 * expectation is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, type Bundle } from './harness';
import { messageOf } from '../support/messageOf';

const ids = [[1], [2], [1]];
const log = (b: Bundle) => [[b.date(2024, 1, 5)], [b.date(2024, 1, 6)], [b.date(2024, 2, 5)]];
const amounts = [[10], [20], [30]];


const CASES = [
  { locale: 'cs_CZ', zone: 'Europe/Prague', date: '(zadáno datum 1. 2. 2024)', blankNot: 'the date' },
  { locale: 'pl_PL', zone: 'Europe/Warsaw', date: '(podano: data 1.02.2024)', blankNot: 'the date' },
  { locale: 'hu_HU', zone: 'Europe/Budapest', date: '(a megadott érték: 2024. 02. 01. dátum)', blankNot: 'the date' },
  { locale: 'en_US', zone: 'America/New_York', date: '(got the date Feb 1, 2024)', blankNot: 'datum' },
];

describe('an option given a date names it in the spreadsheet’s language', () => {
  for (const c of CASES) {
    it(c.locale, () => {
      const b = loadBundle({ locale: c.locale, timeZone: c.zone });
      const day = b.date(2024, 2, 1);
      const messages = [
        messageOf(() => b.call('COHORTS', ids, log(b), day)),
        messageOf(() => b.call('COHORTS', ids, log(b), 'month', day)),
        messageOf(() => b.call('COHORTS', ids, log(b), 'month', 'customers', amounts, day)),
        messageOf(() => b.call('RETENTION_BY_PERIOD', ids, log(b), day)),
        messageOf(() => b.call('RETENTION_BY_PERIOD', ids, log(b), 'month', amounts, 1, day)),
        messageOf(() => b.call('CLV', ids, log(b), amounts, 12, 0.01, day)),
      ];
      for (const m of messages) {
        expect(m).toContain(c.date);
        expect(m).not.toContain(c.blankNot);
      }
    });
  }
});
