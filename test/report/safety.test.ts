/**
 * What makes the summary safe to run on a team's workbook: a fixed number of service calls, never
 * touching a user's sheet, text that cannot become a formula, and the lock. What a failure in any
 * call leaves behind is in failures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { generateLog } from '../core/cohorts/generate';
import { addSheet, generate, headerValue, settingsFor, workbook } from './workbook';

function SpreadsheetAppVisibility(emu: ReturnType<typeof workbook>) {
  return emu.evaluate('SpreadsheetApp.DeveloperMetadataVisibility.PROJECT') as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
}

function logWorkbook(customers: number, seed = 1, zone = 'Europe/Prague') {
  const rows = generateLog({ seed, zone, customers, amounts: true, segments: true });
  const emu = workbook(zone);
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  return emu;
}

// Growing a new sheet past its default 1000 × 26 cells costs one call per direction, once.
const RESIZE = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];

function callsFor(customers: number, period: 'week' | 'month', breakdown: boolean): { total: number; cohorts: number; rows: number; segments: number } {
  const emu = logWorkbook(customers, customers);
  const base = settingsFor(emu, 'Orders', { period, breakdown });
  const settings = { ...base, columns: { ...base.columns, segment: 4 } };
  generate(emu, settings); // a first summary exists, so the second run also replaces one
  emu.resetCalls();
  const outcome = generate(emu, settings);
  const resizing = RESIZE.reduce((n, m) => n + emu.calls[m], 0);
  const segments = (emu.values(outcome.summarySheetName) as unknown[][]).filter((r) => String(r[0]).startsWith('Segment: ')).length;
  return { total: emu.calls.total - resizing, cohorts: outcome.cohorts, rows: outcome.rowsRead, segments };
}

describe('the summary report', () => {
  it('makes the same number of Sheets calls whatever the number of rows or cohorts', () => {
    const small = callsFor(30, 'month', false);
    const large = callsFor(3000, 'week', false);
    expect(large.rows).toBeGreaterThan(20 * small.rows);
    expect(large.cohorts).toBeGreaterThan(5 * small.cohorts);
    expect(large.total).toBe(small.total);
    // About a hundred: the in-place rewrite copies the staging sheet over the summary and re-points
    // each table's named range rather than deleting and re-adding them.
    expect(large.total).toBeLessThanOrEqual(110);
    // A breakdown adds one retention matrix per segment, each with its heatmap rule: a fixed number of
    // calls per table (newConditionalFormatRule, two gradient points, getRange, setRanges, build).
    const bySegment = callsFor(3000, 'week', true);
    const fewer = callsFor(300, 'month', true);
    expect(bySegment.segments).toBeGreaterThanOrEqual(2);
    expect(fewer.segments).toBe(bySegment.segments);
    expect(bySegment.total).toBe(fewer.total);
    expect(bySegment.total).toBe(large.total + 6 * bySegment.segments);
  });

  it('never touches a user sheet that has the summary name', () => {
    const emu = logWorkbook(100);
    addSheet(emu, 'Retention summary', ['My notes'], [['do not delete']]);
    const before = emu.snapshot().sheets.find((s) => s.name === 'Retention summary');
    const outcome = generate(emu, settingsFor(emu, 'Orders'));
    expect(outcome.summarySheetName).toBe('Retention summary 2');
    const after = emu.snapshot().sheets.find((s) => s.name === 'Retention summary');
    expect(after).toEqual(before);
    // A second run replaces its own sheet, keeping the name, and still leaves the user's alone.
    generate(emu, settingsFor(emu, 'Orders', { period: 'quarter' }));
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Retention summary'))).toEqual(['Retention summary', 'Retention summary 2']);
    expect(emu.snapshot().sheets.find((s) => s.name === 'Retention summary')).toEqual(before);
    expect(headerValue(emu, 'Retention summary 2', 'Period')).toBe('quarter');
  });

  it('treats a copy a user made of the summary as theirs, even if the copy carries our tag', () => {
    const emu = logWorkbook(60);
    const settings = settingsFor(emu, 'Orders');
    generate(emu, settings);
    const ss = emu.spreadsheet;
    const ours = ss.getSheetByName('Retention summary')!;
    const copy = ours.copyTo(ss).setName('My annotated summary');
    // Sheets may copy developer metadata along with the sheet: simulate the worst case.
    const tag = ours.getDeveloperMetadata()[0];
    copy.addDeveloperMetadata(tag.getKey(), tag.getValue()!, SpreadsheetAppVisibility(emu));
    copy.getRange(1, 2).setValue('my note');
    const before = emu.snapshot().sheets.find((s) => s.name === 'My annotated summary');
    generate(emu, { ...settings, period: 'quarter' });
    expect(emu.snapshot().sheets.find((s) => s.name === 'My annotated summary')).toEqual(before);
    expect(headerValue(emu, 'Retention summary', 'Period')).toBe('quarter');
    const state = emu.callFromClient('sidebarState') as { sheets: { name: string; ownedByAddon: boolean }[] };
    expect(state.sheets.find((s) => s.name === 'My annotated summary')?.ownedByAddon).toBe(false);
  });

  it('drops its own named ranges for tables a new run no longer has, and leaves the user\'s', () => {
    const emu = logWorkbook(60);
    const user = emu.spreadsheet.getSheetByName('Orders')!;
    emu.spreadsheet.setNamedRange('MyOrders', user.getRange('A1:B5'));
    const withAmounts = settingsFor(emu, 'Orders');
    generate(emu, withAmounts);
    expect(Object.keys(emu.snapshot().namedRanges)).toContain('CohortRevenue');
    generate(emu, { ...withAmounts, columns: { ...withAmounts.columns, amount: 0 } });
    const names = emu.snapshot().namedRanges;
    expect(Object.keys(names)).not.toContain('CohortRevenue');
    expect(Object.keys(names)).toEqual(expect.arrayContaining(['CohortCustomers', 'CohortRetention', 'RetentionPerPeriod', 'MyOrders']));
    expect(names.MyOrders).toMatch(/Orders!A1:B5$/);
  });

  it('writes user strings as text, never as formulas', () => {
    const emu = workbook('Europe/Prague');
    const nasty = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)', "'quoted", '00012'];
    const rows: unknown[][] = [];
    nasty.forEach((segment, i) => {
      rows.push([`c${i}`, emu.date(2024, 1, 1 + i), 10, segment]);
      rows.push([`c${i}`, emu.date(2024, 2, 1 + i), 10, segment]);
    });
    addSheet(emu, '=cmd|x', ['Customer', 'Date', 'Amount', 'Segment'], rows);
    const outcome = generate(emu, settingsFor(emu, '=cmd|x', { breakdown: true, columns: { ...settingsFor(emu, '=cmd|x').columns, segment: 4 } }));
    const snap = emu.snapshot().sheets.find((s) => s.name === outcome.summarySheetName)!;
    const formulas = Object.entries(snap.cells).filter(([, c]) => c.f !== undefined || c.err !== undefined);
    expect(formulas).toEqual([]);
    const texts = Object.values(snap.cells).map((c) => c.v);
    for (const s of nasty) expect(texts.some((t) => typeof t === 'string' && t.includes(s)), s).toBe(true);
    expect(texts).toContain("'=cmd|x'!A1:D13");
  });

  it('refuses to run while someone else holds the document lock, changing nothing', () => {
    const emu = logWorkbook(50);
    const settings = settingsFor(emu, 'Orders');
    const before = emu.snapshot();
    const release = emu.holdDocumentLock();
    expect(() => generate(emu, settings)).toThrow('Someone else is generating the summary of this spreadsheet right now. Try again in a minute.');
    expect(emu.snapshot()).toEqual(before);
    release();
    expect(generate(emu, settings).summarySheetName).toBe('Retention summary');
    expect(emu.lockState().document).toBe('none');
  });

  it('saves the settings in the document, and "Refresh summary" re-runs them', () => {
    const emu = logWorkbook(80);
    emu.call('refreshSummary');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/generate a summary first/);
    const settings = settingsFor(emu, 'Orders', { period: 'quarter' });
    generate(emu, settings);
    const saved = [...emu.properties.document.values()].map((v) => JSON.parse(v));
    expect(saved).toContainEqual(settings);
    emu.spreadsheet.getSheetByName('Retention summary')!.getRange(1, 1).setValue('scribbled on');
    emu.call('refreshSummary');
    expect(emu.cellAt('Retention summary', 1, 1).value).toBe('Retention summary');
    expect(emu.ui.toasts.at(-1)).toBeDefined();
    // Once a customer value sheet exists, the menu refreshes it too.
    emu.callFromClient('sidebarCustomerValue', { ...settings, horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5 });
    emu.spreadsheet.getSheetByName('Customer value')!.getRange(1, 1).setValue('scribbled on');
    emu.call('refreshSummary');
    expect(emu.cellAt('Customer value', 1, 1).value).not.toBe('scribbled on');
    expect(JSON.stringify(emu.ui.toasts.at(-1))).toMatch(/Retention summary.*Customer value/);
  });
});
