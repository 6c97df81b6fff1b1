/**
 * The BigQuery source's Customer value sheet: two queries in BigQuery's dialect (src/core/sql/valueQuery.ts)
 * whose results stay small whatever the number of customers — the grouped rows the models are fitted on
 * (with the totals per group), then, with the fitted parameters written into it, the customers the sheet
 * lists — estimated together by dry runs, run within the 6 minutes like the summary's query (a job still
 * running is resumed by the next click, the first query's finished job read again rather than rerun), and
 * written by the sheet source's layout into the same owned sheet.
 */
import { parseIsoDay } from '../../core/calendar';
import { UserError } from '../../core/errors';
import { checkAtRiskOptions } from '../../core/models/atRisk';
import { checkClvHorizon } from '../../core/models/clv';
import { bigQuery, type SqlLogColumns } from '../../core/sql';
import { narrowedValueQueries, type NarrowedValueQueries } from '../../core/sql/narrowedQueries';
import { valueCandidatesQuery, type SqlCandidateSettings, type SqlValueSettings } from '../../core/sql/valueQuery';
import { bqMsg } from '../../i18n/bigqueryMessages';
import { msg, render } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { MAX_LIST_ROWS, TOP_CUSTOMERS } from '../../report/customerValueTables';
import { NEEDS_AMOUNTS } from '../customerValue';
import { sanitizeCosts } from '../settings';
import { anyCostRate, type CostRateSettings } from '../../core/models/segmentCosts';
import { writeSqlCustomerValue } from '../sqlCustomerValue';
import { dryRun } from './client';
import { collectQuery } from './collect';
import { formatBytes } from './errors';
import { clearPendingJob, savePendingJob } from './pendingJob';
import type { BigQueryEstimate, BigQueryValueResult, BigQueryValueSettings } from './protocol';
import { checkLimit, estimateOfQueries, type ReportLanguages } from './runReport';
import { chosenColumn, resolveSource, type ResolvedSource } from './source';

const LIMITS = { topRows: TOP_CUSTOMERS, listRows: MAX_LIST_ROWS };

interface BuiltValue {
  source: ResolvedSource;
  columns: SqlLogColumns;
  settings: SqlValueSettings;
  groupsSql: string;
  queries: NarrowedValueQueries;
  lists: { topShare: number; aliveBelow: number; aliveFloor: number };
  horizon: { horizonMonths: number; monthlyDiscountRate: number };
  /** The cost to serve; null without one (or with every rate 0). */
  costs: CostRateSettings | null;
}

function buildValue(settings: BigQueryValueSettings, timeZone: string): BuiltValue {
  const horizon = { horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate };
  const lists = { topShare: settings.topShare, aliveBelow: settings.aliveBelow, aliveFloor: settings.aliveFloor };
  // The settings' own checks, before anything is read or billed.
  checkClvHorizon({ ...horizon, unit: 'weeks' });
  checkAtRiskOptions(lists);
  const asOfDay = settings.asOf ? parseIsoDay(settings.asOf) : null;
  if (settings.asOf && asOfDay === null) throw new UserError(msg('server.badAsOf', { date: settings.asOf }), 'asOf');
  if (!settings.columns.amount) throw new UserError(NEEDS_AMOUNTS);
  // The sheet source's checks of the rates (a share from 0 to 100 %, an amount per month of at least 0).
  const checked = settings.costs ? sanitizeCosts({ ...settings.costs, column: 0 }) : null;
  const costColumn = typeof settings.costs?.column === 'string' ? settings.costs.column : '';
  const costs = checked && (anyCostRate(checked) || costColumn) ? { all: checked.all, segments: checked.segments } : null;
  const source = resolveSource(settings);
  const c = settings.columns;
  const columns: SqlLogColumns = {
    id: chosenColumn(source, c.id, 'id', true)!, date: chosenColumn(source, c.date, 'date', true)!,
    amount: chosenColumn(source, c.amount, 'amount', true), segment: chosenColumn(source, c.segment, 'segment', false),
    cost: chosenColumn(source, costColumn, 'cost', false),
  };
  const s: SqlValueSettings = { timeZone, endDay: asOfDay, refundsAreActivity: settings.refundsAreActivity === true, topShare: lists.topShare };
  // The builder refuses a column of the wrong type before anything runs.
  const queries = narrowedValueQueries(bigQuery, source.sql, columns, s, horizon, lists, LIMITS, costs);
  return { source, columns, settings: s, groupsSql: queries.groupsSql, queries, lists, horizon, costs };
}

