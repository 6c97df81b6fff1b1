import { UserError } from '../errors';
import { describeValue } from '../cells';
import { msg, t } from '../../i18n/catalogue';
import type { Language } from '../../i18n/languages';
import { choicesOf, matchWord, MODE_WORDS, SHOW_WORDS } from '../../i18n/optionWords';
import type { DayNumber } from '../calendar';
import { periodLabeller, type Describe, type PeriodScheme, type PeriodUnit } from '../periods';
import { startOfDayInZone } from '../timeZone';
import { date } from '../../i18n/messages';
import { unitWord } from '../../i18n/periodWords';
import type { CohortMatrices } from './matrices';
import type { PeriodInfo } from './periodAxis';
import type { RetentionMode } from './options';
import type { PeriodRow } from './periodRows';

/**
 * Grids for spilled formulas: a header row, then data rows; blank cells are "" so Sheets shows
 * them empty. Day columns go through `dayCell`, normally dateCell(zone) below.
 */

export type CohortShow = 'counts' | 'retention' | 'revenue';

/**
 * Reads what a cohort grid shows ("retention", "customers", "revenue" and their aliases, or the
 * language's own words: "zákazníci", "retencja", "bevétel"; see src/i18n/optionWords.ts); blank
 * means "retention". Messages list the documented spellings, and the reader's language's.
 */
export function parseCohortShow(value: unknown, argName = 'show', describe: Describe = describeValue): CohortShow {
  if (value === '' || value === undefined || value === null) return 'retention';
  const show = typeof value === 'string' ? matchWord(SHOW_WORDS, value) : null;
  if (!show) throw new UserError(msg('options.mustBe', { arg: argName, choices: choicesOf(SHOW_WORDS), got: describe(value) }));
  return show;
}

/**
 * Reads the retention mode: blank or "in" → "in"; "in or after", "unbounded", "or later" (or "nebo
 * později", "lub później", "vagy később"…) → "in-or-after".
 */
export function parseRetentionMode(value: unknown, argName = 'mode', describe: Describe = describeValue): RetentionMode {
  if (value === '' || value === undefined || value === null) return 'in';
  const mode = typeof value === 'string' ? matchWord(MODE_WORDS, value) : null;
  if (!mode) throw new UserError(msg('options.mustBe', { arg: argName, choices: choicesOf(MODE_WORDS), got: describe(value) }));
  return mode === 'in' ? 'in' : 'in-or-after';
}

/**
 * A date cell for a day: the instant of its midnight in the spreadsheet's zone. Each cell is a Date of
 * its own, but the instant is looked up once per distinct day: a list of 50,000 customers has a few
 * hundred last-purchase days, and each conversion is three Intl calls.
 */
export function dateCell(timeZone: string): (day: DayNumber) => Date {
  const midnight = new Map<DayNumber, number>();
  return (day) => {
    let ms = midnight.get(day);
    if (ms === undefined) midnight.set(day, (ms = startOfDayInZone(day, timeZone)));
    return new Date(ms);
  };
}

const blank = (v: number | null): number | string => (v === null ? '' : v);

/**
 * The =COHORTS layout: header ["Cohort", "Customers", 0, 1, …], then per cohort its first day,
 * its size and one cell per offset; offsets past the last observable period are "".
 */
export function cohortSpill(m: CohortMatrices, show: CohortShow, dayCell: (day: DayNumber) => unknown, language: Language = 'en'): unknown[][] {
  const cells = show === 'counts' ? m.counts : show === 'retention' ? m.retention : m.revenue;
  if (!cells) throw new UserError('showing "revenue" needs an amounts column'); // i18n-exempt: =COHORTS checks its amounts argument first
  const header: unknown[] = [t(language, 'spill.cohort'), t(language, 'spill.customers')];
  for (let k = 0; k < m.offsets; k++) header.push(k);
  const grid: unknown[][] = [header];
  m.cohorts.forEach((c, i) => grid.push([dayCell(c.startDay), c.size, ...cells[i].map(blank)]));
  return grid;
}

/**
 * The note under =COHORTS when the last period is partial (it ends after the last observable day, the
 * rule RETENTION_BY_PERIOD's Partial column follows). Its cells lie on a diagonal, each cohort row's
 * last filled cell, so no column can carry a flag; a note row keeps every cell a number formulas can
 * use. Null when the last period is complete.
 */
export function cohortPartialNote(
  periods: PeriodInfo[], lastDay: DayNumber, source: 'log' | 'table', unit: PeriodUnit, language: Language = 'en',
): string | null {
  const last = periods[periods.length - 1];
  if (!last?.partial) return null;
  return t(language, source === 'log' ? 'spill.partialNote' : 'spill.partialNoteTable', { unit: unitWord(unit), start: date(last.startDay), date: date(lastDay) });
}

/** The per-period spill's header: a log has returning customers, a table new customers who cancelled at once. */
export function periodSpillHeader(source: 'log' | 'table', language: Language = 'en'): string[] {
  const keys = ['spill.period', 'spill.label', 'spill.start', 'spill.new', source === 'log' ? 'spill.returning' : 'spill.newCancelled', 'spill.end', 'spill.lost',
    'spill.crr', 'spill.churn', 'spill.revenue', 'spill.revenueRetention', 'spill.partial'] as const;
  return keys.map((key) => t(language, key));
}

/**
 * The per-period layout: one row per period, columns as periodSpillHeader; revenue columns "" without
 * amounts. Labels in the language, of the scheme's periods (the rows' own labels are English).
 */
export function periodSpill(rows: PeriodRow[], source: 'log' | 'table', dayCell: (day: DayNumber) => unknown, language: Language = 'en', scheme?: PeriodScheme): unknown[][] {
  const grid: unknown[][] = [periodSpillHeader(source, language)];
  const label = scheme ? periodLabeller(scheme, language) : null;
  for (const r of rows) {
    grid.push([
      dayCell(r.startDay), label ? label(r.period) : r.label, r.start, r.newCustomers, source === 'log' ? r.returning : r.newAndCancelled, r.end, r.lost,
      blank(r.crr), blank(r.churn), blank(r.revenue), blank(r.revenueRetention), r.partial,
    ]);
  }
  return grid;
}
