import { describe, expect, it } from 'vitest';
import { parseA1 } from '../../tools/emulator/a1.js';
import { createEmulator } from '../../tools/emulator/index.js';

function withScript(code: string) {
  const emu = createEmulator();
  emu.loadSource(code);
  return emu;
}

describe('value semantics of writes', () => {
  const emu = withScript(`
    function write(values) { SpreadsheetApp.getActiveSheet().getRange(1, 1, values.length, values[0].length).setValues(values); }
    function one(a1, v) { SpreadsheetApp.getActiveSheet().getRange(a1).setValue(v); }
    function read(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getValues(); }
    function formulas(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getFormulas(); }
  `);
  emu.call('write', [
    ['=HYPERLINK("http://x","y")', "'=HYPERLINK(1)", "'+1", "'-cmd", "'@x", "'00012"],
    ['12', '-5', '+3', '1e3', ' 7 ', '00012'],
    ['+abc', '-cmd', '@x', 'TRUE', 'false', 'plain text'],
    [null, undefined, '', 0, true, 'a\nb'],
  ]);

  it('stores a leading = as a formula and getValues gives "" (not computed)', () => {
    expect(emu.cellAt('Sheet1', 1, 1)).toMatchObject({ type: 'formula', formula: '=HYPERLINK("http://x","y")', value: '' });
    expect(emu.call('formulas', 'A1:B1')).toEqual([['=HYPERLINK("http://x","y")', '']]);
  });

  it("stores text after a leading apostrophe as text", () => {
    expect(emu.call('read', 'B1:F1')).toEqual([['=HYPERLINK(1)', '+1', '-cmd', '@x', '00012']]);
    for (let c = 2; c <= 6; c++) expect(emu.cellAt('Sheet1', 1, c).type).toBe('text');
  });

  it('converts numeric-looking strings to numbers, as Sheets parses typed input', () => {
    expect(emu.call('read', 'A2:F2')).toEqual([[12, -5, 3, 1000, 7, 12]]);
    expect(emu.cellAt('Sheet1', 2, 6).type).toBe('number');
  });

  it('turns +abc, -cmd and @x into failing formulas', () => {
    expect(emu.cellAt('Sheet1', 3, 1)).toMatchObject({ type: 'formula', formula: '=+abc', value: '#NAME?' });
    expect(emu.cellAt('Sheet1', 3, 2)).toMatchObject({ type: 'formula', formula: '=-cmd', value: '#NAME?' });
    expect(emu.cellAt('Sheet1', 3, 3)).toMatchObject({ type: 'formula', formula: '=@x', value: '#ERROR!' });
    expect(emu.call('read', 'D3:F3')).toEqual([[true, false, 'plain text']]);
  });

  it('stores null/undefined/"" as blank and keeps numbers and booleans', () => {
    expect(emu.call('read', 'A4:F4')).toEqual([['', '', '', 0, true, 'a\nb']]);
    expect(emu.cellAt('Sheet1', 4, 1).type).toBe('blank');
  });

  it('keeps strings as text in a plain-text (@) cell', () => {
    const e = withScript(`function f() { var r = SpreadsheetApp.getActiveSheet().getRange('A1'); r.setNumberFormat('@'); r.setValue('00012'); return r.getValue(); }`);
    expect(e.call('f')).toBe('00012');
  });

  it('refuses a cell over 50,000 characters', () => {
    expect(() => emu.call('one', 'A10', 'x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });
});

describe('dimension checks', () => {
  const emu = withScript(`function put(a1, v) { SpreadsheetApp.getActiveSheet().getRange(a1).setValues(v); }`);
  it('throws like Sheets when rows differ', () => {
    expect(() => emu.call('put', 'A1:B3', [[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });
  it('throws like Sheets when a row has the wrong number of columns', () => {
    expect(() => emu.call('put', 'A1:B2', [[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
  it('writes nothing when the check fails', () => {
    expect(() => emu.call('put', 'A1:B2', [[1, 2], [3, 4, 5]])).toThrow();
    expect(emu.cellAt('Sheet1', 1, 1).type).toBe('blank');
  });
  it('refuses a flat array', () => {
    expect(() => emu.call('put', 'A1:B1', [1, 2])).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValues/);
  });
});

describe('A1 notation and getRange', () => {
  it('parses cells, ranges, open-ended and sheet-qualified references', () => {
    expect(parseA1('A1')).toEqual({ sheetName: undefined, startRow: 1, startCol: 1, endRow: 1, endCol: 1 });
    expect(parseA1('$B$2:c10')).toEqual({ sheetName: undefined, startRow: 2, startCol: 2, endRow: 10, endCol: 3 });
    expect(parseA1('A2:A')).toEqual({ sheetName: undefined, startRow: 2, startCol: 1, endRow: undefined, endCol: 1 });
    expect(parseA1('B:D')).toEqual({ sheetName: undefined, startRow: 1, startCol: 2, endRow: undefined, endCol: 4 });
    expect(parseA1('B2:2')).toEqual({ sheetName: undefined, startRow: 2, startCol: 2, endRow: 2, endCol: undefined });
    expect(parseA1('3:5')).toEqual({ sheetName: undefined, startRow: 3, startCol: 1, endRow: 5, endCol: undefined });
    expect(parseA1("'My ''data'''!AA10")).toMatchObject({ sheetName: "My 'data'", startRow: 10, startCol: 27 });
    expect(parseA1('Data!C3:A1')).toMatchObject({ sheetName: 'Data', startRow: 1, startCol: 1, endRow: 3, endCol: 3 });
    for (const bad of ['', 'A0', '1A', 'A1:', 'A1:B2:C3', 'hello world', 'A', '1:A']) expect(parseA1(bad)).toBeNull();
  });

  it('resolves ranges against the sheet like Sheets', () => {
    const emu = withScript(`
      function info(a1) { var r = SpreadsheetApp.getActiveSheet().getRange(a1); return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]; }
      function num(r, c, nr, nc) { return SpreadsheetApp.getActiveSheet().getRange(r, c, nr, nc).getA1Notation(); }
      function openValues() { var sh = SpreadsheetApp.getActiveSheet(); sh.getRange('A1:A3').setValues([[1],[2],[3]]); return sh.getRange('A2:A').getValues(); }
    `);
    expect(emu.call('info', 'B2:C10')).toEqual([2, 2, 9, 2, 'B2:C10']);
    expect(emu.call('info', 'A2:A')).toEqual([2, 1, 999, 1, 'A2:A']);
    expect(emu.call('info', 'B:C')).toEqual([1, 2, 1000, 2, 'B:C']);
    expect(emu.call('info', 'Z1000')).toEqual([1000, 26, 1, 1, 'Z1000']);
    expect(emu.call('num', 3, 2, 2, 3)).toBe('B3:D4');
    const open = emu.call('openValues') as unknown[][];
    expect(open).toHaveLength(999);
    expect(open.slice(0, 3)).toEqual([[2], [3], ['']]);
    expect(() => emu.call('info', 'AA1')).toThrow('Range not found');
    expect(() => emu.call('info', 'A1001')).toThrow('Range not found');
    expect(() => emu.call('num', 1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => emu.call('num', 0, 1, 1, 1)).toThrow('The starting row of the range is too small.');
    expect(() => emu.call('num', 1, 0, 1, 1)).toThrow('The starting column of the range is too small.');
    expect(() => emu.call('num', 1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => emu.call('num', 1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  it('grows a sheet only through insertRowsAfter / insertColumnsAfter / appendRow', () => {
    const emu = withScript(`
      function grow() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.insertRowsAfter(sh.getMaxRows(), 500);
        sh.insertColumnsAfter(sh.getMaxColumns(), 4);
        sh.getRange(1500, 30).setValue('far');
        return [sh.getMaxRows(), sh.getMaxColumns(), sh.getLastRow(), sh.getLastColumn(), sh.getRange('AD1500').getValue()];
      }
      function append() { var sh = SpreadsheetApp.getActiveSheet(); sh.appendRow(['x', 2]); return [sh.getLastRow(), sh.getMaxRows()]; }
    `);
    expect(emu.call('grow')).toEqual([1500, 30, 1500, 30, 'far']);
    expect(emu.call('append')).toEqual([1501, 1501]);
  });

  it('gives the data range and last row/column from content, not formats', () => {
    const emu = withScript(`
      function f() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.getRange('A1:C2').setValues([[1, 2, 3], [4, '', 6]]);
        sh.getRange('F20').setBackground('#ff0000');
        return [sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()];
      }
    `);
    expect(emu.call('f')).toEqual([2, 3, 'A1:C2']);
  });
});

describe('formats and display values', () => {
  it('formats numbers and dates for getDisplayValues', () => {
    const emu = withScript(`
      function f() {
        var sh = SpreadsheetApp.getActiveSheet();
        var r = sh.getRange('A1:F1');
        r.setValues([[1234.5678, 0.256, -42, 1/3, 45306, 7]]);
        r.setNumberFormats([['#,##0.00', '0.0%', '0;(0)', '', 'yyyy-mm-dd', '"$"#,##0.00']]);
        return r.getDisplayValues();
      }
    `);
    expect(emu.call('f')).toEqual([['1,234.57', '25.6%', '(42)', '0.3333333333', '2024-01-15', '$7.00']]);
    expect(emu.cellAt('Sheet1', 1, 5).type).toBe('date');
    expect(emu.cellAt('Sheet1', 1, 4).numberFormat).toBe('0.###############');
  });

  it('sets and clears formats per cell', () => {
    const emu = withScript(`
      function f() {
        var r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
        r.setValues([['a', 'b']]).setFontWeight('bold').setBackground('RED').setHorizontalAlignment('center').setWrap(true);
        r.setBackgrounds([['#abc', null]]);
        var before = [r.getFontWeights(), r.getBackgrounds()];
        r.clearFormat();
        return [before, r.getFontWeights(), r.getBackgrounds(), r.getValues()];
      }
    `);
    expect(emu.call('f')).toEqual([
      [[['bold', 'bold']], [['#aabbcc', '#ffffff']]],
      [['normal', 'normal']],
      [['#ffffff', '#ffffff']],
      [['a', 'b']],
    ]);
  });

  it('clear() removes content and formats, clearContent() keeps formats', () => {
    const emu = withScript(`
      function f() {
        var sh = SpreadsheetApp.getActiveSheet();
        sh.getRange('A1:A2').setValues([[1], [2]]).setNumberFormat('0.00');
        sh.getRange('A1').clearContent();
        sh.getRange('A2').clear();
        return [sh.getRange('A1:A2').getNumberFormats(), sh.getLastRow()];
      }
    `);
    expect(emu.call('f')).toEqual([[['0.00'], ['0.###############']], 0]);
  });
});
