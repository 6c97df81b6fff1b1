// The time unit of a model's parameters and of recency/age, and the month used for CLV horizons.
import { UserError } from '../errors';

/** Unit of t_x, T, the BG/NBD scale α and prediction horizons. */
export type TimeUnit = 'days' | 'weeks';

export const TIME_UNITS: readonly TimeUnit[] = ['days', 'weeks'];

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

/**
 * One month = 365.25 / 12 = 30.4375 days, the average Julian-year month, so 12 months are a year whatever
 * the unit (in weeks: 4.348214…). `lifetimes` uses 30 days or 4.345 weeks instead; the difference is ≤ 1.5%.
 */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Length of `months` months expressed in `unit`. */
export function monthsToUnit(months: number, unit: TimeUnit): number {
  return (months * DAYS_PER_MONTH) / DAYS_PER_UNIT[unit];
}

/** Checks a user-supplied unit name. */
export function parseTimeUnit(value: unknown): TimeUnit {
  if (value === 'days' || value === 'weeks') return value;
  throw new UserError(`Time unit must be "days" or "weeks"; got ${JSON.stringify(value)}`); // i18n-exempt: an API invariant, unreachable from a sheet
}
