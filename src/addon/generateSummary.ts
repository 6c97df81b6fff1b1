import { UserError } from '../core/errors';
import { parseIsoDay } from '../core/calendar';
import type { PeriodUnit } from '../core/periods';
import { computeCohortReport, dateCell, type CohortReport } from '../core/cohorts';
import { dayInZone } from '../core/timeZone';
import { summaryLayout, type SummaryMeta } from '../report/summaryLayout';
import { replaceOwnedSheet, type WrittenSheet } from '../report/writeSheet';
import { ADDON_VERSION } from '../version';
import type { ReportOutcome, ReportSettings } from './protocol';
import { withDocumentLock } from './documentLock';
import { languageOf, msg, render, t, type Param } from '../i18n';
import { date, integer } from '../i18n/messages';
import { unitCount, unitWord } from '../i18n/periodWords';
import { userInterfaceLanguage } from './language';
import { readSource } from './readSource';

/** The summary's name for a new sheet, in the spreadsheet's language; an existing one keeps its name (ownership is by metadata). */
export function summarySheetName(locale: string): string {
  return t(languageOf(locale), 'summary.sheetName');
}

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
      lapseAfter: source.data.kind === 'log' ? settings.lapseAfter : 1,
      refundsAreActivity: settings.refundsAreActivity,
    });
    const sheet = writeSummarySheet(ss, report, {
      sourceDescription: source.description,
      shapeDescription: settings.shape === 'log' ? LOG_SHAPE : TABLE_SHAPE,
      rowsRead: source.rowsRead,
      moneyFormat: source.moneyFormat,
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
      message: summaryDoneMessage(cohorts, settings.period, source.rowsRead, skipped, sheet.name),
    };
  });
}

export const LOG_SHAPE = msg('summary.shapeLog');
export const TABLE_SHAPE = msg('summary.shapeTable');

const BY_PERIOD = { week: 'server.summary.byWeek', month: 'server.summary.byMonth', quarter: 'server.summary.byQuarter', year: 'server.summary.byYear' } as const;

/** "12 cohorts by month from 2,000 rows (3 skipped) written to "Retention summary".", in the user's language. */
export function summaryDoneMessage(cohorts: number, period: PeriodUnit, rowsRead: number, skipped: number, sheetName: string): string {
  const params = {
    count: integer(cohorts),
    by: msg(BY_PERIOD[period]),
    rows: msg('server.value.rows', { count: integer(rowsRead) }),
    sheet: sheetName,
  };
  const message = skipped ? msg('server.summary.doneSkipped', { ...params, skipped: msg('server.value.skipped', { count: integer(skipped) }) }) : msg('server.summary.done', params);
  return render(message, userInterfaceLanguage());
}

/** Lays out a computed report and writes it into the owned summary sheet (built aside, copied in place). */
export function writeSummarySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  report: CohortReport,
  meta: Pick<SummaryMeta, 'sourceDescription' | 'shapeDescription' | 'rowsRead' | 'settingsLines' | 'moneyFormat'>,
  zone: { timeZone: string; locale: string },
): WrittenSheet {
  const name = summarySheetName(zone.locale);
  const layout = summaryLayout(report, { title: name, ...meta, generatedAt: new Date(), version: ADDON_VERSION, locale: zone.locale }, dateCell(zone.timeZone));
  return replaceOwnedSheet(ss, 'summary', name, layout, languageOf(zone.locale));
}

type Line = [Param, Param];

const PERIOD_WORD = { month: 'unit.month', quarter: 'unit.quarter', year: 'unit.year' } as const;

/** The header block's lines for the choices made: period, counting mode, as-of day, customers. */
export function settingsLines(s: ReportSettings, columnName: (c: number) => string, asOfDay: number | null, stopsToday: boolean): Line[] {
  const period = s.period === 'week' ? msg(s.weekStart === 'monday' ? 'summary.period.weekMonday' : 'summary.period.weekSunday') : msg(PERIOD_WORD[s.period]);
  const lines: Line[] = [
    [msg('summary.setting.period'), period],
    [msg('summary.setting.mode'), msg(s.mode === 'inOrAfter' ? 'summary.mode.later' : 'summary.mode.in')],
    [
      msg('summary.setting.asOf'),
      asOfDay === null ? msg('summary.asOf.last') : stopsToday ? msg('summary.asOf.today', { date: date(asOfDay) }) : date(asOfDay),
    ],
  ];
  const segmentColumn = s.columns.segment ? columnName(s.columns.segment) : '';
  const customers = msg('summary.setting.customers');
  if (s.segmentFilter) lines.push([customers, msg('summary.customers.segment', { segment: s.segmentFilter, column: segmentColumn })]);
  else if (s.breakdown && segmentColumn) lines.push([customers, msg('summary.customers.breakdown', { column: segmentColumn })]);
  else lines.push([customers, msg('summary.customers.all')]);
  return lines;
}

/** How customers are counted: the lapse window, refunds, where the amount comes from (logs); new customers (tables). */
export function countingLines(s: ReportSettings, kind: 'log' | 'table', hasAmounts: boolean, amountDescription: Param | null): Line[] {
  const unit = unitWord(s.period);
  if (kind === 'table') return [[msg('summary.setting.newCustomers'), msg('summary.counting.table', { unit })]];
  const k = s.lapseAfter;
  const lapse = unitCount(s.period, k);
  const lines: Line[] = [[
    msg('summary.setting.lostAfter'),
    k > 1 ? msg('summary.counting.lapse', { lapse, unit, before: unitCount(s.period, k - 1) }) : msg('summary.counting.lapseOne', { lapse, unit }),
  ]];
  if (amountDescription) lines.push([msg('summary.setting.amount'), amountDescription]);
  if (hasAmounts) lines.push([msg('summary.setting.refunds'), msg(s.refundsAreActivity ? 'summary.refunds.activity' : 'summary.refunds.notActivity')]);
  return lines;
}
