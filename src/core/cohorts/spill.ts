import { UserError } from '../errors';
import { describeValue } from '../cells';
import type { DayNumber } from '../calendar';
import type { Describe } from '../periods';
import { startOfDayInZone } from '../timeZone';
import type { CohortMatrices } from './matrices';
import type { RetentionMode } from './options';
import type { PeriodRow } from './periodRows';

/**
 * Grids for spilled formulas: a header row, then data rows; blank cells are "" so Sheets shows
 * them empty. Day columns go through `dayCell`, normally dateCell(zone) below.
 */

export type CohortShow = 'counts' | 'retention' | 'revenue';

const SHOW_NAMES: Record<string, CohortShow> = {
  counts: 'counts', count: 'counts', customers: 'counts', number: 'counts',
  retention: 'retention', rate: 'retention', rates: 'retention', percent: 'retention', '%': 'retention',
  revenue: 'revenue', amount: 'revenue', amounts: 'revenue', value: 'revenue',
};

// The documented spellings (docs/functions.md), for messages; other accepted words are aliases.
const SHOW_SPELLINGS = '"retention", "customers" or "revenue"';
const MODE_SPELLINGS = '"in" or "in or after"';

/** Reads what a cohort grid shows; blank means "retention". */
export function parseCohortShow(value: unknown, argName = 'show', describe: Describe = describeValue): CohortShow {
  if (value === '' || value === undefined || value === null) return 'retention';
  const show = typeof value === 'string' ? SHOW_NAMES[value.trim().toLowerCase()] : undefined;
  if (!show) throw new UserError(`${argName} must be ${SHOW_SPELLINGS} (got ${describe(value)})`);
  return show;
}

/** Reads the retention mode: blank or "in" → "in"; "in or after", "unbounded", "or later" → "in-or-after". */
export function parseRetentionMode(value: unknown, argName = 'mode', describe: Describe = describeValue): RetentionMode {
  if (value === '' || value === undefined || value === null) return 'in';
  const text = typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s_-]+/g, ' ') : '';
  if (text === 'in' || text === 'in period' || text === 'bounded') return 'in';
  if (text === 'in or after' || text === 'unbounded' || text === 'or later' || text === 'in or later') return 'in-or-after';
  throw new UserError(`${argName} must be ${MODE_SPELLINGS} (got ${describe(value)})`);
}

/** A date cell for a day: the instant of its midnight in the spreadsheet's zone. */
export function dateCell(timeZone: string): (day: DayNumber) => Date {
  return (day) => new Date(startOfDayInZone(day, timeZone));
}

const blank = (v: number | null): number | string => (v === null ? '' : v);

/**
 * The =COHORTS layout: header ["Cohort", "Customers", 0, 1, …], then per cohort its first day,
 * its size and one cell per offset; offsets past the last observable period are "".
 */
export function cohortSpill(m: CohortMatrices, show: CohortShow, dayCell: (day: DayNumber) => unknown): unknown[][] {
  const cells = show === 'counts' ? m.counts : show === 'retention' ? m.retention : m.revenue;
  if (!cells) throw new UserError('showing "revenue" needs an amounts column');
  const header: unknown[] = ['Cohort', 'Customers'];
  for (let k = 0; k < m.offsets; k++) header.push(k);
  const grid: unknown[][] = [header];
  m.cohorts.forEach((c, i) => grid.push([dayCell(c.startDay), c.size, ...cells[i].map(blank)]));
  return grid;
}

export const PERIOD_SPILL_HEADER = ['Period', 'Label', 'Start', 'New', 'End', 'Lost', 'Reactivated', 'CRR', 'Churn', 'Revenue', 'Revenue retention', 'Partial'];

/** The per-period layout: one row per period, columns as PERIOD_SPILL_HEADER; revenue columns "" without amounts. */
export function periodSpill(rows: PeriodRow[], dayCell: (day: DayNumber) => unknown): unknown[][] {
  const grid: unknown[][] = [[...PERIOD_SPILL_HEADER]];
  for (const r of rows) {
    grid.push([
      dayCell(r.startDay), r.label, r.start, r.newCustomers, r.end, r.lost, r.reactivated,
      blank(r.crr), blank(r.churn), blank(r.revenue), blank(r.revenueRetention), r.partial,
    ]);
  }
  return grid;
}
