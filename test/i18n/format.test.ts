/**
 * The hand-written number, percent, money, date, list and plural forms against Node's Intl (ICU with
 * CLDR), the independent reference: the add-on cannot rely on Apps Script's Intl, the tests can.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatList, formatMoney, formatNumber, formatPercent, type CurrencyCode } from '../../src/i18n/format';
import { LANGUAGES, languageOf, userLanguage } from '../../src/i18n/languages';
import { pluralCategory } from '../../src/i18n/plural';
import { mulberry32 } from '../../tools/seededRandom';

const random = mulberry32(20240201);
/** Values of every size and sign, with awkward halves and runs of nines. */
const VALUES = [
  0, 1, 7, 12, 999, 1000, 1234, 9999, 10000, 69659, 99999, 100000, 749000, 1234567, 1e9, 123456789012,
  0.5, 1.005, 2.675, 0.125, 12.345, 9.995, 99.995, 999.5, 0.001, 0.0049, 1e-7, 123.456, 1999.999,
  ...Array.from({ length: 300 }, () => Math.round(random() * 10 ** Math.floor(random() * 10)) / 10 ** Math.floor(random() * 4)),
].flatMap((v) => [v, -v]).filter((v) => !Object.is(v, -0));

// Intl writes "-0" for a negative number that rounds to zero; the add-on writes "0" (as signDisplay "negative").
const NO_MINUS_ZERO = { signDisplay: 'negative' } as unknown as Intl.NumberFormatOptions;

describe('numbers', () => {
  for (const language of LANGUAGES) {
    it(`${language}: grouping, decimals and rounding as Intl`, () => {
      for (const maxDecimals of [0, 1, 2, 3]) {
        const intl = new Intl.NumberFormat(language, { maximumFractionDigits: maxDecimals, ...NO_MINUS_ZERO });
        for (const v of VALUES) expect(formatNumber(v, language, { maxDecimals }), `${v} (${maxDecimals})`).toBe(intl.format(v));
      }
      const fixed = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, ...NO_MINUS_ZERO });
      for (const v of VALUES) expect(formatNumber(v, language, { minDecimals: 2, maxDecimals: 2 })).toBe(fixed.format(v));
    });

    it(`${language}: percentages as Intl`, () => {
      for (const maxDecimals of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: maxDecimals, ...NO_MINUS_ZERO });
        for (const v of [...VALUES.map((x) => x / 1000), 0.285, 0.125, 0.6, 0.95, 0.05, 1, 0.0701]) {
          if (Object.is(v, -0)) continue;
          expect(formatPercent(v, language, { maxDecimals }), `${v}`).toBe(intl.format(v));
        }
      }
    });
  }

  it('writes the examples of the issue', () => {
    expect(formatNumber(69659, 'cs')).toBe('69\u00a0659');
    expect(formatNumber(749000, 'cs')).toBe('749\u00a0000');
    expect(formatPercent(0.125, 'cs')).toBe('12,5\u00a0%');
    expect(formatNumber(1000, 'pl')).toBe('1000');
    expect(formatNumber(10000, 'pl')).toBe('10\u00a0000');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-0.001, 'en', { maxDecimals: 2 })).toBe('0');
  });

  it('money as Intl’s currency style, whole units', () => {
    const pairs: [(typeof LANGUAGES)[number], CurrencyCode][] = [
      ['cs', 'CZK'], ['pl', 'PLN'], ['hu', 'HUF'], ['en', 'USD'], ['en', 'GBP'], ['en', 'EUR'], ['cs', 'EUR'], ['pl', 'EUR'], ['hu', 'EUR'],
      ['en', 'CZK'], ['cs', 'USD'], ['pl', 'GBP'], ['hu', 'PLN'],
    ];
    for (const [language, currency] of pairs) {
      const intl = new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
      for (const v of VALUES) {
        if (Math.abs(v) < 0.5) continue; // Intl writes "-0 Kč" for −0.4; we write "0 Kč"
        expect(formatMoney(v, language, currency), `${language} ${currency} ${v}`).toBe(intl.format(v));
      }
    }
    expect(formatMoney(-0.4, 'cs', 'CZK')).toBe('0\u00a0Kč');
    expect(formatMoney(12345.6, 'en', null)).toBe('12,346');
  });
});

