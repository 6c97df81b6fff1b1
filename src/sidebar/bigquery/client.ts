/**
 * The sidebar's BigQuery source (BigQuery build only): read a table's columns, estimate the query
 * with a dry run (bytes and cost), and only then run it. Its own markup (BigQuerySource.html) and
 * calls, so the sheet source's code is untouched. User strings go in as text, never as HTML.
 */
import type { BigQueryDescription, BigQueryEstimate, BigQueryReportSettings, BigQueryRunResult, BigQuerySegments, BigQuerySegmentsRequest, BigQuerySource, BigQueryValueResult, BigQueryValueSettings } from '../../addon/bigquery/protocol';
import type { LapseSuggestion } from '../../core/cohorts/lapseSuggestion';
import type { PeriodUnit } from '../../core/periods';
import { integer, percent } from '../../i18n/messages';
import { createCostInputs, type CostInputs } from '../costs';
import { byId, setChoices } from '../dom';
import { text as sidebarText } from '../text';
import { bqText, localizeSection } from './text';

declare const google: { script: { run: Record<string, unknown> } } | undefined;

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined') return reject(new Error(bqText('bigquery.outsideSheets')));
    const runner = (google.script.run as { withSuccessHandler(f: (v: unknown) => void): { withFailureHandler(f: (e: unknown) => void): Record<string, (...a: unknown[]) => void> } })
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(new Error(e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e))));
    runner[name](...args);
  });
}

const input = (id: string) => byId(id, HTMLInputElement);
const select = (id: string) => byId(id, HTMLSelectElement);
const text = (id: string, value: string) => (byId(id, HTMLElement).textContent = value);

let estimated: string | null = null; // the settings (as JSON) the shown estimate is for
let estimatedValue: string | null = null; // the same for the customer value queries
let description: BigQueryDescription | null = null; // the columns last read
/** Segments the user added a cost line for by name: beyond the list's cap, each checked to be in the data first. */
const addedSegments: string[] = [];
/**
 * The chosen segment column's values as read from the data (sidebarBigQuerySegments), for the source and column they
 * were read for; 'reading' while the query runs, 'failed' when it could not run (the sample's values stand in).
 */
let segmentList: { key: string; state: 'reading' } | { key: string; state: 'failed'; message: string } | { key: string; state: 'data'; data: BigQuerySegments } | null = null;
/** A saved cost column, chosen once the columns that hold it are read. */
let savedCostColumn = '';
let costs: CostInputs;

/**
 * Numbers the requests of one kind; `next()` gives a request its number and returns whether it is still the newest.
 * Answers can come back out of order (google.script.run runs calls side by side): only the newest one's is shown.
 */
function requestCounter(): { next(): () => boolean } {
  let newest = 0;
  return {
    next() {
      const mine = ++newest;
      return () => mine === newest;
    },
  };
}
const describeRequests = requestCounter();
const estimateRequests = requestCounter();
const restoreRequests = requestCounter();
const segmentRequests = requestCounter();

/**
 * What the user has changed since the sidebar opened, by input id ('costs' for any cost to serve line or
 * the cost column): the saved settings, which arrive later, never overwrite it. Programmatic changes fire no
 * input or change events, so only the user's own edits are counted.
 */
const touched = new Set<string>();
const COSTS = 'costs';
function noteTouched(e: Event): void {
  const el = e.target as HTMLElement;
  touched.add(el.closest('#bq-cost-rows') || el.id === 'bq-cost-column' ? COSTS : el.id);
}

function source(): BigQuerySource {
  return { projectId: input('bq-project').value.trim(), table: input('bq-table').value.trim(), query: byId('bq-query', HTMLTextAreaElement).value };
}

function settings(): BigQueryReportSettings {
  const gb = Number(input('bq-max-gb').value);
  return {
    ...source(),
    shape: select('bq-shape').value as 'log' | 'table',
    columns: {
      id: select('bq-col-id').value, date: select('bq-col-date').value, amount: select('bq-col-amount').value, segment: select('bq-col-segment').value,
      signup: select('bq-col-signup').value, cancel: select('bq-col-cancel').value,
    },
    period: select('bq-period').value as BigQueryReportSettings['period'],
    weekStart: select('bq-week-start').value as BigQueryReportSettings['weekStart'],
    mode: select('bq-mode').value as BigQueryReportSettings['mode'],
    asOf: input('bq-as-of').value,
    segmentFilter: input('bq-segment-filter').value.trim(),
    breakdown: input('bq-breakdown').checked,
    // Blank is the default window; anything else goes to the server as typed, which says what is wrong with it.
    lapseAfter: input('bq-lapse-after').value.trim() === '' ? 1 : Number(input('bq-lapse-after').value),
    refundsAreActivity: input('bq-refunds').checked,
    maxBytes: gb > 0 ? Math.round(gb * 1e9) : 0,
  };
}

