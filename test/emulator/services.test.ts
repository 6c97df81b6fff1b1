import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../tools/emulator/index.js';

describe('call counting and failure injection', () => {
  const REPORT = `
    function slow() { var sh = SpreadsheetApp.getActiveSheet(); for (var i = 1; i <= 5; i++) sh.getRange(i, 1).setValue(i); }
    function fast() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 5, 1).setValues([[1],[2],[3],[4],[5]]); }
    function report() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var out = ss.insertSheet('Report');
      out.getRange('A1:B1').setValues([['Cohort', 'Size']]);
      out.getRange('A2:B2').setValues([['2024-01', 10]]);
      return 'done';
    }
    function safeReport() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var tmp = ss.insertSheet('Report (building)');
      try {
        tmp.getRange('A1:B1').setValues([['Cohort', 'Size']]);
        tmp.getRange('A2:B2').setValues([['2024-01', 10]]);
      } catch (e) { ss.deleteSheet(tmp); throw e; }
      tmp.setName('Report');
    }
  `;

  it('counts each service call by Class.method, not the calls services make internally', () => {
    const emu = createEmulator();
    emu.loadSource(REPORT);
    emu.call('slow');
    expect(emu.calls['Range.setValue']).toBe(5);
    expect(emu.calls['Sheet.getRange']).toBe(5);
    expect(emu.calls['SpreadsheetApp.getActiveSheet']).toBe(1);
    expect(emu.calls.total).toBe(11);
    expect(emu.calls['Range.setValues']).toBe(0);
    emu.resetCalls();
    emu.call('fast');
    expect(emu.callCounts()).toEqual({ 'SpreadsheetApp.getActiveSheet': 1, 'Sheet.getRange': 1, 'Range.setValues': 1, total: 3 });
    expect(Object.keys(emu.calls)).toEqual(['SpreadsheetApp.getActiveSheet', 'Sheet.getRange', 'Range.setValues']);
  });

  it('failOn makes the nth call throw and a careful report leaves the sheets as they were', () => {
    const emu = createEmulator();
    emu.loadSource(REPORT);
    emu.importCsv('id,amount\n1,2\n', { sheetName: 'Data' });
    const before = emu.snapshot();
    emu.failOn('Range.setValues', 2);
    expect(() => emu.call('safeReport')).toThrow('Service error (injected)');
    expect(emu.snapshot()).toEqual(before);
    // and a careless one does not:
    emu.failOn('Range.setValues', 2);
    expect(() => emu.call('report')).toThrow('Service error (injected)');
    expect(emu.snapshot()).not.toEqual(before);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Data', 'Report']);
  });

  it('snapshot is deep: later changes do not alter an earlier snapshot', () => {
    const emu = createEmulator();
    emu.loadSource(REPORT);
    emu.call('fast');
    const s1 = emu.snapshot();
    const copy = JSON.parse(JSON.stringify(s1));
    emu.sheet('Sheet1').getRange('A1').setValue('changed').setFontWeight('bold');
    expect(s1).toEqual(copy);
    expect(emu.snapshot().sheets[0].cells.A1).toEqual({ v: 'changed', fw: 'bold' });
  });
});