describe('dates', () => {
  // The CLDR style each language writes dates in: medium for en and cs, short (numeric) for pl and hu.
  const STYLE = { en: 'medium', cs: 'medium', pl: 'short', hu: 'short' } as const;
  for (const language of LANGUAGES) {
    it(`${language}: every day of 1899–2101 as Intl's ${STYLE[language]} date`, () => {
      const intl = new Intl.DateTimeFormat(language, { dateStyle: STYLE[language], timeZone: 'UTC' });
      const first = Date.UTC(1899, 0, 1) / 86_400_000;
      const last = Date.UTC(2101, 11, 31) / 86_400_000;
      for (let day = first; day <= last; day += language === 'en' ? 1 : 3) {
        expect(formatDate(day, language)).toBe(intl.format(day * 86_400_000));
      }
    });
  }

  it('writes 1. 2. 2024 in Czech', () => {
    expect(formatDate(Date.UTC(2024, 1, 1) / 86_400_000, 'cs')).toBe('1. 2. 2024');
  });
});

describe('lists', () => {
  for (const language of LANGUAGES) {
    it(`${language}: "or" and "and" lists as Intl.ListFormat`, () => {
      for (const type of ['or', 'and'] as const) {
        const intl = new Intl.ListFormat(language, { type: type === 'or' ? 'disjunction' : 'conjunction' });
        for (const items of [['week'], ['week', 'month'], ['week', 'month', 'quarter'], ['a', 'b', 'c', 'd', 'e']]) {
          expect(formatList(items, language, type)).toBe(intl.format(items));
        }
      }
    });
  }
});

describe('plural rules', () => {
  for (const language of LANGUAGES) {
    it(`${language}: categories of 0…10000 and of decimals as Intl.PluralRules`, () => {
      const rules = new Intl.PluralRules(language);
      for (let n = 0; n <= 10000; n++) expect(pluralCategory(language, n), `${n}`).toBe(rules.select(n));
      // (Intl.PluralRules rounds to 3 fraction digits first, so only such decimals compare.)
      for (const n of [0.5, 1.5, 2.25, 3.1, 5.5, 11.2, 22.5, 101.01, 0.001]) expect(pluralCategory(language, n), `${n}`).toBe(rules.select(n));
      // Visible fraction digits count: "1.0" is not singular where v matters.
      const shown = new Intl.PluralRules(language, { minimumFractionDigits: 1 });
      for (const n of [1, 2, 5, 22]) expect(pluralCategory(language, n, 1), `${n}.0`).toBe(shown.select(n));
    });
  }
});

describe('which language', () => {
  it('maps Sheets, Session and browser locales onto the four languages, English otherwise', () => {
    expect(['cs_CZ', 'cs', 'CS-cz', 'pl_PL', 'pl', 'hu_HU', 'hu', 'en_GB', 'de_DE', '', 'xx'].map(languageOf)).toEqual([
      'cs', 'cs', 'cs', 'pl', 'pl', 'hu', 'hu', 'en', 'en', 'en', 'en',
    ]);
    expect(languageOf(undefined)).toBe('en');
  });

  it("takes the user's language when supported, then the spreadsheet's, then English", () => {
    expect(userLanguage('pl', 'cs_CZ')).toBe('pl');
    expect(userLanguage('de', 'cs_CZ')).toBe('cs');
    expect(userLanguage('', 'hu_HU')).toBe('hu');
    expect(userLanguage(null, null)).toBe('en');
    expect(userLanguage('de', 'fr_FR')).toBe('en');
    expect(userLanguage('en', 'cs_CZ')).toBe('en');
  });
});
