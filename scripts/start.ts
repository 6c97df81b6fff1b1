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
import { ImportTooLargeError } from '../tools/emulator/io';
import { startDuckDb } from './startDuckDb';
import { LAPSE_WORDS, printCustomerValue, showNamed } from './printSheets';
import type { CustomerValueOutcome, ReportOutcome, ReportSettings, SidebarState } from '../src/addon/protocol';
import { anyOf, commaList, decimal, integer, languageOf, msg, percent, semicolonList, sentences, typed, type Language } from '../src/i18n';
import { startMsg, startText, type StartArgsOf, type StartMessageKey } from '../src/i18n/startMessages';
import { addCostFlag, costRefusalMessage, noCostFlags, refuseCostFlags, setCostColumn } from './costFlags';
import { createSegmentIndex } from '../src/core/cohorts/segmentIndex';
import { createDayReader } from '../src/core/cohorts/dayReader';
import { isBlank } from '../src/core/cells';
import { tooLargeMessage } from './tooLarge';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What npm start says goes to the console in the language of its --locale, as the workbook it writes. */
const language: Language = languageOf(localeArgument(process.argv.slice(2)));
const say = (message: Parameters<typeof startText>[0]) => startText(message, language);
class StartError extends Error {}
function fail<K extends StartMessageKey>(key: K, ...params: StartArgsOf<K>): never {
  throw new StartError(say(startMsg(key, ...params)));
}

function localeArgument(argv: string[]): string {
  const i = argv.indexOf('--locale');
  return i >= 0 ? (argv[i + 1] ?? '') : 'en_US';
}

const PERIODS = ['week', 'month', 'quarter', 'year'];

function parseArgs(argv: string[]) {
  const out = { file: '', period: 'month', zone: 'America/New_York', locale: 'en_US', out: join(root, 'out', 'retention-summary.xlsx'), engine: 'sheet', lapse: 1, costs: noCostFlags() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) fail('start.needsValue', { option: a });
      return v;
    };
    if (a === '--period') {
      out.period = next().toLowerCase();
      if (!PERIODS.includes(out.period)) fail('start.period', { choices: PERIODS.join('|'), period: argv[i] });
    }
    else if (a === '--zone') out.zone = next();
    else if (a === '--locale') out.locale = next();
    else if (a === '--out') out.out = resolve(next());
    else if (a === '--engine') out.engine = next();
    else if (a === '--lapse') {
      out.lapse = Number(next());
      if (!Number.isInteger(out.lapse) || out.lapse < 1) fail('start.lapseWhole');
    }
    else if (a === '--cost-share' || a === '--cost-monthly') {
      const v = next();
      if (!addCostFlag(out.costs, a === '--cost-share' ? 'share' : 'monthly', v)) fail(a === '--cost-share' ? 'start.costShare' : 'start.costMonthly', { value: v });
    } else if (a === '--cost-column') setCostColumn(out.costs, next());
    else if (a === '--help' || a === '-h') {
      console.log(say(startMsg('start.usage')));
      process.exit(0);
    } else if (a.startsWith('--')) fail('start.unknownOption', { option: a });
    else out.file = resolve(a);
  }
  return out;
}

