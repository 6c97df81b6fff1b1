// =COHORTS (monthly, in customers) through the built dist/Code.js, raced against the anchors on the same
// rows: a hand-written loop over the same cells (the floor), DuckDB on one thread and on its default
// threads, and the usual pandas recipe. Every contestant's matrix is checked against the bundle's first;
// then interleaved best-of-N timing, peak memory of one call, full collections during the timed calls.
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as duckDbVersion } from '@duckdb/node-api';
import { createEmulator } from '../tools/emulator/index';
import { differences, fromCohortsSpill, type CohortCounts } from './support/cohortCounts';
import { COHORTS_SQL as COHORTS_QUERY, duckDbCohorts, openDuckDb } from './support/duckdb';
import { handLoopCohorts } from './support/handLoop';
import { BENCH_ZONE, generateLog } from './support/logData';
import { findPandas, Pandas } from './support/pandas';
import { allocatedBy, backToBack, count, liveBytes, mb, ms, peakRss, race, ratio, resetPeakRss, timed, timedAsync, type Contestant, type Run, type Timing } from './support/race';
import { idColumn, sheetColumns } from './support/sheetCells';
import type { BenchOptions } from './run';

const BUNDLE = 'bundle =COHORTS (dist/Code.js)';
const TEXT = 'bundle, text ids ("C000123")';
const LOOP = 'hand-written loop over the cells';
const DUCK1 = 'DuckDB, 1 thread';

interface SizeResult {
  rows: number;
  timings: Map<string, Timing>;
  /** Bytes one call allocates (JS heap + array buffers) and the collections during it, node contestants. */
  allocated: Map<string, { bytes: number; collections: number }>;
  /** The bundle's best call made right after another one, no collection forced in between. */
  warm: Run;
  /**
   * What the first call of a freshly loaded copy of the script allocates: later calls reuse the per-row
   * arrays it leaves behind (parseLog.ts), so `allocated` above, measured after the race, is what a call
   * allocates once the script has run before.
   */
  firstCall: { bytes: number; collections: number };
}

