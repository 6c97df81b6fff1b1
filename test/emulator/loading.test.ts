import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../tools/emulator/index.js';

const ADDON = `
var VERSION = '1.2';
var counter = 0;
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Cohort report', 'showSidebar')
    .addSeparator()
    .addItem('Sum column A', 'sumA')
    .addToUi();
  return e && e.authMode === ScriptApp.AuthMode.FULL;
}
function showSidebar() {
  var out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Retention').setWidth(320);
  SpreadsheetApp.getUi().showSidebar(out);
}
function sumA() {
  counter++;
  var values = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
  var s = 0;
  for (var i = 0; i < values.length; i++) s += values[i][0];
  SpreadsheetApp.getActiveSheet().getRange(values.length + 1, 1).setValue(s);
  return s;
}
function echo(x) { return { got: x, isArray: Array.isArray(x && x.list), proto: Object.getPrototypeOf(x) === Object.prototype }; }
function withDate() { return { when: new Date(0) }; }
function DOUBLE(v) {
  if (Array.isArray(v)) return v.map(function (r) { return r.map(function (x) { return x * 2; }); });
  return v * 2;
}
function WRITER() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 1; }
function BUILDER() { var sh = SpreadsheetApp.getActiveSheet(); SpreadsheetApp.newConditionalFormatRule().setGradientMinpoint('#fff').setRanges([sh.getRange('A1')]).build(); return sh.getRange('A1').getValue(); }
`;

