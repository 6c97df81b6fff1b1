/**
 * The BigQuery source's report: build the cohort query (src/core/sql, BigQuery dialect) from the
 * settings and the table's schema, estimate it with a dry run, then run it within Apps Script's 6
 * minutes — polling the job, reading every page — and write the summary with the same layout as a
 * sheet source. A job still running when time is short is kept and picked up by the next click.
 */
import { parseIsoDay } from '../../core/calendar';
import { UserError } from '../../core/errors';
import { resolveCohortOptions } from '../../core/cohorts/options';
import { bigQuery, cohortQuery, cohortResultRows, lapseSuggestionFromRows, tableQuery, type SqlCohortSettings, type SqlLogColumns } from '../../core/sql';
import { dayInZone } from '../../core/timeZone';
import { writeSqlSummary } from '../sqlSummary';
import { dryRun } from './client';
import { collectQuery } from './collect';
import { formatBytes } from './errors';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { render, msg } from '../../i18n/catalogue';
import type { Language } from '../../i18n/languages';
import { money, type AnyMessage } from '../../i18n/messages';
import { clearPendingJob } from './pendingJob';
import type { BigQueryEstimate, BigQueryReportSettings, BigQueryRunResult } from './protocol';
import { chosenColumn, resolveSource, type ResolvedSource } from './source';

/** On-demand analysis pricing, US multi-region (https://cloud.google.com/bigquery/pricing#on_demand_pricing). */
export const USD_PER_TIB = 6.25;
/**
 * On-demand charges "are rounded up to the nearest MB, with a minimum 10 MB data processed per table
 * referenced by the query, and with a minimum 10 MB data processed per query" (same page).
 */
const MB = 1024 * 1024;
const MIN_BILLED_BYTES = 10 * MB;

interface Built {
  source: ResolvedSource;
  sql: string;
  settings: SqlCohortSettings;
  shape: 'log' | 'table';
  /** For the summary: the columns' names (a table's signup column as `date`, its revenue as `amount`). */
  names: { id: string; date: string; amount: string | null; segment: string | null; cancel: string | null };
  today: number | null;
}

function build(settings: BigQueryReportSettings, timeZone: string): Built {
  const source = resolveSource(settings);
  const shape = settings.shape ?? 'log';
  const c = settings.columns;
  const id = chosenColumn(source, c.id, 'id', true)!;
  const date = shape === 'log' ? chosenColumn(source, c.date, 'date', true)! : chosenColumn(source, c.signup ?? '', 'signup', true)!;
  const amount = chosenColumn(source, c.amount, shape === 'log' ? 'amount' : 'revenue', false);
  const segment = chosenColumn(source, c.segment, 'segment', false);
  const cancel = shape === 'table' ? chosenColumn(source, c.cancel ?? '', 'cancel', false) : null;
  const asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
  if (settings.asOf && asOfDay === null) throw new UserError(msg('server.badAsOf', { date: settings.asOf }), 'asOf');
  const sqlSettings: SqlCohortSettings = {
    period: settings.period, weekStart: settings.weekStart, timeZone, mode: settings.mode === 'inOrAfter' ? 'in-or-after' : 'in',
    lapseAfter: shape === 'log' ? (settings.lapseAfter ?? 1) : 1, refundsAreActivity: settings.refundsAreActivity === true, asOfDay, segment: settings.segmentFilter || null, bySegment: settings.breakdown && !settings.segmentFilter,
  };
  // The engine's own check of the lapse window (0 or 2.5 periods…), before any query is built or billed.
  resolveCohortOptions({ period: sqlSettings.period, lapseAfter: sqlSettings.lapseAfter }, shape, null);
  // A customer table may hold scheduled cancellations: without an as-of day it stops today, as in a sheet.
  const today = shape === 'table' ? dayInZone(Date.now(), timeZone) : null;
  // The builders refuse a column of the wrong type before anything runs.
  const sql = shape === 'log'
    ? cohortQuery(bigQuery, source.sql, { id, date, amount, segment } satisfies SqlLogColumns, sqlSettings)
    : tableQuery(bigQuery, source.sql, { id, signup: date, cancel, revenue: amount, segment }, { ...sqlSettings, today });
  const names = { id: id.name, date: date.name, amount: amount?.name ?? null, segment: segment?.name ?? null, cancel: cancel?.name ?? null };
  return { source, sql, settings: sqlSettings, shape, names, today };
}

