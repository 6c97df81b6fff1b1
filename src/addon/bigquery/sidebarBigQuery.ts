/** The sidebar's BigQuery source: server functions (BigQuery build only). */
import type { BigQueryDescription, BigQueryEstimate, BigQueryReportSettings, BigQueryRunResult, BigQuerySegments, BigQuerySegmentsRequest, BigQuerySource, BigQueryValueResult, BigQueryValueSettings } from './protocol';
import { readSegments } from './segments';
import { estimateValue, runValue } from './runValue';
import { estimateReport, runReport } from './runReport';
import { describeSource } from './source';
import { sheetLanguage, userInterfaceLanguage } from '../language';

/** Kept in the document's properties, as the sheet source's settings are; each run has its own key, so neither spoils the other's. */
const KEY = 'retentionAnalytics.bigQuerySettings.v1';
const VALUE_KEY = 'retentionAnalytics.bigQueryCustomerValue.v1';

function load<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as T) : null;
  } catch {
    return null;
  }
}

export function sidebarBigQuerySaved(): BigQueryReportSettings | null {
  return load<BigQueryReportSettings>(KEY);
}

/** The Customer value settings (months ahead, discount, thresholds, cost to serve) of the last BigQuery customer value run in this document. */
export function sidebarBigQueryValueSaved(): BigQueryValueSettings | null {
  return load<BigQueryValueSettings>(VALUE_KEY);
}

export function sidebarBigQueryDescribe(source: BigQuerySource): BigQueryDescription {
  return describeSource(source);
}

/** The segment column's values from the data (the most frequent, capped), for the cost to serve's lines; typed names are checked. */
export function sidebarBigQuerySegments(request: BigQuerySegmentsRequest): BigQuerySegments {
  return readSegments(request, userInterfaceLanguage());
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
  const result = runValue(settings, ss.getSpreadsheetTimeZone(), { user: userInterfaceLanguage(), sheet: sheetLanguage(ss.getSpreadsheetLocale()) });
  PropertiesService.getDocumentProperties().setProperty(VALUE_KEY, JSON.stringify(settings));
  return result;
}
