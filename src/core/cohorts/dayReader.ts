import { parseIsoDay, type DayNumber } from '../calendar';
import { dateMs, isDateValue } from '../cells';
import { dayConverter } from '../timeZone';

// Called per row; a local copy avoids a getter call per use where modules are transpiled one by one.
const msOf = dateMs;

const CACHE_SLOTS = 4096; // a power of two: slot = whole UTC days & (CACHE_SLOTS − 1)
const MS_PER_DAY = 86_400_000;

/**
 * Date cells → day numbers in the spreadsheet's zone. Accepts Date objects of any realm and ISO
 * `YYYY-MM-DD` text; anything else (numbers included: a date formatted as a number is ambiguous) is
 * not a date and reads as NaN, for the caller to classify.
 *
 * A direct-mapped cache in front of the memoised converter: a million date cells share a few
 * thousand instants, and an array probe is much cheaper than a Map lookup on a double.
 */
export class DayReader {
  private readonly convert: (ms: number) => DayNumber;
  private readonly cachedMs = new Float64Array(CACHE_SLOTS).fill(NaN);
  private readonly cachedDay = new Int32Array(CACHE_SLOTS);

  constructor(timeZone: string) {
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
    if (typeof v === 'string') {
      const d = parseIsoDay(v);
      return d === null ? NaN : d;
    }
    return NaN;
  }
}
