import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvShape, parseCsvText } from '../../tools/emulator/csv.js';
import { createEmulator } from '../../tools/emulator/index.js';

describe('CSV import', () => {
  it('parses RFC 4180 quoting, CRLF and embedded line breaks', () => {
    expect(parseCsvText('a,"b,c","d ""q"""\r\n"multi\nline",,x\r\n')).toEqual([
      ['a', 'b,c', 'd "q"'],
      ['multi\nline', '', 'x'],
    ]);
    expect(parseCsvText('a\tb\n1\t2', '\t')).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsvText('"open')).toThrow(/unterminated/);
  });

  it('measures a file (records × widest record) without reading its values', () => {
    const texts = [
      'a,"b,c","d ""q"""\r\n"multi\nline",,x\r\n',
      'a,b\n\n1,2,3,\n"x""y",4',
      'one\rtwo,three\r\n',
      '\ufeffh1;h2\n1;2\n',
      'x,',
      '',
    ];
    for (const text of texts) {
      const delimiter = text.includes(';') ? ';' : ',';
      const rows = parseCsvText(text, delimiter);
      expect(csvShape(text, delimiter)).toEqual({ rows: rows.length, columns: Math.max(0, ...rows.map((r) => r.length)) });
    }
    expect(parseCsvText('a,b\n\n1,2,3,\n"x""y",4')).toEqual([['a', 'b'], [''], ['1', '2', '3', ''], ['x"y', '4']]);
    expect(parseCsvText('one\rtwo,three\r\n')).toEqual([['one'], ['two', 'three']]);
  });

  it('types values as Sheets import does with "Convert text to numbers, dates, and formulas" on', () => {
    const emu = createEmulator();
    const sheet = emu.importCsv(
      'id,date,amount,flag,note,neg\n00012,2024-01-15,12.5,TRUE,"=HYPERLINK(""x"")",-3\n7,2024-02-30,1e3,false,+abc,\n',
      { sheetName: 'Orders' },
    );
    expect(sheet.getName()).toBe('Orders');
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Orders');
    const types = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => emu.cellAt('Orders', r, c).type);
    expect(types(1)).toEqual(['text', 'text', 'text', 'text', 'text', 'text']);
    expect(types(2)).toEqual(['number', 'date', 'number', 'boolean', 'formula', 'number']);
    expect(types(3)).toEqual(['number', 'text', 'number', 'boolean', 'formula', 'blank']);
    expect(emu.cellAt('Orders', 2, 1).value).toBe(12); // Sheets drops the zeros, as when typed
    expect(emu.cellAt('Orders', 2, 5).formula).toBe('=HYPERLINK("x")');
    expect(emu.cellAt('Orders', 3, 5)).toMatchObject({ formula: '=+abc', value: '#NAME?' });
    expect(emu.cellAt('Orders', 3, 2).value).toBe('2024-02-30'); // not a real day: stays text
    expect(emu.cellAt('Orders', 3, 3).value).toBe(1000);
  });

  it('keeps every value as text with conversion off', () => {
    const emu = createEmulator();
    emu.importCsv('id,date,amount\n00012,2024-01-15,12.5\n=1+1,TRUE,\n', { sheetName: 'Raw', convert: false });
    expect(emu.values('Raw')).toEqual([['id', 'date', 'amount'], ['00012', '2024-01-15', '12.5'], ['=1+1', 'TRUE', '']]);
    for (const [r, c] of [[2, 1], [2, 2], [2, 3], [3, 1], [3, 2]]) expect(emu.cellAt('Raw', r, c).type).toBe('text');
  });

  it('detects the delimiter with auto', () => {
    const emu = createEmulator();
    emu.importCsv('a\tb;c\n1\t2;3\n', { sheetName: 'T', delimiter: 'auto' });
    expect(emu.values('T')).toEqual([['a', 'b;c'], [1, '2;3']]);
  });
});

