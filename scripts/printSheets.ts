/** `npm start`'s console view of the workbook, shared by both engines so they print alike. */
import type { createEmulator } from '../tools/emulator/index';
import { integer, languageOf, msg, percent, t, type AnyMessage } from '../src/i18n';
import { startMsg, startText } from '../src/i18n/startMessages';
import { DEFAULT_AT_RISK } from '../src/core/models/atRisk';

type Emulator = ReturnType<typeof createEmulator>;

/** The unit words of the lapse line and of its suggestion, per period: the sidebar's own. */
export const LAPSE_WORDS = {
  week: ['sidebar.lapse.week', 'sidebar.lapse.withinWeek'],
  month: ['sidebar.lapse.month', 'sidebar.lapse.withinMonth'],
  quarter: ['sidebar.lapse.quarter', 'sidebar.lapse.withinQuarter'],
  year: ['sidebar.lapse.year', 'sidebar.lapse.withinYear'],
} as const;

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

function showList(emu: Emulator, name: string, title: AnyMessage, first: number, none: AnyMessage): void {
  const range = emu.spreadsheet.getRangeByName(name);
  if (!range) return;
  const rows = range.getDisplayValues() as string[][];
  const language = languageOf(emu.spreadsheet.getSpreadsheetLocale());
  // An empty list says so in the sheet's words, not "(first 0 of 0)" over a header alone.
  if (rows.length <= 1) {
    console.log(`${startText(title, language)}\n${startText(none, language)}\n`);
    return;
  }
  const picked = LIST_COLUMNS.map((key) => rows[0].indexOf(t(language, key))).filter((k) => k >= 0);
  const shown = rows.slice(0, first + 1).map((r) => picked.map((k) => r[k]));
  const heading = startMsg('start.firstOf', { title, count: integer(Math.min(first, rows.length - 1)), total: integer(rows.length - 1) });
  console.log(`${startText(heading, language)}\n${table(shown)}\n`);
}

/**
 * The customer value sheet's model table and the heads of its at-risk and lapsed lists, under the
 * titles the sheet gives them, in its language; both engines list with DEFAULT_AT_RISK's thresholds.
 */
export function printCustomerValue(emu: Emulator): void {
  const language = languageOf(emu.spreadsheet.getSpreadsheetLocale());
  const { topShare, aliveBelow, aliveFloor } = DEFAULT_AT_RISK;
  const top = percent(topShare, 0);
  showNamed(emu, 'CustomerValueModel', startText(msg('cv.model.title'), language));
  showList(emu, 'CustomerValueAtRisk', msg('cv.atRisk.title', { top, floor: percent(aliveFloor, 0), below: percent(aliveBelow, 0) }), 10, msg('cv.atRisk.none'));
  showList(emu, 'CustomerValueLapsed', msg('cv.lapsed.title', { top, floor: percent(aliveFloor, 0) }), 5, msg('cv.lapsed.none'));
}
