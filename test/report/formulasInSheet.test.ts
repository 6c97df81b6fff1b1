/**
 * The custom functions as cell formulas in the emulated workbook: whole-column references with the
 * sheet's trailing blank rows, single cells as scalars, no write of any kind (Sheets forbids it), and
 * the menu's items wired to real top-level functions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CDNOW_LOG } from '../support/cdnow';
import { addSheet, workbook } from './workbook';

describe('formulas in the workbook', () => {
  it('=COHORTS(CDNOW!A2:A, CDNOW!B2:B, "month", "customers") on the imported log', () => {
    const emu = workbook('America/New_York');
    emu.importCdnow(readFileSync(CDNOW_LOG, 'utf8'), { sheetName: 'CDNOW' });
    const sheet = emu.spreadsheet.getSheetByName('CDNOW')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 10_000); // trailing blank rows, as real sheets have
    const before = emu.snapshot();
    emu.resetCalls();
    const grid = emu.runCustomFunction('COHORTS', emu.ref('CDNOW!A2:A'), emu.ref('CDNOW!B2:B'), 'month', 'customers') as unknown[][];
    expect(grid.map((r) => r.slice(1, 4))).toEqual([
      ['Customers', 0, 1],
      [7846, 7846, 1157],
      [8476, 8476, 1312],
      [7248, 7248, 1032],
    ]);
    // Besides the emulator reading the two ranges, the formula asked for the zone once, and wrote nothing.
    const names = Object.keys(JSON.parse(JSON.stringify(emu.calls)) as object);
    expect(emu.calls['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(names.filter((n) => /\.(set|insert|delete|clear|add)/.test(n))).toEqual([]);
    expect(emu.snapshot()).toEqual(before);
  });

  it('=RETENTION and =CHURN on cells of a sheet, scalars and ranges', () => {
    const emu = workbook();
    addSheet(emu, 'Counts', ['Start', 'End', 'New', 'Lost'], [[1000, 800, 200, 400], [100, 105, 10, 5], ['', '', '', '']]);
    expect(emu.runCustomFunction('RETENTION', emu.ref('Counts!A2'), emu.ref('Counts!B2'), emu.ref('Counts!C2'))).toBeCloseTo(0.6, 12);
    const column = emu.runCustomFunction('CHURN', emu.ref('Counts!A2:A4'), emu.ref('Counts!D2:D4')) as unknown[][];
    expect(column[0][0]).toBeCloseTo(0.4, 12);
    expect(column[1][0]).toBeCloseTo(0.05, 12);
    expect(column[2][0]).toBe('');
    const bad = emu.runCustomFunction('RETENTION', emu.ref('Counts!A1:A2'), emu.ref('Counts!B1:B2'), emu.ref('Counts!C1:C2')) as { error: string; message: string };
    expect(bad.error).toBe('#ERROR!');
    expect(bad.message).toBe('RETENTION: start must be a number greater than 0 (row 1 of the range is "Start")');
  });

  it('puts every menu item on a declared function', () => {
    const emu = workbook();
    emu.call('onOpen', { authMode: 'NONE' });
    const items = emu.ui.menuItems();
    expect(items.map((i) => i.caption)).toEqual(['Open cohort report', 'Refresh summary']);
    emu.runMenuItem('Open cohort report');
    expect(emu.ui.sidebar?.title).toBe('Retention Analytics');
    expect(emu.ui.sidebar?.html).toContain('Generate summary');
  });
});
