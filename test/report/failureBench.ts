/**
 * The workbook the failure tests run on (a small log, a summary and a customer value sheet already in
 * place, a user's dashboard of formulas into both), the two settings they alternate between, and the
 * checks every run's aftermath must pass.
 */
import { expect } from 'vitest';
import type { CustomerValueSettings, ReportSettings } from '../../src/addon/protocol';
import type { SheetsEmulator, Snapshot } from '../../tools/emulator/index';
import { generateLog } from '../core/cohorts/generate';
import { everyCall, sheetState, shown, tabs } from './sheetState';
import { addSheet, settingsFor, workbook } from './workbook';

export const SUMMARY = 'Retention summary';
export const VALUE = 'Customer value';
export const OURS = [SUMMARY, VALUE] as const;
export const USER_SHEETS = ['Orders', 'Dashboard'];
export const INJECTED = 'Service error (injected)';
const SETTINGS_KEY = 'retentionAnalytics.settings.v1';
const VALUE_KEY = 'retentionAnalytics.customerValue.v1';
export const STAGING_KEY = 'retentionAnalytics.staging';

/** A user's dashboard: formulas into both of our sheets, by address and by named range. */
const DASHBOARD: [string, string][] = [
  ['A1', `='${SUMMARY}'!A1`],
  ['A2', '=INDEX(RetentionPerPeriod, 2, 1)'],
  ['A3', '=ROWS(RetentionPerPeriod)'],
  ['A4', `='${VALUE}'!A1`],
  ['A5', '=INDEX(CustomerValueTop, 1, 6)'],
  ['A6', '=INDEX(RetentionSummaryInfo, 2, 2)'],
];

export type Which = 'A' | 'B';
export type Kind = 'summary' | 'value' | 'refresh';

export interface Bench {
  emu: SheetsEmulator;
  summary: Record<Which, ReportSettings>;
  value: Record<Which, CustomerValueSettings>;
  /** Each of our sheets after a clean run with each settings (as JSON, compared often). */
  refs: Record<Which, Record<string, string>>;
  /** The add-on's named ranges. */
  names: string[];
  /** The ids our sheets got on the first run: no run may change them. */
  ids: Record<string, number>;
  chartId: unknown;
}

export function bench(): Bench {
  // Seven months, so the sheets are small: each case below runs the add-on twice.
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
  const span = { firstDay: day(2024, 1, 1), lastDay: day(2024, 7, 20) };
  const rows = generateLog({ seed: 7, zone: 'Europe/Prague', customers: 60, amounts: true, segments: true, span });
  const emu = workbook('Europe/Prague');
  addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount', 'Plan'], rows.map((r) => [r.id, r.date, r.amount ?? '', r.segment ?? '']));
  const base = settingsFor(emu, 'Orders');
  const summary = { A: base, B: { ...base, period: 'quarter' as const } };
  const source = { sheetName: base.sheetName, headerRow: base.headerRow, shape: base.shape, columns: base.columns, asOf: '' };
  const model = { monthlyDiscountRate: 0.01, topShare: 0.5, aliveBelow: 0.9, aliveFloor: 0, costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] } };
  const value = { A: { ...source, ...model, horizonMonths: 12 }, B: { ...source, ...model, horizonMonths: 6 } };
  const b: Bench = { emu, summary, value, refs: { A: {}, B: {} }, names: [], ids: {}, chartId: null };
  const clean = (kind: Kind, w: Which) => {
    const r = run(b, kind, w);
    expect(r.ok, r.message).toBe(true);
  };
  clean('summary', 'A');
  clean('value', 'A');
  const dashboard = emu.spreadsheet.insertSheet('Dashboard');
  for (const [a1, f] of DASHBOARD) dashboard.getRange(a1).setFormula(f);
  for (const w of ['B', 'A'] as const) {
    clean('summary', w);
    clean('value', w);
    const snap = emu.snapshot();
    for (const name of OURS) b.refs[w][name] = JSON.stringify(sheetState(snap, name));
    b.names = OURS.flatMap((name) => Object.keys(sheetState(snap, name)!.names));
  }
  const snap = emu.snapshot();
  for (const name of OURS) b.ids[name] = snap.sheets.find((s) => s.name === name)!.sheetId;
  b.chartId = (snap.sheets.find((s) => s.name === SUMMARY)!.charts[0] as { id: unknown }).id;
  expect(b.refs.A[SUMMARY]).not.toBe(b.refs.B[SUMMARY]);
  expect(b.refs.A[VALUE]).not.toBe(b.refs.B[VALUE]);
  return b;
}

