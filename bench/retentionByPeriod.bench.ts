// =RETENTION_BY_PERIOD(ids, dates, "month", amounts) through the built dist/Code.js, on Sheets-shaped
// ranges (one Date object per cell), raced against DuckDB on one thread and on its default threads over
// the same rows (support/duckdb.ts, the per-period table in SQL). Both tables are checked equal first;
// then interleaved best-of-N timing, what one call allocates and full collections during the timed
// calls. The largest size is the most rows a sheet can hold in three columns: Sheets stops at 10 million
// cells.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../tools/emulator/index';
import { duckDbPeriods, openDuckDb, PERIODS_SQL } from './support/duckdb';
import { BENCH_ZONE, generateLog } from './support/logData';
import { fromPeriodSpill, periodDifferences } from './support/periodTable';
import { allocatedBy, count, liveBytes, mb, ms, peakRss, race, ratio, resetPeakRss, timed, timedAsync, type Timing } from './support/race';
import { sheetColumns } from './support/sheetCells';
import type { BenchOptions } from './run';

const MOST_ROWS_OF_THREE_COLUMNS = Math.floor(10_000_000 / 3);
const BUNDLE = 'bundle =RETENTION_BY_PERIOD';
const DUCK1 = 'DuckDB, 1 thread';

interface SizeResult {
  rows: number;
  timings: Map<string, Timing>;
  bytes: number;
}

export async function run(options: BenchOptions): Promise<void> {
  const emu = createEmulator({ spreadsheetTimeZone: BENCH_ZONE });
  emu.load(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'Code.js'));
  const sheets = emu.context as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
  const sizes = [100_000, 1_000_000, ...(options.quick ? [] : [MOST_ROWS_OF_THREE_COLUMNS])];
  console.log(
    `=RETENTION_BY_PERIOD monthly with amounts (lapse window 1), ${BENCH_ZONE}, rows/10 customers over three years. The bundle ` +
      'reads Sheets-shaped ranges (a Date object per cell); DuckDB gets the calendar days ready-made (DATE).',
  );
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    const rounds = rows > 1_000_000 ? 3 : 5;
    resetPeakRss();
    const log = generateLog(rows);
    const empty = liveBytes();
    const cells = sheetColumns(emu.context, log, BENCH_ZONE, { amounts: true });
    const inputBytes = liveBytes() - empty;
    const db = await openDuckDb(log);
    const duckN = `DuckDB, ${db.defaultThreads} threads (default)`;
    const call = () => sheets.RETENTION_BY_PERIOD(cells.ids, cells.dates, 'month', cells.amounts);
    const expected = fromPeriodSpill(call(), BENCH_ZONE);
    for (const [name, threads] of [[DUCK1, 1], [duckN, null]] as const) {
      const diff = periodDifferences(expected, await duckDbPeriods(db, threads));
      if (diff) throw new Error(`${name} disagrees with the bundle at ${count(rows)} rows (${diff}): no race on different answers`);
    }
    const timings = await race(
      [
        { name: BUNDLE, measure: timed(call) },
        { name: DUCK1, measure: () => timedAsync(() => db.query(PERIODS_SQL, 1)) },
        { name: duckN, measure: () => timedAsync(() => db.query(PERIODS_SQL, null)) },
      ],
      rounds,
    );
    const a = await allocatedBy(call);
    db.close();
    results.push({ rows, timings, bytes: a.bytes });
    const base = timings.get(BUNDLE)!;
    console.log(`\n${count(rows)} rows, ${count(log.customers)} customers, ${expected.size} months: best of ${rounds} interleaved rounds (wall; and least CPU time of a run)`);
    console.log(`  ${'contestant'.padEnd(34)} ${'wall'.padStart(9)} ${'÷ bundle'.padStart(9)} ${'CPU'.padStart(9)} ${'÷ bundle'.padStart(9)}  full GCs  allocated by one call`);
    for (const t of timings.values()) {
      const mine = t.name === BUNDLE;
      const memory = mine ? `${mb(a.bytes)} (${Math.round(a.bytes / rows)} B/row${a.collections ? `; ${a.collections} collections during it` : ''})` : '';
      console.log(
        `  ${t.name.padEnd(34)} ${ms(t.best).padStart(9)} ${ratio(t.best / base.best).padStart(9)} ${ms(t.bestCpu).padStart(9)} ${ratio(t.bestCpu / base.bestCpu).padStart(9)}  ${(mine ? String(t.fullGcs) : '').padStart(8)}  ${memory}`,
      );
    }
    const peak = peakRss();
    console.log(
      `  input: ${mb(inputBytes)} of cells (ids, dates, amounts, ${Math.round(inputBytes / rows)} B/row); ` +
        `peak RSS of this process for this size, everything included: ${peak === null ? 'not measured (no /proc)' : mb(peak)}`,
    );
  }
  printGoals(results);
}

function printGoals(results: SizeResult[]): void {
  const check = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const lines: string[] = [];
  const base = results.find((r) => r.rows === 1_000_000);
  const largest = results[results.length - 1];
  if (base) {
    const [b, d] = [base.timings.get(BUNDLE)!, base.timings.get(DUCK1)!];
    lines.push(`${DUCK1} ÷ bundle at 1,000,000 rows: ${ratio(d.best / b.best)} (CPU ${ratio(d.bestCpu / b.bestCpu)}) — goal ≥ 1×: ${check(d.best >= b.best)}`);
  }
  if (base && largest.rows > base.rows) {
    const [b, l] = [base.timings.get(BUNDLE)!, largest.timings.get(BUNDLE)!];
    const perRow = l.best / largest.rows / (b.best / base.rows);
    const perRowCpu = l.bestCpu / largest.rows / (b.bestCpu / base.rows);
    lines.push(`bundle cost per row at ${count(largest.rows)} ÷ at 1,000,000 rows: ${ratio(perRow)} (CPU ${ratio(perRowCpu)}) — linear, goal ≤ 1.20× (5M ÷ 1M ≤ 6×): ${check(perRow <= 1.2)}`);
  }
  for (const r of results.filter((x) => x.rows >= 1_000_000)) {
    const gcs = r.timings.get(BUNDLE)!.fullGcs;
    lines.push(`bundle at ${count(r.rows)} rows: ${Math.round(r.bytes / r.rows)} B/row allocated (goal ≤ ~50: ${check(r.bytes / r.rows <= 55)}); full GCs ${gcs} (goal 0: ${check(gcs === 0)})`);
  }
  console.log('\nGoals (issue 12), from the figures above:');
  for (const l of lines) console.log(`  ${l}`);
}
