import { formatDay } from '../core/calendar';
import type { CohortReport, PeriodRow } from '../core/cohorts';
import type { DayNumber } from '../core/calendar';
import { FORMAT } from './formats';
import { Grid, type Area, type CellContent } from './grid';
import { HEADER, NOTE, PARTIAL, TITLE } from './styles';

/**
 * The summary's "Retention and churn per period" table: headers in words, each with what it counts on
 * a second line; the partial last period greyed and said so in its note; a note under the table with
 * the definitions in force (the lapse window, how a customer table counts new customers).
 */

type Source = 'log' | 'table';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Column headers: the words first, what is counted (or computed) on the line below. */
export function periodHeaders(source: Source, lapseAfter: number, unit: string): string[] {
  const lapse = plural(lapseAfter, unit);
  const common = ['Period', 'First day'];
  if (source === 'log') {
    return [...common,
      `Customers at start (S)\nactive in the previous ${unit}`,
      `New\nfirst purchase in the ${unit}`,
      `Returning\nbought again after ${lapse} or more without a purchase`,
      `Lost\nof S: no purchase in the last ${lapse}`,
      'Customers at end (E)\nS − lost + new + returning',
      'Retention (kept of S)\n(E − new − returning) ÷ S',
      'Churn (lost of S)\nlost ÷ S',
      `Revenue\namounts dated in the ${unit}`,
      `Revenue retention\nrevenue from S ÷ previous ${unit}'s revenue`,
      'Note'];
  }
  return [...common,
    `Customers at start (S)\nactive when the ${unit} began`,
    `New\nsigned up, still active at the ${unit}'s end`,
    `New and cancelled\nsigned up and cancelled in the ${unit}`,
    `Lost\nof S: cancelled in the ${unit}`,
    'Customers at end (E)\nS − lost + new',
    'Retention (kept of S)\n(E − new) ÷ S',
    'Churn (lost of S)\nlost ÷ S',
    `Revenue\nper period, customers active at the ${unit}'s end`,
    `Revenue retention\nrevenue from S ÷ previous ${unit}'s revenue`,
    'Note'];
}

function rowNote(r: PeriodRow, source: Source, lastDay: DayNumber, lapseAfter: number, unit: string): string {
  if (r.partial) {
    return source === 'log'
      ? `partial ${unit}: data until ${formatDay(lastDay)}, so customers who have not bought yet count as lost`
      : `partial ${unit}: data until ${formatDay(lastDay)}; cancellations later in the ${unit} are not counted yet`;
  }
  if (r.windowFilling) return `nobody can be lost yet: fewer than ${plural(lapseAfter, unit)} since the data begins`;
  return '';
}

/** The explanation under the table, in words. */
export function periodTableNote(source: Source, lapseAfter: number, unit: string): string {
  if (source === 'table') {
    return `A customer is active from the signup date until the day before the cancel date. New customers who sign up and cancel in the same ${unit} are counted apart (New and cancelled), neither as new nor as lost, so churn is the share of the customers at the start who cancelled, and retention = 1 − churn.`;
  }
  const window = lapseAfter === 1
    ? `A customer is active in a ${unit} when they bought in it, and lost after a ${unit} without a purchase.`
    : `A customer is active in a ${unit} when they bought in it or in the ${plural(lapseAfter - 1, unit)} before, and lost after ${plural(lapseAfter, unit)} without a purchase.`;
  return `${window} Returning customers were active before, lapsed and bought again: like new ones they are gained in the ${unit}, so retention = (E − new − returning) ÷ S = 1 − churn.`;
}

/** Adds the table to the grid; returns its area (header row and one row per period). */
export function addPeriodTable(g: Grid, report: CohortReport, money: string, dayCell: (day: DayNumber) => Date): Area {
  const { source, lapseAfter, period: unit } = report.options;
  g.add(['Retention and churn per period'], TITLE);
  const header = periodHeaders(source, lapseAfter, unit);
  const top = g.add(header, HEADER);
  const formats = ['', FORMAT.date, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count,
    FORMAT.percent, FORMAT.percent, money, FORMAT.percent, ''];
  const rows = report.total.perPeriod;
  for (const r of rows) {
    const cells: CellContent[] = [r.label, dayCell(r.startDay), r.start, r.newCustomers, source === 'log' ? r.returning : r.newAndCancelled,
      r.lost, r.end, r.crr, r.churn, report.hasRevenue ? r.revenue : null, report.hasRevenue ? r.revenueRetention : null,
      rowNote(r, source, report.lastDay, lapseAfter, unit)];
    g.add(cells, (i) => ({ numberFormat: formats[i] || undefined, ...(r.partial ? PARTIAL : {}) }));
  }
  g.add(['', periodTableNote(source, lapseAfter, unit)], NOTE);
  return { row: top, column: 1, rows: rows.length + 1, columns: header.length };
}
