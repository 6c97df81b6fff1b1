import { UserError } from './errors';
import { msg } from '../i18n/catalogue';
import { civilFromDays, daysFromCivil, type DayNumber } from './calendar';

/**
 * Instants ↔ calendar days in an IANA time zone. Sheets hands dates over as instants at midnight in
 * the spreadsheet's zone, which is generally not the zone the script runs in, so the runtime's own
 * getDate()/getMonth() must never be used; everything goes through Intl with an explicit zone.
 */

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Offset of `zone` from UTC at instant `ms`, in milliseconds, from some other clock than Intl. */
export type OffsetSource = (ms: number, zone: string) => number;
let offsetFallback: OffsetSource | null = null;

/**
 * A second source of zone offsets, used only for zones this runtime's Intl cannot format (a V8
 * built without full ICU data). The Apps Script side registers one backed by Utilities.formatDate.
 */
export function useOffsetFallback(source: OffsetSource | null): void {
  offsetFallback = source;
  formatters.clear();
  dayOfMonthFormatters.clear();
}

let intlProbe: boolean | undefined;

/** Whether Intl really formats in other zones: 1970-01-01T00:00Z is 09:00 in Tokyo (UTC+9, no DST). */
function intlKnowsZones(): boolean {
  if (intlProbe === undefined) {
    try {
      const hour = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', hourCycle: 'h23' }).format(new Date(0));
      intlProbe = Number(hour) === 9;
    } catch {
      intlProbe = false;
    }
  }
  return intlProbe;
}

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      if (!intlKnowsZones()) throw new RangeError('this runtime\'s Intl ignores time zones'); // i18n-exempt: a RangeError the caller catches (zoneFallback), never shown
    } catch {
      if (!offsetFallback) throw new UserError(msg('zone.unknown', { zone }));
      try {
        offsetFallback(0, zone);
      } catch {
        throw new UserError(msg('zone.unknown', { zone }));
      }
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

export function assertTimeZone(zone: string): void {
  formatterFor(zone);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(formatter: Intl.DateTimeFormat, ms: number): WallClock {
  const parts = formatter.formatToParts(new Date(ms));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const formatter = formatterFor(zone);
  if (formatter === null) return offsetFallback!(ms, zone);
  const w = wallClock(formatter, ms);
  const asUtc = daysFromCivil(w.year, w.month, w.day) * MS_PER_DAY + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return asUtc - wholeSecond;
}

const dayOfMonthFormatters = new Map<string, Intl.DateTimeFormat | null>();

function dayOfMonthFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = dayOfMonthFormatters.get(zone);
  if (f === undefined) {
    f = formatterFor(zone) === null ? null : new Intl.DateTimeFormat('en-US', { timeZone: zone, day: 'numeric', numberingSystem: 'latn' });
    dayOfMonthFormatters.set(zone, f);
  }
  return f;
}

/**
 * The calendar day on which instant `ms` falls in `zone`. Zone offsets stay within ±14 hours, so that
 * day is the UTC day or one either side, and those three have three different days of the month: asking
 * Intl for the day of the month alone settles it, at a twentieth of the cost of the full wall clock.
 */
export function dayInZone(ms: number, zone: string): DayNumber {
  const f = dayOfMonthFormatter(zone);
  if (f !== null) {
    const dayOfMonth = Number(f.format(ms));
    const utcDay = Math.floor(ms / MS_PER_DAY);
    for (let d = utcDay - 1; d <= utcDay + 1; d++) if (civilFromDays(d).day === dayOfMonth) return d;
  }
  return Math.floor((ms + zoneOffsetMs(ms, zone)) / MS_PER_DAY);
}

/**
 * The first instant of calendar day `day` in `zone` (midnight, or the first hour that exists when a
 * daylight-saving change skips midnight).
 */
export function startOfDayInZone(day: DayNumber, zone: string): number {
  const naive = day * MS_PER_DAY;
  let t = naive - zoneOffsetMs(naive, zone);
  t = naive - zoneOffsetMs(t, zone);
  // Where a daylight-saving jump skips midnight, step to the first hour the day has.
  for (let h = 0; h < 3 && dayInZone(t, zone) < day; h++) t += 3_600_000;
  return t;
}

/**
 * A memoised instant→day converter for one zone: one Intl call per distinct instant, so a million
 * rows holding a thousand distinct dates cost a thousand conversions.
 */
export function dayConverter(zone: string): (ms: number) => DayNumber {
  assertTimeZone(zone);
  const memo = new Map<number, DayNumber>();
  let lastMs = NaN;
  let lastDay = 0;
  return (ms: number) => {
    if (ms === lastMs) return lastDay;
    let d = memo.get(ms);
    if (d === undefined) {
      d = dayInZone(ms, zone);
      memo.set(ms, d);
    }
    lastMs = ms;
    lastDay = d;
    return d;
  };
}
