import { isBlank, isDateValue } from '../cells';
import { isMissingIdText } from '../placeholders';

export type ColumnKind = 'date' | 'number' | 'text' | 'empty' | 'mixed';

export interface ColumnProfile {
  kind: ColumnKind;
  nonBlank: number;
  blank: number;
  distinct: number;
  /** Share of numbers with a fractional part: money has many, ids and counts none. */
  fractional: number;
  /** Share of text values that look like integers with leading zeros ("00012"). */
  paddedIds: number;
  /**
   * Share of the non-blank values that are numbers written with the other decimal separator than the
   * spreadsheet locale's ("29.00" in cs_CZ), which it reads as text; the first such value.
   */
  otherDecimal: number;
  otherDecimalExample?: string;
}

/**
 * What a column holds, from a sample of its values (the data rows below the header). `isDateText`
 * says which text reads as a date in the spreadsheet's locale (imported dates that stayed text), and
 * `numberText` reads number text the way the report will ("1 234,50" in cs_CZ; NaN when it is not a
 * number there): an amount column kept as text is a number column, as the report reads it. Digits
 * with leading zeros ("00012") stay text: that is how ids look. Text that exports write for a missing
 * value ("NULL", "nan", "-") counts as blank: a cancel date column of dates and "NULL" is a date
 * column with blanks.
 */
export function profileColumn(
  values: unknown[],
  isDateText: (text: string) => boolean = () => false,
  numberText: (text: string) => number = () => NaN,
  isOtherDecimalText: (text: string) => boolean = () => false,
): ColumnProfile {
  let dates = 0, numbers = 0, texts = 0, blank = 0, fractional = 0, padded = 0, otherDecimal = 0;
  let otherDecimalExample: string | undefined;
  const distinct = new Set<unknown>();
  for (const v of values) {
    if (isBlank(v) || (typeof v === 'string' && isMissingIdText(v))) {
      blank++;
      continue;
    }
    if (isDateValue(v)) {
      dates++;
      distinct.add(v.getTime());
    } else if (typeof v === 'string' && isDateText(v)) {
      dates++;
      distinct.add(v);
    } else if (typeof v === 'number') {
      numbers++;
      if (!Number.isInteger(v)) fractional++;
      distinct.add(v);
    } else if (typeof v === 'string' && !/^\s*0\d/.test(v) && Number.isFinite(numberText(v))) {
      const n = numberText(v);
      numbers++;
      if (!Number.isInteger(n)) fractional++;
      distinct.add(n);
    } else {
      texts++;
      const s = String(v);
      if (/^0\d+$/.test(s)) padded++;
      if (isOtherDecimalText(s)) {
        otherDecimal++;
        otherDecimalExample ??= s.trim();
      }
      distinct.add(s);
    }
  }
  const nonBlank = values.length - blank;
  const major = Math.max(dates, numbers, texts);
  let kind: ColumnKind = 'empty';
  if (nonBlank > 0) {
    if (major < 0.9 * nonBlank) kind = 'mixed';
    else kind = major === dates ? 'date' : major === numbers ? 'number' : 'text';
  }
  return {
    kind,
    nonBlank,
    blank,
    distinct: distinct.size,
    fractional: numbers ? fractional / numbers : 0,
    paddedIds: texts ? padded / texts : 0,
    otherDecimal: nonBlank ? otherDecimal / nonBlank : 0,
    ...(otherDecimalExample === undefined ? {} : { otherDecimalExample }),
  };
}