describe('loading a script', () => {
  it('makes top-level functions and vars globals and calls no service while loading', () => {
    const emu = createEmulator();
    emu.loadSource(ADDON, 'Addon.js');
    expect(emu.calls.total).toBe(0);
    expect(emu.context.VERSION).toBe('1.2');
    expect(typeof emu.context.onOpen).toBe('function');
    expect(emu.call('onOpen', { authMode: 'FULL' })).toBe(true);
    expect(emu.ui.menus).toHaveLength(1);
    expect(emu.ui.menus[0].addon).toBe(true);
    expect(emu.ui.menuItems().map((i) => [i.caption, i.functionName])).toEqual([
      ['Cohort report', 'showSidebar'],
      ['Sum column A', 'sumA'],
    ]);
  });

  it('counts a load that calls a service at top level', () => {
    const emu = createEmulator();
    emu.loadSource('var SHEET = SpreadsheetApp.getActiveSpreadsheet().getName();');
    expect(emu.calls.total).toBe(2);
    expect(emu.calls['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    expect(emu.calls['Spreadsheet.getName']).toBe(1);
  });

  it('reads and writes ranges from script code', () => {
    const emu = createEmulator();
    emu.loadSource(ADDON);
    emu.sheet('Sheet1').getRange('A1:A3').setValues([[1], [2], [3]]);
    emu.call('onOpen', { authMode: 'LIMITED' });
    expect(emu.runMenuItem('Sum column A')).toBe(6);
    expect(emu.cellAt('Sheet1', 4, 1).value).toBe(6);
    expect(emu.context.counter).toBe(1);
  });

  it('loads a built file and finds its .html beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-load-'));
    writeFileSync(join(dir, 'Code.js'), ADDON);
    writeFileSync(join(dir, 'Sidebar.html'), '<!DOCTYPE html><p>Hello sidebar</p>');
    const emu = createEmulator();
    emu.load(join(dir, 'Code.js'));
    emu.call('showSidebar');
    expect(emu.ui.sidebar).toEqual({ title: 'Retention', width: 320, height: 0, html: '<!DOCTYPE html><p>Hello sidebar</p>' });
  });

  it('fails like Apps Script for a missing html file or function', () => {
    const emu = createEmulator({ htmlDir: mkdtempSync(join(tmpdir(), 'emu-empty-')) });
    emu.loadSource(ADDON);
    expect(() => emu.call('showSidebar')).toThrow('No HTML file named Sidebar was found.');
    expect(() => emu.call('nope')).toThrow('Script function not found: nope');
  });

  it('evaluates templates with printing and non-printing scriptlets', () => {
    const emu = createEmulator({ htmlFiles: { Page: '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?!= i ?></i><? } ?>' } });
    emu.loadSource(`function page() { var t = HtmlService.createTemplateFromFile('Page'); t.title = '<b>&'; t.n = 3; return t.evaluate().getContent(); }`);
    expect(emu.call('page')).toBe('<h1>&lt;b&gt;&amp;</h1><i>0</i><i>1</i><i>2</i>');
  });

  it('passes client calls through JSON like google.script.run', () => {
    const emu = createEmulator();
    emu.loadSource(ADDON);
    expect(emu.callFromClient('echo', { list: [1, 2] })).toEqual({ got: { list: [1, 2] }, isArray: true, proto: true });
    expect(emu.callFromClient('withDate')).toBeNull();
    expect(() => emu.callFromClient('echo', new Date())).toThrow(/Date/);
  });

  it('runs custom functions on cell values and refuses writes inside them', () => {
    const emu = createEmulator();
    emu.loadSource(ADDON);
    emu.sheet('Sheet1').getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    expect(emu.runCustomFunction('DOUBLE', emu.ref('Sheet1!A1:B2'))).toEqual([[2, 4], [6, 8]]);
    expect(emu.runCustomFunction('DOUBLE', emu.ref('Sheet1!B2'))).toBe(8);
    expect(emu.runCustomFunction('WRITER')).toEqual({ error: '#ERROR!', message: 'You do not have permission to call setValue' });
    expect(emu.cellAt('Sheet1', 1, 26).type).toBe('blank');
    expect(emu.runCustomFunction('BUILDER')).toBe(1);
  });

  it('errors thrown by services are Errors of the script realm named Exception', () => {
    const emu = createEmulator();
    emu.loadSource(`function bad() { try { SpreadsheetApp.getActiveSheet().getRange('not a ref'); } catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; } }`);
    expect(emu.call('bad')).toEqual([true, 'Exception', 'Range not found', 'Exception: Range not found']);
  });

  it('stops a runaway call at the execution time limit', () => {
    const emu = createEmulator({ timeLimitMs: { execution: 200, customFunction: 100 } });
    emu.loadSource('function spin() { for (;;) {} } function SPIN() { for (;;) {} } function ok() { return 1; }');
    expect(() => emu.call('spin')).toThrow('Exceeded maximum execution time');
    expect(emu.runCustomFunction('SPIN')).toEqual({ error: '#ERROR!', message: 'Exceeded maximum execution time' });
    expect(emu.call('ok')).toBe(1);
  });

  it('evaluates code in the script realm', () => {
    const emu = createEmulator();
    emu.context.d = emu.date(2024, 1, 1);
    expect(emu.evaluate('d instanceof Date && typeof require === "undefined" && typeof setTimeout === "undefined"')).toBe(true);
  });

  it('hands the script arrays and objects of its own realm', () => {
    const emu = createEmulator();
    emu.loadSource(`function f() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var v = ss.getActiveSheet().getRange('A1:B2').getValues();
      return [v instanceof Array, v[0] instanceof Array, ss.getSheets() instanceof Array,
        Object.getPrototypeOf(PropertiesService.getScriptProperties().getProperties()) === Object.prototype,
        Utilities.parseCsv('a,"b,c"\\n1,2') instanceof Array, JSON.stringify(Utilities.parseCsv('a,"b,c"\\n1,2'))];
    }`);
    expect(emu.call('f')).toEqual([true, true, true, true, true, '[["a","b,c"],["1","2"]]']);
  });

  it('prints service objects as Apps Script does', () => {
    const emu = createEmulator();
    emu.loadSource(`function f() { var r = SpreadsheetApp.getActiveSheet().getRange('A1'); Logger.log(r); return [String(r), JSON.stringify(r), String(SpreadsheetApp.getActiveSheet())]; }`);
    expect(emu.call('f')).toEqual(['Range', '{}', 'Sheet']);
    expect(emu.calls.total).toBe(4);
    expect(emu.logs.filter((l) => l.source !== 'emulator').map((l) => l.message)).toEqual(['Range']);
  });
});
