/**
 * The rules of the count and rate arguments (docs/functions.md), through the built dist/Code.js, each
 * expectation written out by hand: customers are counted in whole numbers (start > 0; end, new and
 * lost ≥ 0), a formula's rounding noise aside; =CLV takes a negative value per period (a customer who
 * costs more than they bring has a negative lifetime value) but no churn or discount rate outside 0–1.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

describe('customer counts are whole numbers', () => {
  it('English: RETENTION and CHURN name the argument and the value', () => {
    const b = loadBundle({ locale: 'en_US' });
    expect(() => b.call('RETENTION', 10.5, 8, 2)).toThrow('RETENTION: start must be a whole number of customers greater than 0 (got 10.5)');
    expect(() => b.call('RETENTION', 10, 8.5, 2)).toThrow('RETENTION: end must be a whole number of customers, 0 or more (got 8.5)');
    expect(() => b.call('RETENTION', 10, 8, 1.5)).toThrow('RETENTION: new must be a whole number of customers, 0 or more (got 1.5)');
    expect(() => b.call('RETENTION', 0.5, 0, 0)).toThrow('RETENTION: start must be a whole number of customers greater than 0 (got 0.5)');
    expect(() => b.call('CHURN', 100, 4.5)).toThrow('CHURN: lost must be a whole number of customers, 0 or more (got 4.5)');
    expect(() => b.call('CHURN', 100.5, 5)).toThrow('CHURN: start must be a whole number of customers greater than 0 (got 100.5)');
    expect(() => b.call('CHURN', 100, 90, 2.5)).toThrow('CHURN: new must be a whole number of customers, 0 or more (got 2.5)');
    expect(() => b.call('RETENTION', [[10], [10.5]], [[8], [8]], [[2], [2]])).toThrow(
      'RETENTION: start must be a whole number of customers greater than 0 (row 2 of the range is 10.5)',
    );
  });

  it('a formula’s rounding noise is the whole number it stands for', () => {
    const b = loadBundle({ locale: 'en_US' });
    // 0.1 * 3 * 10 is 3.0000000000000004 in binary floating point: (8 − 3) / 10.
    expect(b.call('RETENTION', 10, 8, 0.1 * 3 * 10)).toBe(0.5);
    expect(b.call('CHURN', 100, 0.7 * 10)).toBe(0.07);
  });

  it('Czech, Polish and Hungarian', () => {
    expect(() => loadBundle({ locale: 'cs_CZ' }).call('RETENTION', 10.5, 8, 2)).toThrow('RETENTION: start musí být celý počet zákazníků větší než 0 (zadáno 10,5)');
    expect(() => loadBundle({ locale: 'cs_CZ' }).call('CHURN', 100, 4.5)).toThrow('CHURN: lost musí být celý počet zákazníků, 0 nebo více (zadáno 4,5)');
    expect(() => loadBundle({ locale: 'pl_PL' }).call('RETENTION', 10.5, 8, 2)).toThrow('RETENTION: start musi być całkowitą liczbą klientów większą od 0 (podano: 10,5)');
    expect(() => loadBundle({ locale: 'pl_PL' }).call('CHURN', 100, 90, 2.5)).toThrow('CHURN: new musi być całkowitą liczbą klientów, 0 lub więcej (podano: 2,5)');
    expect(() => loadBundle({ locale: 'hu_HU' }).call('RETENTION', 10.5, 8, 2)).toThrow('RETENTION: a(z) start értéke 0-nál nagyobb egész szám (ügyfelek száma) kell legyen (megadva: 10,5)');
    expect(() => loadBundle({ locale: 'hu_HU' }).call('CHURN', 100, 4.5)).toThrow('CHURN: a(z) lost értéke 0 vagy nagyobb egész szám (ügyfelek száma) kell legyen (megadva: 4,5)');
  });

  it('lapse_after of RETENTION_BY_PERIOD and COHORTS is a whole number of periods', () => {
    const b = loadBundle({ locale: 'en_US' });
    const ids = [['a'], ['b'], ['a']];
    const dates = [[b.date(2024, 1, 1)], [b.date(2024, 2, 1)], [b.date(2024, 3, 1)]];
    expect(() => b.call('RETENTION_BY_PERIOD', ids, dates, 'month', '', 1.5)).toThrow('RETENTION_BY_PERIOD: lapse_after must be a whole number of periods from 1 to 600, such as 3 (got 1.5)');
    expect(() => b.call('COHORTS', ids, dates, 'month', 'customers', '', 'in', 1.5)).toThrow('COHORTS: lapse_after must be a whole number of periods from 1 to 600, such as 3 (got 1.5)');
  });
});

describe('=CLV(value_per_period, churn_rate, [discount_rate])', () => {
  it('a negative value per period is a loss-making customer: a negative lifetime value', () => {
    const b = loadBundle({ locale: 'en_US' });
    // −5 a period, churn 10 %: −5 / 0.1 = −50. −20 a period, churn 20 %, discount 10 %: −20 × 1.1 / 0.3 = −73.33.
    expect(b.call('CLV', -5, 0.1)).toBeCloseTo(-50, 10);
    expect(b.call('CLV', -20, 0.2, 0.1)).toBeCloseTo(-73.3333333333, 8);
  });

  it('rates are from 0 to 1: a discount of 10 is refused as a percentage typed as a number', () => {
    const b = loadBundle({ locale: 'en_US' });
    expect(() => b.call('CLV', 50, 0.05, 10)).toThrow('CLV: discount_rate must be a rate from 0 to 1, such as 0.1 or 10% (got 10)');
    expect(() => b.call('CLV', 50, 0.05, -0.1)).toThrow('CLV: discount_rate must be a rate from 0 to 1, such as 0.1 or 10% (got -0.1)');
    expect(() => b.call('CLV', 50, -0.05)).toThrow('CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got -0.05)');
    // A discount of exactly 100 % a period: 50 × 2 / 1.05 = 95.238.
    expect(b.call('CLV', 50, 0.05, 1)).toBeCloseTo(95.2380952381, 8);
    expect(() => loadBundle({ locale: 'cs_CZ' }).call('CLV', 50, 0.05, 10)).toThrow('CLV: discount_rate musí být míra od 0 do 1, například 0,1 nebo 10 % (zadáno 10)');
    expect(() => loadBundle({ locale: 'pl_PL' }).call('CLV', 50, 0.05, 10)).toThrow('CLV: discount_rate musi być stopą od 0 do 1, na przykład 0,1 lub 10% (podano: 10)');
    expect(() => loadBundle({ locale: 'hu_HU' }).call('CLV', 50, 0.05, 10)).toThrow('CLV: a(z) discount_rate értéke 0 és 1 közötti ráta, például 0,1 vagy 10% kell legyen (megadva: 10)');
  });
});
