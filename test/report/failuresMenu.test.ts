/**
 * The failure tests of failures.test.ts for the menu's "Refresh summary" (the summary, then the
 * customer value sheet, in one execution), and runs that die mid-way at any call (the 6-minute
 * limit): whatever they left, the user's sheets are as they were and the next run repairs ours.
 */
import { describe, expect, it } from 'vitest';
import {
  OURS, SUMMARY, USER_SHEETS, VALUE, advance, bench, expectRepairedBy, injectEveryCall, other, run, states, type Which,
} from './failureBench';
import { everyCall } from './sheetState';

describe('a failure in any Sheets call', () => {
  it('of "Refresh summary" from the menu leaves both sheets whole and says so truthfully; the next run repairs', () => injectEveryCall('refresh'), 600_000);
});

describe('a run that dies mid-way (the 6-minute limit)', () => {
  // The customer value run goes through the same writer.
  it('at any call of "Generate summary": the next run removes what it left half-built and repairs the sheet', () => {
    const b = bench();
    b.emu.resetCalls();
    expect(run(b, 'summary', 'B').ok).toBe(true);
    const cases = everyCall(b.emu.callLog());
    let from: Record<string, Which> = { [SUMMARY]: 'B', [VALUE]: 'A' };
    let halfBuilt = 0;
    let leftovers = 0;
    let before = b.emu.snapshot();
    for (const [name, nth] of cases) {
      const to = other(from[SUMMARY]);
      const at = `dies at ${name} #${nth}`;
      b.emu.crashOn(name, nth);
      const result = run(b, 'summary', to);
      const after = b.emu.snapshot();
      expect(result, at).toEqual({ ok: false, message: 'Exceeded maximum execution time' });
      if (states(b, after, from, to)[SUMMARY] === 'mixed') halfBuilt++;
      leftovers += after.sheets.filter((s) => / \(updating\)$/.test(s.name)).length;
      // Whatever it left: the user's sheets are as they were and our sheets keep their ids.
      for (const user of USER_SHEETS) expect(after.sheets.find((s) => s.name === user), at).toEqual(before.sheets.find((s) => s.name === user));
      for (const sheet of OURS) expect(after.sheets.find((s) => s.name === sheet)?.sheetId, at).toBe(b.ids[sheet]);
      before = expectRepairedBy(b, after, 'summary', to, at);
      from = advance(from, 'summary', to);
    }
    expect(halfBuilt, 'runs that died while copying into the sheet').toBeGreaterThan(3);
    expect(leftovers, 'runs that died with a staging sheet in the workbook').toBeGreaterThan(10);
  }, 300_000);
});