describe('LockService', () => {
  const CODE = `
    function tryIt() { var l = LockService.getDocumentLock(); var ok = l.tryLock(1000); var has = l.hasLock(); if (ok) l.releaseLock(); return [ok, has]; }
    function waitIt(ms) { var l = LockService.getDocumentLock(); l.waitLock(ms); l.releaseLock(); return 'got it'; }
    function leak() { LockService.getScriptLock().waitLock(10); }
  `;
  it('acquires a free lock and sees another holder', () => {
    const emu = createEmulator();
    emu.loadSource(CODE);
    expect(emu.call('tryIt')).toEqual([true, true]);
    const release = emu.holdDocumentLock();
    expect(emu.call('tryIt')).toEqual([false, false]);
    expect(() => emu.call('waitIt', 30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    release();
    expect(emu.call('waitIt', 10)).toBe('got it');
  });

  it('lets a wait long enough outlast the other holder', () => {
    const emu = createEmulator();
    emu.loadSource(CODE);
    emu.holdDocumentLock({ releasesAfterMs: 5000 });
    expect(() => emu.call('waitIt', 1000)).toThrow(/Lock timeout/);
    expect(emu.call('waitIt', 10000)).toBe('got it');
    expect(emu.lockState().document).toBe('none');
  });

  it('records and releases locks a call forgot', () => {
    const emu = createEmulator();
    emu.loadSource(CODE);
    emu.call('leak');
    expect(emu.leakedLocks).toEqual(['script']);
    expect(emu.lockState().script).toBe('none');
  });
});

describe('PropertiesService', () => {
  it('stores strings, stringifies other values and enforces the value size', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function f() {
        var p = PropertiesService.getDocumentProperties();
        p.setProperty('n', 42).setProperty('o', {a: 1});
        p.setProperties({ b: true, c: 'x' });
        var all = p.getProperties();
        p.deleteProperty('c');
        return [p.getProperty('n'), typeof p.getProperty('n'), p.getProperty('o'), all.b, p.getProperty('c'), p.getKeys().sort(), Object.getPrototypeOf(all) === Object.prototype];
      }
      function big() { PropertiesService.getUserProperties().setProperty('k', new Array(9300).join('x')); }
    `);
    expect(emu.call('f')).toEqual(['42', 'string', '[object Object]', 'true', null, ['b', 'n', 'o'], true]);
    expect(emu.properties.document.get('n')).toBe('42');
    expect(() => emu.call('big')).toThrow('Argument too large: value');
  });
});

describe('developer metadata', () => {
  it('adds, finds by key/value/location and removes with the sheet', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function add() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.addDeveloperMetadata('app', 'retention');
        var sh = ss.insertSheet('Report');
        sh.addDeveloperMetadata('report', '{"v":1}', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        sh.getRange('2:2').addDeveloperMetadata('row', 'header');
        sh.getRange('B:B').addDeveloperMetadata('col');
      }
      function find(key, value) {
        var f = SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey(key);
        if (value !== undefined) f = f.withValue(value);
        return f.find().map(function (m) {
          var loc = m.getLocation();
          return [m.getKey(), m.getValue(), String(m.getVisibility()), String(loc.getLocationType()), loc.getSheet() ? loc.getSheet().getName() : null];
        });
      }
      function byType(t) { return SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType[t]).find().length; }
      function onSheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Report').getDeveloperMetadata().map(function (m) { return m.getKey(); }); }
      function rowMeta() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Report').getRange('A2:C2').createDeveloperMetadataFinder().onIntersectingLocations().find().map(function (m) { return m.getValue(); }); }
      function bad() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').addDeveloperMetadata('x'); }
      function del() { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.deleteSheet(ss.getSheetByName('Report')); }
    `);
    emu.call('add');
    expect(emu.call('find', 'report')).toEqual([['report', '{"v":1}', 'PROJECT', 'SHEET', 'Report']]);
    expect(emu.call('find', 'app', 'retention')).toEqual([['app', 'retention', 'DOCUMENT', 'SPREADSHEET', null]]);
    expect(emu.call('find', 'app', 'other')).toEqual([]);
    expect(emu.call('find', 'col')).toEqual([['col', null, 'DOCUMENT', 'COLUMN', null]]);
    expect([emu.call('byType', 'SPREADSHEET'), emu.call('byType', 'SHEET'), emu.call('byType', 'ROW'), emu.call('byType', 'COLUMN')]).toEqual([1, 1, 1, 1]);
    expect(emu.call('onSheet')).toEqual(['report']);
    // A2:C2 intersects row 2 and column B
    expect(emu.call('rowMeta')).toEqual(['header', null]);
    expect(() => emu.call('bad')).toThrow(/may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column/);
    emu.call('del');
    expect(emu.snapshot().developerMetadata.map((m) => m.key)).toEqual(['app']);
  });
});

