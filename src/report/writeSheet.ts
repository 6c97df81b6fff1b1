import { t, type Language } from '../i18n';
import type { SheetLayout } from './grid';
import { applySheetFeatures, ensureSize, writeGrid } from './fillSheet';
import { pointNamedAreas } from './namedAreas';
import { freeSheetName, ownedSheets, retagSheet, tagSheet, tagValue, type OwnedKind, type OwnedSheet } from './ownedSheets';
import { currentRun, type RunJournal } from './runJournal';
import { stagingRecord, type StagingRecord } from './stagingRecord';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface WrittenSheet {
  name: string;
  sheetId: number;
}

/**
 * Writes a layout to the sheet of `kind` the add-on owns, keeping that sheet's identity: people
 * point formulas, charts, pivot tables and #gid= links at it, and deleting it would turn all of them
 * into #REF! for good, whatever sheet took its name afterwards.
 *
 * 1. The new content is built aside, on a hidden staging sheet tagged as ours. A failure here
 *    deletes it: every sheet is as it was.
 * 2. With no sheet of this kind yet, the staging sheet becomes it (named, tagged, shown).
 *    Otherwise its cells are copied over the existing sheet in one call (values, formats and
 *    merges, over the whole sheet so no stale cell survives a table that shrank), then column
 *    widths, notes, frozen rows, the heatmap, the chart and the named ranges follow; the staging
 *    sheet is deleted. A failure while copying is retried once from the complete staging sheet.
 *
 * The run journal records each step, so a failure is reported as what it left behind. All writes
 * are batched: the call count depends on the number of tables, not on rows or cohorts.
 */
export function replaceOwnedSheet(ss: Spreadsheet, kind: OwnedKind, baseName: string, layout: SheetLayout, language: Language = 'en'): WrittenSheet {
  const run = currentRun();
  const owned = ownedSheets(ss);
  const record = stagingRecord();
  // A staging sheet left by a run that died (e.g. at the 6-minute limit) is ours to clean up.
  for (const o of owned) if (o.kind === 'building') tryDelete(ss, o.sheet);
  if (record.pending) removeUntagged(ss, record, owned);
  const target = owned.find((o) => o.kind === kind) ?? null;
  const previous = target
    ? { name: target.sheet.getName(), sheetId: target.sheetId, rows: target.sheet.getMaxRows(), columns: target.sheet.getMaxColumns() }
    : null;
  const active = ss.getActiveSheet();
  const taken = ss.getSheets().map((s) => s.getName());
  const extent = { rows: Math.max(previous?.rows ?? 0, layout.grid.height), columns: Math.max(previous?.columns ?? 0, layout.grid.width) };

  // 1. Build aside.
  const stage = { name: freeSheetName(taken, t(language, 'server.updating', { sheet: baseName })), sheetId: 0 };
  record.set(stage.name);
  const staging = ss.insertSheet(stage.name, taken.length);
  run.leftover(stage.name, { hidden: false, tagged: false });
  try {
    staging.hideSheet();
    run.leftover(stage.name, { hidden: true, tagged: false });
    stage.sheetId = staging.getSheetId();
    tagSheet(staging, stage.sheetId, 'building');
    run.leftover(stage.name, { hidden: true, tagged: true });
    ensureSize(staging, { rows: staging.getMaxRows(), columns: staging.getMaxColumns() }, extent.rows, extent.columns);
    writeGrid(staging, layout);
    if (!target) {
      applySheetFeatures(staging, layout);
      const name = freeSheetName([...taken, stage.name], baseName);
      staging.setName(name);
      run.removed(stage.name);
      stage.name = name;
      run.leftover(stage.name, { hidden: true, tagged: true });
    }
  } catch (e) {
    discard(ss, staging, stage.name, run, record);
    restoreActive(ss, active);
    throw e;
  }

  // 2. Put it in place.
  try {
    if (target && previous) rewriteInPlace(ss, target, previous, staging, stage.name, layout, extent, run, record);
    else adopt(ss, staging, stage.sheetId, stage.name, kind, layout, run, record);
  } catch (e) {
    const shown = !target && run.changes().some((c) => c.sheetId === stage.sheetId);
    if (!shown) discard(ss, staging, stage.name, run, record);
    restoreActive(ss, active);
    throw e;
  }
  const written = target && previous ? { name: previous.name, sheetId: previous.sheetId } : { name: stage.name, sheetId: stage.sheetId };
  activate(ss, target ? target.sheet : staging);
  return written;
}

