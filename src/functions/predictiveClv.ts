import { UserError } from '../core/errors';
import { columnOf, isBlank, isDateValue, isSheetsErrorText, type CellValue } from '../core/cells';
import { numberLocale, parseNumberText } from '../core/numbers';
import { dateFormOf, readDateText, type DateForm } from '../core/textDates';
import { parseTransactionLog, dateCell, type SkippedRows } from '../core/cohorts';
import {
  customerLists,
  DEFAULT_AT_RISK,
  DEFAULT_HORIZON_MONTHS,
  DEFAULT_MONTHLY_DISCOUNT,
  LIST_HEADERS,
  MAX_SHEET_HORIZON_MONTHS,
  scoreParsedLog,
  type CustomerValueResult,
  type ListRow,
} from '../core/models';
import type { SheetEnv } from '../addon/sheetEnv';
import { ArgReader, describer } from './args';
import { descendingOrder } from '../core/sortOrder';
import { skippedNoteText, withSkippedNote } from './skippedNote';
import { msg, render, t, type MessageKey } from '../i18n/catalogue';
import { languageOf, type Language } from '../i18n/languages';
import { decimal, integer, percent } from '../i18n/messages';
import { choicesOf, CLV_OUTPUT_WORDS, matchWord } from '../i18n/optionWords';

/**
 * =CLV(customer_ids, dates, amounts, [horizon_months], [monthly_discount_rate], [output]): the
 * predictive form (BG/NBD + Gamma-Gamma), told apart from =CLV(value, churn, [discount]) by a second
 * argument holding dates. The observation ends on the last date in the data.
 */

/**
 * Whether a call is the predictive form. It is when the second argument is a range whose first cell
 * that decides holds a date (a date cell or date text: ISO or the locale's form), and the formula
 * form when it holds a number or number text; blanks, error values and other text (a header row,
 * unreadable dates) decide nothing — a column of nothing but such text is taken as dates, so the
 * message names the rows that are not dates. Four or more arguments with a range there are always
 * the predictive form (the formula form takes at most three).
 */
export function isPredictiveCall(args: CellValue[], env: SheetEnv): boolean {
  if (args.length < 3 || !Array.isArray(args[1])) return false;
  if (args.length > 3) return true;
  let form: DateForm | null | undefined;
  let locale: ReturnType<typeof numberLocale> | undefined;
  let sawText = false;
  for (const row of args[1] as unknown[]) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (isBlank(v) || isSheetsErrorText(v)) continue;
      if (isDateValue(v)) return true;
      if (typeof v !== 'string') return false;
      if (form === undefined) form = dateFormOf(env.locale());
      if (!Number.isNaN(readDateText(v, form, (ms) => Math.floor(ms / 86_400_000)))) return true;
      locale ??= numberLocale(env.locale());
      if (parseNumberText(v, locale).ok) return false;
      sawText = true;
    }
  }
  return sawText;
}

export function fitLog(env: SheetEnv, args: CellValue[]): { result: CustomerValueResult; ids: (string | number)[]; timeZone: string; skipped: SkippedRows } {
  if (args.length > 6) {
    throw new UserError(msg('fn.clvPredictiveArity', { count: integer(args.length) }));
  }
  const reader = new ArgReader('CLV', env);
  const [ids, dates, amounts, horizonArg, rateArg] = args;
  const horizonCell = { arg: 'horizon_months', row: null, col: null, value: horizonArg };
  const horizonExpected = msg('fn.expect.horizon', { max: integer(MAX_SHEET_HORIZON_MONTHS), example: integer(12) });
  const horizon = isBlank(horizonArg) ? DEFAULT_HORIZON_MONTHS : reader.number(horizonCell, horizonExpected);
  if (!(horizon > 0 && horizon <= MAX_SHEET_HORIZON_MONTHS) || !Number.isInteger(horizon)) reader.fail(horizonCell, horizonExpected);
  const rateCell = { arg: 'monthly_discount_rate', row: null, col: null, value: rateArg };
  const rateExpected = msg('fn.expect.monthlyRate', { example: decimal(0.01), examplePercent: percent(0.01) });
  const rate = isBlank(rateArg) ? DEFAULT_MONTHLY_DISCOUNT : reader.number(rateCell, rateExpected);
  if (!(rate >= 0 && rate < 1)) reader.fail(rateCell, rateExpected);
  const timeZone = env.timeZone();
  const log = parseTransactionLog(
    {
      customerIds: columnOf(ids, 'customer_ids', 'CLV'),
      dates: columnOf(dates, 'dates', 'CLV'),
      amounts: columnOf(amounts, 'amounts', 'CLV'),
      names: { customerIds: 'customer_ids', dates: 'dates', amounts: 'amounts' },
    },
    { timeZone, firstRowNumber: 1, rowsOfRange: true, numberLocale: numberLocale(env.locale()), dateForm: () => dateFormOf(env.locale()) },
  );
  const result = scoreParsedLog(log, { horizonMonths: horizon, monthlyDiscountRate: rate });
  return { result, ids: log.customerIds, timeZone, skipped: log.skipped };
}

