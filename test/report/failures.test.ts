/**
 * A failure in any Sheets call of a run, with a summary and a customer value sheet already in place:
 * each call of a successful run's call log is made to fail in turn (its nth occurrence), then checked:
 * both sheets keep their ids, each is whole — as it was or completely new, never a mix — no staging
 * sheet is left visible, the add-on's named ranges resolve, the user's sheets (data and a dashboard
 * of formulas pointing into ours) are unchanged and show no #REF!, and the message says what
 * happened ("Your sheets were not changed" only when true). Whatever a failure left half-done, the
 * next run repairs. Also: failures that persist (the retry fails too), and failures in the first
 * run (no sheet yet: none is left, or a complete one). The menu's "Refresh summary" and runs that die
 * mid-way are in failuresMenu.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  INJECTED, SUMMARY, VALUE, advance, bench, expectRepairedBy, expectSound, injectEveryCall, other, run, states, type Which,
} from './failureBench';
import { generateLog } from '../core/cohorts/generate';
import { everyCall, sheetState } from './sheetState';
import { addSheet, generate, settingsFor, workbook } from './workbook';

describe('a failure in any Sheets call', () => {
  it('of "Generate summary" leaves both sheets whole and says so truthfully; the next run repairs', () => injectEveryCall('summary'), 300_000);
  it('of "Customer value" leaves both sheets whole and says so truthfully; the next run repairs', () => injectEveryCall('value'), 300_000);
});

describe('a failure that persists (the retry fails too)', () => {
  it('says which sheet is only partly updated, or that nothing changed; the next run repairs', () => {
    const b = bench();
    b.emu.resetCalls();
    expect(run(b, 'summary', 'B').ok).toBe(true);
    const names = [...new Set(b.emu.callLog())];
    let from: Record<string, Which> = { [SUMMARY]: 'B', [VALUE]: 'A' };
    const seen = new Set<string>();
    let before = b.emu.snapshot();
    for (const name of names) {
      const to = other(from[SUMMARY]);
      const at = `${name} fails from now on`;
      b.emu.failOn(name, 1, INJECTED, Infinity);
      const result = run(b, 'summary', to);
      b.emu.clearFailures();
      const after = b.emu.snapshot();
      expectSound(b, before, after, at);
      expect(JSON.stringify(sheetState(after, VALUE)) === b.refs.A[VALUE], `${at}: the customer value sheet is untouched`).toBe(true);
      const state = states(b, after, from, to)[SUMMARY];
      seen.add(result.ok ? 'ok' : state);
      if (result.ok) expect(state, at).toBe('new');
      else if (state === 'old') expect(result.message, at).toMatch(/Your sheets were not changed\.$/);
      else if (state === 'new') expect(result.message, at).toContain(`"${SUMMARY}" was updated completely before that.`);
      else {
        expect(result.message, at).toContain(`"${SUMMARY}" is only partly updated: its cells hold the new tables`);
        expect(result.message, at).toContain('The next run repairs it; your other sheets were not changed.');
      }
      before = expectRepairedBy(b, after, 'summary', to, at);
      from = advance(from, 'summary', to);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['mixed', 'ok', 'old']));
  }, 300_000);
});


describe('a failure in any Sheets call of the first run', () => {
  it('leaves either no summary or a complete one, and the message says which; the next run completes it', () => {
    const emu = workbook();
    const rows = generateLog({ seed: 5, zone: 'Europe/Prague', customers: 40, amounts: true });
    addSheet(emu, 'Orders', ['Customer', 'Date', 'Amount'], rows.map((r) => [r.id, r.date, r.amount ?? '']));
    const settings = settingsFor(emu, 'Orders');
    /** Back to a workbook the add-on has never written to. */
    const pristine = () => {
      const ss = emu.spreadsheet;
      for (const s of ss.getSheets()) if (!['Sheet1', 'Orders'].includes(s.getName())) ss.deleteSheet(s);
      for (const name of Object.keys(emu.snapshot().namedRanges)) ss.removeNamedRange(name);
      emu.properties.document.clear();
      return emu.snapshot();
    };
    emu.resetCalls();
    generate(emu, settings);
    const cases = everyCall(emu.callLog());
    const ref = sheetState(emu.snapshot(), SUMMARY)!;
    const content = JSON.stringify(ref.content);
    const clean = pristine();
    let made = 0;
    for (const [name, nth] of cases) {
      const at = `${name} #${nth} fails`;
      emu.failOn(name, nth);
      let result: { ok: boolean; message: string };
      try {
        result = { ok: true, message: generate(emu, settings).message };
      } catch (e) {
        result = { ok: false, message: (e as Error).message };
      }
      emu.clearFailures();
      const after = emu.snapshot();
      expect(after.sheets.find((s) => s.name === 'Orders'), at).toEqual(clean.sheets.find((s) => s.name === 'Orders'));
      const visible = after.sheets.filter((s) => !s.hidden).map((s) => s.name);
      const state = sheetState(after, SUMMARY);
      if (visible.includes(SUMMARY)) {
        made++;
        expect(visible, at).toEqual(['Sheet1', 'Orders', SUMMARY]);
        expect(JSON.stringify(state!.content), `${at}: the summary is complete`).toBe(content);
        if (result.ok) expect(state!.names, at).toEqual(ref.names);
        else expect(result.message, at).toMatch(new RegExp(`"${SUMMARY}" (was updated completely before that|was written, but some of its named ranges may not point at its tables yet)\\.`));
      } else {
        expect(result.ok, at).toBe(false);
        expect(visible, at).toEqual(['Sheet1', 'Orders']);
        expect(result.message, at).toMatch(/^Something went wrong in the add-on \(Service error \(injected\)\)\. Your sheets were not changed\.$/);
      }
      if (!result.ok) {
        generate(emu, settings);
        expect(sheetState(emu.snapshot(), SUMMARY), `${at}: the next run`).toEqual(ref);
        expect(emu.snapshot().sheets.filter((s) => s.hidden), `${at}: nothing hidden left`).toEqual([]);
      }
      pristine();
    }
    expect(made).toBeGreaterThan(10);
    expect(made).toBeLessThan(cases.length - 10);
  }, 300_000);
});
