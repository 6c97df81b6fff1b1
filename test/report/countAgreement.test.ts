/**
 * Counts and the words that agree with them, each expectation written out by hand: the sidebar's
 * result line after "Generate summary" through dist/Code.js (Czech participles: 1 kohorta zapsána,
 * 2–4 kohorty zapsány, 5 kohort zapsáno; Polish "zapisano" with the accusative: 1 kohortę, 2–4
 * kohorty, 5 kohort; Hungarian nouns singular after a number), English phrases about skipped rows
 * under =COHORTS (a column named by its argument, "dates", is not the subject of "is"), and the
 * customer value sheet's titles and warnings whose verbs follow a count.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { loadBundle } from '../bundle/harness';
import { addSheet, generate, settingsFor, workbook } from './workbook';

/** n customers, the k-th first buying in month k of 2024 (so n monthly cohorts), and optionally a row without a date. */
function resultLine(locale: string, n: number, blankDateRow: boolean): string {
  const emu = workbook('Europe/Prague', locale);
  const rows: unknown[][] = [];
  for (let k = 0; k < n; k++) rows.push([`c${k}`, emu.date(2024, k + 1, 10)]);
  if (blankDateRow) rows.push(['c-blank', '']);
  addSheet(emu, 'Orders', ['Customer', 'Date'], rows);
  const base = settingsFor(emu, 'Orders', { headerRow: 1 });
  return generate(emu, { ...base, shape: 'log', columns: { ...base.columns, id: 1, date: 2, amount: 0, segment: 0 } }).message;
}

const SUMMARY_LINES: Record<string, Record<number, string>> = {
  en_US: {
    1: '1 cohort by month from 1 row written to "Retention summary".',
    3: '3 cohorts by month from 3 rows written to "Retention summary".',
    5: '5 cohorts by month from 5 rows written to "Retention summary".',
  },
  cs_CZ: {
    1: '1 kohorta po měsících z 1 řádku zapsána do listu „Přehled retence“.',
    3: '3 kohorty po měsících z 3 řádků zapsány do listu „Přehled retence“.',
    5: '5 kohort po měsících z 5 řádků zapsáno do listu „Přehled retence“.',
  },
  pl_PL: {
    1: 'Zapisano 1 kohortę według miesięcy z 1 wiersza w arkuszu „Podsumowanie retencji”.',
    3: 'Zapisano 3 kohorty według miesięcy z 3 wierszy w arkuszu „Podsumowanie retencji”.',
    5: 'Zapisano 5 kohort według miesięcy z 5 wierszy w arkuszu „Podsumowanie retencji”.',
  },
  hu_HU: {
    1: '1 kohorsz havonta, 1 sorból, a(z) „Megtartási összesítő” lapra írva.',
    3: '3 kohorsz havonta, 3 sorból, a(z) „Megtartási összesítő” lapra írva.',
    5: '5 kohorsz havonta, 5 sorból, a(z) „Megtartási összesítő” lapra írva.',
  },
};

const SKIPPED_LINES: Record<string, string> = {
  en_US: '2 cohorts by month from 3 rows (1 skipped) written to "Retention summary".',
  cs_CZ: '2 kohorty po měsících z 3 řádků (1 vynechán) zapsány do listu „Přehled retence“.',
  pl_PL: 'Zapisano 2 kohorty według miesięcy z 3 wierszy (1 pominięty) w arkuszu „Podsumowanie retencji”.',
  hu_HU: '2 kohorsz havonta, 3 sorból (1 kihagyva), a(z) „Megtartási összesítő” lapra írva.',
};

describe('the sidebar’s result line agrees with its count of cohorts', () => {
  for (const [locale, lines] of Object.entries(SUMMARY_LINES)) {
    it(`${locale}: 1, 3 and 5 cohorts; 2 cohorts with a skipped row`, () => {
      for (const n of [1, 3, 5]) expect(resultLine(locale, n, false)).toBe(lines[n]);
      expect(resultLine(locale, 2, true)).toBe(SKIPPED_LINES[locale]);
    });
  }
});

