// Runs every bench/*.bench.ts in turn; each exports `run(options): Promise<void>` and prints its own figures.
//   npm run bench                  every case
//   npm run bench -- race bundle   only the cases whose file name contains one of the words
//   npm run bench -- --quick       leave out the largest sizes (5,000,000 rows)
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchOptions {
  /** Leave out the slow largest sizes. */
  quick: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const options: BenchOptions = { quick: args.includes('--quick') };
const words = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => words.length === 0 || words.some((w) => f.toLowerCase().includes(w.toLowerCase())))
  .sort();
for (const file of files) {
  // Other work on the machine stretches wall times (CPU times, where a case prints them, much less).
  console.log(`\n=== ${file} === (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  await mod.run(options);
}
