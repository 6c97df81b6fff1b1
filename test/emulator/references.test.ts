/**
 * What the emulator learned so tests can tell a sheet kept from a sheet replaced: formulas made of
 * references compute, references follow a renamed sheet and turn #REF! for good when it is deleted,
 * named ranges of a deleted sheet stay as #REF! (unlisted, name still taken), Range.copyTo's paste
 * types, and the call log, persistent failures and crashes used to test every call of a run.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, type SheetsEmulator } from '../../tools/emulator/index.js';

/** A workbook with a "Data" sheet (numbers and a date) and a "Report" sheet pointing at it. */
function workbook(): SheetsEmulator {
  const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague' });
  const ss = emu.spreadsheet;
  const data = ss.insertSheet('Data');
  data.getRange('A1:C3').setValues([
    ['Cohort', 'Size', 'First day'],
    ['2024-01', 10, emu.date(2024, 1, 1)],
    ['2024-02', 32, emu.date(2024, 2, 1)],
  ]);
  data.getRange('A2:A3').setNumberFormat('@');
  ss.setNamedRange('Sizes', data.getRange('A1:C3'));
  ss.insertSheet('Report');
  return emu;
}

function put(emu: SheetsEmulator, sheet: string, a1: string, formula: string): void {
  emu.spreadsheet.getSheetByName(sheet)!.getRange(a1).setFormula(formula);
}

describe('formulas the emulator computes', () => {
  it('reads references, named ranges and INDEX/ROWS/COLUMNS/SUM over them', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', '=Data!B2');
    put(emu, 'Report', 'A2', "='Data'!$B$3");
    put(emu, 'Report', 'A3', '=INDEX(Sizes, 3, 2)');
    put(emu, 'Report', 'A4', '=ROWS(Sizes)');
    put(emu, 'Report', 'A5', '=COLUMNS(Sizes)');
    put(emu, 'Report', 'A6', '=SUM(Data!B2:B3, 8)');
    put(emu, 'Report', 'A7', '=INDEX(Sizes, 2, 3)');
    put(emu, 'Report', 'A8', '=A1');
    put(emu, 'Report', 'A9', '=INDEX(INDEX(Sizes, 0, 2), 3)');
    put(emu, 'Report', 'A10', '=data!b2');
    expect(emu.values('Report', 'A1:A6').map((r) => r[0])).toEqual([10, 32, 32, 3, 3, 50]);
    const date = emu.cellAt('Report', 7, 1).value as Date;
    expect(date.getTime()).toBe(emu.date(2024, 1, 1).getTime());
    expect(emu.cellAt('Report', 8, 1).value).toBe(10);
    expect(emu.cellAt('Report', 9, 1).value).toBe(32);
    expect(emu.cellAt('Report', 10, 1).value).toBe(10); // sheet names match regardless of case
    // The script sees the same values.
    emu.loadSource(`function read() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Report').getRange('A1:A3').getValues(); }`);
    expect(emu.call('read')).toEqual([[10], [32], [32]]);
  });

  it('gives Sheets errors: #REF! for a missing sheet, out of bounds or circular, #NAME? for an unknown name', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', "='No such sheet'!A1");
    put(emu, 'Report', 'A2', '=INDEX(Sizes, 4, 1)');
    put(emu, 'Report', 'A3', '=NoSuchName');
    put(emu, 'Report', 'A4', '=A5');
    put(emu, 'Report', 'A5', '=A4');
    expect(emu.displayValues('Report', 'A1:A4').map((r) => r[0])).toEqual(['#REF!', '#REF!', '#NAME?', '#REF!']);
    // A typed reference to a sheet that does not exist yet resolves once it does.
    emu.spreadsheet.insertSheet('No such sheet').getRange('A1').setValue(7);
    expect(emu.cellAt('Report', 1, 1).value).toBe(7);
  });

  it('leaves formulas it does not compute as "" (and whole-range results, which Sheets would spill)', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', '=B2*C2');
    put(emu, 'Report', 'A2', '=Sizes');
    put(emu, 'Report', 'A3', '=VLOOKUP("2024-01", Sizes, 2, FALSE)');
    expect(emu.values('Report', 'A1:A3')).toEqual([[''], [''], ['']]);
  });
});

