// From a transaction log to fitted models and one row of predictions per customer: the engine behind the
// =CLV(ids, dates, amounts, …) formula and the sidebar's "Customer value" sheet.
import { msg } from '../../i18n/catalogue';
import type { AnyMessage } from '../../i18n/messages';
import { allOf, date, integer } from '../../i18n/messages';
import { bgNbdExpectedPurchasesIfAlive, bgNbdProbabilityAlive, type BgNbdFit, fitBgNbdData } from './bgnbd';
import { prepareBgNbdData } from './bgnbdLikelihood';
import { checkClvHorizon, type ClvHorizon, discountedExpectedPurchases } from './clv';
import { fitGammaGamma, gammaGammaExpectedValue, type GammaGammaFit } from './gammagamma';
import { type LeftOutOfSpend, type RfmSummary, summarizeRfm, type TransactionLog } from './rfm';
import { parseTimeUnit, type TimeUnit } from './timeUnits';
import { modelWarnings, type ModelWarning } from './trust';

export interface ScoreOptions {
  /** Last day of the observation period (day number, inclusive). Default: the last day in the log. */
  endDay?: number;
  /** Whole months to predict, 1 … 1200. Default 12. */
  horizonMonths?: number;
  /** Monthly discount rate for the CLV, ≥ 0. Default 0.01 (1% a month). */
  monthlyDiscountRate?: number;
  /** Time unit the models are fitted in; affects α and the reported recency/age only. Default 'weeks'. */
  unit?: TimeUnit;
  /** Number of customers (length of the output columns). Default: largest customer index + 1. */
  customerCount?: number;
}

/**
 * Per-customer columns, indexed by customer index. Customers without a purchase on or before the end day have
 * purchases 0, pastValue 0 and NaN elsewhere (the adapter should show them blank).
 */
export interface CustomerScores {
  /** Transactions (distinct purchase days) on or before the end day: x + 1. */
  purchases: Int32Array;
  /** P(alive | x, t_x, T) at the end day. */
  probabilityAlive: Float64Array;
  /** Expected purchases in the horizon (undiscounted). */
  expectedPurchases: Float64Array;
  /** Gamma-Gamma expected value per future purchase (the population mean for customers without repeat spend). */
  expectedAverageValue: Float64Array;
  /** Discounted expected value of the purchases in the horizon. */
  clv: Float64Array;
  /** Day number of the last purchase on or before the end day. */
  lastPurchaseDay: Float64Array;
  /** Sum of amounts on or before the end day, refunds included. */
  pastValue: Float64Array;
}

/** The fitted models and what went into them, flat for a summary table. */
export interface ModelSummary {
  unit: TimeUnit;
  endDay: number;
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** Length of the per-customer columns. */
  customerCount: number;
  /** Customers with a purchase on or before the end day (the BG/NBD sample). */
  customers: number;
  /** Customers with repeat purchases of positive amount (the Gamma-Gamma sample). */
  spendCustomers: number;
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  v: number;
  bgNbdLogLikelihood: number;
  gammaGammaLogLikelihood: number;
  bgNbdConverged: boolean;
  gammaGammaConverged: boolean;
  /** Repeat transaction days left out of the spend model (refunds, zero and missing amounts). */
  leftOutOfSpend: LeftOutOfSpend;
  /** Rows dated after the end day, ignored. */
  rowsAfterEnd: number;
  /**
   * Pearson correlation of customers' repeat-purchase count and average spend. The Gamma-Gamma model assumes
   * these are independent; a value far from 0 (say |ρ| > 0.3) makes the value predictions doubtful.
   */
  spendFrequencyCorrelation: number;
  /** Sentences for the user: fits that did not converge, amounts left out, rows ignored. */
  notes: AnyMessage[];
  /** Why the predictions should not be taken at face value (see trust.ts); empty when the fit is sound. */
  warnings: ModelWarning[];
}