/** Percent inputs as fractions; a blank or unreadable one goes to the server as NaN, which says what is wrong with it. */
const fraction = (id: string) => Number(input(id).value) / 100;

function valueSettings(): BigQueryValueSettings {
  const s = settings();
  const costLines = costs.settings();
  return {
    ...source(), columns: s.columns, asOf: s.asOf, refundsAreActivity: s.refundsAreActivity, maxBytes: s.maxBytes,
    horizonMonths: Number(input('bq-horizon').value), monthlyDiscountRate: fraction('bq-discount'),
    topShare: fraction('bq-top-share'), aliveBelow: fraction('bq-alive-below'), aliveFloor: fraction('bq-alive-floor'),
    // The cost to serve (blank = none) for all customers and per segment, as the sheet source's lines, and a cost column.
    costs: { all: costLines.all, segments: costLines.segments, column: select('bq-cost-column').value },
  };
}

/** Which source (as last read) and segment column a list of segments is for. */
function segmentKey(): string {
  return JSON.stringify([description?.name ?? '', select('bq-col-segment').value]);
}

/** The segment list of the chosen column, if it is the one shown. */
function currentSegmentList(): typeof segmentList {
  return segmentList && segmentList.key === segmentKey() ? segmentList : null;
}

/**
 * The cost lines' segments: those of the chosen segment column in the data (the most frequent, up to the cap), then
 * those added by name; the sample's values only when the data could not be read.
 */
function showCostSegments(): void {
  const segment = select('bq-col-segment').value;
  const list = currentSegmentList();
  const i = description ? description.columns.findIndex((c) => c.name === segment) : -1;
  const names = !segment ? [] : list?.state === 'data' ? [...list.data.segments] : list?.state === 'failed' && i >= 0 ? [...description!.sampleValues[i]] : [];
  if (segment) for (const name of addedSegments) if (!names.includes(name)) names.push(name);
  costs.setSegments(names);
  byId('bq-cost-segments-note', HTMLElement).hidden = !segment;
  byId('bq-cost-add-block', HTMLElement).hidden = !segment;
  let note = '';
  if (segment && list?.state === 'data') {
    const d = list.data;
    const lines = d.distinct > d.segments.length
      ? bqText('bigquery.costSegmentsCapped', { shown: d.segments.length, count: d.distinct, column: d.column })
      : bqText('bigquery.costSegmentsData', { count: d.distinct, column: d.column });
    note = `${lines} ${d.message}`;
  } else if (segment && list?.state === 'failed') note = `${bqText('bigquery.costSegmentsNote')} ${list.message}`;
  else if (segment) note = bqText('bigquery.costSegmentsReading');
  text('bq-cost-segments-note', note);
}

function segmentsRequest(names: string[]): BigQuerySegmentsRequest {
  const s = settings();
  return { ...source(), column: s.columns.segment, names, maxBytes: s.maxBytes };
}

