import type { DayNumber } from '../calendar';
import { dateMs, isDateValue } from '../cells';
import { readDateText, type DateForm } from '../textDates';
import { dayConverter } from '../timeZone';

// Called per row; a local copy avoids a getter call per use where modules are transpiled one by one.
const msOf = dateMs;
const isDate = isDateValue;
const getPrototypeOf = Object.getPrototypeOf;

const CACHE_SLOTS = 4096; // a power of two
const SLOT_MASK = CACHE_SLOTS - 1;
// Any function of the instant would do for the slot, as the full instant is compared; whole days keep a
// few years of midnights apart, and a multiplication is cheaper than a division.
const SLOTS_PER_MS = 1 / 86_400_000;

/**
 * Date cells → day numbers in the spreadsheet's zone. Accepts Date objects of any realm and date
 * text (ISO, with or without a time, and the spreadsheet locale's own form: textDates.ts); anything
 * else (numbers included: a date formatted as a number is ambiguous) is not a date and reads as NaN,
 * for the caller to classify.
 *
 * The hot path is a Date of this realm (Sheets' own, or the bundle's vm context): one instanceof, then a
 * direct-mapped cache keyed by the instant in front of the memoised converter — a million date cells
 * share a few thousand instants, and an array probe is much cheaper than a Map lookup on a double.
 * Dates of another realm (a test's vm context) fail instanceof: the first is recognised by its tag,
 * and the rest by the prototype it shares. Text goes to textDates.ts.
 */
export class DayReader {
  private readonly convert: (ms: number) => DayNumber;
  private readonly cachedMs = new Float64Array(CACHE_SLOTS).fill(NaN);
  private readonly cachedDay = new Int32Array(CACHE_SLOTS);
  private foreignDatePrototype: object | null = null;

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
    if (v instanceof Date) {
      try {
        return this.dayOf(v.getTime());
      } catch {
        return NaN; // inherits from Date.prototype without being a Date
      }
    }
    return this.otherDay(v);
  }

  private dayOf(ms: number): number {
    const slot = (ms * SLOTS_PER_MS) & SLOT_MASK;
    if (this.cachedMs[slot] === ms) return this.cachedDay[slot];
    if (ms !== ms) return NaN; // an invalid Date
    const d = this.convert(ms);
    this.cachedMs[slot] = ms;
    this.cachedDay[slot] = d;
    return d;
  }

  private otherDay(v: unknown): number {
    if (typeof v === 'string') return this.text(v);
    if (typeof v !== 'object' || v === null) return NaN;
    const prototype = getPrototypeOf(v) as object | null;
    if (prototype !== null && prototype === this.foreignDatePrototype) {
      try {
        return this.dayOf(msOf(v as Date));
      } catch {
        return NaN; // inherits from that Date.prototype without being a Date
      }
    }
    if (!isDate(v)) return NaN;
    this.foreignDatePrototype = prototype;
    return this.dayOf(msOf(v));
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
