/**
 * Test helpers: what a sheet shows, taken from the emulator's snapshot, so two states can be compared
 * whole (cells with their formats, merges, frozen rows, widths, rules, charts, named ranges) without
 * what differs between two otherwise equal runs: the generation time, the chart's id and the sheet's
 * size (a sheet that once held a longer table keeps its rows).
 */
import type { SheetSnapshot, SheetsEmulator, Snapshot } from '../../tools/emulator/index';

export interface SheetState {
  content: unknown;
  /** The named ranges that point into the sheet, by name (A1 text). */
  names: Record<string, string>;
}

/** The same value with every object's keys sorted, so equal states give equal JSON. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

export function sheetContent(sheet: SheetSnapshot): unknown {
  const cells = { ...sheet.cells };
  for (const [a1, cell] of Object.entries(sheet.cells)) {
    if (/^A\d+$/.test(a1) && cell.v === 'Generated') delete cells[`B${a1.slice(1)}`];
  }
  return canonical({
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    columnWidths: sheet.columnWidths,
    merges: sheet.merges,
    cells,
    conditionalFormats: sheet.conditionalFormats,
    charts: (sheet.charts as { id: unknown }[]).map(({ id: _id, ...rest }) => rest),
  });
}

export function sheetState(snap: Snapshot, name: string): SheetState | null {
  const sheet = snap.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const names = Object.fromEntries(Object.entries(snap.namedRanges).filter(([, a1]) => a1.startsWith(`${name}!`)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { content: sheetContent(sheet), names };
}

export function sameState(a: SheetState | null, b: SheetState | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sheet names and ids in tab order, hidden ones apart. */
export function tabs(snap: Snapshot): { visible: string[]; hidden: string[] } {
  return {
    visible: snap.sheets.filter((s) => !s.hidden).map((s) => `${s.name}#${s.sheetId}`),
    hidden: snap.sheets.filter((s) => s.hidden).map((s) => s.name),
  };
}

/** Each "Class.method" of a call log with its occurrence number: the calls to fail one at a time. */
export function everyCall(log: readonly string[]): [string, number][] {
  const seen = new Map<string, number>();
  return log.map((name) => {
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    return [name, nth];
  });
}

/** The value a user's formula cell shows (the emulator computes reference formulas). */
export function shown(emu: SheetsEmulator, sheet: string, a1: string): unknown {
  return emu.values(sheet, a1)[0][0];
}
