/** Test helpers: a workbook in the emulator with the built add-on loaded and a source sheet. */
import { join } from 'node:path';
import { createEmulator, type SheetsEmulator } from '../../tools/emulator/index';
import type { CustomerValueOutcome, CustomerValueSettings, ReportOutcome, ReportSettings, SidebarState } from '../../src/addon/protocol';

export const DIST_CODE = join(__dirname, '..', '..', 'dist', 'Code.js');

export function workbook(zone = 'Europe/Prague', locale = 'en_US'): SheetsEmulator {
  const emu = createEmulator({ spreadsheetTimeZone: zone, locale });
  emu.load(DIST_CODE);
  return emu;
}

/** Puts a header and rows on a new sheet, as a user's data sheet. */
export function addSheet(emu: SheetsEmulator, name: string, header: unknown[], rows: unknown[][]): void {
  const sheet = emu.spreadsheet.insertSheet(name);
  const width = header.length;
  if (sheet.getMaxRows() < rows.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  // Plain strings go in as text (apostrophe), as a typed or imported id like "00012" would stay text.
  const cells = [header, ...rows].map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
  sheet.getRange(1, 1, cells.length, width).setValues(cells as never);
}

export function proposal(emu: SheetsEmulator, sheetName?: string) {
  const state = emu.callFromClient('sidebarState') as SidebarState;
  if (sheetName) return emu.callFromClient('sidebarDetect', sheetName) as NonNullable<SidebarState['proposal']>;
  return state.proposal!;
}

export function settingsFor(emu: SheetsEmulator, sheetName: string, extra: Partial<ReportSettings> = {}): ReportSettings {
  const p = proposal(emu, sheetName);
  return {
    sheetName: p.sheetName, headerRow: p.headerRow, shape: p.shape, columns: p.roles,
    period: 'month', weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: false, lapseAfter: 1, refundsAreActivity: false, ...extra,
  };
}

export function generate(emu: SheetsEmulator, settings: ReportSettings): ReportOutcome {
  return emu.callFromClient('sidebarGenerate', settings) as ReportOutcome;
}

/** A named table of the summary as values (numbers stay numbers, blanks ""). */
export function namedTable(emu: SheetsEmulator, name: string): unknown[][] {
  const range = emu.spreadsheet.getRangeByName(name);
  if (!range) throw new Error(`no named range ${name}`);
  return range.getValues() as unknown[][];
}

/** The value beside a label in the summary's header block (column A label, column B value). */
export function headerValue(emu: SheetsEmulator, sheetName: string, label: string): unknown {
  for (let r = 1; r <= 30; r++) if (emu.cellAt(sheetName, r, 1).value === label) return emu.cellAt(sheetName, r, 2).value;
  throw new Error(`no "${label}" in the header block of ${sheetName}`);
}

/**
 * A workbook whose sheet "Orders" holds a log (customer, ordered_at, amount, segment; blanks for what a
 * row lacks) and the sidebar's Customer value of it: segments from column 4, 12 months at 1 % a month,
 * the given lists, no costs.
 */
export function sheetCustomerValue(
  zone: string,
  rows: readonly { id: unknown; date?: unknown; amount?: unknown; segment?: unknown; cost?: unknown }[],
  asOf: string,
  lists: { topShare: number; aliveBelow: number; aliveFloor: number },
  costs: CustomerValueSettings['costs'] = { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
): { sheet: SheetsEmulator; outcome: CustomerValueOutcome } {
  const sheet = workbook(zone);
  // A cost column (E) when the costs name one.
  const withCost = costs.column === 5;
  addSheet(sheet, 'Orders', ['customer', 'ordered_at', 'amount', 'segment', ...(withCost ? ['cost'] : [])],
    rows.map((r) => [r.id, r.date ?? '', r.amount ?? '', r.segment ?? '', ...(withCost ? [r.cost ?? ''] : [])]));
  const base = settingsFor(sheet, 'Orders');
  const settings: CustomerValueSettings = {
    ...base, columns: { ...base.columns, segment: 4 }, asOf, horizonMonths: 12, monthlyDiscountRate: 0.01, ...lists,
    costs,
  };
  return { sheet, outcome: sheet.callFromClient('sidebarCustomerValue', settings) as CustomerValueOutcome };
}
