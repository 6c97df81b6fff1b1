import { UserError } from '../errors';
import type { DayNumber } from '../calendar';
import { msg } from '../../i18n/catalogue';
import { date, integer, type Param } from '../../i18n/messages';
import { UNITS } from '../../i18n/periodWords';
import { periodEndDay, periodLabel, periodOfDay, periodStartDay, type PeriodScheme } from '../periods';

/** More periods than this is almost always a mistyped year or the wrong period unit. */
export const MAX_PERIODS = 600;

/**
 * The periods a computation runs over, numbered 0…count−1 from the period of the first day in the
 * data to the period of the last observable day (the as-of day, or the last day in the data).
 */
export interface PeriodAxis {
  scheme: PeriodScheme;
  /** Period index (periods.ts numbering) of relative period 0. */
  firstPeriod: number;
  count: number;
  firstDay: DayNumber;
  lastDay: DayNumber;
  /** The last period ends after lastDay, so it is only partly observed. */
  lastIsPartial: boolean;
  /** Relative period of every day from firstDay to lastDay: dayPeriod[day − firstDay]. */
  dayPeriod: Int32Array;
}

export interface PeriodInfo {
  /** Period index in periods.ts numbering (consecutive integers). */
  index: number;
  /** The English label, the period's stable name; cells show periodLabel(index, scheme, language). */
  label: string;
  startDay: DayNumber;
  endDay: DayNumber;
  partial: boolean;
}

/** `dayAt(day)` names a day and the sheet rows holding it, for messages about the span of the dates. */
export function periodAxis(firstDay: DayNumber, lastDay: DayNumber, scheme: PeriodScheme, dayAt: (day: DayNumber) => Param = date): PeriodAxis {
  if (lastDay < firstDay) {
    throw new UserError(msg('input.asOfBeforeData', { asOf: date(lastDay), first: date(firstDay) }));
  }
  const firstPeriod = periodOfDay(firstDay, scheme);
  const lastPeriod = periodOfDay(lastDay, scheme);
  const count = lastPeriod - firstPeriod + 1;
  if (count > MAX_PERIODS) {
    throw new UserError(msg('input.tooManyPeriods', {
      first: dayAt(firstDay), last: dayAt(lastDay),
      periods: msg(UNITS[scheme.unit], { count: integer(count) }), max: integer(MAX_PERIODS),
    }));
  }
  const dayPeriod = new Int32Array(lastDay - firstDay + 1);
  let rel = 0;
  let nextStart = periodStartDay(firstPeriod + 1, scheme);
  for (let d = firstDay; d <= lastDay; d++) {
    if (d === nextStart) {
      rel++;
      nextStart = periodStartDay(firstPeriod + rel + 1, scheme);
    }
    dayPeriod[d - firstDay] = rel;
  }
  return { scheme, firstPeriod, count, firstDay, lastDay, lastIsPartial: lastDay < periodEndDay(lastPeriod, scheme), dayPeriod };
}

export function periodInfo(axis: PeriodAxis, rel: number): PeriodInfo {
  const index = axis.firstPeriod + rel;
  return {
    index,
    label: periodLabel(index, axis.scheme),
    startDay: periodStartDay(index, axis.scheme),
    endDay: periodEndDay(index, axis.scheme),
    partial: rel === axis.count - 1 && axis.lastIsPartial,
  };
}
