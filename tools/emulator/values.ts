// How a written string becomes a cell, as Sheets parses what a user types (setValue/setValues) or
// what File → Import reads with "Convert text to numbers, dates, and formulas" on (its default).
//
// Both follow the spreadsheet's locale. Google documents the rule for typed input through the Sheets
// API: USER_ENTERED values "will be parsed as if the user typed them into the UI. Numbers will stay
// as numbers, but strings may be converted to numbers, dates, etc. following the same rules that
// are applied when entering text into a cell via the Google Sheets UI"
// (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), and the locale
// "affects formatting details such as functions, dates and currency"
// (https://support.google.com/docs/answer/58515, "Change a spreadsheet's locale, time zone…").
// The per-locale separators, date orders and currency signs below are the CLDR conventions Sheets
// shows for each locale (File → Settings): en_US 1,234.5 and 12/31/2024; en_GB 1,234.5 and
// 31/12/2024; cs_CZ 1 234,5 and 31. 12. 2024; pl_PL 1 234,5 and 31.12.2024; hu_HU 1 234,5 and
// 2024. 12. 31. ISO dates (2024-12-31, with an optional time) are read in every locale.

import { ymdToSerial } from './dates.js';

export type Scalar = number | string | boolean;

export interface ParsedInput {
  /** The stored value; undefined for an empty cell or a formula. */
  v?: Scalar;
  /** A formula ("=..."). */
  f?: string;
  /** The error a formula shows (#NAME?, #ERROR!) since the emulator does not compute formulas. */
  err?: string;
  /** A number format Sheets applies when the cell has none (dates, percents, currency). */
  nf?: string;
}

export const MAX_CELL_CHARS = 50_000;

/** How one locale writes numbers, dates and money. */
export interface InputLocale {
  id: string;
  decimal: '.' | ',';
  /** Day, month and year order of short dates. */
  order: 'MDY' | 'DMY' | 'YMD';
  /** The separator of short dates. */
  dateSeparator: '/' | '.';
  /** Currency sign and whether it comes before the number ($5) or after it (5 Kč). */
  currency: { sign: string; before: boolean };
  /** Formats Sheets gives a recognized date, date-time and amount of money. */
  dateFormat: string;
  dateTimeFormat: string;
  currencyFormat: string;
}