describe('named ranges', () => {
  it('sets, reads, replaces and removes named ranges', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function f() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sh = ss.getActiveSheet();
        ss.setNamedRange('Cohorts', sh.getRange('A1:C10'));
        ss.setNamedRange('cohorts', sh.getRange('B2'));
        var got = ss.getRangeByName('COHORTS').getA1Notation();
        var names = ss.getNamedRanges().map(function (n) { return n.getName() + '=' + n.getRange().getA1Notation(); });
        ss.removeNamedRange('cohorts');
        return [got, names, ss.getRangeByName('cohorts')];
      }
      function bad(name) { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.setNamedRange(name, ss.getActiveSheet().getRange('A1')); }
    `);
    expect(emu.call('f')).toEqual(['B2', ['cohorts=B2'], null]);
    for (const name of ['A1', '1abc', 'has space', 'true', 'R1C1']) expect(() => emu.call('bad', name)).toThrow(/is not valid/);
    emu.call('bad', 'Retention_2024');
    expect(emu.snapshot().namedRanges).toEqual({ Retention_2024: 'Sheet1!A1' });
  });
});

describe('conditional formats and charts', () => {
  it('builds gradient rules and keeps them on the sheet', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function f() {
        var sh = SpreadsheetApp.getActiveSheet();
        var rule = SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpoint('#FFFFFF')
          .setGradientMidpointWithValue('#ffeb84', SpreadsheetApp.InterpolationType.PERCENTILE, '50')
          .setGradientMaxpoint('#57bb8a')
          .setRanges([sh.getRange('B2:M13')])
          .build();
        var hi = SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(0.5).setBackground('red').setRanges([sh.getRange('A1')]).build();
        sh.setConditionalFormatRules([rule, hi]);
        var back = sh.getConditionalFormatRules();
        var g = back[0].getGradientCondition();
        return [back.length, back[0].getRanges()[0].getA1Notation(), g.getMinColor(), String(g.getMinType()), String(g.getMidType()), g.getMidValue(), g.getMaxColor(), back[1].getGradientCondition(), String(back[1].getBooleanCondition().getCriteriaType()), back[1].getBooleanCondition().getBackground()];
      }
    `);
    expect(emu.call('f')).toEqual([2, 'B2:M13', '#ffffff', 'MIN', 'PERCENTILE', '50', '#57bb8a', null, 'NUMBER_GREATER_THAN', '#ff0000']);
  });

  it('builds, inserts, modifies and removes charts', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function f() {
        var sh = SpreadsheetApp.getActiveSheet();
        var chart = sh.newChart().setChartType(Charts.ChartType.LINE).addRange(sh.getRange('A1:C13'))
          .setPosition(2, 5, 0, 0).setOption('title', 'Retention curves').build();
        sh.insertChart(chart);
        var c = sh.getCharts()[0];
        sh.updateChart(c.modify().asColumnChart().setOption('title', 'Renamed').build());
        var c2 = sh.getCharts()[0];
        var out = [sh.getCharts().length, c2.getOptions().get('title'), c2.getRanges()[0].getA1Notation(), c2.getContainerInfo().getAnchorColumn()];
        sh.removeChart(c2);
        return out.concat([sh.getCharts().length]);
      }
    `);
    expect(emu.call('f')).toEqual([1, 'Renamed', 'A1:C13', 5, 0]);
  });
});

describe('sheets and the Ui', () => {
  it('enforces unique sheet names and keeps one sheet', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function add(n) { return SpreadsheetApp.getActiveSpreadsheet().insertSheet(n).getName(); }
      function rename(from, to) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName(from).setName(to); }
      function delAll() { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.getSheets().forEach(function (s) { ss.deleteSheet(s); }); }
      function order() { return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName() + '@' + s.getIndex(); }); }
    `);
    expect(emu.call('add', 'Report')).toBe('Report');
    expect(() => emu.call('add', 'Report')).toThrow('A sheet with the name "Report" already exists. Please enter another name.');
    expect(() => emu.call('add', 'report')).toThrow(/already exists/);
    expect(() => emu.call('rename', 'Report', 'Sheet1')).toThrow('A sheet with the name "Sheet1" already exists. Please enter another name.');
    expect(emu.call('add', undefined)).toBe('Sheet3');
    expect(emu.call('order')).toEqual(['Sheet1@1', 'Report@2', 'Sheet3@3']);
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe('Sheet3');
    emu.resetCalls();
    emu.loadSource(`
      function first() { var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.insertSheet('First', 0); return [s.getIndex(), ss.getSheetById(s.getSheetId()).getName(), ss.getSheetById(0).getName()]; }
      function hideAll() { SpreadsheetApp.getActiveSpreadsheet().getSheets().forEach(function (s) { s.hideSheet(); }); }
    `);
    expect(emu.call('first')).toEqual([1, 'First', 'Sheet1']);
    expect(() => emu.call('hideAll')).toThrow("You can't hide all the sheets in a document.");
    expect(emu.snapshot().sheets.map((s) => s.hidden)).toEqual([true, true, true, false]);
    expect(() => emu.call('delAll')).toThrow("You can't remove all the sheets in a document.");
    expect(emu.sheetNames()).toEqual(['Sheet3']);
  });

  it('records sidebars, alerts with queued answers, prompts and toasts', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function ask() {
        var ui = SpreadsheetApp.getUi();
        var a = ui.alert('Delete?', 'Really delete the report?', ui.ButtonSet.YES_NO);
        var p = ui.prompt('Name the report', ui.ButtonSet.OK_CANCEL);
        SpreadsheetApp.getActiveSpreadsheet().toast('Done', 'Retention', 3);
        return [a === ui.Button.NO, String(p.getSelectedButton()), p.getResponseText()];
      }
    `);
    emu.ui.respondWith('NO');
    emu.ui.respondWith('OK', 'Q1 report');
    expect(emu.call('ask')).toEqual([true, 'OK', 'Q1 report']);
    expect(emu.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['alert', 'Delete?', 'Really delete the report?', 'YES_NO', 'NO'],
      ['prompt', '', 'Name the report', 'OK_CANCEL', 'OK'],
    ]);
    expect(emu.ui.toasts).toEqual([{ message: 'Done', title: 'Retention', timeoutSeconds: 3 }]);
  });

  it('captures console and Logger output and caches values', () => {
    const emu = createEmulator();
    emu.loadSource(`
      function f() {
        console.log('rows', 3); Logger.log('took %s ms', 12);
        var c = CacheService.getDocumentCache(); c.put('k', 'v', 60);
        return [c.get('k'), c.get('missing'), Utilities.getUuid().length];
      }
    `);
    expect(emu.call('f')).toEqual(['v', null, 36]);
    expect(emu.logs.filter((l) => l.source !== 'emulator').map((l) => [l.source, l.message])).toEqual([
      ['console', 'rows 3'],
      ['Logger', 'took 12 ms'],
    ]);
  });
});
