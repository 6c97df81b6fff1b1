import { UserError } from '../errors';
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

export function resolveCohortOptions(
  options: CohortOptions,
  source: 'log' | 'table',
  segmentNames: readonly string[] | null,
): ResolvedCohortOptions {
  const period = options.period ?? 'month';
  if (!PERIOD_UNITS.includes(period)) throw new UserError(`period must be "week", "month", "quarter" or "year" (got "${String(period)}")`);
  const weekStart = options.weekStart ?? 'monday';
  if (weekStart !== 'monday' && weekStart !== 'sunday') throw new UserError(`week start must be "monday" or "sunday" (got "${String(weekStart)}")`);
  const mode = options.mode ?? 'in';
  if (mode !== 'in' && mode !== 'in-or-after') throw new UserError(`mode must be "in" or "in-or-after" (got "${String(mode)}")`);
  const asOfDay = options.asOfDay ?? null;
  if (asOfDay !== null && !Number.isInteger(asOfDay)) throw new UserError(`as-of day must be a date (got ${String(asOfDay)})`);
  const segment = options.segment ?? null;
  const bySegment = options.bySegment ?? false;
  if ((segment !== null || bySegment) && segmentNames === null) {
    throw new UserError(segment !== null ? `segment "${segment}" was asked for but no segment column was given` : 'a breakdown by segment needs a segment column');
  }
  if (segment !== null && bySegment) throw new UserError('choose either one segment or a breakdown by segment, not both');
  if (segment !== null && segmentNames && !segmentNames.includes(segment)) {
    throw new UserError(`segment "${segment}" does not occur in the segment column (it holds ${listNames(segmentNames)})`);
  }
  const lapseAfter = options.lapseAfter ?? 1;
  if (!Number.isInteger(lapseAfter) || lapseAfter < 1 || lapseAfter > MAX_LAPSE_PERIODS) {
    throw new UserError(`the lapse window must be a whole number of ${period}s from 1 to ${MAX_LAPSE_PERIODS} (got ${String(lapseAfter)})`);
  }
  if (source === 'table' && lapseAfter !== 1) {
    throw new UserError('a lapse window applies to a transaction log: in a customer table a customer is lost on their cancel date');
  }
  const refundsAreActivity = options.refundsAreActivity ?? false;
  return { source, period, weekStart, mode, asOfDay, segment, bySegment, lapseAfter, refundsAreActivity };
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n}"`).join(', ');
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
}
