/** `npm start`'s console view of the workbook, shared by both engines so they print alike. */
import type { createEmulator } from '../tools/emulator/index';
import { languageOf, t } from '../src/i18n';

type Emulator = ReturnType<typeof createEmulator>;

export function table(rows: string[][], maxColumns = 14): string {
  // A header's second line says what the column counts; the console shows the words only.
  const cut = rows.map((r) => r.slice(0, maxColumns).map((v) => v.split('\n')[0]));
  const widths = cut[0].map((_, c) => Math.max(...cut.map((r) => (r[c] ?? '').length)));
  return cut.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ')).join('\n');
}

/** A named range of the workbook as a console table under its title; nothing when the name is absent. */
export function showNamed(emu: Emulator, name: string, title: string): void {
  const range = emu.spreadsheet.getRangeByName(name);
  if (range) console.log(`${title}\n${table(range.getDisplayValues() as string[][])}\n`);
}

// The lists' most telling columns: who, how likely still active, worth, what is at stake, when they last bought.
// Found by their headers in the spreadsheet's language, as the add-on writes them (a cs_CZ sheet says "Zákazník").
const LIST_COLUMNS = ['cv.col.customer', 'cv.col.alive', 'cv.col.pastValue', 'cv.col.expectedLoss', 'cv.col.clvIfActive', 'cv.col.lastPurchase', 'cv.col.vsUsual'] as const;

function showList(emu: Emulator, name: string, title: string, first: number): void {
  const range = emu.spreadsheet.getRangeByName(name);
  if (!range) return;
  const rows = range.getDisplayValues() as string[][];
  const language = languageOf(emu.spreadsheet.getSpreadsheetLocale());
  const picked = LIST_COLUMNS.map((key) => rows[0].indexOf(t(language, key))).filter((k) => k >= 0);
  const shown = rows.slice(0, first + 1).map((r) => picked.map((k) => r[k]));
  console.log(`${title} (first ${Math.min(first, rows.length - 1)} of ${(rows.length - 1).toLocaleString('en-US')})\n${table(shown)}\n`);
}

/** The customer value sheet's model table and the heads of its at-risk and lapsed lists. */
export function printCustomerValue(emu: Emulator): void {
  showNamed(emu, 'CustomerValueModel', 'Customer value model (BG/NBD + Gamma-Gamma)');
  showList(emu, 'CustomerValueAtRisk', 'At risk: top 20 % by past value with P(alive) from 10 % to below 50 %, largest expected loss first', 10);
  showList(emu, 'CustomerValueLapsed', 'Lapsed, win-back candidates: top 20 % by past value with P(alive) below 10 %, highest past value first', 5);
}
