// The sidebar's whole report end to end: dist/Code.js in the emulator reads the source sheet, computes
// every table and writes the summary sheet. Emulator overhead (copying cells) is included.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../tools/emulator/index';
import type { ReportSettings, SidebarState } from '../src/addon/protocol';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function settingsOf(state: SidebarState, period: ReportSettings['period']): ReportSettings {
  const p = state.proposal!;
  return { sheetName: p.sheetName, headerRow: p.headerRow, shape: p.shape, columns: p.roles, period, weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: false, lapseAfter: 1, refundsAreActivity: false };
}

export async function run(): Promise<void> {
  const emu = createEmulator({ spreadsheetTimeZone: 'America/New_York' });
  emu.importCdnow(readFileSync(join(root, 'examples', 'cdnow', 'CDNOW_master.txt'), 'utf8'), { sheetName: 'CDNOW' });
  emu.load(join(root, 'dist', 'Code.js'));
  const state = emu.callFromClient('sidebarState') as SidebarState;
  for (const period of ['month', 'week'] as const) {
    const settings = settingsOf(state, period);
    emu.callFromClient('sidebarGenerate', settings);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      emu.resetCalls();
      const t = performance.now();
      emu.callFromClient('sidebarGenerate', settings);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    console.log(`CDNOW (69,659 rows) summary by ${period}: ${runs[1].toFixed(0)} ms, ${emu.calls.total} Sheets service calls`);
  }
}
