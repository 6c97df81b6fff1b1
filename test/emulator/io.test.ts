import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../tools/emulator/csv.js';
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

  it('types values as Sheets import does, keeping leading-zero ids as text', () => {
    const emu = createEmulator();
    const sheet = emu.importCsv(
      'id,date,amount,flag,note,neg\n00012,2024-01-15,12.5,TRUE,"=HYPERLINK(""x"")",-3\n7,2024-02-30,1e3,false,+abc,\n',
      { sheetName: 'Orders' },
    );
    expect(sheet.getName()).toBe('Orders');
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Orders');
    const types = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => emu.cellAt('Orders', r, c).type);
    expect(types(1)).toEqual(['text', 'text', 'text', 'text', 'text', 'text']);
    expect(types(2)).toEqual(['text', 'date', 'number', 'boolean', 'text', 'number']);
    expect(types(3)).toEqual(['number', 'text', 'number', 'boolean', 'text', 'blank']);
    expect(emu.cellAt('Orders', 2, 1).value).toBe('00012');
    expect(emu.cellAt('Orders', 2, 5).value).toBe('=HYPERLINK("x")');
    expect(emu.cellAt('Orders', 3, 2).value).toBe('2024-02-30'); // not a real day: stays text
    expect(emu.cellAt('Orders', 3, 3).value).toBe(1000);
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
});
