import type { DayNumber } from '../calendar';
import { dateMs, isDateValue } from '../cells';
import { readDateText, type DateForm } from '../textDates';
import { assertTimeZone, dayInZone } from '../timeZone';
import { holdHiddenClass } from './hiddenClass';

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
export interface DayReader {
  readonly timeZone: string;
  /** The day of a date cell, or NaN when the cell is not a date. */
  day(v: unknown): number;
  /** The locale form text dates are read in (asked for now if no text was read yet). */
  textForm(): DateForm | null;
}

interface DayCache extends DayReader {
  /** Every instant converted so far: one Intl call per distinct instant (the direct-mapped cache forgets). */
  readonly memo: Map<number, DayNumber>;
  /** The converter date text is read with, made at the first text cell. */
  toDay: ((ms: number) => DayNumber) | null;
  readonly cachedMs: Float64Array;
  readonly cachedDay: Int32Array;
  foreignDatePrototype: object | null;
  readonly dateForm: () => DateForm | null;
  form: DateForm | null | undefined;
}

/**
 * `dateForm` is asked once, at the first text cell: a sheet of Date cells never needs the locale. An
 * object literal with every field, not a class instance, for the reason idIndex.ts gives: its hidden
 * class outlives a full collection, so the optimized parse loop that checks for it does too. For the
 * same reason the loop calls no closure made per reader (optimized code holds on to the one it was
 * compiled with, and is thrown away when that closure is collected): conversions go through `memo`.
 */
export function createDayReader(timeZone: string, dateForm: () => DateForm | null = () => null): DayReader {
  assertTimeZone(timeZone);
  return readerOf(timeZone, dateForm);
}

function readerOf(timeZone: string, dateForm: () => DateForm | null): DayCache {
  const reader: DayCache = {
    timeZone,
    day,
    textForm,
    memo: new Map<number, DayNumber>(),
    toDay: null,
    cachedMs: new Float64Array(CACHE_SLOTS).fill(NaN),
    cachedDay: new Int32Array(CACHE_SLOTS),
    foreignDatePrototype: null,
    dateForm,
    form: undefined,
  };
  return reader;
}

/** A reader kept for good (hiddenClass.ts); it converts nothing, so its zone is never checked. */
export const HELD_DAY_READER: DayReader = holdHiddenClass(readerOf('UTC', () => null));

function day(this: DayCache, v: unknown): number {
  if (v instanceof Date) {
    try {
      return dayOf(this, v.getTime());
    } catch {
      return NaN; // inherits from Date.prototype without being a Date
    }
  }
  return otherDay(this, v);
}

function dayOf(r: DayCache, ms: number): number {
  const slot = (ms * SLOTS_PER_MS) & SLOT_MASK;
  if (r.cachedMs[slot] === ms) return r.cachedDay[slot];
  if (ms !== ms) return NaN; // an invalid Date
  const d = converted(r, ms);
  r.cachedMs[slot] = ms;
  r.cachedDay[slot] = d;
  return d;
}

function converted(r: DayCache, ms: number): DayNumber {
  let d = r.memo.get(ms);
  if (d === undefined) {
    d = dayInZone(ms, r.timeZone);
    r.memo.set(ms, d);
  }
  return d;
}

function otherDay(r: DayCache, v: unknown): number {
  if (typeof v === 'string') return readDateText(v, r.textForm(), (r.toDay ??= (ms) => converted(r, ms)));
  if (typeof v !== 'object' || v === null) return NaN;
  const prototype = getPrototypeOf(v) as object | null;
  if (prototype !== null && prototype === r.foreignDatePrototype) {
    try {
      return dayOf(r, msOf(v as Date));
    } catch {
      return NaN; // inherits from that Date.prototype without being a Date
    }
  }
  if (!isDate(v)) return NaN;
  r.foreignDatePrototype = prototype;
  return dayOf(r, msOf(v));
}

function textForm(this: DayCache): DateForm | null {
  if (this.form === undefined) this.form = this.dateForm();
  return this.form;
}
