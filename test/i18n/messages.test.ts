/** Rendering: placeholders, plural forms by CLDR category, nested messages, formatted numbers. */
import { describe, expect, it } from 'vitest';
import { date, decimal, integer, money, percent, anyOf, renderMessage, type Catalogues } from '../../src/i18n/messages';

const NBSP = '\u00a0';
// A small catalogue of its own, so these tests do not depend on the add-on's wording.
const CATALOGUES: Catalogues = {
  en: {
    rows: { one: '{count} row', other: '{count} rows' },
    read: 'Read {rows} from "{sheet}".',
    share: '{part} of customers ({money})',
    when: 'On {day}: {choices}.',
    onlyEnglish: 'Only in English',
  },
  cs: {
    rows: { one: '{count} řádek', few: '{count} řádky', many: '{count} řádku', other: '{count} řádků' },
    read: 'Načteno {rows} z listu „{sheet}“.',
    share: '{part} zákazníků ({money})',
    when: 'Dne {day}: {choices}.',
  },
  pl: {
    rows: { one: '{count} wiersz', few: '{count} wiersze', many: '{count} wierszy', other: '{count} wiersza' },
    read: 'Wczytano {rows} z arkusza „{sheet}”.',
    share: '{part} klientów ({money})',
    when: 'Dnia {day}: {choices}.',
  },
  hu: {
    rows: { one: '{count} sor', other: '{count} sor' },
    read: '{rows} beolvasva a(z) „{sheet}” lapról.',
    share: 'az ügyfelek {part}-a ({money})',
    when: '{day}: {choices}.',
  },
};
const r = (key: string, params: Record<string, unknown>, lang: 'en' | 'cs' | 'pl' | 'hu') =>
  renderMessage(CATALOGUES, { key, params: params as never }, lang);

describe('renderMessage', () => {
  it('chooses the plural form by the CLDR category of the count', () => {
    expect([1, 2, 5, 22, 25].map((n) => r('rows', { count: n }, 'cs'))).toEqual(['1 řádek', '2 řádky', '5 řádků', '22 řádků', '25 řádků']);
    expect([1, 2, 5, 12, 22, 112].map((n) => r('rows', { count: n }, 'pl'))).toEqual([
      '1 wiersz', '2 wiersze', '5 wierszy', '12 wierszy', '22 wiersze', '112 wierszy',
    ]);
    expect(r('rows', { count: 1.5 }, 'cs')).toBe('1,5 řádku');
    expect(r('rows', { count: decimal(1, 1, 1) }, 'cs')).toBe('1,0 řádku');
    expect(r('rows', { count: 69659 }, 'en')).toBe('69,659 rows');
    expect(r('rows', { count: integer(69659) }, 'cs')).toBe(`69${NBSP}659 řádků`);
  });

  it('renders nested messages, user text as it is, and formatted values', () => {
    const rows = { key: 'rows', params: { count: 3 } };
    expect(r('read', { rows, sheet: 'Objednávky {x}' }, 'cs')).toBe('Načteno 3 řádky z listu „Objednávky {x}“.');
    expect(r('share', { part: percent(0.125), money: money(12345.6, 'CZK') }, 'cs')).toBe(`12,5${NBSP}% zákazníků (12${NBSP}346${NBSP}Kč)`);
    const day = Date.UTC(2024, 1, 1) / 86_400_000;
    expect(r('when', { day: date(day), choices: anyOf(['"week"', '"month"', '"týden"']) }, 'cs')).toBe('Dne 1. 2. 2024: "week", "month" nebo "týden".');
    expect(r('when', { day: date(day), choices: anyOf(['a', 'b']) }, 'en')).toBe('On Feb 1, 2024: a or b.');
  });

  it('falls back to English for a key a language lacks, and to the key itself for an unknown key', () => {
    expect(r('onlyEnglish', {}, 'hu')).toBe('Only in English');
    expect(r('no.such.key', {}, 'cs')).toBe('no.such.key');
    expect(r('read', { rows: 1 }, 'en')).toBe('Read 1 from "{sheet}".');
  });
});
