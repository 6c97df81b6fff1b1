import { UserError } from '../core/errors';
import { formatDay, parseIsoDay } from '../core/calendar';
import { computeCohortReport, dateCell, type CohortReport } from '../core/cohorts';
import { dayInZone } from '../core/timeZone';
import { summaryLayout, type SummaryMeta } from '../report/summaryLayout';
import { replaceOwnedSheet, type WrittenSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import type { ReportOutcome, ReportSettings } from './protocol';
import { withDocumentLock } from './documentLock';
import { msg } from '../i18n';
import { readSource } from './readSource';

export const SUMMARY_SHEET_NAME = 'Retention summary';

/**
 * The report the sidebar's button and "Refresh summary" run: read the source sheet, compute every
 * table, write the summary sheet. Under the document lock, so two people generating at once cannot
 * interleave their writes; all computing happens before the first write.
 */
export function generateSummary(settings: ReportSettings): ReportOutcome {
  return withDocumentLock(msg('server.busySummary'), () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const locale = ss.getSpreadsheetLocale();
    const source = readSource(settings, timeZone, locale);
    let asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
    if (settings.asOf && asOfDay === null) throw new UserError(msg('server.badAsOf', { date: settings.asOf }), 'asOf');
    // A customer table may hold dates still to come (cancellations already scheduled): without an
    // "as of" date, the report then stops today rather than showing the future as observed.
    const today = dayInZone(Date.now(), timeZone);
    const stopsToday = asOfDay === null && source.data.kind === 'table' && source.data.lastDay > today;
    if (stopsToday) asOfDay = today;
    const report = computeCohortReport(source.data, {
      period: settings.period,
      weekStart: settings.weekStart,
      mode: settings.mode === 'inOrAfter' ? 'in-or-after' : 'in',
      asOfDay,
      segment: settings.segmentFilter || null,
      bySegment: settings.breakdown && !settings.segmentFilter,
    });
    const sheet = writeSummarySheet(ss, report, {
      sourceDescription: source.description,
      shapeDescription: settings.shape === 'log' ? LOG_SHAPE : TABLE_SHAPE,
      rowsRead: source.rowsRead,
      settingsLines: [...source.columnLines, ...settingsLines(settings, source.columnName, asOfDay, stopsToday)],
    }, { timeZone, locale });
    const cohorts = report.total.cohorts.length;
    const skipped = report.skipped.total;
    return {
      summarySheetName: sheet.name,
      rowsRead: source.rowsRead,
      rowsSkipped: skipped,
      cohorts,
      periods: report.periods.length,
      message:
        `${cohorts} ${cohorts === 1 ? 'cohort' : 'cohorts'} by ${settings.period} from ${source.rowsRead.toLocaleString('en-US')} rows` +
        (skipped ? ` (${skipped.toLocaleString('en-US')} skipped)` : '') +
        ` written to "${sheet.name}".`,
    };
  });
}

export const LOG_SHAPE = 'Transaction log (one row per purchase or activity)';
export const TABLE_SHAPE = 'Customer table (one row per customer)';

/** Lays out a computed report and writes it into the owned summary sheet (built aside, copied in place). */
export function writeSummarySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  report: CohortReport,
  meta: Pick<SummaryMeta, 'sourceDescription' | 'shapeDescription' | 'rowsRead' | 'settingsLines'>,
  zone: { timeZone: string; locale: string },
): WrittenSheet {
  const layout = summaryLayout(
    report,
    { title: SUMMARY_SHEET_NAME, ...meta, generatedAt: new Date(), version: ADDON_VERSION, locale: zone.locale },
    dateCell(zone.timeZone),
  );
  return replaceOwnedSheet(ss, 'summary', SUMMARY_SHEET_NAME, layout);
}

export function settingsLines(s: ReportSettings, columnName: (c: number) => string, asOfDay: number | null, stopsToday: boolean): [string, string][] {
  const period = s.period === 'week' ? `week (starting ${s.weekStart === 'monday' ? 'Monday, ISO' : 'Sunday'})` : s.period;
  const lines: [string, string][] = [
    ['Period', period],
    ['Retention counts customers', s.mode === 'inOrAfter' ? 'active in the period or any later one' : 'active in the period'],
    [
      'As of',
      asOfDay === null
        ? 'the last date in the data'
        : stopsToday
          ? `today, ${formatDay(asOfDay)} (the table holds later dates, such as scheduled cancellations)`
          : formatDay(asOfDay),
    ],
  ];
  const segmentColumn = s.columns.segment ? columnName(s.columns.segment) : '';
  if (s.segmentFilter) lines.push(['Customers', `segment "${s.segmentFilter}" of ${segmentColumn}`]);
  else if (s.breakdown && segmentColumn) lines.push(['Customers', `all, and broken down by ${segmentColumn}`]);
  else lines.push(['Customers', 'all']);
  return lines;
}
