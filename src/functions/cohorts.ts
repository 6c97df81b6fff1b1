import { UserError } from '../core/errors';
import { columnOf, isBlank, isDateValue, toColumn, type CellValue } from '../core/cells';
import { numberLocale } from '../core/numbers';
import { parsePeriodScheme } from '../core/periods';
import { dayInZone } from '../core/timeZone';
import { dateFormOf, readDateText, type DateForm } from '../core/textDates';
import {
  cohortPartialNote,
  cohortSpill,
  computeCohortMatrices,
  computeCohortReport,
  dateCell,
  parseCohortShow,
  parseCustomerTable,
  parseRetentionMode,
  parseTransactionLog,
  periodSpill,
  MAX_LAPSE_PERIODS,
  type CohortData,
  type CohortOptions,
} from '../core/cohorts';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, describer } from './args';
import { withSkippedNote } from './skippedNote';
import { languageOf, msg } from '../i18n';
import { integer } from '../i18n/messages';
import { choicesOf, matchWord, REFUND_WORDS } from '../i18n/optionWords';

/**
 * =COHORTS and =RETENTION_BY_PERIOD: the cohort engine as spilled formulas, over a transaction log
 *   =COHORTS(customer_ids, dates, [period], [show], [amounts], [mode], [lapse_after], [refunds])
 *   =RETENTION_BY_PERIOD(customer_ids, dates, [period], [amounts], [lapse_after], [refunds])
 * or over a customer table, told apart by a first column that holds dates
 *   =COHORTS(signup_dates, cancel_dates, [period], [show], [revenue])
 *   =RETENTION_BY_PERIOD(signup_dates, cancel_dates, [period], [revenue])
 * Row numbers in messages count from the first row of the ranges.
 */

const LOG_COHORTS = '(customer_ids, dates, [period], [show], [amounts], [mode], [lapse_after], [refunds])';
const TABLE_COHORTS = '(signup_dates, cancel_dates, [period], [show], [revenue])';
const LOG_PERIODS = '(customer_ids, dates, [period], [amounts], [lapse_after], [refunds])';
const TABLE_PERIODS = '(signup_dates, cancel_dates, [period], [revenue])';

/** Three groups of digits split by the same separator: how every locale's numeric date starts. */
const NUMERIC_DATE_SHAPE = /^\s*\d{1,4}\s*([./-])\s*\d{1,4}\s*\1/;

/**
 * The first column is a customer table's signup dates: its first value below an optional header is a
 * date — a date cell or date text as the log forms read it (ISO, or the spreadsheet locale's own form).
 */
export function firstColumnHoldsDates(value: CellValue, dateForm: () => DateForm | null): boolean {
  if (!Array.isArray(value)) return false;
  let seen = 0;
  let form: DateForm | null | undefined;
  // Row by row as toGrid reads a range, without copying a million-row range to look at its first rows.
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    const v = (Array.isArray(row) ? row[0] : row) as CellValue;
    if (isBlank(v)) continue;
    if (isDateValue(v)) return true;
    // Only whether text reads as a day matters here, not which day: UTC will do. The locale is asked
    // for only when the text has the shape of a numeric date (an id such as "C-12" never needs it).
    if (typeof v === 'string') {
      if (form === undefined && NUMERIC_DATE_SHAPE.test(v)) form = dateForm();
      if (!Number.isNaN(readDateText(v, form ?? null, (ms) => Math.floor(ms / 86_400_000)))) return true;
    }
    if (++seen > 1) return false; // the first non-blank may be a header ("Signup date"), the second must be a date
  }
  return false;
}

function hasArg(v: CellValue | undefined): boolean {
  return v !== undefined && !isBlank(v);
}

function readLog(fn: string, env: SheetEnv, ids: CellValue, dates: CellValue, amounts: CellValue | undefined): CohortData {
  const withAmounts = hasArg(amounts);
  return parseTransactionLog(
    {
      customerIds: columnOf(ids, 'customer_ids', fn),
      dates: columnOf(dates, 'dates', fn),
      amounts: withAmounts ? columnOf(amounts!, 'amounts', fn) : null,
      names: { customerIds: 'customer_ids', dates: 'dates', amounts: 'amounts' },
    },
    {
      timeZone: env.timeZone(),
      firstRowNumber: 1,
      rowsOfRange: true,
      numberLocale: withAmounts ? numberLocale(env.locale()) : undefined,
      dateForm: () => dateFormOf(env.locale()),
      // The log lives only until the formula returns.
      reuseRowArrays: true,
    },
  );
}

/**
 * Each row of a customer table is one customer; ids are the rows of the range, blank where the row is
 * blank. The dates are read as the log forms read them (date cells, ISO or the locale's date text, a
 * header row recognised by the same rule, rows named as rows of the range).
 */
function readTable(fn: string, env: SheetEnv, signups: CellValue, cancels: CellValue, revenue: CellValue | undefined): CohortData {
  const withRevenue = hasArg(revenue);
  const signupDates = toColumn(signups, 'signup_dates', fn);
  const cancelDates = toColumn(cancels, 'cancel_dates', fn);
  const revenueColumn = withRevenue ? toColumn(revenue!, 'revenue', fn) : null;
  const ids = signupDates.map((s, i) => (isBlank(s) && isBlank(cancelDates[i]) && (!revenueColumn || isBlank(revenueColumn[i])) ? '' : i + 1));
  return parseCustomerTable(
    {
      customerIds: ids,
      signupDates,
      cancelDates,
      revenue: revenueColumn,
      names: { customerIds: 'signup_dates', signupDates: 'signup_dates', cancelDates: 'cancel_dates', revenue: 'revenue' },
    },
    {
      timeZone: env.timeZone(),
      firstRowNumber: 1,
      rowsOfRange: true,
      idsFromRows: true,
      numberLocale: withRevenue ? numberLocale(env.locale()) : undefined,
      dateForm: () => dateFormOf(env.locale()),
    },
  );
}

