// Straight from the modules, not the folder's index: the default bundle must not carry the warehouse dialect.
import { cohortReportFromRows, cohortResultRows } from '../core/sql/cohortReport';
import type { SqlCohortSettings } from '../core/sql/cohortQuery';
import { formatDay } from '../core/calendar';
import { withDocumentLock } from './documentLock';
import { languageOf, msg, t } from '../i18n';
import { countingLines, LOG_SHAPE, settingsLines, summaryDoneMessage, TABLE_SHAPE, writeSummarySheet } from './generateSummary';
import type { ReportOutcome, ReportSettings } from './protocol';

/**
 * The summary of a report an SQL engine counted (BigQuery in the BigQuery build; DuckDB for
 * `npm start -- --engine duckdb`): the cohort query's small result table becomes the in-sheet
 * engine's CohortReport and is written by the same layout into the same owned sheet.
 */
export interface SqlSummaryRequest {
  settings: SqlCohortSettings;
  /** The column names as the table has them, for the header block and messages. */
  columns: { id: string; date: string; amount: string | null; segment: string | null; cancel?: string | null };
  /** A transaction log (cohortQuery) or a customer table (tableQuery; `date` is the signup column, `amount` the revenue). */
  shape?: 'log' | 'table';
  /** A table's day to stop at without an as-of day, when it holds later dates (tableQuery's `today`). */
  today?: number | null;
  /** The cohort query's result rows, in the order of RESULT_COLUMNS. */
  rows: unknown[][];
  /** What was read, e.g. "BigQuery table `shop.sales.orders`". */
  sourceDescription: string;
  /** Lines for the header block after the settings: engine, bytes scanned, job id… */
  detailLines: [string, string][];
  /** Per skip reason, the sheet rows (file lines) of its first skipped rows, where the engine knows them (DuckDB's files). */
  skippedRowNumbers?: Record<string, number[]>;
  /** Per reason, the cell a note quotes of its first row (skippedRowsQuery's value), where the engine knows it. */
  skippedRowValues?: Record<string, string>;
  /**
   * How messages name the columns when not by their names alone: a file's columns as the sheet engine names them
   * (column A ("customer_id")), so the notes of both engines read the same.
   */
  messageColumns?: { id: string; date: string; amount: string | null };
}

export function writeSqlSummary(request: SqlSummaryRequest): ReportOutcome {
  const s = request.settings;
  const shape = request.shape ?? 'log';
  const { report, rowsRead } = cohortReportFromRows(cohortResultRows(request.rows), s, request.columns.amount !== null, { ...request.columns, ...request.messageColumns }, shape, request.today ?? null, request.skippedRowNumbers ?? {}, request.skippedRowValues ?? {});
  const stopsToday = s.asOfDay === null && report.options.asOfDay !== null;
  return withDocumentLock(msg('server.busySummary'), () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const asSheetSettings: ReportSettings = {
      sheetName: '', headerRow: 0, shape, columns: { id: 1, date: 2, amount: 0, signup: 0, cancel: 0, segment: request.columns.segment ? 3 : 0 },
      period: s.period, weekStart: s.weekStart, mode: s.mode === 'in-or-after' ? 'inOrAfter' : 'in', asOf: s.asOfDay === null ? '' : formatDay(s.asOfDay),
      segmentFilter: s.segment ?? '', breakdown: s.bySegment, lapseAfter: s.lapseAfter, refundsAreActivity: s.refundsAreActivity,
    };
    const lines = [
      ...settingsLines(asSheetSettings, () => t(languageOf(ss.getSpreadsheetLocale()), 'source.column', { ref: `"${request.columns.segment}"` }), report.options.asOfDay, stopsToday),
      ...countingLines(asSheetSettings, report.options.source, request.columns.amount !== null, null),
    ];
    const sheet = writeSummarySheet(
      ss,
      report,
      { sourceDescription: request.sourceDescription, shapeDescription: shape === 'log' ? LOG_SHAPE : TABLE_SHAPE, rowsRead, settingsLines: [...lines, ...request.detailLines] },
      { timeZone: s.timeZone, locale: ss.getSpreadsheetLocale() },
    );
    const cohorts = report.total.cohorts.length;
    const skipped = report.skipped.total;
    return {
      summarySheetName: sheet.name,
      rowsRead,
      rowsSkipped: skipped,
      cohorts,
      periods: report.periods.length,
      message: summaryDoneMessage(cohorts, s.period, rowsRead, skipped, sheet.name),
    };
  });
}