export async function run(options: BenchOptions): Promise<void> {
  const sizes = [100_000, 1_000_000, ...(options.quick ? [] : [5_000_000])];
  const bundlePath = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'Code.js');
  const emu = createEmulator({ spreadsheetTimeZone: BENCH_ZONE });
  emu.load(bundlePath);
  const sheets = emu.context as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
  const found = findPandas();
  const pandas = 'python' in found ? await Pandas.start(found.python) : null;
  const pandasName = pandas ? `pandas ${pandas.version} recipe` : 'pandas recipe';
  const cpu = cpus();
  console.log(
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${mb(totalmem())} RAM, Node ${process.versions.node}, ` +
      `DuckDB ${duckDbVersion()}${pandas ? `, pandas ${pandas.version}` : ''}.`,
  );
  console.log(
    `Monthly cohort matrix in customers, ${BENCH_ZONE}. The bundle and the loop read Sheets-shaped ranges (one Date object per ` +
      'cell, converted in the zone); DuckDB and pandas get the calendar days ready-made (DATE, datetime64).',
  );

  const results: SizeResult[] = [];
  for (const rows of sizes) {
    const rounds = rows >= 5_000_000 ? 3 : 5;
    resetPeakRss();
    const log = generateLog(rows);
    const empty = liveBytes();
    const cells = sheetColumns(emu.context, log, BENCH_ZONE);
    const inputBytes = liveBytes() - empty;
    const textIds = idColumn(emu.context, log, 'text');
    const db = await openDuckDb(log);
    if (pandas) await pandas.load(log);
    const duckN = `DuckDB, ${db.defaultThreads} threads (default)`;

    const bundle = (ids: unknown[][]) => fromCohortsSpill(sheets.COHORTS(ids, cells.dates, 'month', 'counts'), BENCH_ZONE);
    const expected = bundle(cells.ids);
    const checks: [string, CohortCounts][] = [
      [TEXT, bundle(textIds)],
      [LOOP, handLoopCohorts(cells.ids, cells.dates, BENCH_ZONE)],
      [DUCK1, await duckDbCohorts(db, 1)],
      [duckN, await duckDbCohorts(db, null)],
      ...(pandas ? [[pandasName, await pandas.cohorts()] as [string, CohortCounts]] : []),
    ];
    for (const [name, counts] of checks) {
      const diff = differences(expected, counts);
      if (diff) throw new Error(`${name} disagrees with the bundle at ${count(rows)} rows (${diff}): no race on different answers`);
    }

    const contestants: Contestant[] = [
      { name: BUNDLE, measure: timed(() => sheets.COHORTS(cells.ids, cells.dates, 'month', 'counts')) },
      { name: TEXT, measure: timed(() => sheets.COHORTS(textIds, cells.dates, 'month', 'counts')) },
      { name: LOOP, measure: timed(() => handLoopCohorts(cells.ids, cells.dates, BENCH_ZONE)) },
      { name: DUCK1, measure: () => timedAsync(() => db.query(COHORTS_QUERY, 1)) },
      { name: duckN, measure: () => timedAsync(() => db.query(COHORTS_QUERY, null)) },
      ...(pandas ? [{ name: pandasName, measure: () => pandas.time() }] : []),
    ];
    const timings = await race(contestants, rounds);
    const allocated = new Map([
      [BUNDLE, await allocatedBy(() => sheets.COHORTS(cells.ids, cells.dates, 'month', 'counts'))],
      [TEXT, await allocatedBy(() => sheets.COHORTS(textIds, cells.dates, 'month', 'counts'))],
      [LOOP, await allocatedBy(() => handLoopCohorts(cells.ids, cells.dates, BENCH_ZONE))],
    ]);
    const warm = await backToBack(() => sheets.COHORTS(cells.ids, cells.dates, 'month', 'counts'), rounds);
    const fresh = createEmulator({ spreadsheetTimeZone: BENCH_ZONE });
    fresh.load(bundlePath);
    const freshCohorts = (fresh.context as unknown as typeof sheets).COHORTS;
    const firstCall = await allocatedBy(() => freshCohorts(cells.ids, cells.dates, 'month', 'counts'));
    db.close();
    if (pandas) await pandas.drop();
    results.push({ rows, timings, allocated, warm, firstCall });
    printSize(rows, log.customers, rounds, timings, allocated, pandas ? null : pandasName);
    const peak = peakRss();
    console.log(
      `  input: ${mb(inputBytes)} of cells (ids and dates, ${Math.round(inputBytes / rows)} B/row); ` +
        `peak RSS of this process for this size, everything included: ${peak === null ? 'not measured (no /proc)' : mb(peak)}`,
    );
  }
  pandas?.stop();
  if (!pandas) console.log(`\n${pandasName}: not measured — ${(found as { unavailable: string }).unavailable}.`);
  printGoals(results, pandasName);
}

function printSize(
  rows: number,
  customers: number,
  rounds: number,
  timings: Map<string, Timing>,
  allocated: SizeResult['allocated'],
  missing: string | null,
): void {
  const base = timings.get(BUNDLE)!;
  console.log(`\n${count(rows)} rows, ${count(customers)} customers: best of ${rounds} interleaved rounds (wall; and least CPU time of a run)`);
  console.log(`  ${'contestant'.padEnd(34)} ${'wall'.padStart(9)} ${'÷ bundle'.padStart(9)} ${'CPU'.padStart(9)} ${'÷ bundle'.padStart(9)}  full GCs  allocated by one call`);
  for (const t of timings.values()) {
    const a = allocated.get(t.name);
    const memory = a ? `${mb(a.bytes)} (${Math.round(a.bytes / rows)} B/row${a.collections ? `; ${a.collections} collections during it` : ''})` : '';
    const gcs = a ? String(t.fullGcs) : '';
    console.log(
      `  ${t.name.padEnd(34)} ${ms(t.best).padStart(9)} ${ratio(t.best / base.best).padStart(9)} ${ms(t.bestCpu).padStart(9)} ${ratio(t.bestCpu / base.bestCpu).padStart(9)}  ${gcs.padStart(8)}  ${memory}`,
    );
  }
  if (missing) console.log(`  ${missing.padEnd(34)} not measured`);
}

function printGoals(results: SizeResult[], pandasName: string): void {
  const at = (rows: number) => results.find((r) => r.rows === rows);
  const best = (r: SizeResult | undefined, name: string) => r?.timings.get(name)?.best;
  const cpu = (r: SizeResult | undefined, name: string) => r?.timings.get(name)?.bestCpu ?? NaN;
  // Verdicts on wall times; the CPU-time ratio alongside says what the work alone gives on a busy machine.
  const both = (r: SizeResult | undefined, a: string, b: string) => `${ratio(best(r, a)! / best(r, b)!)} (CPU ${ratio(cpu(r, a) / cpu(r, b))})`;
  const lines: string[] = [];
  const check = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  for (const rows of [1_000_000, 5_000_000]) {
    const r = at(rows);
    const [b, p] = [best(r, BUNDLE), best(r, pandasName)];
    if (b !== undefined && p !== undefined) lines.push(`${pandasName} ÷ bundle at ${count(rows)} rows: ${both(r, pandasName, BUNDLE)} — goal ≥ 2×: ${check(p / b >= 2)}`);
  }
  const r1 = at(1_000_000);
  const [b1, d1, l1, t1] = [best(r1, BUNDLE), best(r1, DUCK1), best(r1, LOOP), best(r1, TEXT)];
  if (b1 !== undefined && d1 !== undefined) lines.push(`${DUCK1} ÷ bundle at 1,000,000 rows: ${both(r1, DUCK1, BUNDLE)} — goal ≥ 1×: ${check(d1 >= b1)}`);
  if (b1 !== undefined && l1 !== undefined) lines.push(`bundle ÷ hand-written loop at 1,000,000 rows: ${both(r1, BUNDLE, LOOP)} — the floor`);
  if (b1 !== undefined && t1 !== undefined) lines.push(`text ids ÷ number ids at 1,000,000 rows: ${both(r1, TEXT, BUNDLE)} — goal ≤ 1.5×: ${check(t1 / b1 <= 1.5)}`);
  const r5 = at(5_000_000);
  const b5 = best(r5, BUNDLE);
  if (b1 !== undefined && b5 !== undefined) {
    lines.push(`bundle 5,000,000 ÷ 1,000,000 rows: ${ratio(b5 / b1)} (CPU ${ratio(cpu(r5, BUNDLE) / cpu(r1, BUNDLE))}) — goal ≤ 6×: ${check(b5 / b1 <= 6)}`);
  }
  for (const r of results.filter((x) => x.rows >= 1_000_000)) {
    const t = r.timings.get(BUNDLE)!;
    lines.push(
      `bundle call after a full collection ÷ back to back at ${count(r.rows)} rows: ${ratio(t.best / r.warm.ms)} (CPU ${ratio(t.bestCpu / r.warm.cpuMs)}; ` +
        `${ms(t.best)} vs ${ms(r.warm.ms)}) — compiled code kept across full collections, goal ≈ 1× (≤ 1.2×): ${check(t.bestCpu / r.warm.cpuMs <= 1.2)}`,
    );
    const a = r.allocated.get(BUNDLE)!;
    const f = r.firstCall;
    const firstGcs = f.collections ? `, ${f.collections} collections during it` : '';
    lines.push(
      `bundle allocation per call at ${count(r.rows)} rows: ${Math.round(a.bytes / r.rows)} B/row; the first call of a freshly loaded script ` +
        `${Math.round(f.bytes / r.rows)} B/row${firstGcs} (goal ≤ ~50: ${check(Math.max(a.bytes, f.bytes) / r.rows <= 55)})`,
    );
    const gcs = r.timings.get(BUNDLE)!.fullGcs + r.timings.get(TEXT)!.fullGcs;
    lines.push(`full GCs during the bundle's timed calls at ${count(r.rows)} rows: ${gcs} (goal 0: ${check(gcs === 0)})`);
  }
  console.log('\nGoals (issue 12), from the figures above:');
  for (const l of lines) console.log(`  ${l}`);
}
