import type { CohortReport, PeriodRow } from '../core/cohorts';
import type { DayNumber } from '../core/calendar';
import type { PeriodUnit } from '../core/periods';
import { t, type Language } from '../i18n';
import { date } from '../i18n/messages';
import { unitCount, unitWord } from '../i18n/periodWords';
import { FORMAT } from './formats';
import { Grid, type Area, type CellContent } from './grid';
import { HEADER, NOTE, PARTIAL, TITLE } from './styles';
import { periodLabeller } from '../core/periods';

/**
 * The summary's "Retention and churn per period" table: headers in words, each with what it counts on
 * a second line; the partial last period greyed and said so in its note; a note under the table with
 * the definitions in force (the lapse window, how a customer table counts new customers). In the
 * spreadsheet's language.
 */

type Source = 'log' | 'table';

/** Column headers: the words first, what is counted (or computed) on the line below. */
export function periodHeaders(source: Source, lapseAfter: number, period: PeriodUnit, language: Language): string[] {
  const unit = unitWord(period);
  const lapse = unitCount(period, lapseAfter);
  const common = [t(language, 'summary.col.period'), t(language, 'summary.col.firstDay')];
  const tail = [
    t(language, 'summary.col.churn'),
    t(language, source === 'log' ? 'summary.col.revenueLog' : 'summary.col.revenueTable', { unit }),
    t(language, 'summary.col.revenueRetention', { unit }),
    t(language, 'summary.col.note'),
  ];
  if (source === 'log') {
    return [...common,
      t(language, 'summary.col.startLog', { unit }),
      t(language, 'summary.col.newLog', { unit }),
      t(language, 'summary.col.returning', { lapse }),
      lapseAfter === 1 ? t(language, 'summary.col.lostLogOne', { unit }) : t(language, 'summary.col.lostLog', { lapse }),
      t(language, 'summary.col.endLog'),
      t(language, 'summary.col.retentionLog'),
      ...tail];
  }
  return [...common,
    t(language, 'summary.col.startTable', { unit }),
    t(language, 'summary.col.newTable', { unit }),
    t(language, 'summary.col.newCancelled', { unit }),
    t(language, 'summary.col.lostTable', { unit }),
    t(language, 'summary.col.endTable'),
    t(language, 'summary.col.retentionTable'),
    ...tail];
}

function rowNote(r: PeriodRow, source: Source, lastDay: DayNumber, lapseAfter: number, period: PeriodUnit, language: Language): string {
  const unit = unitWord(period);
  if (r.partial) return t(language, source === 'log' ? 'summary.row.partial' : 'summary.row.partialTable', { unit, date: date(lastDay) });
  if (r.windowFilling) return t(language, 'summary.row.windowFilling', { lapse: unitCount(period, lapseAfter) });
  return '';
}

/** The explanation under the table, in words. */
export function periodTableNote(source: Source, lapseAfter: number, period: PeriodUnit, language: Language): string {
  const unit = unitWord(period);
  if (source === 'table') return t(language, 'summary.note.table', { unit });
  const window = lapseAfter === 1
    ? t(language, 'summary.note.lapseOne', { unit })
    : t(language, 'summary.note.lapse', { unit, before: unitCount(period, lapseAfter - 1), lapse: unitCount(period, lapseAfter) });
  return `${window} ${t(language, 'summary.note.returning', { unit })}`;
}

/** Adds the table to the grid; returns its area (header row and one row per period). */
export function addPeriodTable(g: Grid, report: CohortReport, money: string, dayCell: (day: DayNumber) => Date, language: Language, dateFormat: string): Area {
  const { source, lapseAfter, period } = report.options;
  g.add([t(language, 'summary.perPeriod.title')], TITLE);
  const header = periodHeaders(source, lapseAfter, period, language);
  const top = g.add(header, HEADER);
  const formats = ['', dateFormat, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count,
    FORMAT.percent, FORMAT.percent, money, FORMAT.percent, ''];
  const rows = report.total.perPeriod;
  const label = periodLabeller({ unit: period, weekStart: report.options.weekStart }, language);
  for (const r of rows) {
    const cells: CellContent[] = [label(r.period), dayCell(r.startDay), r.start, r.newCustomers, source === 'log' ? r.returning : r.newAndCancelled,
      r.lost, r.end, r.crr, r.churn, report.hasRevenue ? r.revenue : null, report.hasRevenue ? r.revenueRetention : null,
      rowNote(r, source, report.lastDay, lapseAfter, period, language)];
    g.add(cells, (i) => ({ numberFormat: formats[i] || undefined, ...(r.partial ? PARTIAL : {}) }));
  }
  g.add(['', periodTableNote(source, lapseAfter, period, language)], NOTE);
  return { row: top, column: 1, rows: rows.length + 1, columns: header.length };
}
