/**
 * npm start: the add-on's main job, locally. Loads the built dist/Code.js into the Sheets emulator,
 * imports the CDNOW log shipped in examples/cdnow/ (or a CSV/TSV given after `--`), runs the report
 * the sidebar runs, prints the per-period table and the cohort matrix, and writes the workbook to
 * out/retention-summary.xlsx.
 *
 *   npm start                              # CDNOW, monthly cohorts
 *   npm start -- path/to/customers.csv     # your own transaction log or customer table
 *   npm start -- data.tsv --period week --zone Europe/Prague
 *   npm start -- --engine duckdb [orders.parquet]   # the same report counted by DuckDB (startDuckDb.ts)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../tools/emulator/index';
import { startDuckDb } from './startDuckDb';
import { printCustomerValue, showNamed } from './printSheets';
import type { CustomerValueOutcome, ReportOutcome, ReportSettings, SidebarState } from '../src/addon/protocol';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]) {
  const out = { file: '', period: 'month', zone: 'America/New_York', locale: 'en_US', out: join(root, 'out', 'retention-summary.xlsx'), engine: 'sheet', lapse: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--period') out.period = next();
    else if (a === '--zone') out.zone = next();
    else if (a === '--locale') out.locale = next();
    else if (a === '--out') out.out = resolve(next());
    else if (a === '--engine') out.engine = next();
    else if (a === '--lapse') {
      out.lapse = Number(next());
      if (!Number.isInteger(out.lapse) || out.lapse < 1) throw new Error('--lapse needs a whole number of periods, 1 or more');
    }
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm start -- [file.csv|file.tsv|file.parquet] [--period week|month|quarter|year] [--lapse K] [--zone IANA] [--locale en_US] [--out file.xlsx] [--engine sheet|duckdb]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else out.file = resolve(a);
  }
  return out;
}

/** Wall time of each step, and the process's peak memory when it ended, for the closing line. */
const steps: { name: string; ms: number; peakMb: number }[] = [];
const peakMb = () => process.resourceUsage().maxRSS / 1024;
async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await run();
  steps.push({ name, ms: performance.now() - t, peakMb: peakMb() });
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.engine === 'duckdb') return startDuckDb({ ...args, root });
  if (args.engine !== 'sheet') throw new Error(`--engine must be "sheet" (the default) or "duckdb" (got "${args.engine}")`);
  const emu = createEmulator({ spreadsheetTimeZone: args.zone, locale: args.locale, spreadsheetName: 'Retention demo' });
  let source: string;
  if (args.file) {
    if (!existsSync(args.file)) throw new Error(`no such file: ${args.file}`);
    source = basename(args.file).replace(/\.[^.]+$/, '').slice(0, 90) || 'Data';
    const text = readFileSync(args.file, 'utf8');
    await step('import', () => emu.importCsv(text, { sheetName: source, delimiter: 'auto', fileName: basename(args.file) }));
  } else {
    source = 'CDNOW';
    const text = readFileSync(join(root, 'examples', 'cdnow', 'CDNOW_master.txt'), 'utf8');
    await step('import', () => emu.importCdnow(text, { sheetName: source }));
  }
  emu.load(join(root, 'dist', 'Code.js'));
  emu.call('onOpen', { authMode: 'FULL' });
  emu.call('showSidebar');

  const state = emu.callFromClient('sidebarState') as SidebarState;
  const p = state.proposal;
  if (!p) throw new Error(`could not read sheet "${source}"`);
  console.log(`Source: "${p.sheetName}", header row ${p.headerRow}, ${p.dataRows.toLocaleString('en-US')} data rows, read as a ${p.shape === 'log' ? 'transaction log' : 'customer table'}.`);
  const roles = Object.entries(p.roles).filter(([, c]) => c > 0).map(([r, c]) => `${r} = ${p.columns[c - 1].letter} "${p.columns[c - 1].header}"`);
  console.log(`Columns: ${roles.join(', ')}`);
  const missing = p.shape === 'log' ? (['id', 'date'] as const).filter((r) => !p.roles[r]) : [];
  if (missing.length) {
    // Say what each column looked like: text where dates or numbers were expected usually means the
    // file was written for another locale than --locale (12/1/2010 or 17850.0 are text in cs_CZ).
    const kinds = p.columns.map((c) => `${c.letter} "${c.header}" ${c.kind}`).join(', ');
    throw new Error(
      `no ${missing.map((r) => (r === 'id' ? 'customer id' : 'date')).join(' or ')} column found. The columns read as: ${kinds}.` +
        (args.locale !== 'en_US' ? ` Dates and numbers are read as typed in ${args.locale}; if the file was written elsewhere, try --locale en_US.` : ''),
    );
  }
  const suggestion = p.lapse?.byPeriod[args.period as ReportSettings['period']];
  if (p.shape === 'log') {
    console.log(`A customer is lost after ${args.lapse} ${args.period}${args.lapse === 1 ? '' : 's'} without a purchase (--lapse K to change)` +
      (suggestion
        ? `; suggested from the data: ${suggestion.periods} (${Math.round(suggestion.share * 100)} % of customers' returns came within ${suggestion.periods} ${args.period}${suggestion.periods === 1 ? '' : 's'} of their previous purchase).`
        : `; no suggestion from the data: nobody bought in two different ${args.period}s.`));
  }

  const settings: ReportSettings = {
    sheetName: p.sheetName, headerRow: p.headerRow, shape: p.shape, columns: p.roles,
    period: args.period as ReportSettings['period'], weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: p.roles.segment > 0,
    lapseAfter: p.shape === 'log' ? args.lapse : 1, refundsAreActivity: false,
  };
  emu.resetCalls();
  const outcome = await step('summary', () => emu.callFromClient('sidebarGenerate', settings) as ReportOutcome);
  console.log(`\n${outcome.message}  (${steps[steps.length - 1].ms.toFixed(0)} ms, ${emu.calls.total} Sheets service calls)\n`);

  const show = (name: string, title: string) => showNamed(emu, name, title);
  show('RetentionPerPeriod', 'Retention and churn per period');
  show('CohortCustomers', 'Customers per cohort (active in each period since the first)');
  show('CohortRetention', 'Retention per cohort');

  // The sidebar's "Customer value" section, when the source is a log with amounts.
  if (p.shape === 'log' && (p.roles.amount > 0 || (!!p.roles.quantity && !!p.roles.unitPrice))) {
    // A log the models cannot fit (nobody bought twice) says why, as the sidebar would; the rest goes on.
    const value = await step('customer value', () => {
      try {
        return emu.callFromClient('sidebarCustomerValue', {
          ...settings, horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
          costs: { column: 0, all: { revenueShare: 0, perCustomerMonth: 0 }, segments: [] },
        }) as CustomerValueOutcome;
      } catch (e) {
        return { message: `Customer value not estimated: ${(e instanceof Error ? e.message : String(e)).replace(/^Error: /, '')}`, warnings: [] as string[] };
      }
    });
    console.log(`${value.message}  (${steps[steps.length - 1].ms.toFixed(0)} ms)`);
    for (const warning of value.warnings) console.log(`  ! ${warning}`);
    console.log('');
    printCustomerValue(emu);
  }

  mkdirSync(dirname(args.out), { recursive: true });
  await step('export', () => emu.exportXlsx(args.out));
  console.log(`Workbook written to ${args.out} (sheets: ${emu.spreadsheet.getSheets().map((s) => s.getName()).join(', ')})`);
  const each = steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s, ${s.peakMb.toFixed(0)} MB`).join('; ');
  const cpu = process.cpuUsage();
  console.log(`Done in ${(performance.now() / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), peak memory ${peakMb().toFixed(0)} MB (${each}).`);
}

main().catch((e: unknown) => {
  // Errors thrown inside the emulated script come from another realm: not instanceof Error here.
  const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  console.error(`npm start failed: ${message}`);
  process.exit(1);
});
