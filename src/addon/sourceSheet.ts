import { isBlank } from '../core/cells';
import { profileColumn } from '../core/detect/columnKinds';
import { findHeaderRow } from '../core/detect/headerRow';
import { repeatsHeader } from '../core/detect/repeatedHeader';
import { proposeRoles } from '../core/detect/roles';
import { UserError } from '../core/errors';
import { parseTransactionLog, suggestLapse } from '../core/cohorts';
import { numberLocale, parseNumberText } from '../core/numbers';
import { dateFormOf, readDateText } from '../core/textDates';
import { msg, renderValue, t } from '../i18n';
import { userInterfaceLanguage } from './language';
import { ownerKind, type OwnedKind } from '../report/ownedSheets';
import type { ColumnInfo, ColumnRoles, LapseProposal, SourceProposal } from './protocol';

/** How many rows detection looks at: enough to see the shape, few enough to stay instant. */
const SAMPLE_ROWS = 500;

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet name as an A1 reference writes it: as is when it is a plain name, else in single quotes
 * with its quotes doubled ('O''Brien''s sales'), so `${sheetReference(name)}!A1:D92` is valid for
 * any name.
 */
export function sheetReference(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^R[0-9]*C[0-9]*$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new UserError(msg('server.noSuchSheet', { sheet: name }));
  return sheet;
}

const OWNED_SOURCE = {
  summary: 'server.ownedSourceSummary',
  customerValue: 'server.ownedSourceValue',
  building: 'server.ownedSourceBuilding',
} as const satisfies Record<OwnedKind, string>;

/** A sheet to read data from: never one of the add-on's own sheets, whatever the settings say. */
export function sourceSheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = sheetByName(name);
  const owner = ownerKind(sheet);
  if (owner) throw new UserError(msg(OWNED_SOURCE[owner], { sheet: name }));
  return sheet;
}

/** Reads the top of a sheet (one batched read) and proposes header row, shape and column roles. */
export function proposeSource(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRowHint?: number): SourceProposal {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) throw new UserError(msg('server.emptySheet', { sheet: sheet.getName() }));
  const top = sheet.getRange(1, 1, Math.min(lastRow, SAMPLE_ROWS), lastColumn).getValues();
  const headerIndex = headerRowHint && headerRowHint <= top.length ? headerRowHint - 1 : findHeaderRow(top);
  const headers = top[headerIndex].map((v) => (isBlank(v) ? '' : String(v).trim()));
  // Rows repeating the header (exports glued together) are no evidence of what a column holds.
  const sample = top.slice(headerIndex + 1).filter((row) => !repeatsHeader(row, headers));
  const locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  const form = dateFormOf(locale);
  const isDateText = (text: string) => !Number.isNaN(readDateText(text, form, (ms) => Math.floor(ms / 86_400_000)));
  const numbers = numberLocale(locale);
  const numberText = (text: string) => {
    const parsed = parseNumberText(text, numbers);
    return parsed.ok ? parsed.value : NaN;
  };
  const isOtherDecimalText = (text: string) => parseNumberText(text, numbers).ok === false && parseNumberText(text, { decimal: numbers.decimal === ',' ? '.' : ',' }).ok;
  const profiles = headers.map((_, c) => profileColumn(sample.map((row) => row[c]), isDateText, numberText, isOtherDecimalText));
  const proposal = proposeRoles(headers, profiles, sample.length);
  const columns: ColumnInfo[] = headers.map((header, c) => ({
    column: c + 1,
    letter: columnLetter(c + 1),
    header: header || t(userInterfaceLanguage(), 'source.unnamedColumn', { letter: columnLetter(c + 1) }),
    kind: profiles[c].kind,
  }));
  const one = (i: number) => i + 1; // −1 (none) becomes 0
  const roles = {
    id: one(proposal.roles.id),
    date: one(proposal.roles.date),
    amount: one(proposal.roles.amount),
    signup: one(proposal.roles.signup),
    cancel: one(proposal.roles.cancel),
    segment: one(proposal.roles.segment),
    quantity: one(proposal.roles.quantity),
    unitPrice: one(proposal.roles.unitPrice),
  };
  return {
    sheetName: sheet.getName(),
    headerRow: headerIndex + 1,
    dataRows: Math.max(0, lastRow - headerIndex - 1),
    columns,
    shape: proposal.shape,
    roles,
    segments: roles.segment ? distinctSegments(sheet, headerIndex + 1, roles.segment) : [],
    explanation: renderValue(proposal.explanation, userInterfaceLanguage()),
    amountNote: proposal.amountNote === null ? null : renderValue(proposal.amountNote, userInterfaceLanguage()),
    lapse: proposal.shape === 'log' ? proposeLapse(sheet, headerIndex + 1, roles) : null,
  };
}

/** The lapse suggestion reads at most this many data rows (the id, date and amount columns only). */
export const LAPSE_ROWS = 300_000;

/**
 * Suggests the lapse window from the log's gaps between purchases (see suggestLapse). Refund rows
 * (negative amount, or negative quantity when the amount is quantity × unit price) are not purchases.
 */
function proposeLapse(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, roles: ColumnRoles): LapseProposal | null {
  const total = sheet.getLastRow() - headerRow;
  if (!roles.id || !roles.date || total <= 0) return null;
  const rows = Math.min(total, LAPSE_ROWS);
  const read = (column: number) => sheet.getRange(headerRow + 1, column, rows, 1).getValues().map((r) => r[0]);
  const sign = roles.amount || roles.quantity || 0;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const log = parseTransactionLog(
      { customerIds: read(roles.id), dates: read(roles.date), amounts: sign ? read(sign) : null },
      { timeZone: ss.getSpreadsheetTimeZone(), firstRowNumber: headerRow + 1, numberLocale: numberLocale(ss.getSpreadsheetLocale()) },
    );
    return { ...suggestLapse(log), rows, partial: rows < total };
  } catch (e) {
    if (e instanceof UserError) return null; // nothing readable: no suggestion, the report says why
    throw e;
  }
}

/** Distinct non-blank values of a column below the header, sorted, at most 50. */
export function distinctSegments(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, column: number): string[] {
  const rows = sheet.getLastRow() - headerRow;
  if (rows <= 0 || column < 1) return [];
  const values = sheet.getRange(headerRow + 1, column, rows, 1).getValues();
  const seen = new Set<string>();
  for (const [v] of values) {
    if (!isBlank(v)) seen.add(String(v).trim());
    if (seen.size > 50) break;
  }
  return [...seen].sort((a, b) => a.localeCompare(b)).slice(0, 50);
}