/** Reads the chosen segment column's values from the data (one small query of that column); the newest answer is shown. */
async function readSegments(): Promise<void> {
  const segment = select('bq-col-segment').value;
  const newest = segmentRequests.next();
  if (!segment) {
    segmentList = null;
    return showCostSegments();
  }
  const key = segmentKey();
  segmentList = { key, state: 'reading' };
  showCostSegments();
  try {
    const data = await call<BigQuerySegments>('sidebarBigQuerySegments', segmentsRequest([]));
    if (newest()) segmentList = { key, state: 'data', data };
  } catch (e) {
    if (newest()) segmentList = { key, state: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  if (newest()) showCostSegments();
}

/** A segment typed by name gets a line only when the data holds it: refused, named, when it does not. */
async function addCostSegment(): Promise<void> {
  const field = input('bq-cost-add');
  const name = field.value;
  if (name.trim() === '') return;
  const list = currentSegmentList();
  const column = select('bq-col-segment').value;
  field.removeAttribute('aria-invalid');
  text('bq-error', '');
  const known = addedSegments.includes(name) || (list?.state === 'data' && list.data.segments.includes(name));
  if (!known) {
    if (list?.state === 'data' && list.data.distinct <= list.data.segments.length) {
      // The whole column's values are listed: a name not among them is in no row.
      return refuseSegment(bqText('bigquery.segmentNotInData', { segment: name, column }));
    }
    // Beyond the cap (or the list not read): the server looks the name up in the data, and refuses it, named, when no row holds it.
    try {
      await call<BigQuerySegments>('sidebarBigQuerySegments', segmentsRequest([name]));
    } catch (e) {
      return refuseSegment(e instanceof Error ? e.message : String(e));
    }
    if (field.value !== name || select('bq-col-segment').value !== column) return; // changed meanwhile
  }
  if (!addedSegments.includes(name)) addedSegments.push(name);
  touched.add(COSTS);
  field.value = '';
  showCostSegments();
  invalidate();
}

function refuseSegment(message: string): void {
  text('bq-error', message);
  byId('bq-result', HTMLElement).hidden = true;
  input('bq-cost-add').setAttribute('aria-invalid', 'true');
  input('bq-cost-add').focus();
}

/** Puts a saved value into an input the user has not changed since the sidebar opened; true when it did. */
function restoreInput(id: string, value: string): boolean {
  if (touched.has(id)) return false;
  const el = byId(id, HTMLElement) as HTMLInputElement | HTMLTextAreaElement;
  el.value = value;
  return true;
}

/** Restores the source (project, then table or query) the last run in this document used, except what the user has changed. */
function applySource(saved: BigQueryReportSettings): boolean {
  let changed = restoreInput('bq-project', saved.projectId);
  // A table or a query, never a mixture: once the user has typed either, neither is restored.
  if (!touched.has('bq-table') && !touched.has('bq-query')) {
    changed = restoreInput('bq-table', saved.table) || changed;
    changed = restoreInput('bq-query', saved.query) || changed;
  }
  return changed;
}

/** Restores the Customer value inputs the last customer value run in this document used, except what the user has changed. */
function applyValueSettings(saved: BigQueryValueSettings): boolean {
  const percentText = (fraction: number) => String(Number((fraction * 100).toPrecision(12)));
  let changed = restoreInput('bq-horizon', String(saved.horizonMonths));
  changed = restoreInput('bq-discount', percentText(saved.monthlyDiscountRate)) || changed;
  changed = restoreInput('bq-top-share', percentText(saved.topShare)) || changed;
  changed = restoreInput('bq-alive-below', percentText(saved.aliveBelow)) || changed;
  changed = restoreInput('bq-alive-floor', percentText(saved.aliveFloor)) || changed;
  const c = saved.costs;
  // The cost lines and the cost column go together: once the user has changed any of them, none is restored.
  if (!c || touched.has(COSTS)) return changed;
  for (const s of c.segments) if (!addedSegments.includes(s.name)) addedSegments.push(s.name);
  costs.apply({ column: 0, all: c.all, segments: c.segments });
  savedCostColumn = c.column ?? '';
  // Columns read before the saved settings arrived: choose the saved cost column among them now.
  if (description && description.columns.some((col) => col.name === savedCostColumn)) select('bq-cost-column').value = savedCostColumn;
  showCostSegments();
  if (savedCostColumn) byId('bq-costs', HTMLDetailsElement).open = true;
  return true;
}

/**
 * Asks for the saved settings (they arrive after the sidebar has opened, and the user may type meanwhile).
 * Only the newest request's answers are applied; a restore that changes anything makes the estimate stale.
 */
function restoreSaved(): void {
  const newest = restoreRequests.next();
  void call<BigQueryReportSettings | null>('sidebarBigQuerySaved').then((saved) => {
    if (saved && newest() && applySource(saved)) invalidate();
  }, () => undefined);
  void call<BigQueryValueSettings | null>('sidebarBigQueryValueSaved').then((saved) => {
    if (saved && newest() && applyValueSettings(saved)) invalidate();
  }, () => undefined);
}

const LAPSE_TAIL = { week: 'sidebar.lapse.week', month: 'sidebar.lapse.month', quarter: 'sidebar.lapse.quarter', year: 'sidebar.lapse.year' } as const;
const LAPSE_WITHIN = { week: 'sidebar.lapse.withinWeek', month: 'sidebar.lapse.withinMonth', quarter: 'sidebar.lapse.withinQuarter', year: 'sidebar.lapse.withinYear' } as const;

/** The suggestion the last run brought back, for the period it was counted in. */
let suggestion: { period: PeriodUnit; lapse: LapseSuggestion } | null = null;

/** "… months without a purchase" after the input, and the suggestion (with its Use button) for this period. */
function showLapse(): void {
  const period = select('bq-period').value as PeriodUnit;
  const k = Number(input('bq-lapse-after').value);
  text('bq-lapse-unit', sidebarText(LAPSE_TAIL[period], { count: Number.isInteger(k) && k > 0 ? k : 2 }));
  const use = byId('bq-lapse-use', HTMLButtonElement);
  const s = suggestion && suggestion.period === period ? suggestion.lapse : null;
  text('bq-lapse-hint', s ? sidebarText('sidebar.lapse.suggestion', { count: integer(s.periods), share: percent(s.share, 0), span: sidebarText(LAPSE_WITHIN[period], { count: integer(s.periods) }) }) : '');
  use.hidden = !s || s.periods === k;
  use.textContent = s ? sidebarText('sidebar.lapse.use', { count: integer(s.periods) }) : '';
  use.dataset.periods = s ? String(s.periods) : '';
}

async function busy<T>(message: string, task: () => Promise<T>): Promise<T | undefined> {
  const form = byId('bq', HTMLFormElement);
  text('bq-error', '');
  byId('bq-result', HTMLElement).hidden = true;
  text('bq-progress-text', message);
  form.setAttribute('aria-busy', 'true');
  try {
    return await task();
  } catch (e) {
    text('bq-error', e instanceof Error ? e.message : String(e));
    return undefined;
  } finally {
    form.removeAttribute('aria-busy');
    text('bq-progress-text', '');
  }
}

function showColumns(d: BigQueryDescription): void {
  const choices = d.columns.map((c) => ({ value: c.name, text: `${c.name} (${c.type})` }));
  const optional = [{ value: '', text: sidebarText('sidebar.columns.none') }, ...choices];
  setChoices(select('bq-col-id'), choices, d.roles.id);
  setChoices(select('bq-col-date'), choices, d.roles.date);
  setChoices(select('bq-col-amount'), optional, d.roles.amount);
  setChoices(select('bq-col-segment'), optional, d.roles.segment);
  setChoices(select('bq-col-signup'), choices, d.roles.signup ?? '');
  setChoices(select('bq-col-cancel'), optional, d.roles.cancel ?? '');
  setChoices(select('bq-cost-column'), optional, d.columns.some((c) => c.name === savedCostColumn) ? savedCostColumn : '');
  description = d;
  void readSegments();
  select('bq-shape').value = d.shape;
  showShape();
  const size = d.rows !== null ? ` ${bqText('bigquery.rows', { count: d.rows })}` : '';
  text('bq-explanation', `${d.name}:${size} ${d.explanation}`);
  byId('bq-columns', HTMLElement).hidden = false;
}

/** A log asks for the purchase date, a table for the signup and cancel dates and the revenue per period. */
function showShape(): void {
  const shape = select('bq-shape').value;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('#bq [data-shape]'))) el.hidden = el.dataset.shape !== shape;
  byId('bq-amount-label', HTMLElement).textContent = sidebarText(shape === 'log' ? 'sidebar.columns.amount' : 'sidebar.columns.revenue');
  // Refunds are rows with a negative amount: without an amount column there are none.
  byId('bq-refunds-block', HTMLElement).hidden = shape !== 'log' || select('bq-col-amount').value === '';
}

