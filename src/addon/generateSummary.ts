import { UserError } from '../core/errors';
import { formatDay, parseIsoDay } from '../core/calendar';
import { computeCohortReport, dateCell, type CohortReport } from '../core/cohorts';
import { dayInZone } from '../core/timeZone';
import { summaryLayout, type SummaryMeta } from '../report/summaryLayout';
import { replaceOwnedSheet, type WrittenSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import type { ReportOutcome, ReportSettings } from './protocol';
import { withDocumentLock } from './documentLock';
import { readSource } from './readSource';

export const SUMMARY_SHEET_NAME = 'Retention summary';

/**
 * The report the sidebar's button and "Refresh summary" run: read the source sheet, compute every
 * table, write the summary sheet. Under the document lock, so two people generating at once cannot
 * interleave their writes; all computing happens before the first write.
 */
export function generateSummary(settings: ReportSettings): ReportOutcome {
  return withDocumentLock('Someone else is generating the summary of this spreadsheet right now. Try again in a minute.', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const locale = ss.getSpreadsheetLocale();
    const source = readSource(settings, timeZone, locale);
    let asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
    if (settings.asOf && asOfDay === null) throw new UserError(`The "as of" date "${settings.asOf}" is not a valid date.`);
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
      lapseAfter: source.data.kind === 'log' ? settings.lapseAfter : 1,
      refundsAreActivity: settings.refundsAreActivity,
    });
    const sheet = writeSummarySheet(ss, report, {
      sourceDescription: source.description,
      shapeDescription: settings.shape === 'log' ? LOG_SHAPE : TABLE_SHAPE,
      rowsRead: source.rowsRead,
      settingsLines: [...source.columnLines, ...settingsLines(settings, source.columnName, asOfDay, stopsToday), ...countingLines(settings, source.data.kind, source.data.kind === 'log' && !!source.data.amount, source.amountDescription)],
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

const unitPlural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** How customers are counted: the lapse window, refunds, where the amount comes from (logs); new customers (tables). */
export function countingLines(s: ReportSettings, kind: 'log' | 'table', hasAmounts: boolean, amountDescription: string | null): [string, string][] {
  const unit = s.period;
  if (kind === 'table') {
    return [['New customers', `signed up in the ${unit} and still active at its end; those who sign up and cancel in the same ${unit} are counted apart (New and cancelled), neither as new nor as lost`]];
  }
  const k = s.lapseAfter;
  const lines: [string, string][] = [[
    'A customer is lost after',
    `${unitPlural(k, unit)} without a purchase (active in a ${unit}: bought in it${k > 1 ? ` or in the ${unitPlural(k - 1, unit)} before` : ''})`,
  ]];
  if (amountDescription) lines.push(['Amount', amountDescription]);
  if (hasAmounts) {
    lines.push(['Refunds', s.refundsAreActivity
      ? 'rows with a negative amount count in revenue and as purchases (they make a customer active)'
      : 'rows with a negative amount count in revenue, not as purchases (they do not make a customer active, new or returning)']);
  }
  return lines;
}
