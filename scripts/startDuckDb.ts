/**
 * npm start -- --engine duckdb [FILE]: the same report through the SQL engine. DuckDB reads the file
 * (CSV, TSV or Parquet; default the shipped CDNOW log), runs the DuckDB dialect of the cohort and
 * customer-value queries (src/core/sql), and the built dist/Code.js writes the result into the
 * emulator's summary sheet with the same layout as the sheet engine (writeSqlSummary_), so the
 * printed tables and the workbook are the same. The way to analyse an export too big for a sheet.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createEmulator } from '../tools/emulator/index';
import { DuckDb, ROW_COLUMN } from '../tools/duckdb/duckdb';
import { FIRST_ROWS_KEPT } from '../src/core/cohorts/skippedRows';
import { skippedRowsQuery } from '../src/core/sql/skippedRowsQuery';
import { columnLetter } from '../src/addon/sourceSheet';
import {
  cohortQuery, cohortResultRows, duckDb, lapseSuggestionFromRows, proposeSqlRoles, tableQuery,
  type SqlCohortSettings, type SqlColumn, type SqlLogColumns,
} from '../src/core/sql';
import { narrowedValueQueries } from '../src/core/sql/narrowedQueries';
import { DEFAULT_AT_RISK } from '../src/core/models/atRisk';
import { MAX_LIST_ROWS, TOP_CUSTOMERS } from '../src/report/customerValueTables';
import type { SqlSummaryRequest } from '../src/addon/sqlSummary';
import type { SqlCustomerValueRequest } from '../src/addon/sqlCustomerValue';
import type { CustomerValueOutcome, ReportOutcome } from '../src/addon/protocol';
import type { PeriodUnit } from '../src/core/periods';
import { dayInZone } from '../src/core/timeZone';
import { LAPSE_WORDS, printCustomerValue, showNamed, table } from './printSheets';
import { commaList, integer, languageOf, msg, percent, type Param } from '../src/i18n';
import { startMsg, startText } from '../src/i18n/startMessages';
import { anyCostFlag, costRefusalMessage, noCostFlags, refuseCostFlags, type CostFlags } from './costFlags';

export interface DuckDbStartArgs {
  file: string;
  period: string;
  zone: string;
  locale: string;
  out: string;
  root: string;
  /** A customer is lost after this many periods without a purchase (--lapse K). */
  lapse?: number;
  /** The cost to serve (--cost-share, --cost-monthly, --cost-column), as for the sheet engine. */
  costs?: CostFlags;
}

const TABLE = 'log';

const plain = (rows: unknown[][]) => rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