describe('CDNOW import', () => {
  it('imports the real CDNOW log: 69,659 rows, 23,570 ids, typed columns', () => {
    const text = readFileSync('examples/cdnow/CDNOW_master.txt', 'utf8');
    const emu = createEmulator();
    emu.importCdnow(text, { sheetName: 'CDNOW' });
    emu.loadSource(`function all() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('CDNOW').getDataRange().getValues(); }`);
    const rows = emu.call('all') as unknown[][];
    expect(rows).toHaveLength(69_660);
    expect(rows[0]).toEqual(['Customer ID', 'Date', 'CDs', 'Amount']);
    expect(rows[1][0]).toBe('00001');
    expect(rows[1][2]).toBe(1);
    expect(rows[1][3]).toBe(11.77);
    expect(emu.cellAt('CDNOW', 2, 2)).toMatchObject({ type: 'date', display: '1997-01-01' });
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(23_570);
    expect(rows.slice(1).every((r) => typeof r[0] === 'string' && typeof r[2] === 'number' && typeof r[3] === 'number')).toBe(true);
    expect(rows.slice(1).filter((r) => r[3] === 0)).toHaveLength(80);
    const times = rows.slice(1).map((r) => (r[1] as Date).getTime());
    expect(new Set(times).size).toBe(546); // every day from 1997-01-01 to 1998-06-30
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' });
    expect(day.format(emu.date(1997, 1, 1))).toBe('1997-01-01');
    expect(Math.min(...times)).toBe(emu.date(1997, 1, 1).getTime());
    expect(Math.max(...times)).toBe(emu.date(1998, 6, 30).getTime());
    expect(emu.sheet('CDNOW').getMaxRows()).toBe(69_660);
  });

  it('rejects a malformed line with its number', () => {
    const emu = createEmulator();
    expect(() => emu.importCdnow('customer_id date cds amount\r\n 00001 19970101 1 11.77\r\n 00002 1997011 1 2\r\n')).toThrow(/CDNOW line 3/);
  });
});