/** The second query before the fit: the same columns, so the same bytes (the parameters only change numbers in it). */
function placeholderCandidates(b: BuiltValue): string {
  const plan: SqlCandidateSettings = { ...b.settings, ...b.lists, ...LIMITS, bgNbd: { r: 1, alpha: 1, a: 1, b: 1 }, topGroups: [] };
  return valueCandidatesQuery(bigQuery, b.source.sql, b.columns, plan);
}

export function estimateValue(settings: BigQueryValueSettings, timeZone: string, language: ReportLanguages['user'] = 'en'): BigQueryEstimate {
  const b = buildValue(settings, timeZone);
  const projectId = b.source.projectId;
  const estimate = estimateOfQueries([dryRun(projectId, b.groupsSql).bytes, dryRun(projectId, placeholderCandidates(b)).bytes], 'bq.estimateValue');
  const text = estimate.message;
  const over = settings.maxBytes > 0 && estimate.billedBytes > settings.maxBytes;
  const message = over ? bqMsg('bq.estimateOverLimit', { estimate: text, limit: formatBytes(settings.maxBytes) }) : text;
  return { bytes: estimate.bytes, billedBytes: estimate.billedBytes, costUsd: estimate.costUsd, message: render(message, language) };
}

export function runValue(settings: BigQueryValueSettings, timeZone: string, languages: ReportLanguages = { user: 'en', sheet: 'en' }, now: () => number = Date.now): BigQueryValueResult {
  const started = now();
  const b = buildValue(settings, timeZone);
  const projectId = b.source.projectId;
  const running = (jobId: string, message: AnyMessage): BigQueryValueResult => ({ state: 'running', jobId, message: render(message, languages.user) });
  const first = collectQuery(projectId, b.groupsSql, settings.maxBytes, started, now, () => checkLimit(projectId, [b.groupsSql, placeholderCandidates(b)], settings.maxBytes));
  if (first.state === 'running') return running(first.jobId, first.message);
  // Fitted once: for the second query's plan and for the sheet.
  const fitted = b.queries.fit(first.rows);
  const candidatesSql = b.queries.candidatesSql(first.rows, fitted);
  const second = collectQuery(projectId, candidatesSql, settings.maxBytes, started, now);
  if (second.state === 'running') {
    savePendingJob(first.job); // its results are read again on the next click, not recomputed
    return running(second.jobId, second.message);
  }
  const sheetText = (m: AnyMessage) => render(m, languages.sheet);
  const names = { id: b.columns.id.name, date: b.columns.date.name, amount: b.columns.amount!.name };
  const bytes = first.bytes + second.bytes;
  const jobIds = [first.job.jobId, second.job.jobId];
  const outcome = writeSqlCustomerValue({
    modelRows: first.rows, customerRows: second.rows, narrowed: true, fitted, ...b.horizon, lists: b.lists, ...(b.costs ? { costs: b.costs } : {}), ...(b.columns.cost ? { costColumn: b.columns.cost.name } : {}), asOfChosen: b.settings.endDay !== null,
    sourceDescription: sheetText(b.source.name === 'query' ? bqMsg('bq.sourceQuery', { project: projectId }) : bqMsg('bq.sourceTable', { table: b.source.name })),
    columnLines: [
      [sheetText(msg('source.label.id')), names.id], [sheetText(msg('source.label.date')), names.date], [sheetText(msg('source.label.amount')), names.amount],
      ...(b.columns.segment ? [[sheetText(msg('source.label.segment')), b.columns.segment.name] as [string, string]] : []),
      ['BigQuery', sheetText(bqMsg('bq.line.scanned', { bytes: formatBytes(bytes), project: projectId }))], // i18n-exempt: the product's name
      [sheetText(bqMsg('bq.line.jobs')), jobIds.join(', ')],
    ],
    segmentColumn: b.columns.segment?.name ?? '',
    names,
  });
  clearPendingJob([first.job.queryHash, second.job.queryHash]);
  return { state: 'done', outcome, jobIds, bytes };
}
