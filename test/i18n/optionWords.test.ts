/** The option-word tables: no word names two options, and every English word still means what it did. */
import { describe, expect, it } from 'vitest';
import { CLV_OUTPUT_WORDS, MODE_WORDS, normalizeWord, PERIOD_WORDS, REFUND_WORDS, SHOW_WORDS, WEEK_START_WORDS, type Words } from '../../src/i18n/optionWords';

const TABLES: Record<string, Record<string, Words>> = { PERIOD_WORDS, SHOW_WORDS, MODE_WORDS, CLV_OUTPUT_WORDS, WEEK_START_WORDS, REFUND_WORDS };

describe('option words', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: no word, once case and accents are gone, names two options`, () => {
      const seen = new Map<string, string>();
      for (const [value, words] of Object.entries(table)) {
        for (const list of Object.values(words)) {
          for (const w of list) {
            const n = normalizeWord(w);
            expect(seen.get(n) ?? value, `${name}: "${w}"`).toBe(value);
            seen.set(n, value);
          }
        }
      }
    });
  }

  it('normalizes case, accents, Polish ł and separators', () => {
    expect(['Měsíc', 'MIESIĄC', 'Kwartał', 'hónap', ' in_or-after '].map(normalizeWord)).toEqual(['mesic', 'miesiac', 'kwartal', 'honap', 'in or after']);
  });
});