const LOCALES: Record<string, InputLocale> = {
  en_US: { id: 'en_US', decimal: '.', order: 'MDY', dateSeparator: '/', currency: { sign: '$', before: true }, dateFormat: 'M/d/yyyy', dateTimeFormat: 'M/d/yyyy H:mm:ss', currencyFormat: '"$"#,##0.00' },
  en_GB: { id: 'en_GB', decimal: '.', order: 'DMY', dateSeparator: '/', currency: { sign: '£', before: true }, dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm:ss', currencyFormat: '"£"#,##0.00' },
  cs_CZ: { id: 'cs_CZ', decimal: ',', order: 'DMY', dateSeparator: '.', currency: { sign: 'Kč', before: false }, dateFormat: 'd. M. yyyy', dateTimeFormat: 'd. M. yyyy H:mm:ss', currencyFormat: '#,##0.00 "Kč"' },
  pl_PL: { id: 'pl_PL', decimal: ',', order: 'DMY', dateSeparator: '.', currency: { sign: 'zł', before: false }, dateFormat: 'dd.MM.yyyy', dateTimeFormat: 'dd.MM.yyyy HH:mm:ss', currencyFormat: '#,##0.00 "zł"' },
  hu_HU: { id: 'hu_HU', decimal: ',', order: 'YMD', dateSeparator: '.', currency: { sign: 'Ft', before: false }, dateFormat: 'yyyy. MM. dd.', dateTimeFormat: 'yyyy. MM. dd. H:mm:ss', currencyFormat: '#,##0 "Ft"' },
};

export const EN_US = LOCALES.en_US;

/** The conventions of a spreadsheet locale ('cs_CZ', 'cs'); en_US for one the emulator does not know. */
export function inputLocale(locale: string): InputLocale {
  const key = String(locale ?? '').replace('-', '_');
  return LOCALES[key] ?? Object.values(LOCALES).find((l) => l.id.startsWith(key.split('_')[0] + '_') && key.length === 2) ?? EN_US;
}

interface Patterns {
  number: RegExp;
  grouped: RegExp;
  percent: RegExp;
  currency: RegExp;
  shortDate: RegExp;
}

const patternCache = new Map<string, Patterns>();

// Time of day after a date or alone: 8:26, 08:26:00, 8:26:00.5, 8:26 PM.
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:\\s?([AaPp])\\.?[Mm]\\.?)?';
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function patterns(l: InputLocale): Patterns {
  let p = patternCache.get(l.id);
  if (p) return p;
  const d = l.decimal === '.' ? '\\.' : ',';
  // Comma-decimal locales group thousands with a space (also no-break and narrow no-break spaces).
  const g = l.decimal === '.' ? ',' : '[ \\u00a0\\u202f]';
  const plain = `\\d+${d}?\\d*|${d}\\d+`;
  const grouped = `\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d*)?`;
  const amount = `(?:${grouped}|${plain})`;
  const sign = l.currency.sign.replace(/[$]/g, '\\$');
  const sep = l.dateSeparator === '/' ? '\\/' : '\\.\\s?';
  const shortDate =
    l.order === 'YMD'
      ? `^(\\d{4})${sep}(\\d{1,2})${sep}(\\d{1,2})\\.?(?:\\s+${TIME})?$`
      : `^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4}|\\d{2})${l.dateSeparator === '.' ? '\\.?' : ''}(?:\\s+${TIME})?$`;
  p = {
    number: new RegExp(`^[+-]?(?:${plain})(?:[eE][+-]?\\d+)?$`),
    grouped: new RegExp(`^[+-]?${grouped}$`),
    percent: new RegExp(`^([+-]?${amount})\\s?%$`),
    currency: l.currency.before
      ? new RegExp(`^([+-]?)${sign}\\s?(${amount})$`)
      : new RegExp(`^([+-]?)(${amount})\\s?${sign}$`),
    shortDate: new RegExp(shortDate),
  };
  patternCache.set(l.id, p);
  return p;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Seconds since midnight of a parsed time (groups h, mi, s, am/pm), or -1 when out of range. */
function timeOfDay(h: string, mi: string, s: string | undefined, ampm: string | undefined): number {
  let hh = Number(h);
  const mm = Number(mi);
  const ss = s ? Number(s) : 0;
  if (ampm) {
    if (hh < 1 || hh > 12) return -1;
    hh = (hh % 12) + (/p/i.test(ampm) ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return -1;
  return hh * 3600 + mm * 60 + ss;
}

/** Two-digit years as Sheets reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function toNumber(s: string, l: InputLocale): number {
  if (l.decimal === '.') return Number(s.indexOf(',') < 0 ? s : s.replace(/,/g, ''));
  return Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
}

function dateValue(y: number, m: number, d: number, time: string[] | null, dateNf: string, dateTimeNf: string): ParsedInput | null {
  if (!validDate(y, m, d)) return null;
  if (!time || time[0] === undefined) return { v: ymdToSerial(y, m, d), nf: dateNf };
  const secs = timeOfDay(time[0], time[1], time[2], time[3]);
  if (secs < 0) return null;
  return { v: ymdToSerial(y, m, d) + secs / 86400, nf: dateTimeNf };
}

/**
 * A string as Sheets stores it when typed (or imported with conversion on) in a spreadsheet of
 * the given locale: `=…` a formula, `'…` text without the apostrophe, numbers (leading zeros
 * dropped: `00123` is 123, as typing it in Sheets gives), grouped numbers, percents, the locale's
 * currency, TRUE/FALSE, the locale's short dates and ISO dates with an optional time, a time alone;
 * `+abc`/`-cmd`/`@x` become formulas that fail. Anything else is text.
 */
export function parseInput(raw: string, locale: InputLocale = EN_US): ParsedInput {
  if (raw === '') return {};
  const c0 = raw.charCodeAt(0);
  if (c0 === 39 /* ' */) return { v: raw.slice(1) };
  if (c0 === 61 /* = */) return { f: raw, err: raw.length === 1 ? '#ERROR!' : undefined };
  const s = raw.trim();
  if (s === '') return { v: raw };
  const first = s.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  // Text starting with a letter can only be TRUE/FALSE: skip the rest.
  if (letter && !/^(true|false)$/i.test(s)) return { v: raw };
  const p = patterns(locale);
  if (p.number.test(s)) return { v: toNumber(s, locale) };
  if (p.grouped.test(s)) return { v: toNumber(s, locale), nf: s.includes(locale.decimal) ? '#,##0.00' : '#,##0' };
  const pct = s.charCodeAt(s.length - 1) === 37 /* % */ ? p.percent.exec(s) : null;
  if (pct) return { v: toNumber(pct[1], locale) / 100, nf: pct[1].includes(locale.decimal) ? '0.00%' : '0%' };
  const cur = s.includes(locale.currency.sign) ? p.currency.exec(s) : null;
  if (cur) return { v: toNumber(cur[1] + cur[2], locale), nf: locale.currencyFormat };
  if (/^(true|false)$/i.test(s)) return { v: s.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const parsed = dateValue(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso.slice(4, 8), 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss');
    if (parsed) return parsed;
  }
  const short = p.shortDate.exec(s);
  if (short) {
    const [a, b, c] = [short[1], short[2], short[3]];
    const [y, m, d] = locale.order === 'YMD' ? [Number(a), Number(b), Number(c)] : locale.order === 'MDY' ? [fullYear(c), Number(a), Number(b)] : [fullYear(c), Number(b), Number(a)];
    const parsed = dateValue(y, m, d, short.slice(4, 8), locale.dateFormat, locale.dateTimeFormat);
    if (parsed) return parsed;
  }
  const time = TIME_ONLY.exec(s);
  if (time) {
    const secs = timeOfDay(time[1], time[2], time[3], time[4]);
    if (secs >= 0) return { v: secs / 86400, nf: time[3] ? 'H:mm:ss' : 'H:mm' };
  }
  if (/^[+\-@]/.test(raw)) {
    // Sheets reads "+abc" / "-cmd" / "@x" as the start of a formula; it fails to evaluate.
    const body = raw.slice(1);
    const err = /^[+-]/.test(raw) && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(body) ? '#NAME?' : '#ERROR!';
    return { f: '=' + raw, err };
  }
  return { v: raw };
}