type Output = keyof typeof CLV_OUTPUT_WORDS;

/** The output argument in any of the catalogue's languages, case, accents and spacing aside ("At risk", "at-risk"). */
function readOutput(env: SheetEnv, value: CellValue): Output {
  const output = isBlank(value) ? 'customers' : typeof value === 'string' ? matchWord(CLV_OUTPUT_WORDS, value) : null;
  if (!output) throw new UserError(msg('options.mustBe', { arg: 'output', choices: choicesOf(CLV_OUTPUT_WORDS), got: describer(env)(value) }));
  return output;
}

export function predictiveClv(env: SheetEnv, args: CellValue[]): unknown[][] {
  const output = readOutput(env, args[5]);
  const { result, ids, timeZone, skipped } = fitLog(env, args);
  const day = dateCell(timeZone);
  // Headers and notes in the spreadsheet's language: everyone reads the same cells.
  const language = languageOf(env.locale());
  if (output === 'model') {
    const rows = modelRows(result, day, language);
    const note = skippedNoteText(skipped, language);
    return note === null ? rows : [...rows, [t(language, 'cv.note'), note]];
  }
  const lists = output === 'customers' ? null : customerLists(result, DEFAULT_AT_RISK);
  const grid = lists === null ? customerRows(result, ids, day, language) : listRows(output === 'atRisk' ? lists.atRisk : lists.lapsed, ids, day, language);
  return withSkippedNote(withCautions(grid, result, language), skipped, language);
}

/**
 * A list's numbers read as sound unless something says otherwise: each reason not to trust the model
 * (the "model" output's Warning rows, the Customer value sheet's Caution rows) as a row right under
 * the list, its text alone in the first cell, as the note on skipped rows below it.
 */
function withCautions(grid: unknown[][], r: CustomerValueResult, language: Language): unknown[][] {
  // Under a header alone too: an empty at-risk list from a model not to be trusted must not read as "nobody at risk".
  // Nothing at all (no header): nothing to put a row under.
  if (grid.length === 0) return grid;
  const width = grid[0].length;
  for (const warning of r.summary.warnings) grid.push([t(language, 'cv.cautionRow', { reason: warning.message }), ...new Array<string>(width - 1).fill('')]);
  return grid;
}

function customerRows(r: CustomerValueResult, ids: (string | number)[], day: (d: number) => Date, language: Language): unknown[][] {
  const c = r.customers;
  const horizon = t(language, 'cv.horizon', { count: integer(r.summary.horizonMonths) });
  const order = byClvDescending(c.clv, ids.length);
  const grid: unknown[][] = [
    [
      t(language, 'cv.col.customer'), t(language, 'cv.col.purchases'), t(language, 'cv.col.alive'), t(language, 'cv.col.expectedPurchases', { horizon }),
      t(language, 'cv.col.averageValue'), t(language, 'cv.col.clv'), t(language, 'cv.col.pastValue'), t(language, 'cv.col.lastPurchase'),
    ],
  ];
  addCustomerRows(grid, order, ids, c.purchases, c.probabilityAlive, c.expectedPurchases, c.expectedAverageValue, c.clv, c.pastValue, c.lastPurchaseDay, day);
  // A customer with refunds only made no purchase, so the model predicts nothing for them; their
  // refunds still count in past value, so they are listed last with it, named and counted in a note.
  let refundOnly = 0;
  for (let i = 0; i < ids.length; i++) {
    if (Number.isFinite(c.clv[i])) continue;
    grid.push([ids[i], c.purchases[i], '', '', '', '', c.pastValue[i], '']);
    refundOnly++;
  }
  if (refundOnly > 0) grid.push([t(language, 'cv.refundOnlyCustomers', { count: integer(refundOnly) }), ...new Array<string>(grid[0].length - 1).fill('')]);
  return grid;
}

