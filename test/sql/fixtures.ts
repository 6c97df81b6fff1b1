/** What the SQL tests share: a synthetic log as SQL table rows, its column mapping, the settings for engine options. */
import type { CohortOptions } from '../../src/core/cohorts/index';
import type { SqlCohortSettings, SqlLogColumns } from '../../src/core/sql';
import type { RefLogRow } from '../core/cohorts/reference';

export const ROW = '__row';

/** id as text (the generator's ids stay distinct customers as text), the instant, amount, segment, row number. */
export const LOG_COLUMNS: SqlLogColumns = {
  id: { name: 'customer', type: 'string' },
  date: { name: 'ordered_at', type: 'timestamp' },
  amount: { name: 'amount', type: 'float' },
  segment: { name: 'segment', type: 'string' },
  order: { name: ROW, type: 'integer' },
};

export function logTableRows(rows: RefLogRow[]): unknown[][] {
  return rows.map((r, i) => [
    String(r.id),
    r.date,
    r.amount === '' || r.amount === undefined ? null : r.amount,
    r.segment === undefined ? null : String(r.segment),
    i + 1,
  ]);
}

export function sqlSettings(zone: string, o: CohortOptions): SqlCohortSettings {
  return {
    period: o.period ?? 'month', weekStart: o.weekStart ?? 'monday', timeZone: zone, mode: o.mode ?? 'in', lapseAfter: 1,
    refundsAreActivity: o.refundsAreActivity ?? false, asOfDay: o.asOfDay ?? null, segment: o.segment ?? null, bySegment: o.bySegment ?? false,
  };
}

export const COLUMN_NAMES = { id: 'customer', date: 'ordered_at', amount: 'amount' };
