/**
 * Calendar days and zone midnights for tests, computed without any of src/core: civil arithmetic
 * through the runtime's own Date.UTC / getUTC* (a different algorithm from calendar.ts), zones
 * through Intl.DateTimeFormat alone (no offset arithmetic, no refinement loop as in timeZone.ts).
 * References, harnesses and test inputs use these, so a bug in the production calendar or zone code
 * cannot hide by being shared with the test that looks for it.
 */

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a civil date; years below 100 are not shifted to 19xx. */
export function dayOf(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const t = new Date(dayNumber * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCDay();
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, era: 'short', year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(zone, f);
  }
  return f;
}

/** The calendar day on which an instant falls in a zone, straight from Intl's year/month/day. */
export function dayInZoneOf(instant: Date | number, zone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatIn(zone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  return dayOf(year, Number(parts.month), Number(parts.day));
}

const midnights = new Map<string, number>();
const STEP = 15 * 60_000;

/**
 * The first instant of a calendar day in a zone: a forward scan in 15-minute steps from 16 hours
 * before the day's UTC midnight finds the first step already on that day, then bisection narrows
 * the last step to the millisecond. Where daylight saving skips midnight, that is the first hour the
 * day has (as Sheets shows such a day's date).
 */
export function midnightOf(dayNumber: number, zone: string): number {
  const key = `${zone} ${dayNumber}`;
  const known = midnights.get(key);
  if (known !== undefined) return known;
  let hi = dayNumber * MS_PER_DAY - 16 * 3_600_000;
  while (dayInZoneOf(hi, zone) < dayNumber) hi += STEP;
  let lo = hi - STEP; // still the day before
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayInZoneOf(mid, zone) < dayNumber) lo = mid;
    else hi = mid;
  }
  midnights.set(key, hi);
  return hi;
}

/** A Date at midnight of y-m-d in a zone, as Sheets hands a date cell to a script. */
export function dateIn(zone: string, year: number, month: number, day: number): Date {
  return new Date(midnightOf(dayOf(year, month, day), zone));
}

/**
 * The offset of a zone from UTC at an instant in minutes, from Intl's "GMT+05:45" zone name; null
 * when Intl does not know the zone.
 */
export function offsetMinutesOf(instant: number, zone: string): number | null {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (!m) throw new Error(`unexpected zone name "${name}" for ${zone}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60);
}
