/**
 * The model says when it cannot be trusted, wherever an analyst looks: the sidebar's result line (the outcome's
 * message and warnings), the top of the Customer value sheet, and =CLV's "model" output, with convergence as
 * TRUE/FALSE. Each condition is provoked by a log built to cause it (test/core/models/trustLogs.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CustomerValueOutcome, CustomerValueSettings } from '../../src/addon/protocol';
import { trustLog, type TrustCase } from '../core/models/trustLogs';
import { civilOf, dateIn } from '../support/days';
import { addSheet, namedTable, settingsFor, workbook } from './workbook';

const ZONE = 'Europe/Prague';

function orders(kind: TrustCase) {
  const emu = workbook(ZONE);
  const rows = trustLog(kind).map((r) => {
    const { year, month, day } = civilOf(r.day);
    return [`C${r.customer}`, dateIn(ZONE, year, month, day), r.amount];
  });
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount'], rows);
  const { headerRow, shape, columns } = settingsFor(emu, 'Orders');
  const settings: CustomerValueSettings = {
    sheetName: 'Orders', headerRow, shape, columns, asOf: '', horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
    costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
  };
  const outcome = emu.callFromClient('sidebarCustomerValue', settings) as CustomerValueOutcome;
  const model = emu.runCustomFunction('CLV', emu.ref('Orders!A2:A'), emu.ref('Orders!B2:B'), emu.ref('Orders!C2:C'), 12, 0.01, 'model') as unknown[][];
  return { emu, outcome, model };
}

/** The sheet's rows right under the title that start with "Caution". */
function cautionRows(emu: ReturnType<typeof workbook>) {
  const rows: { text: unknown; label: ReturnType<ReturnType<typeof workbook>['cellAt']> }[] = [];
  for (let r = 2; emu.cellAt('Customer value', r, 1).value === 'Caution'; r++) rows.push({ text: emu.cellAt('Customer value', r, 2).value, label: emu.cellAt('Customer value', r, 1) });
  return rows;
}

const modelValue = (model: unknown[][], label: string) => model.find((r) => r[0] === label)?.[1];

describe('a model that can be trusted', () => {
  it('reads as a plain success: no warnings, no caution rows, converged TRUE', () => {
    const { emu, outcome, model } = orders('sound');
    expect(outcome.warnings).toEqual([]);
    expect(outcome.message).toMatch(/Written to "Customer value"\.$/);
    expect(cautionRows(emu)).toEqual([]);
    expect(emu.cellAt('Customer value', 2, 1).value).toBe('Source');
    expect(model.filter((r) => r[0] === 'Warning')).toEqual([]);
    expect(modelValue(model, 'BG/NBD converged')).toBe(true);
    const table = namedTable(emu, 'CustomerValueModel');
    const row = emu.spreadsheet.getRangeByName('CustomerValueModel')!.getRow() + table.findIndex((r) => r[0] === 'BG/NBD converged');
    expect(emu.cellAt('Customer value', row, 2)).toMatchObject({ value: true, display: 'TRUE', type: 'boolean' });
  });
});

const CASES: [TrustCase, RegExp, string][] = [
  ['clockwork', /^The purchase model \(BG\/NBD\) found no best fit/, 'a fit at a boundary'],
  ['sameSpend', /^The spend model \(Gamma-Gamma\) found no best fit/, 'a spend fit at a boundary'],
  ['fewRepeat', /^Only \d+ of 400 customers bought more than once/, 'too few repeat buyers'],
  ['spendWithFrequency', /^Spend and purchase frequency are correlated \(ρ = 0\.9\d\)/, 'spend correlated with frequency'],
  ['heavyTail', /^The spend model \(Gamma-Gamma\) has no finite average/, 'a spend model without a finite mean'],
];

describe.each(CASES)('a log with %s', (kind, warning, what) => {
  const { emu, outcome, model } = orders(kind);

  it(`says ${what} in the sidebar’s result line, which does not read as a plain success`, () => {
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatch(warning);
    expect(outcome.message).toMatch(/Written to "Customer value"\. But the model cannot be fully trusted:$/);
  });

  it('puts the same warning in red, bold-labelled, right under the sheet’s title', () => {
    const rows = cautionRows(emu);
    expect(rows.map((r) => r.text)).toEqual(outcome.warnings);
    expect(rows[0].label).toMatchObject({ fontWeight: 'bold', fontColor: '#c5221f' });
    expect(emu.cellAt('Customer value', 2, 2).fontColor).toBe('#c5221f');
  });

  it('lists it in =CLV’s "model" output, with convergence as TRUE/FALSE', () => {
    expect(model.filter((r) => r[0] === 'Warning').map((r) => r[1])).toEqual(outcome.warnings);
    for (const label of ['BG/NBD converged', 'Gamma-Gamma converged']) expect(typeof modelValue(model, label), label).toBe('boolean');
    expect(modelValue(model, 'BG/NBD converged')).toBe(kind !== 'clockwork');
    expect(modelValue(model, 'Gamma-Gamma converged')).toBe(kind !== 'sameSpend');
    if (kind === 'clockwork' || kind === 'sameSpend') {
      const label = kind === 'clockwork' ? 'BG/NBD converged' : 'Gamma-Gamma converged';
      const table = namedTable(emu, 'CustomerValueModel');
      const row = emu.spreadsheet.getRangeByName('CustomerValueModel')!.getRow() + table.findIndex((r) => r[0] === label);
      expect(emu.cellAt('Customer value', row, 2)).toMatchObject({ value: false, display: 'FALSE', type: 'boolean' });
    }
  });
});
