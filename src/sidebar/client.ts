/**
 * The sidebar client, run in HtmlService's iframe: loads the state, re-detects when the source changes,
 * and runs the report. One server call at a time; every control is disabled while it is in flight.
 */
import { byId } from './dom';
import { createForm } from './form';
import { server } from './server';
import { createStatus } from './status';

const form = createForm();
const status = createStatus();
let summarySheet = '';

/** Runs one server call with the progress line up; shows its error and resolves undefined on failure. */
async function run<T>(text: string, task: () => Promise<T>, clearResult = false): Promise<T | undefined> {
  status.clear(clearResult);
  status.start(text);
  try {
    return await task();
  } catch (e) {
    status.error(e instanceof Error ? e.message : String(e));
    return undefined;
  } finally {
    status.stop();
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
on('period', 'change', () => form.refresh());
on('breakdown', 'change', () => form.refresh());
on('col-segment', 'change', () => {
  form.refresh();
  return loadSegments(form.segmentColumn(), '');
});
on('generate', 'click', generate);
on('open-sheet', 'click', () => run('Opening the summary sheet…', () => server.sidebarShowSheet(summarySheet)));
byId('app', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

void start();
