import { civilFromDays, type DayNumber } from '../core/calendar';
import type { Language } from './languages';

/**
 * Numbers, percentages, amounts of money, dates and lists written the way each language writes them,
 * after CLDR (the forms Node's Intl gives; the tests compare against it). Written out rather than
 * taken from Intl because Apps Script's Intl may be partial, and these must be the same everywhere.
 *
 *   en  69,659   12.5%    $12,346      Feb 1, 2024     a, b, or c
 *   cs  69 659   12,5 %   12 346 Kč    1. 2. 2024      a, b nebo c
 *   pl  69 659   12,5%    12 346 zł    1.02.2024       a, b lub c
 *   hu  69 659   12,5%    12 346 Ft    2024. 02. 01.   a, b vagy c
 *
 * The spaces inside numbers are no-break spaces (U+00A0). Polish and Hungarian group only from five
 * integer digits on (CLDR minimumGroupingDigits 2): "1000", "10 000". Dates: the CLDR medium form for
 * en and cs, the short one for pl and hu (numeric, with a four-digit year); English spells the month
 * so that the American and British day orders cannot be confused.
 */

const NBSP = '\u00a0';

interface NumberStyle {
  group: string;
  decimal: string;
  /** CLDR minimumGroupingDigits. */
  minGrouping: number;
  percentSuffix: string;
}

const NUMBER_STYLE: Record<Language, NumberStyle> = {
  en: { group: ',', decimal: '.', minGrouping: 1, percentSuffix: '%' },
  cs: { group: NBSP, decimal: ',', minGrouping: 1, percentSuffix: `${NBSP}%` },
  pl: { group: NBSP, decimal: ',', minGrouping: 2, percentSuffix: '%' },
  hu: { group: NBSP, decimal: ',', minGrouping: 2, percentSuffix: '%' },
};

export interface DecimalOptions {
  /** Fraction digits always shown (default 0). */
  minDecimals?: number;
  /** Fraction digits at most, rounding half away from zero (default 2). */
  maxDecimals?: number;
}

/** A number with the language's grouping and decimal separators: 69 659, 1 234,5. −0 is written 0. */
export function formatNumber(value: number, language: Language, options: DecimalOptions = {}): string {
  return formatScaled(value, 0, language, options);
}

/** A fraction as a percentage: 0.125 → 12,5 % (cs). One fraction digit at most unless told. */
export function formatPercent(fraction: number, language: Language, options: DecimalOptions = {}): string {
  const text = formatScaled(fraction, 2, language, { maxDecimals: 1, ...options });
  return text + NUMBER_STYLE[language].percentSuffix;
}

/**
 * A number as a cell shows it in General format, for naming a value the user typed: up to 15
 * significant digits, no grouping, the language's decimal separator ("0,3", "1E+21").
 */
export function formatPlainNumber(value: number, language: Language): string {
  const text = String(Number(value.toPrecision(15))).replace(/e([+-])/, 'E$1');
  return NUMBER_STYLE[language].decimal === '.' ? text : text.replace('.', NUMBER_STYLE[language].decimal);
}

function formatScaled(value: number, shift: number, language: Language, options: DecimalOptions): string {
  if (!Number.isFinite(value)) return String(value);
  const min = options.minDecimals ?? 0;
  const max = Math.max(min, options.maxDecimals ?? 2);
  const style = NUMBER_STYLE[language];
  const { int, frac } = roundDecimal(Math.abs(value), shift, max);
  let fraction = frac;
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const negative = value < 0 && /[1-9]/.test(int + fraction);
  return (negative ? '-' : '') + group(int, style) + (fraction ? style.decimal + fraction : '');
}

function group(int: string, style: NumberStyle): string {
  if (int.length < 3 + style.minGrouping) return int;
  let out = '';
  for (let end = int.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    out = int.slice(start, end) + (out ? style.group + out : '');
  }
  return out;
}

/**
 * |x| × 10^shift rounded to `digits` fraction digits, half away from zero, on the shortest decimal
 * form of x (so 1.005 rounds to 1.01 and 0.285 × 100 to 29, as a reader of the decimal expects).
 */
function roundDecimal(abs: number, shift: number, digits: number): { int: string; frac: string } {
  const [mantissa, exp] = abs.toExponential().split('e');
  const allDigits = mantissa.replace('.', '');
  // The position of the decimal point within allDigits.
  let point = 1 + Number(exp) + shift;
  let text = allDigits;
  if (point <= 0) {
    text = '0'.repeat(1 - point) + text;
    point = 1;
  }
  if (text.length < point + digits) text += '0'.repeat(point + digits - text.length);
  const kept = text.slice(0, point + digits);
  const roundUp = text.length > point + digits && text[point + digits] >= '5';
  let rounded = roundUp ? increment(kept) : kept;
  if (rounded.length > kept.length) point += 1;
  rounded = rounded.padStart(point + digits, '0');
  const int = rounded.slice(0, point).replace(/^0+(?=\d)/, '');
  return { int, frac: rounded.slice(point) };
}