export async function startDuckDb(args: DuckDbStartArgs): Promise<void> {
  // Console lines in the language of --locale, as the workbook's (src/i18n/<lang>/start.ts).
  const language = languageOf(args.locale);
  const say = (message: Param) => startText(message, language);
  const db = await DuckDb.open();
  try {
    let sourceDescription: string;
    const loadStarted = performance.now();
    if (args.file) {
      if (!existsSync(args.file)) throw new Error(say(startMsg('start.noSuchFile', { file: args.file })));
      await db.loadFile(TABLE, args.file);
      sourceDescription = say(startMsg('start.sqlSourceName', { file: basename(args.file) }));
    } else {
      await db.loadCdnow(TABLE, readFileSync(join(args.root, 'examples', 'cdnow', 'CDNOW_master.txt'), 'utf8'));
      sourceDescription = say(startMsg('start.sqlSourceName', { file: 'CDNOW_master.txt' }));
    }
    const loadMs = performance.now() - loadStarted;
    const columns: SqlColumn[] = (await db.columns(TABLE)).filter((c) => c.name !== ROW_COLUMN).map(({ name, type }) => ({ name, type }));
    const sample = await db.query(`SELECT ${columns.map((c) => duckDb.column(c.name)).join(', ')} FROM ${duckDb.table([TABLE])} LIMIT 1000`);
    const proposal = proposeSqlRoles(columns, sample);
    const [rowCount] = (await db.query(`SELECT COUNT(*) FROM ${duckDb.table([TABLE])}`))[0] as [bigint]; // i18n-exempt: SQL
    const shapeWords = startMsg(proposal.shape === 'log' ? 'start.shape.log' : 'start.shape.table');
    console.log(say(startMsg('start.sqlSource', { source: sourceDescription, count: integer(Number(rowCount)), shape: shapeWords, ms: integer(loadMs) })));
    const pick = (i: number): SqlColumn | null => (i >= 0 ? columns[i] : null);
    const { roles } = proposal;
    const shape = proposal.shape;
    const order: SqlColumn = { name: ROW_COLUMN, type: 'integer' };
    const id = pick(roles.id);
    const date = pick(shape === 'log' ? roles.date : roles.signup);
    if (!id || !date) throw new Error(say(startMsg('start.sqlRolesUnclear', { id: msg('source.role.id'), date: msg(shape === 'log' ? 'source.role.date' : 'source.role.signup') })));
    const amount = pick(roles.amount);
    const segment = pick(roles.segment);
    const cancel = shape === 'table' ? pick(roles.cancel) : null;
    const named = Object.entries(shape === 'log' ? { id, date, amount, segment } : { id, signup: date, cancel, revenue: amount, segment }).filter(([, c]) => c);
    const roleWords = { id: 'source.role.id', date: 'source.role.date', amount: 'source.role.amount', segment: 'source.role.segment', signup: 'source.role.signup', cancel: 'source.role.cancel', revenue: 'source.role.revenue' } as const;
    console.log(say(startMsg('start.columns', { list: commaList(named.map(([r, c]) => startMsg('start.sqlColumn', { role: msg(roleWords[r as keyof typeof roleWords]), name: c!.name, type: c!.type }))) })));
    const sqlColumns: SqlLogColumns = { id, date, amount, segment, order };
    // The cost to serve of the Customer value sheet: the rates as given, the cost column by its name.
    const costFlags = args.costs ?? noCostFlags();
    const costColumn = costFlags.column ? columns.find((c) => c.name === costFlags.column) ?? null : null;
    if (costFlags.column && !costColumn) throw new Error(say(startMsg('start.nothingWritten', { reason: startMsg('start.costColumn', { name: costFlags.column, columns: commaList(columns.map((c) => `"${c.name}"`)) }), file: args.out })));
    const costRates = anyCostFlag(costFlags) ? { all: costFlags.all, segments: costFlags.segments } : null;
    const valueColumns: SqlLogColumns = costColumn ? { ...sqlColumns, cost: costColumn } : sqlColumns;

    const settings: SqlCohortSettings = {
      period: args.period as PeriodUnit, weekStart: 'monday', timeZone: args.zone, mode: 'in', lapseAfter: args.lapse ?? 1, refundsAreActivity: false,
      asOfDay: null, segment: null, bySegment: segment !== null,
    };
    // A table may hold scheduled cancellations: without an as-of day it stops today, as in a sheet.
    const today = dayInZone(Date.now(), args.zone);
    const sql = shape === 'log'
      ? cohortQuery(duckDb, { table: [TABLE] }, sqlColumns, settings)
      : tableQuery(duckDb, { table: [TABLE] }, { id, signup: date, cancel, revenue: amount, segment, order }, { ...settings, today });
    const started = performance.now();
    const rows = plain(await db.query(sql));
    const queryMs = performance.now() - started;
    // The cost flags against the data before anything is written: a segment it lacks (the cohort rows name each
    // segment as the sheet does), or no amounts to charge a cost against.
    const hasAmounts = shape === 'log' && !!sqlColumns.amount;
    const segmentNames = hasAmounts && segment ? cohortResultRows(rows).filter((r) => r.kind === 'segment').map((r) => r.label ?? '') : null;
    const refusal = refuseCostFlags(costFlags, hasAmounts, segmentNames);
    if (refusal) throw new Error(say(costRefusalMessage(refusal, shape, args.out)));
    // The rows a note names, as the sheet engine names them: the first few of every reason, by their line in the file
    // (the header is line 1, data row k line k + 1), with the cell the note quotes; and the columns named as the sheet
    // engine names a CSV's (column A ("customer_id")), so the notes read the same.
    const skippedRowNumbers: Record<string, number[]> = {};
    const skippedRowValues: Record<string, string> = {};
    let messageColumns: SqlSummaryRequest['messageColumns'];
    if (shape === 'log' && args.file) {
      for (const [reason, ord, value] of plain(await db.query(skippedRowsQuery(duckDb, { table: [TABLE] }, sqlColumns, settings, FIRST_ROWS_KEPT)))) {
        const rowsOf = (skippedRowNumbers[String(reason)] ??= []);
        if (rowsOf.length === 0 && value !== null && value !== undefined) skippedRowValues[String(reason)] = String(value);
        rowsOf.push(Number(ord) + 1);
      }
      const named = (c: SqlColumn) => say(msg('source.column', { ref: msg('source.columnRef', { letter: columnLetter(columns.indexOf(c) + 1), header: c.name.trim() }) }));
      messageColumns = { id: named(id), date: named(date), amount: amount ? named(amount) : null };
    }
    if (shape === 'log') {
      // As the default engine says it, from the same returns (every row here, not the first 300,000).
      const k = settings.lapseAfter;
      const s = lapseSuggestionFromRows(cohortResultRows(rows));
      const words = LAPSE_WORDS[settings.period] ?? LAPSE_WORDS.month;
      const suggestion = s
        ? msg('sidebar.lapse.suggestion', { count: integer(s.periods), share: percent(s.share, 0), span: msg(words[1], { count: integer(s.periods) }) })
        : msg('sidebar.lapse.none');
      console.log(say(startMsg('start.lapse', { label: msg('sidebar.lapse.label'), count: integer(k), unit: msg(words[0], { count: integer(k) }), suggestion })));
    }

    const emu = createEmulator({ spreadsheetTimeZone: args.zone, locale: args.locale, spreadsheetName: say(startMsg('start.workbookName')) });
    emu.load(join(args.root, 'dist', 'Code.js'));
    emu.call('onOpen', { authMode: 'FULL' });
    const request: SqlSummaryRequest = {
      settings,
      columns: { id: id.name, date: date.name, amount: amount?.name ?? null, segment: segment?.name ?? null, cancel: cancel?.name ?? null },
      shape,
      today,
      rows,
      sourceDescription,
      detailLines: [['DuckDB', say(startMsg('start.sqlEngine', { rows: integer(rows.length) }))]], // i18n-exempt: the engine's name
      skippedRowNumbers,
      skippedRowValues,
      ...(messageColumns ? { messageColumns } : {}),
    };
    emu.resetCalls();
    const written = performance.now();
    const outcome = emu.call('writeSqlSummary_', request) as ReportOutcome;
    console.log(`\n${say(startMsg('start.sqlSummaryDone', { message: outcome.message, query: integer(queryMs), sheet: integer(performance.now() - written), calls: integer(emu.calls.total) }))}\n`);

    // The tables under the titles the summary sheet gives them, as the sheet engine prints them.
    const show = (name: string, title: Parameters<typeof msg>[0]) => showNamed(emu, name, say(msg(title)));
    show('RetentionPerPeriod', 'summary.perPeriod.title');
    show('CohortCustomers', 'summary.matrix.customers');
    show('CohortRetention', 'summary.matrix.retention');

    if (shape === 'log' && sqlColumns.amount) {
      // The BigQuery build's two narrowed queries (src/core/sql/narrowedQueries.ts): the fits' grouped rows with
      // the totals per group, then only the customers the sheet can list — not one row per customer.
      const t0 = performance.now();
      const horizon = { horizonMonths: 12, monthlyDiscountRate: 0.01 };
      const lists = { ...DEFAULT_AT_RISK };
      const queries = narrowedValueQueries(duckDb, { table: [TABLE] }, valueColumns, { timeZone: args.zone, endDay: null, refundsAreActivity: false, topShare: lists.topShare }, horizon, lists, { topRows: TOP_CUSTOMERS, listRows: MAX_LIST_ROWS }, costRates);
      const modelRows = plain(await db.query(queries.groupsSql));
      const model = queries.fit(modelRows);
      const { r, alpha, a, b } = model.bgNbd.params;
      const { p, q, v } = model.gammaGamma.params;
      const f = (x: number) => x.toFixed(4); // as the sheet's model block shows them
      console.log(
        say(startMsg('start.sqlModel', { histories: integer(model.histories), groups: integer(model.spendGroups), count: integer(model.customers), ms: integer(performance.now() - t0) })) + '\n' +
          table([
            ['r', 'alpha', 'a', 'b', 'p', 'q', 'v', 'BG/NBD LL', 'Gamma-Gamma LL', say(startMsg('start.sqlConverged'))], // i18n-exempt: the parameters' notation (LL: log-likelihood)
            [f(r), f(alpha), f(a), f(b), f(p), f(q), f(v), model.bgNbd.logLikelihood.toFixed(1), model.gammaGamma.logLikelihood.toFixed(1), String(model.bgNbd.converged && model.gammaGamma.converged)],
          ]) + '\n',
      );
      // The Customer value sheet, as the sidebar writes it for a sheet: totals and the lists' lengths from the
      // group rows, the listed customers from the candidates, scored in the bundle with the same fit.
      const t1 = performance.now();
      const customerRows = plain(await db.query(queries.candidatesSql(modelRows, model)));
      const valueRequest: SqlCustomerValueRequest = {
        modelRows, customerRows, narrowed: true, fitted: model, ...horizon, lists, asOfChosen: false, sourceDescription,
        // Labelled in the workbook's language as the BigQuery build labels them (runValue.ts), not by the role's key.
        columnLines: [
          [say(msg('source.label.id')), id.name], [say(msg('source.label.date')), date.name], [say(msg('source.label.amount')), amount!.name],
          ...(segment ? [[say(msg('source.label.segment')), segment.name] as [string, string]] : []),
        ],
        segmentColumn: segment?.name ?? '',
        names: messageColumns ? { id: messageColumns.id, date: messageColumns.date, amount: messageColumns.amount! } : { id: id.name, date: date.name, amount: amount!.name },
        skippedRowNumbers,
        skippedRowValues,
        ...(costRates ? { costs: costRates } : {}),
        ...(costColumn ? { costColumn: costColumn.name } : {}),
      };
      let value: { message: string; warnings: string[] };
      try {
        value = emu.call('writeSqlCustomerValue_', valueRequest) as CustomerValueOutcome;
      } catch (e) {
        value = { message: say(startMsg('start.valueFailed', { reason: (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '') })), warnings: [] };
      }
      const kinds = (kind: string) => modelRows.filter((row) => row[0] === kind).length;
      console.log(say(startMsg('start.sqlValueDone', { message: value.message, rows: integer(modelRows.length), groups: integer(kinds('group')), count: integer(customerRows.length), ms: integer(performance.now() - t1) })));
      for (const warning of value.warnings) console.log(`  ! ${warning}`);
      console.log('');
      printCustomerValue(emu);
    }
    mkdirSync(dirname(args.out), { recursive: true });
    await emu.exportXlsx(args.out);
    console.log(say(startMsg('start.written', { file: args.out, sheets: commaList(emu.spreadsheet.getSheets().map((s) => s.getName())) })));
  } finally {
    db.close();
  }
}