function invalidate(): void {
  estimateRequests.next(); // an estimate still on its way is for settings no longer shown
  estimated = null;
  estimatedValue = null;
  byId('bq-run', HTMLButtonElement).disabled = true;
  byId('bq-value-run', HTMLButtonElement).disabled = true;
  text('bq-estimate-text', '');
}

async function describe(): Promise<void> {
  invalidate();
  const newest = describeRequests.next();
  const d = await busy(bqText('bigquery.reading'), () => call<BigQueryDescription>('sidebarBigQueryDescribe', source()));
  if (d && newest()) showColumns(d); // an answer for a source asked for before the last one is not shown
}

/**
 * Dry-runs `s` through the server function `fn` and shows the estimate; `keep` gets the settings (as
 * JSON) the run button may now use, or null when the bytes are over the cap. A failed call keeps both.
 */
async function dryRun(fn: string, s: { maxBytes: number }, runButton: string, keep: (json: string | null) => void): Promise<void> {
  const newest = estimateRequests.next();
  const e = await busy(bqText('bigquery.dryRun'), () => call<BigQueryEstimate>(fn, s));
  if (!e || !newest()) return; // a later estimate (or its answer) supersedes this one
  text('bq-estimate-text', e.message);
  const over = s.maxBytes > 0 && e.billedBytes > s.maxBytes;
  keep(over ? null : JSON.stringify(s));
  byId(runButton, HTMLButtonElement).disabled = over;
}

