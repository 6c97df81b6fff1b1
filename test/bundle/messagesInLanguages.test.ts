/**
 * The custom functions' messages through the built dist/Code.js, in the spreadsheet's language, with
 * its number and date forms — each expectation written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from './harness';

describe('formula messages in the spreadsheet’s language', () => {
  it('Czech', () => {
    const b = loadBundle({ locale: 'cs_CZ', timeZone: 'Europe/Prague' });
    expect(() => b.call('RETENTION', 0, 5, 1)).toThrow('RETENTION: start musí být číslo větší než 0 (zadáno 0)');
    expect(() => b.call('RETENTION', [[10], [0]], [[5], [5]], [[1], [1]])).toThrow('RETENTION: start musí být číslo větší než 0 (řádek 2 oblasti obsahuje 0)');
    expect(() => b.call('RETENTION', b.date(2024, 2, 1), 5, 1)).toThrow('RETENTION: start musí být číslo větší než 0 (zadáno datum 1. 2. 2024)');
    expect(() => b.call('CLV', 100, 1.5)).toThrow('CLV: churn_rate musí být míra od 0 do 1, například 0,05 nebo 5 % (zadáno 1,5)');
    expect(() => b.call('CHURN', 100, 105, 10, 5, 6)).toThrow(/^CHURN/);
    expect(() => b.call('RETENTION', 1, 2)).toThrow(
      'RETENTION má 3 argumenty (start, end, new) nebo 4 (signup_dates, cancel_dates, period_start, period_end); zadáno 2',
    );
    expect(() => b.call('RETENTION', [[1], [2]], [[1], [2], [3]], 1)).toThrow(
      'RETENTION: start (2 řádky × 1 sloupec) a end (3 řádky × 1 sloupec) musí mít stejnou velikost',
    );
  });

  it('Polish', () => {
    const b = loadBundle({ locale: 'pl_PL', timeZone: 'Europe/Warsaw' });
    expect(() => b.call('RETENTION', 100, 5, 10)).toThrow(
      'RETENTION: end (5) jest mniejsze niż new (10); klienci na końcu okresu obejmują nowych klientów',
    );
    expect(() => b.call('RETENTION', [[1], [2]], [[1], [2], [3], [4], [5]], 1)).toThrow(
      'RETENTION: start (2 wiersze × 1 kolumna) i end (5 wierszy × 1 kolumna) muszą mieć ten sam rozmiar',
    );
    expect(() => b.call('CHURN', [[100], ['']], [[5], [7]])).toThrow('CHURN: start jest puste (wiersz 2 zakresu)');
    // "podano" and "zawiera" take the accusative ("podano datę"), which "data 1.02.2024" is not: a colon
    // names the value in the nominative, as the skipped-rows notes do ("np. data 1.02.2024").
    expect(() => b.call('RETENTION', b.date(2024, 2, 1), 5, 1)).toThrow('RETENTION: start musi być liczbą większą od 0 (podano: data 1.02.2024)');
    expect(() => b.call('RETENTION', [[10], [b.date(2024, 2, 1)]], [[5], [5]], [[1], [1]])).toThrow(
      'RETENTION: start musi być liczbą większą od 0 (wiersz 2 zakresu: data 1.02.2024)',
    );
    expect(() => b.call('CLV', 100, 1.5)).toThrow('CLV: churn_rate musi być wskaźnikiem od 0 do 1, na przykład 0,05 lub 5% (podano: 1,5)');
  });

  it('Hungarian', () => {
    const b = loadBundle({ locale: 'hu_HU', timeZone: 'Europe/Budapest' });
    expect(() => b.call('CLV', 'x', 0.05)).toThrow(
      'CLV: a(z) value_per_period értéke szám (az érték, amelyet egy ügyfél időszakonként hoz) kell legyen (megadva: "x")',
    );
    expect(() => b.call('RETENTION', 100, 5, 10)).toThrow(
      'RETENTION: az end (5) kisebb, mint a new (10); az időszak végi ügyfelek az újakat is tartalmazzák',
    );
    expect(() => b.call('CLV', 50, 0)).toThrow(
      'CLV: a churn_rate 0, és nincs discount_rate (megadva: 0); egy soha el nem távozó ügyfélnek nincs véges értéke',
    );
    // "the range's 2nd row" is "a tartomány 2. sora" (possessive), never "a tartomány 2. sor".
    expect(() => b.call('CHURN', [[100], ['']], [[5], [7]])).toThrow('CHURN: a(z) start üres (a tartomány 2. sora)');
    expect(() => b.call('RETENTION', [[10], [b.date(2024, 2, 1)]], [[5], [5]], [[1], [1]])).toThrow(
      'RETENTION: a(z) start értéke 0-nál nagyobb szám kell legyen (a tartomány 2. sora: 2024. 02. 01. dátum)',
    );
    expect(() => b.call('RETENTION', [[10, 'x']], [[5, 5]], [[1, 1]])).toThrow(
      'RETENTION: a(z) start értéke 0-nál nagyobb szám kell legyen (a tartomány 1. sora, 2. oszlopa: "x")',
    );
  });

  it('English, for any other locale', () => {
    const b = loadBundle({ locale: 'de_DE' });
    expect(() => b.call('RETENTION', 0, 5, 1)).toThrow('RETENTION: start must be a number greater than 0 (got 0)');
    expect(() => b.call('CLV', 100, '1,5')).toThrow('CLV: churn_rate must be a rate between 0 and 1, such as 0.05 or 5% (got "1,5")');
  });
});