/** Who reads what: the sidebar's lines in the user's language, the summary's header block in the spreadsheet's. */
export interface ReportLanguages {
  user: Language;
  sheet: Language;
}

const dollars = (value: number) => money(value, 'USD', 2);

export interface Estimate {
  bytes: number;
  billedBytes: number;
  costUsd: number;
  message: AnyMessage;
}

/** What queries run one after the other bill: each at least 10 MB (per table it reads), rounded up to the MB. */
export function estimateOfQueries(bytes: readonly number[], key: 'bq.estimate' | 'bq.estimateValue' | 'bq.segmentsScanned' = 'bq.estimate'): Estimate {
  return estimateOf(bytes.reduce((a, b) => a + b, 0), bytes.reduce((sum, b) => sum + Math.ceil(Math.max(b, MIN_BILLED_BYTES) / MB) * MB, 0), key);
}

function estimateOf(bytes: number, billedBytes: number, key: 'bq.estimate' | 'bq.estimateValue' | 'bq.segmentsScanned'): Estimate {
  const costUsd = (billedBytes / 2 ** 40) * USD_PER_TIB;
  const cost = costUsd < 0.01 ? bqMsg('bq.costBelow', { amount: dollars(0.01) }) : bqMsg('bq.costAbout', { amount: dollars(costUsd) });
  return { bytes, billedBytes, costUsd, message: bqMsg(key, { bytes: formatBytes(bytes), billed: formatBytes(billedBytes), cost, price: dollars(USD_PER_TIB) }) };
}

/** The dry run: what the query would scan and cost, before the user confirms. Reads no data. */
export function estimateReport(settings: BigQueryReportSettings, timeZone: string, language: Language = 'en'): BigQueryEstimate {
  const b = build(settings, timeZone);
  const estimate = estimateOfQueries([dryRun(b.source.projectId, b.sql).bytes]);
  const over = settings.maxBytes > 0 && estimate.billedBytes > settings.maxBytes;
  const message = over ? bqMsg('bq.estimateOverLimit', { estimate: estimate.message, limit: formatBytes(settings.maxBytes) }) : estimate.message;
  return { bytes: estimate.bytes, billedBytes: estimate.billedBytes, costUsd: estimate.costUsd, message: render(message, language) };
}

/** Refuses, before anything runs, queries whose dry runs bill more than the user's limit (0: none). */
export function checkLimit(projectId: string, queries: readonly string[], maxBytes: number): void {
  if (!(maxBytes > 0)) return;
  const estimate = estimateOfQueries(queries.map((q) => dryRun(projectId, q).bytes));
  if (estimate.billedBytes > maxBytes) {
    throw new UserError(bqMsg('bq.overLimit', { bytes: formatBytes(estimate.bytes), billed: formatBytes(estimate.billedBytes), limit: formatBytes(maxBytes) }));
  }
}

export function runReport(settings: BigQueryReportSettings, timeZone: string, languages: ReportLanguages = { user: 'en', sheet: 'en' }, now: () => number = Date.now): BigQueryRunResult {
  const started = now();
  const b = build(settings, timeZone);
  const projectId = b.source.projectId;
  const collected = collectQuery(projectId, b.sql, settings.maxBytes, started, now, () => checkLimit(projectId, [b.sql], settings.maxBytes));
  if (collected.state === 'running') return { state: 'running', jobId: collected.jobId, message: render(collected.message, languages.user) };
  const { rows, bytes } = collected;
  const page = { jobId: collected.job.jobId };
  clearPendingJob([collected.job.queryHash]);
  const sheetText = (m: AnyMessage) => render(m, languages.sheet);
  const outcome = writeSqlSummary({
    settings: b.settings,
    columns: b.names,
    shape: b.shape,
    today: b.today,
    rows,
    sourceDescription: sheetText(b.source.name === 'query' ? bqMsg('bq.sourceQuery', { project: projectId }) : bqMsg('bq.sourceTable', { table: b.source.name })),
    detailLines: [
      ['BigQuery', sheetText(bqMsg('bq.line.scanned', { bytes: formatBytes(bytes), project: projectId }))], // i18n-exempt: the product's name
      [sheetText(bqMsg('bq.line.job')), page.jobId],
    ],
  });
  // What the data suggests for the lapse window, in this report's period: shown beside the input.
  const lapse = b.shape === 'log' ? lapseSuggestionFromRows(cohortResultRows(rows)) : null;
  return { state: 'done', outcome, jobId: page.jobId, bytes, lapse };
}