function increment(digits: string): string {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] === '9') a[i] = '0';
    else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return '1' + a.join('');
}

/** ISO 4217 codes of the currencies the add-on can name. */
export type CurrencyCode = 'CZK' | 'PLN' | 'HUF' | 'EUR' | 'USD' | 'GBP';

/** How each language writes each currency around the number (CLDR, as Node's Intl has it): [before, after]. */
const CURRENCY_AFFIXES: Record<Language, Record<CurrencyCode, [string, string]>> = {
  en: { CZK: [`CZK${NBSP}`, ''], PLN: [`PLN${NBSP}`, ''], HUF: [`HUF${NBSP}`, ''], EUR: ['€', ''], USD: ['$', ''], GBP: ['£', ''] },
  cs: { CZK: ['', `${NBSP}Kč`], PLN: ['', `${NBSP}PLN`], HUF: ['', `${NBSP}HUF`], EUR: ['', `${NBSP}€`], USD: ['', `${NBSP}US$`], GBP: ['', `${NBSP}£`] },
  pl: { CZK: ['', `${NBSP}CZK`], PLN: ['', `${NBSP}zł`], HUF: ['', `${NBSP}HUF`], EUR: ['', `${NBSP}€`], USD: ['', `${NBSP}USD`], GBP: ['', `${NBSP}GBP`] },
  hu: { CZK: ['', `${NBSP}CZK`], PLN: ['', `${NBSP}PLN`], HUF: ['', `${NBSP}Ft`], EUR: ['', `${NBSP}EUR`], USD: ['', `${NBSP}USD`], GBP: ['', `${NBSP}GBP`] },
};

/** Regions of Sheets locales ("cs_CZ" → CZ) and the currency amounts there are in, where we know it. */
const CURRENCY_BY_REGION: Record<string, CurrencyCode> = {
  CZ: 'CZK', PL: 'PLN', HU: 'HUF', US: 'USD', GB: 'GBP',
  SK: 'EUR', DE: 'EUR', AT: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', IE: 'EUR', BE: 'EUR', FI: 'EUR', PT: 'EUR',
};

/** The currency of a spreadsheet locale ("cs_CZ" → CZK), or null when the add-on does not know it. */
export function currencyOfLocale(locale: string | null | undefined): CurrencyCode | null {
  const region = String(locale ?? '').split(/[_-]/)[1]?.toUpperCase() ?? '';
  return CURRENCY_BY_REGION[region] ?? null;
}

/**
 * An amount of money: "$12,346" in English, "12 346 Kč" in Czech; whole units unless told. Without a
 * currency, the number alone.
 */
export function formatMoney(value: number, language: Language, currency: CurrencyCode | null, options: DecimalOptions = {}): string {
  const number = formatNumber(Math.abs(value), language, { maxDecimals: 0, ...options });
  const negative = value < 0 && number !== formatNumber(0, language, { maxDecimals: 0, ...options }) ? '-' : '';
  if (!currency) return negative + number;
  const [before, after] = CURRENCY_AFFIXES[language][currency];
  return `${negative}${before}${number}${after}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** A calendar day as the language writes it: Feb 1, 2024 · 1. 2. 2024 · 1.02.2024 · 2024. 02. 01. */
export function formatDate(day: DayNumber, language: Language): string {
  const { year, month, day: d } = civilFromDays(day);
  switch (language) {
    case 'en':
      return `${EN_MONTHS[month - 1]} ${d}, ${year}`;
    case 'cs':
      return `${d}. ${month}. ${year}`;
    case 'pl':
      return `${d}.${two(month)}.${year}`;
    case 'hu':
      return `${year}. ${two(month)}. ${two(d)}.`;
  }
}

// Czech typography keeps the one-letter "a" with the word after it: a no-break space follows it.
const LIST_WORD: Record<Language, { or: string; and: string }> = {
  en: { or: 'or', and: 'and' },
  cs: { or: 'nebo', and: 'a' },
  pl: { or: 'lub', and: 'i' },
  hu: { or: 'vagy', and: 'és' },
};

/** "a, b, or c" (English puts a comma before the last word), "a, b nebo c", "a, b lub c", "a, b vagy c". */
export function formatList(items: readonly string[], language: Language, type: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  const word = LIST_WORD[language][type];
  const head = items.slice(0, -1).join(', ');
  const comma = language === 'en' && items.length > 2 ? ',' : '';
  const after = language === 'cs' && type === 'and' ? NBSP : ' ';
  return `${head}${comma} ${word}${after}${items[items.length - 1]}`;
}