describe('deleting and renaming a sheet', () => {
  it('turns references to a deleted sheet into #REF! for good, even when a sheet of that name comes back', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', "='Data'!B2");
    put(emu, 'Report', 'A2', '=SUM(Data!B2:B3) + 1');
    put(emu, 'Report', 'A3', '=INDEX(Sizes, 2, 2)');
    put(emu, 'Report', 'A4', '=ROWS("Data!B2")');
    const ss = emu.spreadsheet;
    ss.deleteSheet(ss.getSheetByName('Data')!);
    expect(emu.cellAt('Report', 1, 1)).toMatchObject({ formula: '=#REF!', value: '#REF!', display: '#REF!' });
    expect(emu.cellAt('Report', 2, 1).formula).toBe('=SUM(#REF!) + 1');
    expect(emu.cellAt('Report', 4, 1).formula).toBe('=ROWS("Data!B2")'); // text in quotes is not a reference
    expect(emu.cellAt('Report', 3, 1).value).toBe('#REF!'); // through the named range, now #REF!
    const again = ss.insertSheet('Data');
    again.getRange('B2').setValue(99);
    expect(emu.cellAt('Report', 1, 1).value).toBe('#REF!');
    expect(emu.cellAt('Report', 3, 1).value).toBe('#REF!');
  });

  it('keeps the named ranges of a deleted sheet as #REF!: unlisted, unreadable, their names still taken', () => {
    const emu = workbook();
    emu.loadSource(`
      function afterDelete() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.deleteSheet(ss.getSheetByName('Data'));
        var report = ss.getSheetByName('Report');
        var taken;
        try { ss.setNamedRange('Sizes', report.getRange('A1:B2')); taken = 'set'; } catch (e) { taken = String(e); }
        return [ss.getNamedRanges().length, ss.getRangeByName('Sizes'), taken];
      }
      function reclaim() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.removeNamedRange('Sizes');
        ss.setNamedRange('Sizes', ss.getSheetByName('Report').getRange('A1:B2'));
        return ss.getRangeByName('Sizes').getA1Notation();
      }
    `);
    expect(emu.call('afterDelete')).toEqual([0, null, 'Exception: A named range with the name "Sizes" already exists.']);
    expect(emu.snapshot().namedRanges).toEqual({ Sizes: '#REF!' });
    expect(emu.call('reclaim')).toBe('A1:B2');
    expect(emu.snapshot().namedRanges).toEqual({ Sizes: 'Report!A1:B2' });
  });

  it('rewrites references when a sheet is renamed: they follow the sheet', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', '=Data!B2 + Data!B3');
    emu.spreadsheet.getSheetByName('Data')!.setName("O'Brien's data");
    expect(emu.cellAt('Report', 1, 1).formula).toBe("='O''Brien''s data'!B2 + 'O''Brien''s data'!B3");
    put(emu, 'Report', 'A2', "='O''Brien''s data'!B3");
    expect(emu.cellAt('Report', 2, 1).value).toBe(32);
    expect(emu.snapshot().namedRanges.Sizes).toBe("O'Brien's data!A1:C3");
  });

  it('re-points a named range in place with NamedRange.setRange: formulas using it follow', () => {
    const emu = workbook();
    put(emu, 'Report', 'A1', '=INDEX(Sizes, 2, 2)');
    const ss = emu.spreadsheet;
    const other = ss.insertSheet('Other');
    other.getRange('A1:B2').setValues([['x', 'y'], ['z', 5]]);
    ss.getNamedRanges()[0].setRange(other.getRange('A1:B2'));
    expect(emu.cellAt('Report', 1, 1).value).toBe(5);
    ss.deleteSheet(ss.getSheetByName('Data')!);
    expect(emu.cellAt('Report', 1, 1).value).toBe(5);
  });
});

