import { UserError } from '../errors';
import { msg } from '../../i18n/catalogue';
import { commaList, integer, typed, type Param } from '../../i18n/messages';
import type { DayNumber } from '../calendar';
import { PERIOD_UNITS, type PeriodUnit, type WeekStart } from '../periods';

/**
 * "in": a customer counts in cell (c, k) when active in period c+k.
 * "in-or-after": when active in period c+k or any later observable period (unbounded retention).
 * The two coincide for a customer table, whose customers stay active from signup until they cancel.
 */
export type RetentionMode = 'in' | 'in-or-after';

export interface CohortOptions {
  period?: PeriodUnit;
  weekStart?: WeekStart;
  mode?: RetentionMode;
  /** Look at the data as it was at the end of this day: later rows are left out. */
  asOfDay?: DayNumber | null;
  /** Only customers of this segment (by name as the segment column reads). */
  segment?: string | null;
  /** Also compute every table for each segment. */
  bySegment?: boolean;
  /**
   * Log only: the lapse window K. A customer is active in period p when they bought in one of the K
   * periods p − K + 1 … p, so they are lost after K periods without a purchase. Default 1.
   */
  lapseAfter?: number;
  /** Log only: rows with a negative amount (refunds) make a customer active too. Default false. */
  refundsAreActivity?: boolean;
}

export interface ResolvedCohortOptions {
  source: 'log' | 'table';
  period: PeriodUnit;
  weekStart: WeekStart;
  mode: RetentionMode;
  asOfDay: DayNumber | null;
  segment: string | null;
  bySegment: boolean;
  lapseAfter: number;
  refundsAreActivity: boolean;
}

/** A lapse window longer than this many periods is never what anyone means (it is the period limit). */
export const MAX_LAPSE_PERIODS = 600;

const LAPSE_RANGE = { week: 'input.lapseRangeWeek', month: 'input.lapseRangeMonth', quarter: 'input.lapseRangeQuarter', year: 'input.lapseRangeYear' } as const;

export function resolveCohortOptions(
  options: CohortOptions,
  source: 'log' | 'table',
  segmentNames: readonly string[] | null,
): ResolvedCohortOptions {
  const period = options.period ?? 'month';
  if (!PERIOD_UNITS.includes(period)) throw new UserError(`period must be "week", "month", "quarter" or "year" (got "${String(period)}")`); // i18n-exempt: an API invariant (the sidebar and the formulas check these first)
  const weekStart = options.weekStart ?? 'monday';
  if (weekStart !== 'monday' && weekStart !== 'sunday') throw new UserError(`week start must be "monday" or "sunday" (got "${String(weekStart)}")`); // i18n-exempt: an API invariant (the sidebar and the formulas check these first)
  const mode = options.mode ?? 'in';
  if (mode !== 'in' && mode !== 'in-or-after') throw new UserError(`mode must be "in" or "in-or-after" (got "${String(mode)}")`); // i18n-exempt: an API invariant (the sidebar and the formulas check these first)
  const asOfDay = options.asOfDay ?? null;
  if (asOfDay !== null && !Number.isInteger(asOfDay)) throw new UserError(`as-of day must be a date (got ${String(asOfDay)})`); // i18n-exempt: an API invariant (the sidebar and the formulas check these first)
  const segment = options.segment ?? null;
  const bySegment = options.bySegment ?? false;
  if ((segment !== null || bySegment) && segmentNames === null) {
    throw new UserError(segment !== null ? msg('input.segmentWithoutColumn', { segment }) : msg('input.breakdownWithoutColumn'));
  }
  if (segment !== null && bySegment) throw new UserError(msg('input.segmentAndBreakdown'));
  if (segment !== null && segmentNames && !segmentNames.includes(segment)) {
    throw new UserError(msg('input.segmentUnknown', { segment, names: listNames(segmentNames) }));
  }
  const lapseAfter = options.lapseAfter ?? 1;
  if (!Number.isInteger(lapseAfter) || lapseAfter < 1 || lapseAfter > MAX_LAPSE_PERIODS) {
    throw new UserError(msg(LAPSE_RANGE[period], { max: integer(MAX_LAPSE_PERIODS), got: typeof lapseAfter === 'number' ? typed(lapseAfter) : String(lapseAfter) }));
  }
  if (source === 'table' && lapseAfter !== 1) {
    throw new UserError(msg('input.lapseTable'));
  }
  const refundsAreActivity = options.refundsAreActivity ?? false;
  return { source, period, weekStart, mode, asOfDay, segment, bySegment, lapseAfter, refundsAreActivity };
}

function listNames(names: readonly string[]): Param {
  const shown = commaList(names.slice(0, 8).map((n) => `"${n}"`));
  return names.length > 8 ? msg('input.andMore', { list: shown, count: names.length - 8 }) : shown;
}