// A row per customer, from the columns taken apart: the loop checks no object's hidden class (such
// classes die at a full collection, and compiled code that checked them with them).
function addCustomerRows(
  grid: unknown[][],
  order: Int32Array,
  ids: (string | number)[],
  purchases: Int32Array,
  probabilityAlive: Float64Array,
  expectedPurchases: Float64Array,
  expectedAverageValue: Float64Array,
  clv: Float64Array,
  pastValue: Float64Array,
  lastPurchaseDay: Float64Array,
  day: (d: number) => Date,
): void {
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    grid.push([ids[i], purchases[i], probabilityAlive[i], expectedPurchases[i], expectedAverageValue[i], clv[i], pastValue[i], day(lastPurchaseDay[i])]);
  }
}

/** Customers with a CLV, highest first (ties in customer order): a radix sort, no comparator per pair. */
function byClvDescending(clv: Float64Array, n: number): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(clv[i])) kept.push(i);
  const order = descendingOrder(Float64Array.from(kept, (i) => clv[i]));
  return order.map((k) => kept[k]);
}

/** The at-risk or lapsed list with the default thresholds, every qualifying customer; a blank where no number. */
function listRows(rows: ListRow[], ids: (string | number)[], day: (d: number) => Date, language: Language): unknown[][] {
  const orBlank = (v: number) => (Number.isFinite(v) ? v : '');
  const grid: unknown[][] = [LIST_HEADERS.map((key) => t(language, key))];
  for (const r of rows) {
    grid.push([ids[r.index], r.probabilityAlive, r.pastValue, orBlank(r.expectedLoss), orBlank(r.clv), orBlank(r.clvIfActive), r.purchases,
      day(r.lastPurchaseDay), r.daysSinceLast, orBlank(r.usualGapDays), r.recency ? render(r.recency, language) : '']);
  }
  return grid;
}

function modelRows(r: CustomerValueResult, day: (d: number) => Date, language: Language): unknown[][] {
  const s = r.summary;
  const label = (key: MessageKey) => render({ key, params: {} }, language);
  const rows: unknown[][] = [
    ['r', s.r],
    ['alpha', s.alpha],
    ['a', s.a],
    ['b', s.b],
    ['p', s.p],
    ['q', s.q],
    ['v', s.v],
    [label('cv.model.bgLikelihood'), s.bgNbdLogLikelihood],
    [label('cv.model.ggLikelihood'), s.gammaGammaLogLikelihood],
    [label('cv.model.bgConverged'), s.bgNbdConverged],
    [label('cv.model.ggConverged'), s.gammaGammaConverged],
    [label('cv.model.unit'), label(s.unit === 'days' ? 'cv.model.unitDays' : 'cv.model.unitWeeks')],
    [label('cv.model.customers'), s.customers],
    [label('cv.model.spendCustomers'), s.spendCustomers],
    [label('cv.observationEnd'), day(s.endDay)],
    [label('cv.model.horizon'), s.horizonMonths],
    [label('cv.model.discount'), s.monthlyDiscountRate],
    [label('cv.model.correlation'), s.spendFrequencyCorrelation],
  ];
  for (const warning of s.warnings) rows.push([label('cv.warning'), render(warning.message, language)]);
  for (const note of s.notes) rows.push([label('cv.note'), render(note, language)]);
  return rows;
}