/** Wall time of each step, and the process's peak memory when it ended, for the closing line. */
type StepKey = Extract<StartMessageKey, `start.step.${string}`>;
const steps: { name: StepKey; ms: number; peakMb: number }[] = [];
const peakMb = () => process.resourceUsage().maxRSS / 1024;
async function step<T>(name: StepKey, run: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await run();
  steps.push({ name, ms: performance.now() - t, peakMb: peakMb() });
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.engine === 'duckdb') return startDuckDb({ ...args, root });
  if (args.engine !== 'sheet') fail('start.engine', { engine: args.engine });
  const emu = createEmulator({ spreadsheetTimeZone: args.zone, locale: args.locale, spreadsheetName: say(startMsg('start.workbookName')) });
  let source: string;
  if (args.file) {
    if (!existsSync(args.file)) fail('start.noSuchFile', { file: args.file });
    source = basename(args.file).replace(/\.[^.]+$/, '').slice(0, 90) || 'Data';
    const text = readFileSync(args.file, 'utf8');
    await step('start.step.import', () => {
      try {
        return emu.importCsv(text, { sheetName: source, delimiter: 'auto', fileName: basename(args.file) });
      } catch (e) {
        // Too large for a spreadsheet: said in the --locale's language, with its number forms.
        if (!(e instanceof ImportTooLargeError)) throw e;
        throw new StartError(say(tooLargeMessage(basename(args.file), e.size)));
      }
    });
  } else {
    source = 'CDNOW';
    const text = readFileSync(join(root, 'examples', 'cdnow', 'CDNOW_master.txt'), 'utf8');
    await step('start.step.import', () => emu.importCdnow(text, { sheetName: source }));
  }
  emu.load(join(root, 'dist', 'Code.js'));
  emu.call('onOpen', { authMode: 'FULL' });
  emu.call('showSidebar');

  const state = emu.callFromClient('sidebarState') as SidebarState;
  const p = state.proposal;
  if (!p) return fail('start.unreadableSheet', { sheet: source });
  const shape = startMsg(p.shape === 'log' ? 'start.shape.log' : 'start.shape.table');
  console.log(say(startMsg('start.source', { sheet: p.sheetName, row: typed(p.headerRow), count: integer(p.dataRows), shape })));
  const roles = (Object.entries(p.roles) as [keyof typeof p.roles, number][]).filter(([, c]) => c > 0)
    .map(([r, c]) => startMsg('start.columnRole', { role: msg(`source.role.${r}`), letter: p.columns[c - 1].letter, header: p.columns[c - 1].header }));
  console.log(say(startMsg('start.columns', { list: commaList(roles) })));
  // An amount column the locale reads as text (an English export with --locale cs_CZ): said, not dropped silently.
  if (p.amountNote) console.log(p.amountNote);
  const missing = p.shape === 'log' ? (['id', 'date'] as const).filter((r) => !p.roles[r]) : [];
  if (missing.length) {
    // Say what each column looked like: text where dates or numbers were expected usually means the
    // file was written for another locale than --locale (12/1/2010 or 17850.0 are text in cs_CZ).
    const kinds = commaList(p.columns.map((c) => startMsg('start.columnKind', { letter: c.letter, header: c.header, kind: msg(`sidebar.kind.${c.kind}`) })));
    const noColumn = startMsg('start.noColumn', { roles: anyOf(missing.map((r) => msg(`source.role.${r}`))), kinds });
    throw new StartError(say(args.locale !== 'en_US' ? sentences([noColumn, startMsg('start.otherLocale', { locale: args.locale })]) : noColumn));
  }
  const period = args.period as ReportSettings['period'];
  const suggestion = p.lapse?.byPeriod[period];
  if (p.shape === 'log' && period in LAPSE_WORDS) {
    const [unit, within] = LAPSE_WORDS[period];
    const suggested = suggestion
      ? msg('sidebar.lapse.suggestion', { count: integer(suggestion.periods), share: percent(suggestion.share, 0), span: msg(within, { count: integer(suggestion.periods) }) })
      : msg('sidebar.lapse.none');
    console.log(say(startMsg('start.lapse', { label: msg('sidebar.lapse.label'), count: integer(args.lapse), unit: msg(unit, { count: integer(args.lapse) }), suggestion: suggested })));
  }

  // The cost flags against the data, before anything is computed or written: a column, a segment it lacks, no amounts.
  const costColumn = args.costs.column ? p.columns.findIndex((c) => c.header === args.costs.column) + 1 : 0;
  if (args.costs.column && !costColumn) {
    throw new StartError(say(startMsg('start.nothingWritten', { reason: startMsg('start.costColumn', { name: args.costs.column, columns: commaList(p.columns.map((c) => `"${c.header}"`)) }), file: args.out })));
  }
  const hasAmounts = p.shape === 'log' && (p.roles.amount > 0 || (!!p.roles.quantity && !!p.roles.unitPrice));
  // The data's segments are read (two more columns of the sheet) only when a flag names a segment.
  const named = hasAmounts && args.costs.named.length > 0;
  const refusal = refuseCostFlags(args.costs, hasAmounts, named ? segmentNamesOf(emu, p.sheetName, p.headerRow, p.roles.id, p.roles.segment, args.zone) : null);
  if (refusal) throw new StartError(say(costRefusalMessage(refusal, p.shape, args.out)));

  const settings: ReportSettings = {
    sheetName: p.sheetName, headerRow: p.headerRow, shape: p.shape, columns: p.roles,
    period: args.period as ReportSettings['period'], weekStart: 'monday', mode: 'in', asOf: '', segmentFilter: '', breakdown: p.roles.segment > 0,
    lapseAfter: p.shape === 'log' ? args.lapse : 1, refundsAreActivity: false,
  };
  emu.resetCalls();
  const outcome = await step('start.step.summary', () => emu.callFromClient('sidebarGenerate', settings) as ReportOutcome);
  console.log(`\n${say(startMsg('start.summaryDone', { message: outcome.message, ms: integer(lastMs()), calls: integer(emu.calls.total) }))}\n`);

  // The tables under the titles the summary sheet gives them, in the sheet's language.
  const show = (name: string, title: Parameters<typeof msg>[0]) => showNamed(emu, name, say(msg(title)));
  show('RetentionPerPeriod', 'summary.perPeriod.title');
  show('CohortCustomers', 'summary.matrix.customers');
  show('CohortRetention', 'summary.matrix.retention');

  // The sidebar's "Customer value" section, when the source is a log with amounts; --cost-column by its header.
  if (hasAmounts) {
    // A log the models cannot fit (nobody bought twice) says why, as the sidebar would; the rest goes on.
    const value = await step('start.step.value', () => {
      try {
        return emu.callFromClient('sidebarCustomerValue', {
          ...settings, horizonMonths: 12, monthlyDiscountRate: 0.01, topShare: 0.2, aliveBelow: 0.5, aliveFloor: 0.1,
          costs: { column: costColumn, all: args.costs.all, segments: args.costs.segments },
        }) as CustomerValueOutcome;
      } catch (e) {
        return { message: say(startMsg('start.valueFailed', { reason: errorText(e).replace(/^Error: /, '') })), warnings: [] as string[] };
      }
    });
    console.log(say(startMsg('start.valueDone', { message: value.message, ms: integer(lastMs()) })));
    for (const warning of value.warnings) console.log(`  ! ${warning}`);
    console.log('');
    printCustomerValue(emu);
  }

  mkdirSync(dirname(args.out), { recursive: true });
  await step('start.step.export', () => emu.exportXlsx(args.out));
  console.log(say(startMsg('start.written', { file: args.out, sheets: commaList(emu.spreadsheet.getSheets().map((s) => s.getName())) })));
  const seconds = (ms: number) => decimal(ms / 1000, 1, 1);
  const each = steps.map((s) => startMsg('start.step', { name: startMsg(s.name), seconds: seconds(s.ms), mb: integer(s.peakMb) }));
  const cpu = process.cpuUsage();
  console.log(say(startMsg('start.done', { seconds: seconds(performance.now()), cpu: seconds((cpu.user + cpu.system) / 1000), mb: integer(peakMb()), steps: semicolonList(each) })));
}

