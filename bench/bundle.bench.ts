// =COHORTS and =RETENTION_BY_PERIOD through the built dist/Code.js, called as Sheets calls them:
// 2-D ranges of vm-realm values (Date cells built before timing), in a vm context like Apps Script's.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createEmulator } from '../tools/emulator/index';
import { mulberry32 } from '../tools/seededRandom';

const ZONE = 'Europe/Prague';
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

export async function run(): Promise<void> {
  const emu = createEmulator({ spreadsheetTimeZone: ZONE });
  emu.load(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'Code.js'));
  const g = emu.context as Record<string, (...a: unknown[]) => unknown>;
  const realmArray = vm.runInContext('(n) => new Array(n)', emu.context) as (n: number) => unknown[];
  console.log('rows       =COHORTS (month)   =RETENTION_BY_PERIOD   rows/s (COHORTS)');
  for (const rows of [100_000, 1_000_000]) {
    const rand = mulberry32(rows);
    const customers = rows / 10;
    const days = 3 * 365;
    const midnights = Array.from({ length: days }, (_, d) => emu.date(2021, 1, 1 + d)); // vm-realm Dates
    const joined = Array.from({ length: customers }, () => Math.floor(rand() * days));
    const ids = realmArray(rows);
    const dates = realmArray(rows);
    const amounts = realmArray(rows);
    for (let i = 0; i < rows; i++) {
      const c = i < customers ? i : Math.floor(rand() * customers);
      const d = joined[c] + (i < customers ? 0 : Math.floor(rand() * rand() * (days - joined[c])));
      ids[i] = [c + 1];
      dates[i] = [midnights[d]];
      amounts[i] = [Math.round(rand() * 20000) / 100];
    }
    const cohorts = time(() => g.COHORTS(ids, dates, 'month', 'customers'));
    const perPeriod = time(() => g.RETENTION_BY_PERIOD(ids, dates, 'month', amounts));
    console.log(
      `${rows.toLocaleString('en-US').padEnd(10)} ${cohorts.toFixed(1).padStart(9)} ms ${perPeriod.toFixed(1).padStart(17)} ms ${Math.round(rows / (cohorts / 1000)).toLocaleString('en-US').padStart(18)}`,
    );
  }
  // The predictive =CLV: 50,000 customers, ~170k purchases over two years.
  {
    const rand = mulberry32(50);
    const customers = 50_000;
    const days = 730;
    const midnights = Array.from({ length: days }, (_, d) => emu.date(2022, 1, 1 + d));
    const ids = realmArray(0);
    const dates = realmArray(0);
    const amounts = realmArray(0);
    for (let c = 0; c < customers; c++) {
      let d = Math.floor(rand() * days * 0.7);
      const visits = 1 + Math.floor(-Math.log(1 - rand()) * 2.5);
      for (let v = 0; v < visits && d < days; v++) {
        ids.push([`C${c}`]);
        dates.push([midnights[d]]);
        amounts.push([Math.round((5 + rand() * 60) * 100) / 100]);
        d += 1 + Math.floor(-Math.log(1 - rand()) * 60);
      }
    }
    const clv = time(() => g.CLV(ids, dates, amounts, 12, 0.01));
    console.log(`\n=CLV(ids, dates, amounts) predictive: ${customers.toLocaleString('en-US')} customers, ${ids.length.toLocaleString('en-US')} rows: ${clv.toFixed(0)} ms (Sheets allows a custom function 30 s)`);
  }
  const m = process.memoryUsage();
  console.log(`peak so far: rss ${(m.rss / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB`);
  console.log('(pandas recipe, monthly cohorts of the same 1M-row log: ~120 ms on this machine)');
}
