// The SQL engine (DuckDB dialect of src/core/sql) on a 50M-row generated log, beside the in-sheet
// engine on the largest log a sheet can hold (10 million cells: 3,333,000 rows of id, date, amount)
// and DuckDB on that same log. Each case runs in its own process (bench/sqlCase.ts) for its peak
// memory; then the Customer value sheet from the per-customer query and from the narrowed queries, each in
// a process of its own too. SQL_BENCH_ROWS overrides the 50M, --quick leaves it out, SQL_BENCH_SHEET_ROWS
// shrinks the full-sheet size for a quick run (the Parquet files are cached in
// out/bench/: generating 50M rows takes about two minutes and 0.9 GB of disk).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './run';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIG = Number(process.env.SQL_BENCH_ROWS ?? 50_000_000);
/** SQL_BENCH_SHEET_ROWS makes the full-sheet size smaller, for a quick run (with --quick: say 100000). */
const SHEET_ROWS = Number(process.env.SQL_BENCH_SHEET_ROWS ?? 3_333_000);

type Mode = 'duckdb' | 'customers' | 'narrowed' | 'sheet';

function runCase(mode: Mode, rows: number, customers: number): Record<string, number> {
  const out = execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', 'sqlCase.ts'), mode, String(rows), String(customers)], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' },
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en-US');

export async function run(options: BenchOptions = { quick: false }): Promise<void> {
  const cases: [string, Mode, number, number][] = [
    [`in-sheet engine, ${n(SHEET_ROWS)} rows (a full sheet)`, 'sheet', SHEET_ROWS, Math.round(SHEET_ROWS / 10)],
    [`DuckDB dialect, the same ${n(SHEET_ROWS)} rows`, 'duckdb', SHEET_ROWS, Math.round(SHEET_ROWS / 10)],
  ];
  if (!options.quick) cases.push([`DuckDB dialect, ${n(BIG)} rows`, 'duckdb', BIG, Math.round(BIG / 10)]);
  console.log('monthly cohort report (every table) and customer value (RFM + both fits); Node 20, this machine (shared: wall times stretch, CPU times less)');
  for (const [label, mode, rows, customers] of cases) {
    const r = runCase(mode, rows, customers);
    console.log(
      `${label}: cohort report ${s(r.cohortMs)}, customer value ${s(r.valueMs)}${r.loadMs !== undefined ? `, load from Parquet ${s(r.loadMs)}` : ' (cells already built, as getValues returns them)'}; ` +
        `CPU ${s(r.cpuMs)}; peak memory ${n(Math.round(r.maxRssMb))} MB; ${n(r.customers)} customers, ${r.cohorts} cohorts, first cohort ${n(r.firstCohort)}` +
        (r.resultRows ? `, ${n(r.resultRows)} result rows, ${n(r.histories)} RFM histories` : ''),
    );
  }
  // The Customer value sheet's lists: every customer's row (customerQuery), or only the candidates (valueQuery).
  const sizes = options.quick ? [SHEET_ROWS] : [SHEET_ROWS, BIG];
  console.log('Customer value sheet (fits, top customers, at-risk and lapsed lists, CLV by segment), DuckDB dialect:');
  for (const rows of sizes) {
    for (const mode of ['customers', 'narrowed'] as const) {
      const r = runCase(mode, rows, Math.round(rows / 10));
      const what = mode === 'customers' ? 'per-customer query' : 'narrowed queries';
      console.log(
        `  ${n(rows)} rows, ${what}: fit ${s(r.fitMs)}, ${mode === 'customers' ? 'customer' : 'candidates'} query ${s(r.queryMs)}, scoring and lists ${s(r.scoreMs)} ` +
          `(load from Parquet ${s(r.loadMs)}); CPU ${s(r.cpuMs)}; peak memory ${n(Math.round(r.maxRssMb))} MB; ${n(r.resultRows)} rows brought back` +
          (r.groupRows ? ` (+ ${n(r.groupRows)} group rows)` : '') + ` for ${n(r.customers)} customers; at risk ${n(r.atRisk)}, lapsed ${n(r.lapsed)}, total CLV ${n(Math.round(r.totalClv))}`,
      );
    }
  }
}

