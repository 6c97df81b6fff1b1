import { daysFromCivil, isValidCivil, type DayNumber } from './calendar';
import { DATE_FORM_TABLE } from './dateFormTable';

/**
 * Dates typed or imported as text. Two forms are read: ISO 8601 (`2010-12-01`, with a time
 * `2010-12-01 08:26:00` or `2010-12-01T08:26` it is still that calendar day; with a UTC offset
 * `2010-12-01T23:30:00Z` it is an instant, placed in the spreadsheet's zone), and the spreadsheet
 * locale's own numeric form (en_US `12/1/2010 8:26`, en_GB `01/12/2010`, cs_CZ `1. 12. 2010`,
 * pl_PL `1.12.2010`, hu_HU `2010. 12. 01.`), taken from CLDR (dateFormTable.ts). Anything else that
 * looks like a date — another locale's order, a two-digit year — is not guessed: it is unreadable,
 * and whyNotADate says why.
 */

export interface DateForm {
  /** The locale as Sheets names it, e.g. "en_US". */
  locale: string;
  /** The order of the fields: "MDY", "DMY" or "YMD". */
  order: string;
  /** Between the fields, with any spaces around: one of these, the same twice ("/", ".", "/." in it_CH). */
  separators: string;
  /** After the last field, when the locale writes one: "." (hu_HU), "г." (bg_BG); else "". */
  suffix: string;
}

/** The numeric date form of a Sheets locale ("en_US", "cs_CZ"…), or null when it is not known. */
export function dateFormOf(sheetsLocale: string | undefined): DateForm | null {
  const tag = (sheetsLocale ?? '').replace('-', '_');
  const entry = DATE_FORM_TABLE[tag] ?? DATE_FORM_TABLE[tag.split('_')[0]];
  if (!entry) return null;
  const [order, separators, suffix = ''] = entry.split(' ');
  return { locale: tag, order, separators, suffix };
}

const MS_PER_DAY = 86_400_000;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?`;
const MERIDIEM = String.raw`(?:\s*([AaPp])\.?\s*[Mm]\.?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)${TIME}\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$`);
/** Three groups of digits split by one of . / - : the shape of a numeric date in any locale. */
const NUMERIC_DATE = /^(\d{1,4})\s*([./-])\s*(\d{1,4})\s*\2\s*(\d{1,4})\.?(?:$|[,\sT])/;

const patterns = new Map<string, RegExp[]>();
// Right-to-left locales put direction marks between the fields (ar_EG "1‏/12‏/2010").
const DIRECTION_MARKS = /[\u200e\u200f\u061c]/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

// The locale's form, one pattern per separator: its fields in its order, spaces allowed around the
// separator, the suffix optional, then optionally a time of day (which does not change the day).
function patternsOf(form: DateForm): RegExp[] {
  const key = `${form.order} ${form.separators} ${form.suffix}`;
  let p = patterns.get(key);
  if (!p) {
    const field = (f: string) => (f === 'Y' ? String.raw`(\d{4}|\d{2})` : String.raw`(\d{1,2})`);
    const suffix = form.suffix ? String.raw`(?:\s*${escape(form.suffix)})?` : '';
    const time = String.raw`(?:,?\s+${TIME}${MERIDIEM})?`;
    p = [...form.separators].map((separator) => {
      const sep = String.raw`\s*${escape(separator)}\s*`;
      return new RegExp(`^${[...form.order].map(field).join(sep)}${suffix}${time}$`);
    });
    patterns.set(key, p);
  }
  return p;
}

function matchForm(t: string, form: DateForm): RegExpExecArray | null {
  for (const p of patternsOf(form)) {
    const m = p.exec(t);
    if (m) return m;
  }
  return null;
}

function clean(text: string): string {
  return text.replace(DIRECTION_MARKS, '').trim();
}

function validTime(h: string | undefined, m: string | undefined, s: string | undefined, meridiem?: string): boolean {
  if (h === undefined) return true;
  const hour = Number(h);
  if (Number(m) > 59 || (s !== undefined && Number(s) > 59)) return false;
  return meridiem ? hour >= 1 && hour <= 12 : hour <= 23;
}

function offsetMs(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/**
 * The calendar day a text cell names, or NaN. `toDay` places an instant (ISO with a UTC offset) on
 * the spreadsheet's calendar.
 */
export function readDateText(text: string, form: DateForm | null, toDay: (ms: number) => DayNumber): number {
  const t = clean(text);
  const iso = ISO.exec(t);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isValidCivil(y, mo, d) || !validTime(iso[4], iso[5], iso[6])) return NaN;
    const day = daysFromCivil(y, mo, d);
    if (iso[7] === undefined) return day;
    const ms = day * MS_PER_DAY + ((Number(iso[4]) * 60 + Number(iso[5])) * 60 + Number(iso[6] ?? 0)) * 1000 - offsetMs(iso[7]);
    return toDay(ms);
  }
  if (!form) return NaN;
  const m = matchForm(t, form);
  if (!m) return NaN;
  const field: Record<string, string> = {};
  [...form.order].forEach((f, i) => (field[f] = m[i + 1]));
  if (field.Y.length !== 4 || !validTime(m[4], m[5], m[6], m[7])) return NaN;
  const [y, mo, d] = [Number(field.Y), Number(field.M), Number(field.D)];
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
}

/** A date written the way a form writes it, for messages: en_US "12/1/2010", cs_CZ "1.12.2010". */
export function exampleDate(form: DateForm): string {
  const value: Record<string, string> = { Y: '2010', M: '12', D: '1' };
  return [...form.order].map((f) => value[f]).join(form.separators[0]) + form.suffix;
}

export type UnreadableDate = 'two-digit year' | 'unknown date form';

/**
 * Why text that looks like a numeric date was not read (readDateText gave NaN): a two-digit year in
 * the locale's own form (which century?), or a form the spreadsheet's locale does not use (another
 * order or separator: 12/1/2010 in cs_CZ could be either day first or month first). Null for text
 * that does not look like a date at all, or names no day of the calendar.
 */
export function whyNotADate(text: string, form: DateForm | null): UnreadableDate | null {
  const t = clean(text);
  if (ISO.test(t)) return null;
  if (form) {
    const m = matchForm(t, form);
    if (m) return m[1 + form.order.indexOf('Y')].length === 2 ? 'two-digit year' : null;
  }
  const n = NUMERIC_DATE.exec(t);
  if (!n) return null;
  const [a, b, c] = [n[1], n[3], n[4]];
  const yearFirst = a.length === 4;
  const yearLast = c.length === 4 || c.length === 2;
  if (!yearFirst && !yearLast) return null;
  // Year last: day and month could be either way round; year first: YMD, or YDM as in ky_KG.
  const [p, q] = yearFirst ? [Number(b), Number(c)] : [Number(a), Number(b)];
  if (p < 1 || q < 1 || (p > 12 && q > 12) || p > 31 || q > 31) return null;
  return 'unknown date form';
}
