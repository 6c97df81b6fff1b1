import { UserError } from '../errors';
import { formatDay, type DayNumber } from '../calendar';
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
  label: string;
  startDay: DayNumber;
  endDay: DayNumber;
  partial: boolean;
}

/** `rowsOf(day)` names the sheet rows holding a day, for messages about the span of the dates. */
export function periodAxis(firstDay: DayNumber, lastDay: DayNumber, scheme: PeriodScheme, rowsOf: (day: DayNumber) => string = () => ''): PeriodAxis {
  if (lastDay < firstDay) {
    throw new UserError(`no data rows: the as-of day ${formatDay(lastDay)} is before the first date in the data (${formatDay(firstDay)})`);
  }
  const firstPeriod = periodOfDay(firstDay, scheme);
  const lastPeriod = periodOfDay(lastDay, scheme);
  const count = lastPeriod - firstPeriod + 1;
  if (count > MAX_PERIODS) {
    throw new UserError(
      `the dates run from ${formatDay(firstDay)}${rowsOf(firstDay)} to ${formatDay(lastDay)}${rowsOf(lastDay)}, ` +
        `${count} ${scheme.unit}s: more than ${MAX_PERIODS}. Choose a longer period or check the date column for a mistyped year`,
    );
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