describe('Range.copyTo', () => {
  it('pastes values, formulas, formats and merges (PASTE_NORMAL), blanks included; not notes', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    const from = ss.insertSheet('From');
    const to = ss.insertSheet('To');
    from.getRange('A1:B1').setValues([['Title', 3]]).setFontWeight('bold');
    from.getRange('A2').setFormula('=B1');
    from.getRange('A3:B3').merge();
    to.getRange('A1:C4').setValues([['old', 'old', 'old'], ['old', 'old', 'old'], ['old', 'old', 'old'], ['old', 'old', 'old']]);
    to.getRange('C1').setBackground('#ff0000').setNote('keep me?');
    to.getRange('A4:B4').merge();
    from.getRange(1, 1, 4, 3).copyTo(to.getRange(1, 1));
    expect(emu.values('To', 'A1:C4')).toEqual([['Title', 3, ''], [3, '', ''], ['', '', ''], ['', '', '']]);
    expect(emu.cellAt('To', 1, 1).fontWeight).toBe('bold');
    expect(emu.cellAt('To', 2, 1).formula).toBe('=B1');
    expect(emu.cellAt('To', 1, 3).background).toBe('#ffffff');
    expect(emu.cellAt('To', 1, 3).note).toBe('keep me?');
    expect(emu.snapshot().sheets.find((s) => s.name === 'To')!.merges).toEqual(['A3:B3']);
  });

  it('pastes values only, formats only, or column widths only', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function paste() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var from = ss.insertSheet('From'), to = ss.insertSheet('To');
        from.getRange('A1:B1').setValues([[1, 2]]).setNumberFormat('0.0%');
        from.getRange('C1').setFormula('=A1');
        from.setColumnWidth(1, 190);
        to.setColumnWidth(2, 300);
        var src = from.getRange('A1:C1');
        src.copyTo(to.getRange('A2'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
        src.copyTo(to.getRange('A3'), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
        src.copyTo(to.getRange('A1'), SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
        return [to.getRange('A2:C2').getValues(), to.getRange('A2').getNumberFormat(), to.getRange('A3').getNumberFormat(),
          to.getRange('A3').getValue(), to.getColumnWidth(1), to.getColumnWidth(2), to.getRange('C2').getFormula()];
      }
    `);
    expect(emu.call('paste')).toEqual([[[1, 2, 1]], '0.###############', '0.0%', '', 190, 100, '']);
  });
});

describe('testing every call of a run', () => {
  const SCRIPT = `
    function run() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1').setValue(1);
      sh.getRange('A2').setValue(2);
      try { sh.getRange('A3').setValue(3); } catch (e) { sh.getRange('B1').setValue('cleaned up'); throw e; }
      return 'done';
    }
  `;

  it('logs every counted call in order', () => {
    const emu = createEmulator();
    emu.loadSource(SCRIPT);
    emu.call('run');
    expect(emu.callLog()).toEqual([
      'SpreadsheetApp.getActiveSheet', 'Sheet.getRange', 'Range.setValue', 'Sheet.getRange', 'Range.setValue', 'Sheet.getRange', 'Range.setValue',
    ]);
    emu.resetCalls();
    expect(emu.callLog()).toEqual([]);
  });

  it('fails a call persistently: the nth and every later one', () => {
    const emu = createEmulator();
    emu.loadSource(SCRIPT);
    emu.failOn('Range.setValue', 3, 'Service error (injected)', Infinity);
    expect(() => emu.call('run')).toThrow('Service error (injected)');
    expect(emu.values('Sheet1', 'A1:B3')).toEqual([[1, ''], [2, ''], ['', '']]); // the clean-up failed too
    expect(() => emu.call('run')).toThrow('Service error (injected)');
    emu.clearFailures();
    expect(emu.call('run')).toBe('done');
  });

  it('crashes an execution at a call: nothing after it happens, clean-up included', () => {
    const emu = createEmulator();
    emu.loadSource(SCRIPT);
    emu.crashOn('Range.setValue', 2);
    expect(() => emu.call('run')).toThrow('Exceeded maximum execution time');
    expect(emu.values('Sheet1', 'A1:B3')).toEqual([[1, ''], ['', ''], ['', '']]);
    expect(emu.call('run')).toBe('done'); // the next execution runs normally
    emu.crashOn('Range.setValue', 3);
    emu.loadSource(`function swallow() { try { run(); } catch (e) {} return 'swallowed'; }`);
    expect(() => emu.call('swallow')).toThrow('Exceeded maximum execution time');
  });
});