/**
 * The data's segments as the add-on names them (src/core/cohorts/segmentIndex.ts: a number and its text are one,
 * blank cells "(blank)"), over the rows with an id; null without a segment column.
 */
function segmentNamesOf(emu: ReturnType<typeof createEmulator>, sheetName: string, headerRow: number, idColumn: number, segmentColumn: number, zone: string): string[] | null {
  if (!segmentColumn) return null;
  const sheet = emu.spreadsheet.getSheetByName(sheetName);
  const rows = sheet ? sheet.getLastRow() - headerRow : 0;
  if (!sheet || rows <= 0) return [];
  const ids = sheet.getRange(headerRow + 1, idColumn, rows, 1).getValues();
  const segments = sheet.getRange(headerRow + 1, segmentColumn, rows, 1).getValues();
  const index = createSegmentIndex(createDayReader(zone));
  segments.forEach(([v], i) => {
    if (!isBlank(ids[i][0])) index.indexOf(v);
  });
  return index.names;
}

const lastMs = () => steps[steps.length - 1].ms;

/** Errors thrown inside the emulated script come from another realm: not instanceof Error here. */
function errorText(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}

main().catch((e: unknown) => {
  console.error(say(startMsg('start.failed', { message: errorText(e) })));
  process.exit(1);
});