describe('English phrases about skipped rows under =COHORTS', () => {
  it('name the column as the place of a value, in the singular and the plural', () => {
    const b = loadBundle({ locale: 'en_US' });
    const d = (m: number) => b.date(2024, m, 1);
    const one = b.call('COHORTS', [['a'], ['b'], ['c'], ['d']], [[d(1)], ['x'], [''], [d(2)]], 'month') as unknown[][];
    expect(one[one.length - 1][0]).toBe(
      'Skipped 2 rows: 1 row whose value in dates is not a date (row 2 of the range, e.g. "x"); 1 row with a blank cell in dates (row 3 of the range).',
    );
    const two = b.call('COHORTS', [['a'], ['b'], ['c'], ['d'], ['e'], ['']], [[d(1)], ['x'], ['y'], [''], [''], [d(3)]], 'month') as unknown[][];
    expect(two[two.length - 1][0]).toBe(
      'Skipped 5 rows: 2 rows whose values in dates are not dates (rows 2, 3 of the range, e.g. "x"); 2 rows with a blank cell in dates (rows 4, 5 of the range); 1 row with a blank cell in customer_ids (row 6 of the range).',
    );
  });
});

describe('customer value titles and warnings agree with their counts', () => {
  const horizon = { en: 'next 12 months', cs: '12 měsíců', pl: '12 miesięcy', hu: '12 hónap' } as const;
  it('the top-customers title', () => {
    const title = (language: 'en' | 'cs' | 'pl' | 'hu', count: number) => t(language, 'cv.top.title', { count, horizon: horizon[language] });
    expect([1, 3, 20].map((n) => title('en', n))).toEqual(['Top 1 customer by CLV, next 12 months', 'Top 3 customers by CLV, next 12 months', 'Top 20 customers by CLV, next 12 months']);
    expect([1, 3, 20].map((n) => title('cs', n))).toEqual(['Nejlepší 1 zákazník podle CLV, 12 měsíců', 'Nejlepší 3 zákazníci podle CLV, 12 měsíců', 'Nejlepších 20 zákazníků podle CLV, 12 měsíců']);
    expect([1, 3, 20, 22].map((n) => title('pl', n))).toEqual([
      'Najlepszy 1 klient według CLTV, 12 miesięcy', 'Najlepsi 3 klienci według CLTV, 12 miesięcy', 'Najlepszych 20 klientów według CLTV, 12 miesięcy', 'Najlepsi 22 klienci według CLTV, 12 miesięcy',
    ]);
    expect([1, 5].map((n) => title('hu', n))).toEqual(['A legnagyobb CLV-jű 1 ügyfél, 12 hónap', 'A legnagyobb CLV-jű 5 ügyfél, 12 hónap']);
  });

  it('few repeat buyers: the verb follows the count', () => {
    const warn = (language: 'en' | 'cs' | 'pl' | 'hu', count: number) => t(language, 'model.warn.fewRepeatBuyers', { count, customers: 40, min: 100 }).split(':')[0];
    expect([1, 3].map((n) => warn('en', n))).toEqual(['Only 1 of 40 customers bought more than once', 'Only 3 of 40 customers bought more than once']);
    expect([1, 3, 7].map((n) => warn('cs', n))).toEqual(['Víckrát nakoupil jen 1 z 40 zákazníků', 'Víckrát nakoupili jen 3 z 40 zákazníků', 'Víckrát nakoupilo jen 7 z 40 zákazníků']);
    expect([1, 3, 7].map((n) => warn('pl', n))).toEqual(['Tylko 1 z 40 klientów kupił więcej niż raz', 'Tylko 3 z 40 klientów kupiło więcej niż raz', 'Tylko 7 z 40 klientów kupiło więcej niż raz']);
    expect(warn('hu', 3)).toBe('40 ügyfélből csak 3 vásárolt többször');
  });
});