/** A run's answer: the outcome's message when done, else what it is still doing. */
function showResult(r: BigQueryRunResult | BigQueryValueResult): void {
  const result = byId('bq-result', HTMLElement);
  result.hidden = false;
  result.textContent = r.state === 'done' ? r.outcome.message : r.message;
}

async function estimate(): Promise<void> {
  await dryRun('sidebarBigQueryEstimate', settings(), 'bq-run', (json) => (estimated = json));
}

async function run(): Promise<void> {
  const s = settings();
  if (estimated !== JSON.stringify(s)) return invalidate(); // settings changed since the estimate: estimate again
  const r = await busy(bqText('bigquery.running'), () => call<BigQueryRunResult>('sidebarBigQueryRun', s));
  if (!r) return;
  showResult(r);
  if (r.state === 'done') {
    suggestion = r.lapse ? { period: s.period, lapse: r.lapse } : null;
    showLapse();
  }
}

/** A cost rate out of range is said, with the sheet source's message, at its input; true when there is one. */
function costProblem(): boolean {
  for (const marked of Array.from(document.querySelectorAll('#bq-cost-rows [aria-invalid]'))) marked.removeAttribute('aria-invalid');
  const problem = costs.problem();
  if (!problem) return false;
  text('bq-error', problem.message);
  byId('bq-result', HTMLElement).hidden = true;
  byId('bq-costs', HTMLDetailsElement).open = true;
  problem.control.setAttribute('aria-invalid', 'true');
  problem.control.focus();
  return true;
}

async function estimateValue(): Promise<void> {
  if (costProblem()) return;
  await dryRun('sidebarBigQueryValueEstimate', valueSettings(), 'bq-value-run', (json) => (estimatedValue = json));
}

async function runValue(): Promise<void> {
  if (costProblem()) return;
  const s = valueSettings();
  if (estimatedValue !== JSON.stringify(s)) return invalidate(); // settings changed since the estimate: estimate again
  const r = await busy(bqText('bigquery.valueRunning'), () => call<BigQueryValueResult>('sidebarBigQueryValueRun', s));
  if (r) showResult(r);
}

function start(): void {
  if (!document.getElementById('bq')) return;
  localizeSection(byId('bq', HTMLFormElement));
  costs = createCostInputs({ column: 'bq-cost-column', rows: 'bq-cost-rows', details: 'bq-costs' });
  costs.setEnabled(true);
  byId('bq-describe', HTMLButtonElement).addEventListener('click', () => void describe());
  byId('bq-estimate', HTMLButtonElement).addEventListener('click', () => void estimate());
  byId('bq-run', HTMLButtonElement).addEventListener('click', () => void run());
  byId('bq-value-estimate', HTMLButtonElement).addEventListener('click', () => void estimateValue());
  byId('bq-value-run', HTMLButtonElement).addEventListener('click', () => void runValue());
  byId('bq', HTMLFormElement).addEventListener('input', noteTouched);
  byId('bq', HTMLFormElement).addEventListener('change', noteTouched);
  byId('bq', HTMLFormElement).addEventListener('input', (e) => {
    if ((e.target as HTMLElement).id !== 'bq-max-gb' || estimated) invalidate();
  });
  byId('bq', HTMLFormElement).addEventListener('change', invalidate);
  select('bq-shape').addEventListener('change', showShape);
  select('bq-col-amount').addEventListener('change', showShape);
  select('bq-col-segment').addEventListener('change', () => void readSegments());
  byId('bq-cost-add-button', HTMLButtonElement).addEventListener('click', () => void addCostSegment());
  input('bq-cost-add').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void addCostSegment();
    }
  });
  select('bq-period').addEventListener('change', showLapse);
  input('bq-lapse-after').addEventListener('input', showLapse);
  byId('bq-lapse-use', HTMLButtonElement).addEventListener('click', () => {
    input('bq-lapse-after').value = byId('bq-lapse-use', HTMLButtonElement).dataset.periods ?? '1';
    showLapse();
    invalidate();
  });
  showLapse();
  restoreSaved();
}

start();
