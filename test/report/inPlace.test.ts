/**
 * A refresh rewrites the add-on's sheets in place: same sheet ids, same tabs, same chart, named
 * ranges re-pointed (never removed and added again), so a user's formulas into the summary keep
 * working — by address and by name — and a table that shrinks or grows leaves nothing stale: the
 * sheet afterwards equals one a fresh workbook gets from a single run. Deleting the sheet instead
 * (what the add-on used to do) breaks every reference to it for good; the emulator shows it.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueSettings, ReportSettings } from '../../src/addon/protocol';
import type { SheetsEmulator } from '../../tools/emulator/index';
import { generateLog } from '../core/cohorts/generate';
import { sheetState, shown } from './sheetState';
import { addSheet, generate, namedTable, settingsFor, workbook } from './workbook';

const SUMMARY = 'Retention summary';
const VALUE = 'Customer value';
const SUMMARY_NAMES = ['CohortCustomers', 'CohortRetention', 'CohortRevenue', 'CohortValue', 'RetentionPerPeriod', 'RetentionSummaryInfo'];

function logWorkbook(seed = 3, customers = 150): { emu: SheetsEmulator; summary: ReportSettings; value: CustomerValueSettings } {
  const rows = generateLog({ seed, zone: 'Europe/Prague', customers, amounts: true, segments: true });
  const emu = workbook('Europe/Prague');
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  const summary = settingsFor(emu, 'Orders');
  const { sheetName, headerRow, shape, columns } = summary;
  const value = { sheetName, headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1, costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] } };
  return { emu, summary, value };
}

function estimate(emu: SheetsEmulator, settings: CustomerValueSettings): void {
  emu.callFromClient('sidebarCustomerValue', settings);
}

function sheetOf(emu: SheetsEmulator, name: string) {
  return emu.snapshot().sheets.find((s) => s.name === name)!;
}

describe('a refresh', () => {
  it('rewrites the same summary and customer value sheets: same ids, tabs and chart, named ranges re-pointed', () => {
    const { emu, summary, value } = logWorkbook();
    generate(emu, summary);
    estimate(emu, value);
    const before = emu.snapshot();
    const ids = before.sheets.map((s) => [s.name, s.sheetId]);
    const chart = (sheetOf(emu, SUMMARY).charts[0] as { id: number }).id;
    const monthly = namedTable(emu, 'RetentionPerPeriod');

    emu.resetCalls();
    generate(emu, { ...summary, period: 'quarter' });
    estimate(emu, { ...value, horizonMonths: 6 });
    const after = emu.snapshot();
    expect(after.sheets.map((s) => [s.name, s.sheetId])).toEqual(ids);
    expect(after.sheets.every((s) => !s.hidden)).toBe(true);
    expect((sheetOf(emu, SUMMARY).charts as { id: number }[]).map((c) => c.id)).toEqual([chart]);
    // The only sheets deleted were the two staging sheets; no named range was removed or added.
    expect(emu.calls['Spreadsheet.deleteSheet']).toBe(2);
    expect(emu.calls['Spreadsheet.insertSheet']).toBe(2);
    for (const call of ['Spreadsheet.setNamedRange', 'Spreadsheet.removeNamedRange', 'NamedRange.remove']) expect(emu.calls[call], call).toBe(0);
    expect(emu.calls['NamedRange.setRange']).toBe(Object.keys(after.namedRanges).length);
    expect(Object.keys(after.namedRanges).sort()).toEqual(Object.keys(before.namedRanges).sort());
    // …and they name the new tables.
    const quarterly = namedTable(emu, 'RetentionPerPeriod');
    // The same columns (their words; the line below each says what it counts, per month or per quarter).
    const words = (header: unknown[]) => header.map((h) => String(h).split('\n')[0]);
    expect(words(quarterly[0])).toEqual(words(monthly[0]));
    expect(quarterly.length).toBeLessThan(monthly.length);
    expect(quarterly[1][0]).toMatch(/^\d{4}-Q[1-4]$/);
    expect(namedTable(emu, 'CustomerValueTop')[0][5]).toBe('Expected purchases, next 6 months');
  });

  it("keeps a user's formulas into the summary working, by address and by named range", () => {
    const { emu, summary, value } = logWorkbook();
    generate(emu, summary);
    estimate(emu, value);
    const dashboard = emu.spreadsheet.insertSheet('Dashboard');
    const formulas = [`='${SUMMARY}'!A1`, '=INDEX(RetentionPerPeriod, 2, 1)', '=ROWS(RetentionPerPeriod)', "='Customer value'!A1", '=INDEX(CustomerValueTop, 1, 6)', '=INDEX(CohortRetention, 2, 3)'];
    formulas.forEach((f, i) => dashboard.getRange(i + 1, 1).setFormula(f));
    const read = () => formulas.map((_, i) => shown(emu, 'Dashboard', `A${i + 1}`));
    expect(read()).toEqual([SUMMARY, namedTable(emu, 'RetentionPerPeriod')[1][0], namedTable(emu, 'RetentionPerPeriod').length, VALUE,
      'Expected purchases, next 12 months', namedTable(emu, 'CohortRetention')[1][2]]);

    emu.call('refreshSummary'); // same settings: same tables
    generate(emu, { ...summary, period: 'year' });
    estimate(emu, { ...value, horizonMonths: 24 });
    const yearly = namedTable(emu, 'RetentionPerPeriod');
    expect(read()).toEqual([SUMMARY, yearly[1][0], yearly.length, VALUE, 'Expected purchases, next 24 months', namedTable(emu, 'CohortRetention')[1][2]]);
    expect(yearly[1][0]).toMatch(/^\d{4}$/);
    // The formulas themselves are as the user typed them.
    expect(formulas.map((_, i) => emu.cellAt('Dashboard', i + 1, 1).formula)).toEqual(formulas);
  });

  it('unlike deleting the sheet: that turns every reference to it into #REF! for good, and only named ranges come back', () => {
    const { emu, summary } = logWorkbook();
    generate(emu, summary);
    const dashboard = emu.spreadsheet.insertSheet('Dashboard');
    dashboard.getRange('A1').setFormula(`='${SUMMARY}'!A1`);
    dashboard.getRange('A2').setFormula('=ROWS(RetentionPerPeriod)');
    const rows = shown(emu, 'Dashboard', 'A2');
    // The user deletes the summary; what the add-on did on every refresh before.
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(SUMMARY)!);
    expect([shown(emu, 'Dashboard', 'A1'), shown(emu, 'Dashboard', 'A2')]).toEqual(['#REF!', '#REF!']);
    expect(emu.snapshot().namedRanges.RetentionPerPeriod).toBe('#REF!');
    generate(emu, summary);
    // A new sheet of the same name does not repair a reference by address…
    expect(emu.cellAt('Dashboard', 1, 1)).toMatchObject({ formula: '=#REF!', value: '#REF!' });
    // …but the add-on names its tables again (freeing the names the deletion left as #REF!).
    expect(shown(emu, 'Dashboard', 'A2')).toBe(rows);
    expect(Object.values(emu.snapshot().namedRanges)).not.toContain('#REF!');
  });
});

describe('a sheet the user renamed or moved', () => {
  it('keeps the name and place the user gave it', () => {
    const { emu, summary } = logWorkbook();
    generate(emu, summary);
    const ss = emu.spreadsheet;
    ss.getSheetByName(SUMMARY)!.setName('Team retention');
    ss.setActiveSheet(ss.getSheetByName('Team retention')!);
    ss.moveActiveSheet(1);
    const ids = emu.snapshot().sheets.map((s) => [s.name, s.sheetId]);
    const outcome = generate(emu, { ...summary, period: 'quarter' });
    expect(outcome.summarySheetName).toBe('Team retention');
    expect(emu.snapshot().sheets.map((s) => [s.name, s.sheetId])).toEqual(ids);
    expect(emu.cellAt('Team retention', 1, 1).value).toBe(SUMMARY);
  });
});

describe('tables that shrink or grow', () => {
  /** The summary (or customer value sheet) of `emu` equals the one a fresh workbook gets from one run. */
  function expectFresh(emu: SheetsEmulator, name: string, run: (fresh: SheetsEmulator) => void): void {
    const fresh = logWorkbook().emu;
    run(fresh);
    expect(sheetState(emu.snapshot(), name)).toEqual(sheetState(fresh.snapshot(), name));
  }

  it('leave no stale cell, format, note, merge, rule, chart, frozen row or column width in the summary', () => {
    const { emu, summary } = logWorkbook();
    const weekly = { ...summary, period: 'week' as const, breakdown: true, columns: { ...summary.columns, segment: 4 } };
    const yearly = { ...summary, period: 'year' as const };
    generate(emu, weekly);
    // What a user might leave on the sheet: a typed value, a note, a merge, a rule, a chart, frozen
    // columns and a column width.
    const sheet = emu.spreadsheet.getSheetByName(SUMMARY)!;
    const big = sheetOf(emu, SUMMARY);
    expect(Object.keys(big.cells).length).toBeGreaterThan(3000);
    sheet.getRange('Z900').setValue('my note to self');
    sheet.getRange('B3').setNote('checked');
    sheet.getRange('C200:D201').merge();
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(5, 333);
    emu.evaluate(`(function () {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${SUMMARY}');
      var rule = SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(0.5).setBackground('#ff0000').setRanges([sheet.getRange('A1:Z999')]).build();
      sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
      sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B5')).setPosition(1, 1, 0, 0).build());
    })()`);
    expect(sheetOf(emu, SUMMARY).charts.length).toBe(2);

    generate(emu, yearly);
    expectFresh(emu, SUMMARY, (fresh) => generate(fresh, settingsFor(fresh, 'Orders', { period: 'year' })));
    generate(emu, weekly);
    expectFresh(emu, SUMMARY, (fresh) => generate(fresh, { ...settingsFor(fresh, 'Orders'), ...weekly }));
  });

  it('leave nothing stale in the customer value sheet either', () => {
    const { emu, value } = logWorkbook();
    const everyone = { ...value, topShare: 1, aliveBelow: 1 };
    const few = { ...value, topShare: 0.1, aliveBelow: 0.3 };
    estimate(emu, everyone);
    const long = namedTable(emu, 'CustomerValueAtRisk').length;
    estimate(emu, few);
    expect(namedTable(emu, 'CustomerValueAtRisk').length).toBeLessThan(long / 3);
    expectFresh(emu, VALUE, (fresh) => estimate(fresh, few));
    estimate(emu, everyone);
    expectFresh(emu, VALUE, (fresh) => estimate(fresh, everyone));
  });
});