describe('xlsx export', () => {
  it('round-trips values, dates, formats, frozen rows, widths, names and a color scale', async () => {
    const emu = createEmulator();
    emu.loadSource(`
      function build() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sh = ss.insertSheet('Cohorts');
        sh.getRange('A1:C1').setValues([['Cohort', 'Size', 'Retention']]).setFontWeight('bold').setBackground('#cfe2f3');
        sh.getRange('A2:C3').setValues([[new Date(Date.UTC(2024, 0, 1, 12)), 120, 0.5], ['Feb', 80, 0.25]]);
        sh.getRange('A2').setNumberFormat('yyyy-mm-dd');
        sh.getRange('C2:C3').setNumberFormat('0.0%');
        sh.getRange('D2').setFormula('=B2*C2');
        sh.setFrozenRows(1);
        sh.setColumnWidth(1, 140);
        ss.setNamedRange('CohortTable', sh.getRange('A1:C3'));
        sh.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpoint('#ffffff').setGradientMaxpointWithValue('#57bb8a', SpreadsheetApp.InterpolationType.NUMBER, '1')
          .setRanges([sh.getRange('C2:C3')]).build()]);
        sh.insertChart(sh.newChart().asLineChart().addRange(sh.getRange('A1:C3')).setPosition(5, 1, 0, 0).build());
      }
    `);
    emu.call('build');
    const file = join(mkdtempSync(join(tmpdir(), 'emu-xlsx-')), 'book.xlsx');
    await emu.exportXlsx(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Cohorts']);
    const ws = wb.getWorksheet('Cohorts')!;
    expect(ws.getCell('A1').value).toBe('Cohort');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCFE2F3' } });
    expect(ws.getCell('B2').value).toBe(120);
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    const a2 = ws.getCell('A2').value as Date;
    expect(a2).toBeInstanceOf(Date);
    expect(a2.toISOString()).toBe('2024-01-01T13:00:00.000Z'); // wall-clock in Prague, as Excel has no zones
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toMatchObject({ formula: 'B2*C2' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(wb.definedNames.model).toEqual([{ name: 'CohortTable', ranges: ['Cohorts!$A$1:$C$3'] }]);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('C2:C3');
    expect(cf[0].rules[0]).toMatchObject({
      type: 'colorScale',
      cfvo: [{ type: 'min' }, { type: 'num', value: 1 }],
      color: [{ argb: 'FFFFFFFF' }, { argb: 'FF57BB8A' }],
    });
  });

  it('writes a data sheet row by row with the same values and formats as a sheet with merges and notes', async () => {
    const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague' });
    emu.loadSource(`
      function build() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var rows = [
          ['Text & <tags> "quoted"', 12.5, -3, true, '=B1*2', '+abc'],
          ["'00012", 1e21, 0, false, '', 'line\\nbreak'],
        ];
        ['Plain', 'Merged'].forEach(function (name) {
          var sh = ss.insertSheet(name);
          sh.getRange(1, 1, 2, 6).setValues(rows);
          sh.getRange('G1').setValue(new Date(Date.UTC(2010, 11, 1, 7, 26)));
          sh.getRange('G2').setValue(new Date(Date.UTC(2010, 11, 1, 23)));
          sh.getRange('G2').setNumberFormat('yyyy-mm-dd');
          sh.getRange('B2').setNumberFormat('0.0%');
          sh.getRange('A1').setFontWeight('bold').setBackground('#cfe2f3');
        });
        var merged = ss.getSheetByName('Merged');
        merged.getRange('A5:B5').merge();
        merged.getRange('A6').setValue('noted').setNote('a note');
      }
    `);
    emu.call('build');
    const file = join(mkdtempSync(join(tmpdir(), 'emu-xlsx-')), 'book.xlsx');
    await emu.exportXlsx(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const read = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[] = [];
      for (let r = 1; r <= 2; r++) {
        for (let c = 1; c <= 7; c++) {
          const cell = ws.getCell(r, c);
          const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
          out.push({ at: cell.address, value, numFmt: cell.numFmt ?? null, bold: cell.font?.bold ?? false });
        }
      }
      return out;
    };
    const plain = read('Plain');
    expect(read('Merged')).toEqual(plain);
    const at = (a1: string) => plain.find((x) => (x as { at: string }).at === a1);
    expect(at('A1')).toEqual({ at: 'A1', value: 'Text & <tags> "quoted"', numFmt: null, bold: true });
    expect(at('B1')).toMatchObject({ value: 12.5 });
    expect(at('C1')).toMatchObject({ value: -3 });
    expect(at('D1')).toMatchObject({ value: true });
    expect(at('E1')).toMatchObject({ value: { formula: 'B1*2' } });
    expect(at('F1')).toMatchObject({ value: { formula: '+abc', result: { error: '#NAME?' } } });
    expect(at('A2')).toMatchObject({ value: '00012' });
    expect(at('B2')).toMatchObject({ value: 1e21, numFmt: '0.0%' });
    expect(at('D2')).toMatchObject({ value: false });
    expect(at('E2')).toMatchObject({ value: null });
    expect(at('F2')).toMatchObject({ value: 'line\nbreak' });
    // Wall-clock in Prague (UTC+1 in December), as Excel has no zones.
    expect(at('G1')).toMatchObject({ value: '2010-12-01T08:26:00.000Z', numFmt: 'M/d/yyyy H:mm:ss' });
    expect(at('G2')).toMatchObject({ value: '2010-12-02T00:00:00.000Z', numFmt: 'yyyy-mm-dd' });
    expect(wb.getWorksheet('Merged')!.getCell('A6').note).toBe('a note');
    expect((wb.getWorksheet('Merged') as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty('A5');
  });
});
