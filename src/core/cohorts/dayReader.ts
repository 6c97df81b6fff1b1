import type { DayNumber } from '../calendar';
import { dateMs, isDateValue } from '../cells';
import { readDateText, type DateForm } from '../textDates';
import { dayConverter } from '../timeZone';

// Called per row; a local copy avoids a getter call per use where modules are transpiled one by one.
const msOf = dateMs;

const CACHE_SLOTS = 4096; // a power of two: slot = whole UTC days & (CACHE_SLOTS − 1)
const MS_PER_DAY = 86_400_000;

/**
 * Date cells → day numbers in the spreadsheet's zone. Accepts Date objects of any realm and date
 * text (ISO, with or without a time, and the spreadsheet locale's own form: textDates.ts); anything
 * else (numbers included: a date formatted as a number is ambiguous) is not a date and reads as NaN,
 * for the caller to classify.
 *
 * A direct-mapped cache in front of the memoised converter: a million date cells share a few
 * thousand instants, and an array probe is much cheaper than a Map lookup on a double.
 */
export class DayReader {
  private readonly convert: (ms: number) => DayNumber;
  private readonly cachedMs = new Float64Array(CACHE_SLOTS).fill(NaN);
  private readonly cachedDay = new Int32Array(CACHE_SLOTS);

  private form: DateForm | null | undefined;

  /** `dateForm` is asked once, at the first text cell: a sheet of Date cells never needs the locale. */
  constructor(
    readonly timeZone: string,
    private readonly dateForm: () => DateForm | null = () => null,
  ) {
    this.convert = dayConverter(timeZone);
  }

  /** The day of a date cell, or NaN when the cell is not a date. */
  day(v: unknown): number {
    if (v instanceof Date || isDateValue(v)) {
      const ms = msOf(v);
      if (ms !== ms) return NaN;
      const slot = Math.floor(ms / MS_PER_DAY) & (CACHE_SLOTS - 1);
      if (this.cachedMs[slot] === ms) return this.cachedDay[slot];
      const d = this.convert(ms);
      this.cachedMs[slot] = ms;
      this.cachedDay[slot] = d;
      return d;
    }
    if (typeof v === 'string') return this.text(v);
    return NaN;
  }

  private text(v: string): number {
    return readDateText(v, this.textForm(), this.convert);
  }

  /** The locale form text dates are read in (asked for now if no text was read yet). */
  textForm(): DateForm | null {
    if (this.form === undefined) this.form = this.dateForm();
    return this.form;
  }
}