describe('named ranges', () => {
  it("removes its own names for tables that are gone, keeps a user's names on its sheet, and never takes a user's name", () => {
    const { emu, summary } = logWorkbook();
    const ss = emu.spreadsheet;
    // A user's range already called CohortValue, on their own sheet.
    ss.setNamedRange('CohortValue', ss.getSheetByName('Orders')!.getRange('A1:A3'));
    generate(emu, summary);
    expect(emu.snapshot().namedRanges.CohortValue).toBe('Orders!A1:A3');
    expect(Object.keys(emu.snapshot().namedRanges).sort()).toEqual(SUMMARY_NAMES);
    // The user names a cell of the summary.
    ss.setNamedRange('MyKpi', ss.getSheetByName(SUMMARY)!.getRange('B5'));
    generate(emu, { ...summary, columns: { ...summary.columns, amount: 0 } });
    const names = emu.snapshot().namedRanges;
    expect(names.CohortRevenue).toBeUndefined();
    expect(names.MyKpi).toBe(`${SUMMARY}!B5`);
    expect(names.CohortValue).toBe('Orders!A1:A3');
    generate(emu, summary);
    expect(emu.snapshot().namedRanges.CohortRevenue).toMatch(new RegExp(`^${SUMMARY}!`));
  });

  it('names the header blocks, so a formula can look a figure up by its label', () => {
    const { emu, summary, value } = logWorkbook();
    generate(emu, summary);
    estimate(emu, value);
    const info = namedTable(emu, 'RetentionSummaryInfo');
    expect(info[0][0]).toBe(SUMMARY);
    expect(info.find((r) => r[0] === 'Rows read')?.[1]).toBe(emu.spreadsheet.getSheetByName('Orders')!.getLastRow() - 1);
    expect(info.at(-1)?.[0]).toBe('Add-on version');
    const valueInfo = namedTable(emu, 'CustomerValueInfo');
    expect(valueInfo[0][0]).toBe(VALUE);
    expect(valueInfo.at(-1)?.[0]).toBe('Add-on version');
  });
});

