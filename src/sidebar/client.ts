/**
 * The sidebar client, run in HtmlService's iframe: loads the state, re-detects when the source changes,
 * and runs the report. One server call at a time; every control is disabled while it is in flight.
 */
import { byId } from './dom';
import { createForm } from './form';
import { server } from './server';
import { createStatus, VALUE_STATUS, type Status } from './status';

const form = createForm();
const status = createStatus();
const valueStatus = createStatus(VALUE_STATUS);
let summarySheet = '';
let valueSheet = '';

/**
 * Runs one server call with the progress line up (the summary's lines unless `where` says otherwise);
 * shows its error there and resolves undefined on failure. Starting any call clears both error lines.
 */
async function run<T>(text: string, task: () => Promise<T>, clearResult = false, where: Status = status): Promise<T | undefined> {
  status.clear();
  valueStatus.clear();
  where.clear(clearResult);
  where.start(text);
  try {
    return await task();
  } catch (e) {
    where.error(e instanceof Error ? e.message : String(e));
    return undefined;
  } finally {
    where.stop();
  }
}

async function loadSegments(column: number, keep: string): Promise<void> {
  const source = form.source;
  if (!source || !column) {
    form.setSegments([], '');
    return;
  }
  const segments = await run('Reading segments…', () => server.sidebarSegments(source.sheetName, source.headerRow, column));
  form.setSegments(segments ?? [], keep);
}

async function start(): Promise<void> {
  const state = await run('Loading…', () => server.sidebarState());
  if (!state) return;
  form.setVersion(state.version);
  // No proposal (nothing usable was active): the analyst picks the sheet; detection runs then.
  form.showSheets(state.sheets, state.proposal ? state.proposal.sheetName : '');
  form.showProposal(state.proposal);
  if (state.savedCustomerValue) form.applySavedValue(state.savedCustomerValue);
  if (state.saved) {
    const column = form.applySaved(state.saved);
    if (column) await loadSegments(column, state.saved.segmentFilter);
  }
}

async function detect(headerRow?: number): Promise<void> {
  const name = form.sheetName();
  if (!name) {
    form.showProposal(null);
    return;
  }
  const proposal = await run('Looking at the sheet…', () =>
    headerRow === undefined ? server.sidebarDetect(name) : server.sidebarDetect(name, headerRow),
  );
  // On failure the old columns no longer match the chosen sheet: clear them so nothing stale is sent.
  if (proposal) form.showProposal(proposal);
  else form.showProposal(null, 'Pick another sheet, or fix this one and choose it again.');
}

async function generate(): Promise<void> {
  const problem = form.problem();
  if (problem) {
    status.error(problem);
    return;
  }
  const settings = form.settings();
  const outcome = await run('Generating summary…', () => server.sidebarGenerate(settings), true);
  if (!outcome) return;
  summarySheet = outcome.summarySheetName;
  status.result(outcome.message);
}

async function estimate(): Promise<void> {
  const problem = form.valueProblem();
  if (problem) {
    valueStatus.error(problem);
    return;
  }
  const settings = form.valueSettings();
  const outcome = await run('Estimating customer value…', () => server.sidebarCustomerValue(settings), true, valueStatus);
  if (!outcome) return;
  valueSheet = outcome.sheetName;
  valueStatus.result(outcome.message, outcome.warnings ?? []);
}

function on(id: string, type: string, handler: () => unknown): void {
  byId(id, HTMLElement).addEventListener(type, () => {
    if (!status.busy) void handler();
  });
}

on('sheet', 'change', () => detect());
on('header-row', 'change', () => {
  const row = form.headerRow();
  if (row !== null) return detect(row);
  status.error('The header row must be a whole number, 1 or more.');
  form.restoreHeaderRow();
  return undefined;
});
on('shape', 'change', () => form.refresh());
on('col-amount', 'change', () => form.refresh());
on('period', 'change', () => form.refresh());
on('breakdown', 'change', () => form.refresh());
on('col-segment', 'change', () => {
  form.refresh();
  return loadSegments(form.segmentColumn(), '');
});
on('generate', 'click', generate);
on('open-sheet', 'click', () => run('Opening the summary sheet…', () => server.sidebarShowSheet(summarySheet)));
on('estimate', 'click', estimate);
on('open-value-sheet', 'click', () => run('Opening the customer value sheet…', () => server.sidebarShowSheet(valueSheet), false, valueStatus));
byId('app', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

void start();