/** Runs one kind of run with settings `w`; returns the message and whether it succeeded. */
export function run(b: Bench, kind: Kind, w: Which): { ok: boolean; message: string } {
  const { emu } = b;
  try {
    if (kind === 'summary') return { ok: true, message: (emu.callFromClient('sidebarGenerate', b.summary[w]) as { message: string }).message };
    if (kind === 'value') return { ok: true, message: (emu.callFromClient('sidebarCustomerValue', b.value[w]) as { message: string }).message };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  emu.properties.document.set(SETTINGS_KEY, JSON.stringify(b.summary[w]));
  emu.properties.document.set(VALUE_KEY, JSON.stringify(b.value[w]));
  const alerts = emu.ui.alerts.length;
  const toasts = emu.ui.toasts.length;
  emu.call('refreshSummary');
  if (emu.ui.alerts.length > alerts) return { ok: false, message: emu.ui.alerts.at(-1)!.prompt };
  expect(emu.ui.toasts.length, 'a refresh ends with a toast or an alert').toBe(toasts + 1);
  return { ok: true, message: emu.ui.toasts.at(-1)!.message };
}

export const sheetsOf = (kind: Kind): readonly string[] => (kind === 'summary' ? [SUMMARY] : kind === 'value' ? [VALUE] : OURS);

/**
 * Which state each of our sheets is in: as before the run ('old'), as a clean run with `to` leaves it
 * ('new'), or neither. `from` is each sheet's settings before the run.
 */
export function states(b: Bench, snap: Snapshot, from: Record<string, Which>, to: Which): Record<string, 'old' | 'new' | 'mixed'> {
  const out: Record<string, 'old' | 'new' | 'mixed'> = {};
  for (const name of OURS) {
    const s = JSON.stringify(sheetState(snap, name));
    out[name] = s === b.refs[from[name]][name] ? 'old' : s === b.refs[to][name] ? 'new' : 'mixed';
  }
  return out;
}

export const other = (w: Which): Which => (w === 'A' ? 'B' : 'A');

/** After a run of `kind` to `to`: the settings each of our sheets now shows. */
export function advance(from: Record<string, Which>, kind: Kind, to: Which): Record<string, Which> {
  return Object.fromEntries(OURS.map((name) => [name, sheetsOf(kind).includes(name) ? to : from[name]]));
}

/** What holds after any run, failed or not: identity, no visible leftovers, user sheets, names, formulas. */
export function expectSound(b: Bench, before: Snapshot, after: Snapshot, at: string): void {
  const { emu } = b;
  const staging = (tab: string) => / \(updating\)#\d+$/.test(tab);
  expect(tabs(after).visible, `${at}: visible sheets and their ids`).toEqual(tabs(before).visible.filter((t) => !staging(t)));
  for (const name of OURS) expect(after.sheets.find((s) => s.name === name)?.sheetId, `${at}: id of ${name}`).toBe(b.ids[name]);
  for (const hidden of tabs(after).hidden) expect(hidden, `${at}: hidden leftover`).toMatch(/ \(updating\)$/);
  for (const name of USER_SHEETS) {
    const [was, is] = [before, after].map((snap) => snap.sheets.find((s) => s.name === name));
    if (JSON.stringify(was) !== JSON.stringify(is)) expect(is, `${at}: user sheet ${name}`).toEqual(was);
  }
  for (const name of b.names) {
    const range = emu.spreadsheet.getRangeByName(name);
    expect(range, `${at}: named range ${name}`).not.toBeNull();
    expect(OURS as readonly string[], `${at}: sheet of ${name}`).toContain(range!.getSheet().getName());
  }
  for (const [a1] of DASHBOARD) expect(String(shown(emu, 'Dashboard', a1)), `${at}: Dashboard!${a1}`).not.toMatch(/^#/);
}

/** The next clean run leaves both sheets complete and nothing else behind; returns the workbook then. */
export function expectRepairedBy(b: Bench, before: Snapshot, kind: Kind, to: Which, at: string): Snapshot {
  const repaired = run(b, kind, to);
  expect(repaired.ok, `${at}: the next run (${repaired.message})`).toBe(true);
  const after = b.emu.snapshot();
  expectSound(b, before, after, `${at}, next run`);
  expect(tabs(after).hidden, `${at}: nothing hidden left by the next run`).toEqual([]);
  expect(after.documentProperties[STAGING_KEY], `${at}: staging record`).toBeUndefined();
  for (const name of sheetsOf(kind)) {
    const state = JSON.stringify(sheetState(after, name));
    if (state !== b.refs[to][name]) expect(JSON.parse(state), `${at}: ${name} after the next run`).toEqual(JSON.parse(b.refs[to][name]));
  }
  const chart = after.sheets.find((s) => s.name === SUMMARY)!.charts as { id: unknown }[];
  expect(chart.map((c) => c.id), `${at}: the summary keeps its one chart`).toEqual([b.chartId]);
  return after;
}

/**
 * Fails each call of a successful run's call log in turn (its nth occurrence) and checks what every
 * such run leaves: see the file comments of failures.test.ts.
 */
export function injectEveryCall(kind: Kind): void {
  const b = bench();
  // The calls of a successful run, in order: each is failed in turn below.
  b.emu.resetCalls();
  expect(run(b, kind, 'B').ok).toBe(true);
  const cases = everyCall(b.emu.callLog());
  b.emu.resetCalls();
  expect(run(b, kind, 'A').ok).toBe(true);
  expect(b.emu.callLog(), 'a run from B to A makes the same calls as from A to B').toEqual(cases.map(([n]) => n));
  expect(cases.length).toBeGreaterThan(kind === 'refresh' ? 150 : 60);

  let from: Record<string, Which> = { [SUMMARY]: 'A', [VALUE]: 'A' };
  const outcomes = { unchanged: 0, completed: 0, updatedThenFailed: 0 };
  let before = b.emu.snapshot();
  for (const [name, nth] of cases) {
    const to = other(from[sheetsOf(kind)[0]]);
    const at = `${kind}: ${name} #${nth} fails`;
    b.emu.failOn(name, nth);
    const result = run(b, kind, to);
    b.emu.clearFailures();
    const after = b.emu.snapshot();
    expectSound(b, before, after, at);
    const state = states(b, after, from, to);
    for (const sheet of OURS) {
      const expected = sheetsOf(kind).includes(sheet) ? ['old', 'new'] : ['old'];
      expect(expected, `${at}: ${sheet} is ${state[sheet]}`).toContain(state[sheet]);
    }
    const updated = OURS.filter((s) => state[s] === 'new');
    if (result.ok) {
      for (const sheet of sheetsOf(kind)) expect(state[sheet], `${at}: succeeded, so ${sheet} is new`).toBe('new');
      outcomes.completed++;
    } else {
      expect(result.message, at).toContain(INJECTED);
      expect(result.message, at).toMatch(/^Something went wrong in the add-on \(/);
      if (updated.length === 0) {
        expect(result.message, at).toMatch(/Your sheets were not changed\.$/);
        outcomes.unchanged++;
      } else {
        expect(result.message, at).not.toContain('Your sheets were not changed');
        for (const sheet of updated) expect(result.message, at).toContain(`"${sheet}" was updated completely before that.`);
        expect(result.message, at).toMatch(/Your other sheets were not changed\.$/);
        outcomes.updatedThenFailed++;
      }
    }
    // A run that succeeded, or failed changing nothing, is the next one's starting point; anything
    // left half-done (a sheet updated before the failure, a staging sheet) the next run repairs.
    const settled = (result.ok || OURS.every((sheet) => state[sheet] === 'old')) && tabs(after).hidden.length === 0 && after.documentProperties[STAGING_KEY] === undefined;
    if (settled) {
      before = after;
      if (result.ok) from = advance(from, kind, to);
    } else {
      before = expectRepairedBy(b, after, kind, to, at);
      from = advance(from, kind, to);
    }
  }
  // Failures early in the run change nothing; later ones are retried or finish the sheet first.
  expect(outcomes.unchanged).toBeGreaterThan(10);
  expect(outcomes.completed).toBeGreaterThan(10);
  if (kind === 'refresh') expect(outcomes.updatedThenFailed).toBeGreaterThan(10);
}