describe('what a crashed run left', () => {
  it('is removed by the next run: its hidden staging sheet, and an untagged one it had just inserted; a user\'s sheet of that name stays', () => {
    const { emu, summary } = logWorkbook();
    generate(emu, summary);
    emu.crashOn('Sheet.getMaxRows', 2); // the staging sheet is inserted, hidden and tagged, not filled
    expect(() => generate(emu, summary)).toThrow('Exceeded maximum execution time');
    expect(emu.snapshot().sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual([`${SUMMARY} (updating)`]);
    const listed = (emu.callFromClient('sidebarState') as { sheets: { name: string }[] }).sheets.map((s) => s.name);
    expect(listed).toEqual(['Sheet1', 'Orders', SUMMARY]); // the sidebar does not offer it
    generate(emu, summary);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Orders', SUMMARY]);

    emu.crashOn('Sheet.hideSheet', 1); // inserted, not yet hidden or tagged
    expect(() => generate(emu, summary)).toThrow('Exceeded maximum execution time');
    expect(emu.snapshot().sheets.filter((s) => !s.hidden).map((s) => s.name)).toContain(`${SUMMARY} (updating)`);
    generate(emu, summary);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Orders', SUMMARY]);

    addSheet(emu, `${SUMMARY} (updating)`, ['Mine'], [['keep']]);
    const mine = sheetOf(emu, `${SUMMARY} (updating)`);
    generate(emu, summary);
    expect(sheetOf(emu, `${SUMMARY} (updating)`)).toEqual(mine);
    expect(emu.snapshot().sheets.filter((s) => s.hidden)).toEqual([]);
  });
});
