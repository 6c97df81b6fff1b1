// Cohort engine timings on a seeded synthetic log: 100k customers over three years, 1M rows in
// random order, with JS Date cells built once up front (as Sheets hands them over), not timed.
import { daysFromCivil } from '../src/core/calendar';
import { startOfDayInZone } from '../src/core/timeZone';
import { computeCohortMatrices, computeCohortReport, parseTransactionLog } from '../src/core/cohorts/index';
import { mulberry32 } from '../tools/seededRandom';

const ZONE = 'Europe/Prague';
const RUNS = 5;

interface Columns {
  ids: unknown[];
  textIds: unknown[];
  dates: unknown[];
  amounts: unknown[];
  segments: unknown[];
}

function generate(rows: number, customers: number, seed: number): Columns {
  const rand = mulberry32(seed);
  const first = daysFromCivil(2021, 1, 1);
  const span = daysFromCivil(2024, 1, 1) - first;
  const midnight = Array.from({ length: span }, (_, d) => startOfDayInZone(first + d, ZONE));
  const joined = Array.from({ length: customers }, () => Math.floor(rand() * span));
  const customer = new Int32Array(rows);
  const day = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    // The first `customers` rows are each customer's first purchase; later ones come after it.
    const c = i < customers ? i : Math.floor(rand() * customers);
    customer[i] = c;
    day[i] = joined[c] + (i < customers ? 0 : Math.floor(rand() * rand() * (span - joined[c])));
  }
  // Shuffle: the engine must not rely on rows being grouped by customer or sorted by date.
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [customer[i], customer[j]] = [customer[j], customer[i]];
    [day[i], day[j]] = [day[j], day[i]];
  }
  // Cell values are created in row order, as Sheets' deserialiser creates them.
  const cols: Columns = { ids: [], textIds: [], dates: [], amounts: [], segments: [] };
  const channels = ['ads', 'organic', 'referral', 'partner'];
  const textId = Array.from({ length: customers }, (_, c) => `C${String(c + 1).padStart(6, '0')}`);
  for (let i = 0; i < rows; i++) {
    const c = customer[i];
    cols.ids.push(c + 1);
    // A flat copy per cell, like strings read from a sheet (not one shared string per customer).
    cols.textIds.push(JSON.parse(JSON.stringify(textId[c])));
    cols.dates.push(new Date(midnight[day[i]]));
    cols.amounts.push(Math.round(rand() * 20000) / 100);
    cols.segments.push(channels[c % channels.length]);
  }
  return cols;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Peak memory, sampled right after every timed run (before the next one frees its results).
const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

function time(label: string, fn: () => unknown): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = fn();
    runs.push(performance.now() - t0);
    sampleMemory();
    void result;
  }
  const m = median(runs);
  console.log(`  ${label.padEnd(58)} ${m.toFixed(1).padStart(8)} ms  (median of ${RUNS})`);
  return m;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export async function run(): Promise<void> {
  for (const [rows, customers] of [
    [100_000, 10_000],
    [1_000_000, 100_000],
  ]) {
    const cols = generate(rows, customers, 20240601);
    const opts = { timeZone: ZONE, firstRowNumber: 2 };
    const before = process.memoryUsage();
    console.log(`\n${rows.toLocaleString('en')} rows, ${customers.toLocaleString('en')} customers, 3 years, ${ZONE}`);
    console.log(`  input columns built: rss ${mb(before.rss)}, heapUsed ${mb(before.heapUsed)}`);
    time('parse + monthly cohort counts (=COHORTS)', () =>
      computeCohortMatrices(parseTransactionLog({ customerIds: cols.ids, dates: cols.dates }, opts), { period: 'month' }),
    );
    time('  same, text ids ("C000123")', () =>
      computeCohortMatrices(parseTransactionLog({ customerIds: cols.textIds, dates: cols.dates }, opts), { period: 'month' }),
    );
    time('  same, weekly, "in or after"', () =>
      computeCohortMatrices(parseTransactionLog({ customerIds: cols.ids, dates: cols.dates }, opts), { period: 'week', mode: 'in-or-after' }),
    );
    const withAmounts = parseTransactionLog({ customerIds: cols.ids, dates: cols.dates, amounts: cols.amounts, segments: cols.segments }, opts);
    time('parse with amounts + segments', () =>
      parseTransactionLog({ customerIds: cols.ids, dates: cols.dates, amounts: cols.amounts, segments: cols.segments }, opts),
    );
    time('report tables (parsed): matrices, per period, value', () => computeCohortReport(withAmounts, { period: 'month' }));
    time('report tables (parsed), broken down by 4 segments', () => computeCohortReport(withAmounts, { period: 'month', bySegment: true }));
    time('parse + whole report, monthly', () =>
      computeCohortReport(
        parseTransactionLog({ customerIds: cols.ids, dates: cols.dates, amounts: cols.amounts, segments: cols.segments }, opts),
        { period: 'month' },
      ),
    );
    // Through the built bundle, raced against DuckDB, pandas and a hand-written loop: cohortsRace.bench.ts.
    console.log(`  peak memory so far (input columns included): rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)}`);
  }
}
