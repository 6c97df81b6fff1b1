import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../tools/emulator/index.js';

function wallIn(tz: string, d: Date): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(d).replace(',', '');
}

const PROBE = `
  function isDate(x) { return x instanceof Date; }
  function readA(a1) { return SpreadsheetApp.getActiveSheet().getRange(a1).getValues(); }
  function writeDate(a1, y, m, d) { SpreadsheetApp.getActiveSheet().getRange(a1).setValue(new Date(Date.UTC(y, m - 1, d, 12))); }
  function fmt(d, tz, p) { return Utilities.formatDate(d, tz, p); }
`;

describe('dates handed to the script', () => {
  for (const tz of ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Prague', 'Asia/Kolkata']) {
    it(`emu.date is a vm-realm Date at midnight in ${tz}`, () => {
      const emu = createEmulator({ spreadsheetTimeZone: tz });
      emu.loadSource(PROBE);
      const d = emu.date(2024, 3, 1);
      expect(d instanceof Date).toBe(false); // another realm
      emu.context.probe = d;
      expect(vm.runInContext('probe instanceof Date', emu.context)).toBe(true);
      expect(emu.call('isDate', d)).toBe(true);
      expect(wallIn(tz, d)).toBe('2024-03-01 00:00');
    });

    it(`getValues of date cells returns midnight in ${tz}`, () => {
      const emu = createEmulator({ spreadsheetTimeZone: tz });
      emu.loadSource(PROBE);
      emu.importCsv('when\n2024-01-15\n2024-07-01\n1999-12-31\n', { sheetName: 'D' });
      const rows = emu.call('readA', 'A2:A4') as Date[][];
      expect(rows.map((r) => emu.call('isDate', r[0]))).toEqual([true, true, true]);
      expect(rows.map((r) => wallIn(tz, r[0]))).toEqual(['2024-01-15 00:00', '2024-07-01 00:00', '1999-12-31 00:00']);
      expect(emu.cellAt('D', 2, 1)).toMatchObject({ type: 'date', numberFormat: 'yyyy-mm-dd', display: '2024-01-15', raw: 45306 });
    });
  }

  it('keeps the instant of a Date the script writes and gives it a date format', () => {
    const emu = createEmulator({ spreadsheetTimeZone: 'America/Los_Angeles' });
    emu.loadSource(PROBE);
    emu.call('writeDate', 'B1', 2024, 2, 29);
    const got = (emu.call('readA', 'B1') as Date[][])[0][0];
    expect(got.getTime()).toBe(Date.UTC(2024, 1, 29, 12));
    expect(emu.cellAt('Sheet1', 1, 2)).toMatchObject({ type: 'date', numberFormat: 'M/d/yyyy H:mm:ss', display: '2/29/2024 4:00:00' });
    // Midnight in the spreadsheet's zone gets a date-only format.
    emu.sheet('Sheet1').getRange('C1').setValue(emu.date(2024, 2, 29));
    expect(emu.cellAt('Sheet1', 1, 3)).toMatchObject({ numberFormat: 'M/d/yyyy', display: '2/29/2024' });
  });

  it('keeps wall-clock dates when the spreadsheet zone changes', () => {
    const emu = createEmulator({ spreadsheetTimeZone: 'Europe/Prague' });
    emu.loadSource(PROBE + 'function setTz(tz) { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(tz); }');
    emu.importCsv('2024-06-10', { sheetName: 'D' });
    emu.call('setTz', 'Pacific/Auckland');
    const d = (emu.call('readA', 'A1') as Date[][])[0][0];
    expect(wallIn('Pacific/Auckland', d)).toBe('2024-06-10 00:00');
  });

  it('takes the first moment of a day whose midnight does not exist (DST gap at 00:00)', () => {
    // America/Santiago moved clocks from 00:00 to 01:00 on 2024-09-08.
    const emu = createEmulator({ spreadsheetTimeZone: 'America/Santiago' });
    expect(wallIn('America/Santiago', emu.date(2024, 9, 8))).toBe('2024-09-08 01:00');
    expect(wallIn('America/Santiago', emu.date(2024, 9, 9))).toBe('2024-09-09 00:00');
  });

  it('formats with Utilities.formatDate (SimpleDateFormat subset) and the script zone', () => {
    const emu = createEmulator({ scriptTimeZone: 'America/New_York' });
    emu.loadSource(PROBE + 'function tz() { return Session.getScriptTimeZone(); }');
    expect(emu.call('tz')).toBe('America/New_York');
    const d = emu.date(2024, 1, 5, 15, 4, 9); // 15:04:09 in Prague
    expect(emu.call('fmt', d, 'Europe/Prague', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-01-05T15:04:09');
    expect(emu.call('fmt', d, 'America/Los_Angeles', 'EEE, d MMM yyyy h:mm a Z')).toBe('Fri, 5 Jan 2024 6:04 AM -0800');
    expect(emu.call('fmt', d, 'Etc/UTC', "EEEE MMMM dd yy 'at' HH 'o''clock' XXX")).toBe("Friday January 05 24 at 14 o'clock Z");
    expect(() => emu.call('fmt', 'not a date', 'Etc/UTC', 'yyyy')).toThrow(/don't match the method signature for Utilities.formatDate/);
    expect(() => emu.call('fmt', d, 'Etc/UTC', 'yyyy-qq')).toThrow(/Illegal pattern character 'q'/);
  });

  it('warns when the process zone differs from the script zone', () => {
    const local = -new Date(Date.UTC(2024, 0, 15)).getTimezoneOffset();
    const other = local === 780 ? 'Etc/UTC' : 'Pacific/Auckland'; // +13:00 in January
    const emu = createEmulator({ scriptTimeZone: other });
    expect(emu.logs.some((l) => l.source === 'emulator' && /differs from scriptTimeZone/.test(l.message))).toBe(true);
  });
});