export interface CustomerValueResult {
  customers: CustomerScores;
  summary: ModelSummary;
  rfm: RfmSummary;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/**
 * Fits BG/NBD (purchases) and Gamma-Gamma (spend) to a transaction log and scores every customer.
 *
 * @param log Parallel columns: dense customer index (0 … n−1), day number (days since 1970-01-01, calendar
 *   day already resolved), amount (NaN/null/undefined = none). Rows on the same customer-day are one purchase.
 * @param options End day, horizon in months, monthly discount rate, time unit; see {@link ScoreOptions}.
 * @returns Per-customer columns ({@link CustomerScores}), the flat {@link ModelSummary}, and the RFM summary and
 *   fits behind them.
 * @throws UserError for malformed input (named row and column), fewer than 10 customers, nobody with a repeat
 *   purchase, fewer than 10 customers with positive repeat spend, or a bad horizon/discount rate.
 *   A fit that does not converge does not throw: see `summary.bgNbdConverged`, `gammaGammaConverged`, `notes`.
 *
 * @example
 *   const { customers, summary } = scoreCustomers({ customer, day, amount }, { endDay, horizonMonths: 12 });
 *   customers.clv[i]   // discounted 12-month value of customer i
 */
export function scoreCustomers(log: TransactionLog, options: ScoreOptions = {}): CustomerValueResult {
  const unit = parseTimeUnit(options.unit ?? 'weeks');
  const horizon: ClvHorizon = {
    horizonMonths: options.horizonMonths ?? 12,
    monthlyDiscountRate: options.monthlyDiscountRate ?? 0.01,
    unit,
  };
  checkClvHorizon(horizon);

  const rfm = summarizeRfm(log, { endDay: options.endDay, unit, customerCount: options.customerCount });
  const data = prepareBgNbdData(rfm);
  const bgNbd = fitBgNbdData(data);
  const gammaGamma = fitGammaGamma(rfm.spendCount, rfm.monetary);
  return scoreWith(rfm, data, bgNbd, gammaGamma, horizon);
}

/**
 * Scores every customer of an RFM summary with models fitted elsewhere: the SQL engine fits them on
 * grouped histories (src/core/sql/rfmModel.ts) and scores the customers it brings back with them.
 */
export function scoreFitted(rfm: RfmSummary, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit, horizon: ClvHorizon): CustomerValueResult {
  checkClvHorizon(horizon);
  return scoreWith(rfm, prepareBgNbdData(rfm), bgNbd, gammaGamma, horizon);
}

function scoreWith(rfm: RfmSummary, data: ReturnType<typeof prepareBgNbdData>, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit, horizon: ClvHorizon): CustomerValueResult {
  const unit = horizon.unit;
  const groups = data.x.length;
  const groupAlive = new Float64Array(groups);
  const groupPurchases = new Float64Array(groups);
  const groupDiscounted = new Float64Array(groups);
  const { r, alpha, a, b } = bgNbd.params;
  predictGroups(r, alpha, a, b, horizon.horizonMonths, horizon.monthlyDiscountRate, unit, data.x, data.tx, data.T, data.tIndex, data.tValues.length, groupAlive, groupPurchases, groupDiscounted);

  const n = rfm.customerCount;
  const customers: CustomerScores = {
    purchases: rfm.transactionDays,
    probabilityAlive: new Float64Array(n).fill(NaN),
    expectedPurchases: new Float64Array(n).fill(NaN),
    expectedAverageValue: new Float64Array(n).fill(NaN),
    clv: new Float64Array(n).fill(NaN),
    lastPurchaseDay: rfm.lastDay,
    pastValue: rfm.pastValue,
  };
  const { p, q, v } = gammaGamma.params;
  scoreCustomerRows(p, q, v, data.groupOf, rfm.spendCount, rfm.monetary, groupAlive, groupPurchases, groupDiscounted, customers.probabilityAlive, customers.expectedPurchases, customers.expectedAverageValue, customers.clv);

  const rho = spendFrequencyCorrelation(rfm);
  const summary: ModelSummary = {
    unit,
    endDay: rfm.endDay,
    horizonMonths: horizon.horizonMonths,
    monthlyDiscountRate: horizon.monthlyDiscountRate,
    customerCount: n,
    customers: data.customers,
    spendCustomers: gammaGamma.customers,
    ...bgNbd.params,
    ...gammaGamma.params,
    bgNbdLogLikelihood: bgNbd.logLikelihood,
    gammaGammaLogLikelihood: gammaGamma.logLikelihood,
    bgNbdConverged: bgNbd.converged,
    gammaGammaConverged: gammaGamma.converged,
    leftOutOfSpend: rfm.leftOutOfSpend,
    rowsAfterEnd: rfm.rowsAfterEnd,
    spendFrequencyCorrelation: rho,
    notes: notes(rfm, bgNbd, gammaGamma),
    warnings: modelWarnings(rfm, bgNbd, gammaGamma, rho),
  };
  return { customers, summary, rfm, bgNbd, gammaGamma };
}

function spendFrequencyCorrelation(rfm: RfmSummary): number {
  let n = 0;
  let sx = 0;
  let sm = 0;
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  const { customerCount, spendCount, monetary } = rfm; // locals: the loop checks no object's hidden class
  for (let i = 0; i < customerCount; i++) {
    const x = spendCount[i];
    const m = monetary[i];
    if (!(x > 0 && m > 0)) continue;
    n++;
    sx += x;
    sm += m;
    sxx += x * x;
    smm += m * m;
    sxm += x * m;
  }
  const cov = sxm - (sx * sm) / n;
  const denominator = Math.sqrt((sxx - (sx * sx) / n) * (smm - (sm * sm) / n));
  return denominator > 0 ? cov / denominator : NaN;
}

function notes(rfm: RfmSummary, bgNbd: BgNbdFit, gammaGamma: GammaGammaFit): AnyMessage[] {
  const out: AnyMessage[] = [];
  if (!bgNbd.converged) out.push(bgNbd.message);
  if (!gammaGamma.converged || gammaGamma.params.q <= 1) out.push(gammaGamma.message);
  const { refunds, zeroAmounts, missingAmounts } = rfm.leftOutOfSpend;
  const leftOut = [
    refunds > 0 ? msg('model.note.refunds', { count: integer(refunds) }) : null,
    zeroAmounts > 0 ? msg('model.note.zeroAmounts', { count: integer(zeroAmounts) }) : null,
    missingAmounts > 0 ? msg('model.note.missingAmounts', { count: integer(missingAmounts) }) : null,
  ].filter((m) => m !== null);
  if (leftOut.length > 0) out.push(msg('model.note.leftOut', { items: allOf(leftOut) }));
  if (rfm.refundOnlyDays > 0) out.push(msg('model.note.refundOnlyDays', { count: integer(rfm.refundOnlyDays) }));
  if (rfm.rowsAfterEnd > 0) {
    out.push(msg('model.note.rowsAfterEnd', { count: integer(rfm.rowsAfterEnd), date: date(rfm.endDay) }));
  }
  return out;
}

// The two loops of scoreWith on arrays and numbers only: compiled code that checked the hidden class of
// a fit's parameter object would be thrown away when that class dies at a full collection
// (src/core/cohorts/hiddenClass.ts). The parameter objects they pass on are made here.

/**
 * Purchase predictions once per distinct history: E[purchases] = E[purchases while alive] × P(alive), and
 * the first factor (a hypergeometric series per month of the horizon) once per distinct (x, T).
 */
function predictGroups(
  r: number,
  alpha: number,
  a: number,
  b: number,
  horizonMonths: number,
  monthlyDiscountRate: number,
  unit: TimeUnit,
  xs: Float64Array,
  txs: Float64Array,
  Ts: Float64Array,
  tIndex: Int32Array,
  tCount: number,
  groupAlive: Float64Array,
  groupPurchases: Float64Array,
  groupDiscounted: Float64Array,
): void {
  const params = { r, alpha, a, b };
  const horizon: ClvHorizon = { horizonMonths, monthlyDiscountRate, unit };
  const whileAlive = new Map<number, { discounted: number; total: number }>();
  for (let g = 0; g < xs.length; g++) {
    const x = xs[g];
    const T = Ts[g];
    const alive = bgNbdProbabilityAlive(params, x, txs[g], T);
    const key = x * tCount + tIndex[g];
    let expected = whileAlive.get(key);
    if (expected === undefined) {
      expected = discountedExpectedPurchases((t) => bgNbdExpectedPurchasesIfAlive(params, t, x, T), horizon);
      whileAlive.set(key, expected);
    }
    groupAlive[g] = alive;
    groupPurchases[g] = expected.total * alive;
    groupDiscounted[g] = expected.discounted * alive;
  }
}

function scoreCustomerRows(
  p: number,
  q: number,
  v: number,
  groupOf: Int32Array,
  spendCount: Int32Array,
  monetary: Float64Array,
  groupAlive: Float64Array,
  groupPurchases: Float64Array,
  groupDiscounted: Float64Array,
  probabilityAlive: Float64Array,
  expectedPurchases: Float64Array,
  expectedAverageValue: Float64Array,
  clv: Float64Array,
): void {
  const params = { p, q, v };
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const value = gammaGammaExpectedValue(params, spendCount[i], monetary[i]);
    probabilityAlive[i] = groupAlive[g];
    expectedPurchases[i] = groupPurchases[g];
    expectedAverageValue[i] = value;
    clv[i] = value * groupDiscounted[g];
  }
}
