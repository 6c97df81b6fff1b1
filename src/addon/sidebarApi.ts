import { UserError, userMessage } from '../core/errors';
import { msg, t } from '../i18n';
import { userInterfaceLanguage } from './language';
import { insertSampleSheet } from './sampleSheet';
import { ADDON_VERSION } from '../version';
import { ownedSheets } from '../report/ownedSheets';
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
import { distinctSegments, proposeSource, sheetByName } from './sourceSheet';

/**
 * The server half of the sidebar: what google.script.run calls. Arguments arrive as plain JSON and
 * results leave as plain JSON (no Date objects).
 */

export function sidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = new Set(ownedSheets(ss).map((o) => o.sheet.getSheetId()));
  const active = ss.getActiveSheet();
  const sheets = ss.getSheets().map((s) => ({
    name: s.getName(),
    active: s.getSheetId() === active.getSheetId(),
    ownedByAddon: owned.has(s.getSheetId()),
  }));
  const saved = loadSettings();
  const savedSource = saved && sheets.some((s) => s.name === saved.sheetName) ? saved.sheetName : null;
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
  return proposeSource(sheetByName(String(sheetName)), typeof headerRow === 'number' && headerRow >= 1 ? Math.floor(headerRow) : undefined);
}

export function sidebarSegments(sheetName: string, headerRow: number, column: number): string[] {
  return distinctSegments(sheetByName(String(sheetName)), Number(headerRow), Number(column));
}

export function sidebarGenerate(settings: ReportSettings): ReportOutcome {
  let clean: ReportSettings;
  try {
    clean = sanitizeSettings(settings);
  } catch (e) {
    throw new UserError(msg('server.badSettings', { detail: (e as Error).message }));
  }
  const outcome = generateSummary(clean);
  saveSettings(clean);
  return outcome;
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
  saveCustomerValueSettings(clean);
  return outcome;
}

export function sidebarShowSheet(sheetName: string): void {
  sheetByName(String(sheetName)).activate();
}

/**
 * Menu: re-run the saved settings without opening the sidebar: the summary, and the customer value
 * sheet when one was made before.
 */
export function refreshSummary(): void {
  const saved = loadSettings();
  const savedValue = loadCustomerValueSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!saved && !savedValue) {
    SpreadsheetApp.getUi().alert(t(userInterfaceLanguage(), 'menu.noSettings'));
    return;
  }
  try {
    const messages: string[] = [];
    if (saved) messages.push(generateSummary(saved).message);
    if (savedValue) {
      const value = generateCustomerValue(savedValue);
      messages.push(value.message, ...value.warnings);
    }
    ss.toast(messages.join(' '), t(userInterfaceLanguage(), 'menu.refreshed'), 8);
  } catch (e) {
    if (e instanceof UserError) {
      SpreadsheetApp.getUi().alert(userMessage(e, userInterfaceLanguage()));
      return;
    }
    throw e;
  }
}

/** What crosses back to the sidebar on failure: the message, never a stack trace. */
export function asServerFunction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      // In the user's language: the sidebar speaks it, the result and error lines included.
      const language = userInterfaceLanguage();
      if (e instanceof UserError) throw new Error((e.field ? `[${e.field}] ` : '') + userMessage(e, language));
      console.error(e);
      throw new Error(t(language, 'server.unexpected', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
}
