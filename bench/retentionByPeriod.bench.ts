// =RETENTION_BY_PERIOD(ids, dates, "month", amounts) through the built dist/Code.js, on Sheets-shaped
// ranges (one Date object per cell). The largest size is the most rows a sheet can hold in three
// columns: Sheets stops at 10 million cells.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../tools/emulator/index';
import { BENCH_ZONE, generateLog } from './support/logData';
import { sheetColumns } from './support/sheetCells';
import { measureSeries, printSeries } from './support/series';
import type { BenchOptions } from './run';

const MOST_ROWS_OF_THREE_COLUMNS = Math.floor(10_000_000 / 3);

export async function run(options: BenchOptions): Promise<void> {
  const emu = createEmulator({ spreadsheetTimeZone: BENCH_ZONE });
  emu.load(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'Code.js'));
  const sheets = emu.context as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
  const sizes = [100_000, 1_000_000, ...(options.quick ? [] : [MOST_ROWS_OF_THREE_COLUMNS])];
  const rounds = (rows: number) => (rows > 1_000_000 ? 3 : 5);
  console.log(`=RETENTION_BY_PERIOD monthly with amounts, ${BENCH_ZONE}, rows/10 customers over three years`);
  const points = await measureSeries(sizes, rounds, async (rows) => {
    const cells = sheetColumns(emu.context, generateLog(rows), BENCH_ZONE, { amounts: true });
    return () => sheets.RETENTION_BY_PERIOD(cells.ids, cells.dates, 'month', cells.amounts);
  });
  printSeries(points, rounds);
}