/** The first sheet of its kind: the staging sheet, complete, becomes it. */
function adopt(
  ss: Spreadsheet,
  sheet: Sheet,
  sheetId: number,
  name: string,
  kind: OwnedKind,
  layout: SheetLayout,
  run: RunJournal,
  record: StagingRecord,
): void {
  retagSheet(sheet, sheetId, kind, layout.namedAreas.map((n) => n.name));
  sheet.showSheet();
  run.removed(name);
  run.mark(sheetId, name, 'namesPending');
  forget(record);
  retryOnce(() => pointNamedAreas(ss, sheet, layout.namedAreas, []));
  run.mark(sheetId, name, 'complete');
}

/** A refresh: the existing sheet takes the staging sheet's content and keeps its id. */
function rewriteInPlace(
  ss: Spreadsheet,
  target: OwnedSheet,
  previous: { name: string; sheetId: number; rows: number; columns: number },
  staging: Sheet,
  stagingName: string,
  layout: SheetLayout,
  extent: { rows: number; columns: number },
  run: RunJournal,
  record: StagingRecord,
): void {
  const sheet = target.sheet;
  const size = { rows: previous.rows, columns: previous.columns };
  let names: string[] = [];
  retryOnce(() => {
    ensureSize(sheet, size, extent.rows, extent.columns);
    const from = staging.getRange(1, 1, extent.rows, extent.columns);
    const to = sheet.getRange(1, 1, extent.rows, extent.columns);
    from.copyTo(to);
    run.mark(previous.sheetId, previous.name, 'partial');
    from.copyTo(to, SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    sheet.clearNotes();
    applySheetFeatures(sheet, layout);
    names = pointNamedAreas(ss, sheet, layout.namedAreas, target.names);
  });
  run.mark(previous.sheetId, previous.name, 'complete');
  try {
    target.tag.setValue(tagValue(previous.sheetId, target.kind, names));
  } catch (e) {
    // Only a later run's clean-up of named ranges reads it; the sheet itself is complete.
    console.warn(`Could not update the sheet's tag: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
  }
  discard(ss, staging, stagingName, run, record);
}

/** A failed step is tried once more: the staging sheet still holds the complete content. */
function retryOnce(step: () => void): void {
  try {
    step();
  } catch (e) {
    console.warn(`Retrying after: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
    step();
  }
}

function discard(ss: Spreadsheet, staging: Sheet, name: string, run: RunJournal, record: StagingRecord): void {
  if (!tryDelete(ss, staging)) return;
  run.removed(name);
  forget(record);
}

function forget(record: StagingRecord): void {
  try {
    record.clear();
  } catch (e) {
    // Harmless: the next run finds no such sheet, or one that is ours, and clears it then.
    console.warn(`Could not clear the staging record: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
  }
}

/** The sheet a run that died while creating it left, unless it has become one of ours since. */
function removeUntagged(ss: Spreadsheet, record: StagingRecord, owned: readonly OwnedSheet[]): void {
  const sheet = ss.getSheetByName(record.pending!);
  if (sheet) {
    const id = sheet.getSheetId();
    const kind = owned.find((o) => o.sheetId === id)?.kind;
    if ((kind === undefined || kind === 'building') && !tryDelete(ss, sheet)) return;
  }
  forget(record);
}

function tryDelete(ss: Spreadsheet, sheet: Sheet): boolean {
  try {
    ss.deleteSheet(sheet);
    return true;
  } catch (e) {
    // Tagged and hidden, it is removed by the next run.
    console.warn(`Could not delete a staging sheet: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
    return false;
  }
}

/** Inserting the staging sheet made it active: give the user back the sheet they were on. */
function restoreActive(ss: Spreadsheet, active: Sheet): void {
  try {
    ss.setActiveSheet(active);
  } catch {
    // Cosmetic: the sheets themselves are as they were.
  }
}

/** Shows the result. Cosmetic: a failure here does not undo a complete write. */
function activate(ss: Spreadsheet, sheet: Sheet): void {
  try {
    ss.setActiveSheet(sheet);
  } catch (e) {
    console.warn(`Could not activate the sheet: ${e instanceof Error ? e.message : String(e)}`); // i18n-exempt: a log line for developers
  }
}
