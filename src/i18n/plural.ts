import type { Language } from './languages';

/**
 * CLDR plural categories and rules (cldr/common/supplemental/plurals.xml) for our languages, written
 * out because a runtime's Intl.PluralRules may be missing or partial. Operands as CLDR defines them:
 * n the absolute value, i its integer digits, v the number of visible fraction digits.
 *   en: one = i is 1 and v is 0; other.
 *   cs: one = i is 1 and v is 0; few = i in 2..4 and v is 0; many = v is not 0; other.
 *   pl: one = i is 1 and v is 0; few = v is 0 and i % 10 in 2..4 and i % 100 not in 12..14;
 *       many = v is 0 and (i is not 1 and i % 10 in 0..1, or i % 10 in 5..9, or i % 100 in 12..14); other.
 *   hu: one = n is 1; other.
 */

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

export interface PluralCategories {
  en: 'one' | 'other';
  cs: 'one' | 'few' | 'many' | 'other';
  pl: 'one' | 'few' | 'many' | 'other';
  hu: 'one' | 'other';
}

/** The categories each language distinguishes, in CLDR order. */
export const PLURAL_CATEGORIES: { readonly [L in Language]: readonly PluralCategories[L][] } = {
  en: ['one', 'other'],
  cs: ['one', 'few', 'many', 'other'],
  pl: ['one', 'few', 'many', 'other'],
  hu: ['one', 'other'],
};

/**
 * The plural category of a number as written: `fractionDigits` is how many fraction digits show
 * ("1,0" is not "1"); without it, those of the shortest decimal form of `value`.
 */
export function pluralCategory(language: Language, value: number, fractionDigits?: number): PluralCategory {
  const n = Math.abs(value);
  const written = decimalText(n);
  const dot = written.indexOf('.');
  const v = fractionDigits ?? (dot < 0 ? 0 : written.length - dot - 1);
  const i = Math.floor(n);
  switch (language) {
    case 'en':
      return i === 1 && v === 0 ? 'one' : 'other';
    case 'hu':
      return n === 1 ? 'one' : 'other';
    case 'cs':
      if (v !== 0) return 'many';
      if (i === 1) return 'one';
      return i >= 2 && i <= 4 ? 'few' : 'other';
    case 'pl': {
      if (v !== 0) return 'other';
      if (i === 1) return 'one';
      const d = i % 10;
      const h = i % 100;
      if (d >= 2 && d <= 4 && !(h >= 12 && h <= 14)) return 'few';
      return 'many';
    }
  }
}

/** The shortest decimal form of a number, for its visible fraction digits (exponent forms unfolded). */
function decimalText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n >= 1 ? '0' : n.toFixed(20).replace(/0+$/, '');
}