/**
 * A table may hold dates still to come (cancellations already scheduled): the formula then looks at
 * it as of today, as the sidebar's report does, rather than showing the future as observed.
 */
function tableAsOf(table: CohortData, env: SheetEnv): number | null {
  const today = dayInZone(Date.now(), env.timeZone());
  return table.lastDay > today ? today : null;
}

function arity(fn: string, args: CellValue[], max: number, usage: string): void {
  if (args.length < 2 || args.length > max) throw new UserError(msg('fn.takes', { fn, usage, count: args.length }));
}

/** lapse_after: blank = 1; else a whole number of periods from 1 to MAX_LAPSE_PERIODS. */
function readLapse(reader: ArgReader, value: CellValue | undefined): number {
  if (!hasArg(value)) return 1;
  const expected = msg('fn.expect.lapse', { max: integer(MAX_LAPSE_PERIODS), example: integer(3) });
  const cell = { arg: 'lapse_after', row: null, col: null, value: value! };
  const k = reader.number(cell, expected);
  if (!Number.isInteger(k) || k < 1 || k > MAX_LAPSE_PERIODS) reader.fail(cell, expected);
  return k;
}

/** refunds: blank or "revenue" = negative amounts count in revenue only; "activity" = also as purchases (any language's words, TRUE/FALSE). */
function readRefunds(reader: ArgReader, value: CellValue | undefined): boolean {
  if (!hasArg(value)) return false;
  if (typeof value === 'boolean') return value;
  const choice = typeof value === 'string' ? matchWord(REFUND_WORDS, value) : null;
  if (choice === null) {
    throw new UserError(msg('fn.refundsMustBe', {
      arg: 'refunds',
      choices: choicesOf(REFUND_WORDS),
      got: reader.describe(value!),
      revenue: choicesOf(REFUND_WORDS, ['revenue']),
      activity: choicesOf(REFUND_WORDS, ['activity']),
    }));
  }
  return choice === 'activity';
}

export function cohorts(env: SheetEnv, args: CellValue[]): unknown[][] {
  const fn = 'COHORTS';
  const table = firstColumnHoldsDates(args[0], () => dateFormOf(env.locale()));
  arity(fn, args, table ? 5 : 8, table ? TABLE_COHORTS : LOG_COHORTS);
  const [first, second, period, showArg, amounts, modeArg, lapseArg, refundsArg] = args;
  const describe = describer(env);
  const show = parseCohortShow(showArg, 'show', describe);
  const scheme = parsePeriodScheme(period, 'period', describe);
  if (show === 'revenue' && !hasArg(amounts)) {
    throw new UserError(msg('fn.showRevenue', { arg: table ? 'revenue' : 'amounts' }));
  }
  let data: CohortData;
  let options: CohortOptions;
  if (table) {
    data = readTable(fn, env, first, second, amounts);
    options = { period: scheme.unit, weekStart: scheme.weekStart, asOfDay: tableAsOf(data, env) };
  } else {
    const reader = new ArgReader(fn, env);
    data = readLog(fn, env, first, second, amounts);
    options = {
      period: scheme.unit,
      weekStart: scheme.weekStart,
      mode: parseRetentionMode(modeArg, 'mode', describe),
      lapseAfter: readLapse(reader, lapseArg),
      refundsAreActivity: readRefunds(reader, refundsArg),
    };
  }
  const report = computeCohortMatrices(data, options);
  // Headers and notes in the spreadsheet's language: everyone reads the same cells.
  const language = languageOf(env.locale());
  const grid = cohortSpill(report.total, show, dateCell(env.timeZone()), language);
  // The partial last period first, right under the matrix whose cells it is about; then skipped rows.
  const partial = cohortPartialNote(report.periods, report.lastDay, data.kind, report.options.period, language);
  if (partial !== null) grid.push([partial, ...new Array<string>(grid[0].length - 1).fill('')]);
  return withSkippedNote(grid, report.skipped, language);
}

export function retentionByPeriod(env: SheetEnv, args: CellValue[]): unknown[][] {
  const fn = 'RETENTION_BY_PERIOD';
  const table = firstColumnHoldsDates(args[0], () => dateFormOf(env.locale()));
  arity(fn, args, table ? 4 : 6, table ? TABLE_PERIODS : LOG_PERIODS);
  const [first, second, period, amounts, lapseArg, refundsArg] = args;
  const scheme = parsePeriodScheme(period, 'period', describer(env));
  let data: CohortData;
  let options: CohortOptions;
  if (table) {
    data = readTable(fn, env, first, second, amounts);
    options = { period: scheme.unit, weekStart: scheme.weekStart, asOfDay: tableAsOf(data, env) };
  } else {
    const reader = new ArgReader(fn, env);
    data = readLog(fn, env, first, second, amounts);
    options = { period: scheme.unit, weekStart: scheme.weekStart, lapseAfter: readLapse(reader, lapseArg), refundsAreActivity: readRefunds(reader, refundsArg) };
  }
  const report = computeCohortReport(data, options);
  const language = languageOf(env.locale());
  return withSkippedNote(periodSpill(report.total.perPeriod, data.kind, dateCell(env.timeZone()), language, scheme), report.skipped, language);
}
