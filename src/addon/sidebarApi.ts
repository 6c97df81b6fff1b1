import { UserError } from '../core/errors';
import { msg, t } from '../i18n';
import { userInterfaceLanguage } from './language';
import { insertSampleSheet } from './sampleSheet';
import { ADDON_VERSION } from '../version';
import { ownedSheets } from '../report/ownedSheets';
import { beginRun } from '../report/runJournal';
import { generateCustomerValue } from './customerValue';
import { generateSummary } from './generateSummary';
import type { CustomerValueOutcome, CustomerValueSettings, ReportOutcome, ReportSettings, SidebarState, SourceProposal } from './protocol';
import {
  loadCustomerValueSettings,
  loadSettings,
  sanitizeCustomerValueSettings,
  sanitizeSettings,
  saveCustomerValueSettings,
  saveSettings,
} from './settings';
import { failureMessage } from './runMessages';
import { distinctSegments, proposeSource, sheetByName, sourceSheetByName } from './sourceSheet';

/**
 * The server half of the sidebar: what google.script.run calls. Arguments arrive as plain JSON and
 * results leave as plain JSON (no Date objects).
 */

export function sidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = new Map(ownedSheets(ss).map((o) => [o.sheetId, o.kind]));
  const activeId = ss.getActiveSheet().getSheetId();
  // A staging sheet a run left behind (hidden; the next run removes it) is nobody's choice.
  const sheets = ss
    .getSheets()
    .map((s) => ({ s, id: s.getSheetId() }))
    .filter(({ id }) => owned.get(id) !== 'building')
    .map(({ s, id }) => ({ name: s.getName(), active: id === activeId, ownedByAddon: owned.has(id) }));
  const saved = loadSettings();
  const savedSource = saved && sheets.some((s) => s.name === saved.sheetName && !s.ownedByAddon) ? saved.sheetName : null;
  const candidate = savedSource ?? sheets.find((s) => s.active && !s.ownedByAddon)?.name ?? sheets.find((s) => !s.ownedByAddon)?.name;
  let proposal: SourceProposal | null = null;
  if (candidate) {
    try {
      proposal = proposeSource(sheetByName(candidate), savedSource ? saved!.headerRow : undefined);
    } catch (e) {
      if (!(e instanceof UserError)) throw e; // an empty sheet: the sidebar asks for another one
    }
  }
  return {
    sheets,
    saved,
    proposal,
    version: ADDON_VERSION,
    savedCustomerValue: loadCustomerValueSettings(),
    language: userInterfaceLanguage(),
  };
}

/** Inserts the sample sheet and proposes it as the source, as if the analyst had picked it. */
export function sidebarInsertSample(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  insertSampleSheet(ss);
  return sidebarState();
}

export function sidebarDetect(sheetName: string, headerRow?: number): SourceProposal {
  return proposeSource(sourceSheetByName(String(sheetName)), typeof headerRow === 'number' && headerRow >= 1 ? Math.floor(headerRow) : undefined);
}

export function sidebarSegments(sheetName: string, headerRow: number, column: number): string[] {
  return distinctSegments(sourceSheetByName(String(sheetName)), Number(headerRow), Number(column));
}

export function sidebarGenerate(settings: ReportSettings): ReportOutcome {
  let clean: ReportSettings;
  try {
    clean = sanitizeSettings(settings);
  } catch (e) {
    // A message for the user (a lapse window over the limit) stays as it is, in the user's language.
    if (e instanceof UserError) throw e;
    throw new UserError(msg('server.badSettings', { detail: (e as Error).message }));
  }
  const outcome = generateSummary(clean);
  return { ...outcome, message: withSettingsSaved(outcome.message, () => saveSettings(clean)) };
}

export function sidebarCustomerValue(settings: CustomerValueSettings): CustomerValueOutcome {
  let clean: CustomerValueSettings;
  try {
    clean = sanitizeCustomerValueSettings(settings);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(msg('server.badSettings', { detail: (e as Error).message }));
  }
  const outcome = generateCustomerValue(clean);
  return { ...outcome, message: withSettingsSaved(outcome.message, () => saveCustomerValueSettings(clean)) };
}

export function sidebarShowSheet(sheetName: string): void {
  sheetByName(String(sheetName)).activate();
}

/** The sheet is written: settings that cannot be saved are worth a note, not a failure. */
function withSettingsSaved(message: string, save: () => void): string {
  try {
    save();
    return message;
  } catch (e) {
    console.warn(e);
    return `${message} ${t(userInterfaceLanguage(), 'server.settingsNotSaved')}`;
  }
}

/**
 * Menu: re-run the saved settings without opening the sidebar: the summary, and the customer value
 * sheet when one was made before. A failure says what was refreshed before it and what state the
 * sheets are in.
 */
export function refreshSummary(): void {
  const run = beginRun();
  try {
    const saved = loadSettings();
    const savedValue = loadCustomerValueSettings();
    if (!saved && !savedValue) {
      SpreadsheetApp.getUi().alert(t(userInterfaceLanguage(), 'menu.noSettings'));
      return;
    }
    const messages: string[] = [];
    if (saved) messages.push(generateSummary(saved).message);
    if (savedValue) {
      const value = generateCustomerValue(savedValue);
      messages.push(value.message, ...value.warnings);
    }
    SpreadsheetApp.getActiveSpreadsheet().toast(messages.join(' '), t(userInterfaceLanguage(), 'menu.refreshed'), 8);
  } catch (e) {
    if (!(e instanceof UserError)) console.error(e);
    SpreadsheetApp.getUi().alert(failureMessage(e, run, userInterfaceLanguage()));
  }
}

/** What crosses back to the sidebar on failure: the message, never a stack trace. */
export function asServerFunction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const run = beginRun();
    try {
      return fn(...args);
    } catch (e) {
      if (!(e instanceof UserError)) console.error(e);
      // In the user's language: the sidebar speaks it, the result and error lines included.
      const language = userInterfaceLanguage();
      throw new Error((e instanceof UserError && e.field ? `[${e.field}] ` : '') + failureMessage(e, run, language));
    }
  };
}
