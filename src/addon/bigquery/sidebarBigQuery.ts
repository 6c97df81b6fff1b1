/** The sidebar's BigQuery source: server functions (BigQuery build only). */
import type { BigQueryDescription, BigQueryEstimate, BigQueryReportSettings, BigQueryRunResult, BigQuerySource, BigQueryValueResult, BigQueryValueSettings } from './protocol';
import { estimateValue, runValue } from './runValue';
import { estimateReport, runReport } from './runReport';
import { describeSource } from './source';
import { sheetLanguage, userInterfaceLanguage } from '../language';

const KEY = 'retentionAnalytics.bigQuerySettings.v1';

export function sidebarBigQuerySaved(): BigQueryReportSettings | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as BigQueryReportSettings;
  } catch {
    return null;
  }
}

export function sidebarBigQueryDescribe(source: BigQuerySource): BigQueryDescription {
  return describeSource(source);
}

export function sidebarBigQueryEstimate(settings: BigQueryReportSettings): BigQueryEstimate {
  return estimateReport(settings, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), userInterfaceLanguage());
}

export function sidebarBigQueryRun(settings: BigQueryReportSettings): BigQueryRunResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // The summary is written under the document lock (writeSqlSummary); the query itself needs none.
  const result = runReport(settings, ss.getSpreadsheetTimeZone(), { user: userInterfaceLanguage(), sheet: sheetLanguage(ss.getSpreadsheetLocale()) });
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(settings));
  return result;
}

export function sidebarBigQueryValueEstimate(settings: BigQueryValueSettings): BigQueryEstimate {
  return estimateValue(settings, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), userInterfaceLanguage());
}

export function sidebarBigQueryValueRun(settings: BigQueryValueSettings): BigQueryValueResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // The sheet is written under the document lock (writeSqlCustomerValue); the queries need none.
  return runValue(settings, ss.getSpreadsheetTimeZone(), { user: userInterfaceLanguage(), sheet: sheetLanguage(ss.getSpreadsheetLocale()) });
}
