/**
 * The sidebar client, run in HtmlService's iframe: loads the state, re-detects when the source changes,
 * and runs the report. One server call at a time; every control is disabled while it is in flight.
 */
import { splitFieldTag, type SidebarField, type SidebarState } from '../addon/protocol';
import { supportedLanguage } from '../i18n/languages';
import { byId } from './dom';
import { createForm, type Problem } from './form';
import { server } from './server';
import { createStatus, VALUE_STATUS, type Status } from './status';
import { createSteps } from './steps';
import { localizeDocument, text, useLanguage } from './text';

localizeDocument();
const form = createForm();
const status = createStatus();
const valueStatus = createStatus(VALUE_STATUS);
const steps = createSteps();
const welcome = byId('welcome', HTMLElement);
let summarySheet = '';
let valueSheet = '';
form.setVersion('');

/**
 * Runs one server call with the progress line up (the summary's lines unless `where` says otherwise);
 * shows its error there and resolves undefined on failure. Starting any call clears both error lines.
 */
async function run<T>(progress: string, task: () => Promise<T>, clearResult = false, where: Status = status): Promise<T | undefined> {
  status.clear();
  valueStatus.clear();
  where.clear(clearResult);
  where.start(progress);
  let failure: { field: SidebarField | null; message: string } | null = null;
  try {
    return await task();
  } catch (e) {
    failure = splitFieldTag(e instanceof Error ? e.message : String(e));
    where.error(failure.message);
    return undefined;
  } finally {
    where.stop();
    // Marked once the controls are enabled again, so the one to change can take the focus.
    if (failure?.field) where.error(failure.message, fieldControl(failure.field));
  }
}

/** The control of a setting a server error names. */
function fieldControl(field: SidebarField): HTMLElement | null {
  const ids: Record<SidebarField, string> = {
    id: 'col-id', date: 'col-date', amount: 'col-amount', signup: 'col-signup', cancel: 'col-cancel', segment: 'col-segment',
    headerRow: 'header-row', asOf: 'as-of', horizon: 'horizon', discount: 'discount', topShare: 'top-share', aliveBelow: 'alive-below',
    quantity: 'col-quantity', unitPrice: 'col-unitPrice',
  };
  return document.getElementById(ids[field]);
}

/** The lines of the current step: where a check's or a call's outcome shows. */
const stepStatus = (): Status => (steps.current === 'value' ? valueStatus : status);

function showProblem(problem: Problem, where: Status): void {
  where.error(problem.message, problem.control);
}

/** A result describes the source it was made from: once the source changes, it no longer stands. */
function sourceChanged(): void {
  status.clear(true);
  valueStatus.clear(true);
}

async function loadSegments(column: number, keep: string): Promise<void> {
  const source = form.source;
  if (!source || !column) {
    form.setSegments([], '');
    return;
  }
  const segments = await run(text('sidebar.progress.segments'), () => server.sidebarSegments(source.sheetName, source.headerRow, column));
  form.setSegments(segments ?? [], keep);
}

async function applyState(state: SidebarState): Promise<void> {
  useLanguage(supportedLanguage(state.language));
  form.setVersion(state.version);
  // No proposal (nothing usable was active): the analyst picks the sheet, or inserts the sample.
  form.showSheets(state.sheets, state.proposal ? state.proposal.sheetName : '');
  form.showProposal(state.proposal);
  welcome.hidden = !!state.proposal;
  if (state.savedCustomerValue) form.applySavedValue(state.savedCustomerValue);
  if (state.saved) {
    const column = form.applySaved(state.saved);
    if (column) await loadSegments(column, state.saved.segmentFilter);
  }
}

async function start(): Promise<void> {
  const state = await run(text('sidebar.progress.loading'), () => server.sidebarState());
  if (state) await applyState(state);
}

async function detect(headerRow?: number): Promise<void> {
  sourceChanged();
  const name = form.sheetName();
  if (!name) {
    form.showProposal(null);
    return;
  }
  const proposal = await run(text('sidebar.progress.detecting'), () =>
    headerRow === undefined ? server.sidebarDetect(name) : server.sidebarDetect(name, headerRow),
  );
  // On failure the old columns no longer match the chosen sheet: clear them so nothing stale is sent.
  if (proposal) {
    form.showProposal(proposal);
    welcome.hidden = true;
  } else form.showProposal(null, text('sidebar.data.pickAnother'));
}

async function insertSample(): Promise<void> {
  const state = await run(text('sidebar.progress.sample'), () => server.sidebarInsertSample(), true);
  if (state) await applyState(state);
}

async function generate(): Promise<void> {
  const problem = form.problem();
  if (problem) {
    showProblem(problem, status);
    return;
  }
  const settings = form.settings();
  const outcome = await run(text('sidebar.progress.generating'), () => server.sidebarGenerate(settings), true);
  if (!outcome) return;
  summarySheet = outcome.summarySheetName;
  status.result(outcome.message);
}

async function estimate(): Promise<void> {
  const problem = form.valueProblem();
  if (problem) {
    showProblem(problem, valueStatus);
    return;
  }
  const settings = form.valueSettings();
  const outcome = await run(text('sidebar.progress.estimating'), () => server.sidebarCustomerValue(settings), true, valueStatus);
  if (!outcome) return;
  valueSheet = outcome.sheetName;
  valueStatus.result(outcome.message, outcome.warnings ?? []);
}

function on(id: string, type: string, handler: () => unknown): void {
  byId(id, HTMLElement).addEventListener(type, () => {
    if (!status.busy) void handler();
  });
}

function sourceControl(id: string, then: () => unknown = () => form.refresh()): void {
  on(id, 'change', () => {
    sourceChanged();
    return then();
  });
}

on('sheet', 'change', () => detect());
on('header-row', 'change', () => {
  const row = form.headerRow();
  if (row !== null) return detect(row);
  stepStatus().error(text('sidebar.check.headerRow'), byId('header-row', HTMLInputElement));
  form.restoreHeaderRow();
  return undefined;
});
sourceControl('shape');
sourceControl('col-id');
sourceControl('col-date');
sourceControl('col-signup');
sourceControl('col-cancel');
sourceControl('col-amount');
sourceControl('col-quantity');
sourceControl('col-unitPrice');
sourceControl('col-segment', () => {
  form.refresh();
  return loadSegments(form.segmentColumn(), '');
});
on('period', 'change', () => form.refresh());
on('lapse-after', 'input', () => form.refresh());
on('lapse-use', 'click', () => form.useSuggestedLapse());
on('breakdown', 'change', () => form.refresh());
on('insert-sample', 'click', insertSample);
on('generate', 'click', generate);
on('open-sheet', 'click', () => run(text('sidebar.progress.openingSummary'), () => server.sidebarShowSheet(summarySheet)));
on('estimate', 'click', estimate);
on('open-value-sheet', 'click', () =>
  run(text('sidebar.progress.openingValue'), () => server.sidebarShowSheet(valueSheet), false, valueStatus),
);
byId('app', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

void start();
